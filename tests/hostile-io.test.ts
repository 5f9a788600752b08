import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encryptedDocx, formOnlyPdf, shape } from "../bench/hostile-shapes.js";
import { bin, cli, fixture, root } from "./helpers.js";

const good = fixture("cv/sam-lee-python.md");
const dir = (): string => mkdtempSync(join(tmpdir(), "cvlint-io-"));
const fifo = (p: string): string => {
  execFileSync("mkfifo", [p]);
  return p;
};

/** One line on stderr naming the file, its code, and the good file after it still linted. */
function refusedThenGood(args: string[], file: string, code: string, why: RegExp, cwd = root): void {
  const r = spawnSync(process.execPath, [bin, "--format", "json", ...args, file, good], { cwd, encoding: "utf8", timeout: 20_000, input: "", env: { ...process.env, NO_COLOR: "1" } });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(why);
  expect(r.stderr).toContain(`[${code}]`);
  const [a, b] = JSON.parse(r.stdout).results;
  expect(a.error.code).toBe(code);
  expect(b.error).toBeNull();
}

describe("bounded, regular reads (issue 24)", () => {
  it("a FIFO or a device given as a CV is refused at once, not waited on or read for ever", () => {
    const d = dir();
    refusedThenGood([], fifo(join(d, "cv.md")), "NOT_A_FILE", /cv\.md: is a named pipe \(FIFO\), not a regular file/);
    refusedThenGood([], "/dev/zero", "NOT_A_FILE", /\/dev\/zero: is a device, not a regular file/);
  });

  it("a FIFO named .cvlintrc.json beside a CV is a config error, not a hang", () => {
    const d = dir();
    fifo(join(d, ".cvlintrc.json"));
    copyFileSync(good, join(d, "cv.md"));
    const r = spawnSync(process.execPath, [bin, join(d, "cv.md")], { encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.cvlintrc\.json: is a named pipe \(FIFO\), not a regular file/);
  });

  it("a --taxonomy FIFO is refused as a usage error", () => {
    const d = dir();
    const r = cli(["--taxonomy", fifo(join(d, "skills.json")), good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/skills\.json: is a named pipe \(FIFO\)/);
  });

  it("standard input stops at --max-file-size: `cvlint - < /dev/zero` ends at once", () => {
    const t = Date.now();
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" --max-file-size 1 - < /dev/zero`], { encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/<stdin>: is more than 1 MB, over the limit \(--max-file-size\) \[FILE_TOO_LARGE\]/);
    expect(Date.now() - t).toBeLessThan(10_000);
  });
});

describe("diagnoses (issue 24)", () => {
  it("UTF-16 without a byte-order mark is read, not called binary", () => {
    const d = dir();
    const f = join(d, "cv.md");
    writeFileSync(f, Buffer.from("# Dana\n\n## Skills\n\nJava, PostgreSQL\n", "utf16le"));
    const r = cli(["--format", "json", f]);
    const res = JSON.parse(r.stdout).results[0];
    expect(res.error).toBeNull();
    expect(res.skills.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(["Java", "PostgreSQL"]));
  });

  it("a password-protected DOCX is called that, not a legacy .doc", () => {
    const d = dir();
    const f = join(d, "cv.docx");
    writeFileSync(f, encryptedDocx());
    refusedThenGood([], f, "DOCX_ENCRYPTED", /is a password-protected Word document/);
  });

  it("a PDF whose text is only in form fields is called that, not a scan", () => {
    const d = dir();
    const f = join(d, "form.pdf");
    writeFileSync(f, formOnlyPdf());
    refusedThenGood([], f, "PDF_NO_TEXT", /text only in form fields/);
  });

  it("a symlinked CV and a symlinked folder inside a linted folder are linted; a link back up is walked once", () => {
    const d = dir();
    const elsewhere = dir();
    copyFileSync(good, join(elsewhere, "linked.md"));
    mkdirSync(join(d, "cvs"));
    copyFileSync(good, join(d, "cvs", "a.md"));
    symlinkSync(join(elsewhere, "linked.md"), join(d, "cvs", "b.md"));
    mkdirSync(join(elsewhere, "more"));
    copyFileSync(good, join(elsewhere, "more", "c.md"));
    symlinkSync(join(elsewhere, "more"), join(d, "cvs", "more"));
    symlinkSync(join(d, "cvs"), join(d, "cvs", "loop"));
    const r = cli(["--format", "json", join(d, "cvs")]);
    const files = JSON.parse(r.stdout).results.map((x: { file: string }) => x.file.slice(d.length + 1));
    expect(files).toEqual(["cvs/a.md", "cvs/b.md", "cvs/more/c.md"]);
  });
});

/** The CLI without blocking the test runner (a blocked worker misses vitest's calls on a loaded machine). */
function cliAsync(args: string[], command = process.execPath, commandArgs = [bin]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(command, [...commandArgs, ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (x) => (stdout += x));
    child.stderr.on("data", (x) => (stderr += x));
    child.on("close", (code) => res({ code, stdout, stderr }));
  });
}

describe("terminal-safe output (issue 24)", () => {
  const d = dir();
  const f = join(d, "cv.md");
  writeFileSync(f, shape("escape-sequences").make(400));
  const raw = /[\u001b\u0007\u0008\u009b]/;

  it("stylish, github, text and skills show control characters escaped, never raw", { timeout: 120_000 }, () => {
    for (const args of [[f], ["--format", "github", f], ["text", f], ["skills", "--explain", f]]) {
      const r = cli(args);
      expect(r.stdout.length, args.join(" ")).toBeGreaterThan(0);
      expect(raw.test(r.stdout), args.join(" ")).toBe(false);
    }
    expect(cli(["text", f]).stdout).toContain("\\x1B[2J");
  });

  it("compact output, a posting (cvlint posting, and a CV tailored to it) and a file name from a folder show them escaped too", { timeout: 180_000 }, async () => {
    const job = join(d, "job.md");
    writeFileSync(job, "# Backend \u001b]0;job\u0007 Engineer\n\n## Requirements\n\n- Java\u001b[2J and Kafka\n- Strong \u001b[8mPostgreSQL\u001b[0m\u009b2J skills\n");
    const folder = join(d, "cvs");
    mkdirSync(folder);
    copyFileSync(f, join(folder, "cv\u001b[2J\u0007.md"));
    for (const args of [["--format", "compact", f], ["posting", job], ["text", job], ["--job", job, f], [folder]]) {
      const r = await cliAsync(args);
      expect(r.stdout.length, args.join(" ")).toBeGreaterThan(0);
      expect(raw.test(r.stdout), `stdout of ${args.join(" ")}`).toBe(false);
      expect(raw.test(r.stderr), `stderr of ${args.join(" ")}`).toBe(false);
    }
    expect((await cliAsync(["text", job])).stdout).toContain("\\x1B]0;job\\x07");
    expect((await cliAsync([folder])).stdout).toContain("cv\\x1B[2J\\x07.md");
  });

  it("--fix-dry-run: a terminal is shown the patch escaped; a pipe gets it byte for byte (for git apply)", { timeout: 120_000 }, async () => {
    const fixable = join(d, "fix.md");
    writeFileSync(fixable, "# Dana\n\n## Skills\n\n- Postgres\u001b[8m\n- Java\n- Java\n");
    const piped = await cliAsync(["--fix-dry-run", fixable]);
    expect(piped.stdout).toContain("- Java\n");
    expect(piped.stdout).toContain("Postgres\u001b[8m");
    // `script` gives the CLI a pseudo-terminal for its standard output.
    const tty = await cliAsync(["-qec", `"${process.execPath}" "${bin}" --fix-dry-run "${fixable}"`, "/dev/null"], "script", []);
    expect(tty.stdout).toContain("- Java\r\n");
    expect(raw.test(tty.stdout)).toBe(false);
    expect(tty.stdout).toContain("Postgres\\x1B[8m");
  });

  it("JSON carries them only as JSON escapes, and still parses to the same text", () => {
    const r = cli(["text", "--format", "json", f]);
    expect(raw.test(r.stdout)).toBe(false);
    expect(r.stdout).toContain("\\u001b[2J");
    expect(r.stdout).toContain("\\u009b");
    const lines = JSON.parse(r.stdout).lines.map((l: { text: string }) => l.text).join("\n");
    expect(lines).toContain("\u001b[2J");
  });
});
