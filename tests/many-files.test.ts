import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCode } from "../src/cli.js";
import { globMatcher } from "../src/files.js";
import type { LintResult } from "../src/types.js";
import { bin, cli } from "./helpers.js";

const GOOD = "# Dana\n\nBackend engineer · github.com/dana\n\n## Summary\n\nJava engineer building Spring Boot APIs on PostgreSQL.\n\n## Skills\n\n**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot\n\n**Databases:** PostgreSQL\n\n**Tools:** Git\n\n**Soft skills:** Communication\n\n## Experience\n\n- Built Spring Boot services in Java on PostgreSQL for 12 teams, kept in Git.\n- Cut query time by 40%.\n- Wrote the SQL migrations for 30 tables.\n";
const WARN = GOOD.replace("- Cut query time by 40%.", "- Worked on the query layer for payments.");

describe("many files", () => {
  const dir = mkdtempSync(join(tmpdir(), "cvlint-many-"));
  mkdirSync(join(dir, "cvs", "2024"), { recursive: true });
  mkdirSync(join(dir, "cvs", ".git"));
  mkdirSync(join(dir, "cvs", "node_modules"));
  writeFileSync(join(dir, "cvs", "b.md"), GOOD);
  writeFileSync(join(dir, "cvs", "a.md"), WARN);
  writeFileSync(join(dir, "cvs", "2024", "c.txt"), GOOD);
  writeFileSync(join(dir, "cvs", ".git", "x.md"), GOOD);
  writeFileSync(join(dir, "cvs", "node_modules", "y.md"), GOOD);
  writeFileSync(join(dir, "cvs", "notes.json"), "{}");

  it("expands directories recursively in a stable order, skipping dot-folders and node_modules", () => {
    const r = cli(["--format", "json", join(dir, "cvs")]);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file.slice(dir.length + 1))).toEqual(["cvs/2024/c.txt", "cvs/a.md", "cvs/b.md"]);
  });

  it("expands globs the shell left alone", async () => {
    const r = cli(["--format", "json", "cvs/**/*.{md,txt}"], { cwd: dir });
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual(["cvs/2024/c.txt", "cvs/a.md", "cvs/b.md"]);
    const glob = await globMatcher(["cv/*.md"]);
    expect([glob("cv/a.md"), glob("cv/x/a.md")]).toEqual([true, false]);
    expect((await globMatcher(["**/*.pdf"]))("a/b/c.pdf")).toBe(true);
    // As in .gitignore: a name without a slash at any depth, a folder with a trailing slash.
    const ignores = await globMatcher(["*.old.md", "drafts/"]);
    expect([ignores("cv.old.md"), ignores("a/b/cv.old.md"), ignores("drafts/x/y.md"), ignores("cv.md")]).toEqual([true, true, true, false]);
    const none = cli(["cvs/*.docx"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/cvs\/\*\.docx: matches no CV files/);
  });

  it("keeps input order for explicit files, and one bad file does not stop the others", () => {
    const r = cli(["--format", "json", join(dir, "cvs", "b.md"), join(dir, "missing.md"), join(dir, "cvs", "a.md")]);
    const res = JSON.parse(r.stdout).results;
    expect(res.map((x: { file: string }) => x.file.slice(dir.length + 1))).toEqual(["cvs/b.md", "missing.md", "cvs/a.md"]);
    expect(res[1].error.code).toBe("FILE_NOT_FOUND");
    expect(res[2].findings.length).toBeGreaterThan(0);
    expect(r.code).toBe(2);
  });

  it("exit codes: 0 clean, 0 with warnings, 1 with errors or over --max-warnings", () => {
    expect(cli([join(dir, "cvs", "b.md")]).code).toBe(0);
    expect(cli([join(dir, "cvs", "a.md")]).code).toBe(0);
    expect(cli(["--max-warnings", "0", join(dir, "cvs", "a.md")]).code).toBe(1);
    expect(cli(["--max-warnings", "5", join(dir, "cvs", "a.md")]).code).toBe(0);
    expect(cli(["--rule", "action-verbs:error", join(dir, "cvs", "a.md")]).code).toBe(1);
  });

  it("--quiet reports errors only", () => {
    const r = cli(["--quiet", "--format", "json", join(dir, "cvs", "a.md")]);
    const res = JSON.parse(r.stdout).results[0];
    expect(res.findings).toEqual([]);
    expect(res.warningCount).toBe(0);
  });

  it("exitCode is a pure function of the results", () => {
    const base = { file: "x", format: "markdown", error: null, score: 100, sections: [], skills: [], findings: [] } as unknown as LintResult;
    expect(exitCode([{ ...base, errorCount: 0, warningCount: 3 }], { maxWarnings: 2 })).toBe(1);
    expect(exitCode([{ ...base, errorCount: 0, warningCount: 3 }], {})).toBe(0);
    expect(exitCode([{ ...base, errorCount: 1, warningCount: 0 }], {})).toBe(1);
    expect(exitCode([{ ...base, error: { code: "X", message: "y" }, errorCount: 0, warningCount: 0 }], {})).toBe(2);
  });
});

describe("a large report", () => {
  // 400 CVs give a JSON report of several MB, written in pieces (src/cli.ts, writeUtf8); one CV has
  // characters of two and four UTF-8 bytes, so that a piece boundary can fall next to them.
  const dir = mkdtempSync(join(tmpdir(), "cvlint-large-"));
  for (let i = 0; i < 400; i++) writeFileSync(join(dir, `cv-${String(i).padStart(3, "0")}.md`), i === 7 ? GOOD.replace("**Tools:** Git", "**Tools:** Git, Zürichdb😀") : GOOD);
  const expected = cli(["--format", "json", dir]).stdout;

  it.skipIf(spawnSync("perl", ["-e", "1"]).status !== 0)("is the same on stdout, in --output-file, and through a full non-blocking pipe", async () => {
    expect(expected.length).toBeGreaterThan(1 << 20);
    expect(JSON.parse(expected).results).toHaveLength(400);
    expect(expected).toContain('"name":"Zürichdb😀"');
    const out = join(dir, "report.json");
    expect(cli(["--format", "json", "-o", out, dir]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(expected);
    // A pipe set non-blocking (perl, then exec: Node would make a child's stdio blocking) that this
    // test does not read for a while: cvlint's write(2) gets EAGAIN and the rest goes through a stream.
    const setNonBlocking = "my $f = fcntl(STDOUT, F_GETFL, 0); fcntl(STDOUT, F_SETFL, $f | O_NONBLOCK) or die; exec @ARGV or die";
    const p = spawn("perl", ["-MFcntl", "-e", setNonBlocking, process.execPath, bin, "--format", "json", dir], { stdio: ["ignore", "pipe", "inherit"] });
    p.stdout.pause();
    await new Promise((r) => setTimeout(r, 1500));
    const chunks: Buffer[] = [];
    p.stdout.on("data", (c: Buffer) => chunks.push(c));
    p.stdout.resume();
    await new Promise((r) => p.on("close", r));
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
  }, 60_000);

  it("names the file and the reason when --output-file cannot be written", () => {
    const r = cli(["--format", "json", "-o", dir, join(dir, "cv-000.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`cvlint: ${dir}: cannot write the report (it is a directory)`);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
