import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../src/fix.js";
import { cli, fixture } from "./helpers.js";

const CV = [
  "# Dana Miller",
  "",
  "Backend engineer · github.com/danam",
  "",
  "## Summary",
  "",
  "Java and Postgres engineer.",
  "",
  "## Skills",
  "",
  "**Languages:** Javascript, Java, Golang, Go",
  "",
  "**Databases:** Postgres, mongo db, PostgreSQL",
  "",
  "- Docker",
  "- Docker",
  "",
  "## Experience",
  "",
  "- Built Java services on Postgres for 3 teams.",
  "",
];

function tmpFile(name: string, content: string | Buffer): string {
  const d = mkdtempSync(join(tmpdir(), "cvlint-fix-"));
  const p = join(d, name);
  writeFileSync(p, content);
  return p;
}

describe("--fix", () => {
  it("fixes spellings and duplicates of skills-list items only (never a sentence), and a second run changes nothing", () => {
    const file = tmpFile("cv.md", CV.join("\n"));
    const r = cli(["--fix", file]);
    expect(r.stderr).toBe("");
    const fixed = readFileSync(file, "utf8").split("\n");
    expect(fixed).toEqual([
      "# Dana Miller",
      "",
      "Backend engineer · github.com/danam",
      "",
      "## Summary",
      "",
      "Java and Postgres engineer.",
      "",
      "## Skills",
      "",
      "**Languages:** JavaScript, Java, Golang",
      "",
      "**Databases:** Postgres, MongoDB",
      "",
      "- Docker",
      "",
      "## Experience",
      "",
      "- Built Java services on Postgres for 3 teams.",
      "",
    ]);
    const once = readFileSync(file);
    const again = cli(["--fix", file]);
    expect(again.stdout).not.toMatch(/duplicate-skills|fixable/);
    expect(JSON.parse(cli(["-f", "json", file]).stdout).results[0].findings.filter((f: { fix?: unknown }) => f.fix)).toEqual([]);
    expect(readFileSync(file).equals(once)).toBe(true);
    expect(readdirSync(join(file, ".."))).toEqual(["cv.md"]); // no temporary file left behind
  });

  it("keeps CRLF line endings, the BOM and the file mode", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const file = tmpFile("cv.md", Buffer.concat([bom, Buffer.from(CV.join("\r\n"))]));
    chmodSync(file, 0o640);
    cli(["--fix", file]);
    const out = readFileSync(file);
    expect(out.subarray(0, 3).equals(bom)).toBe(true);
    const text = out.subarray(3).toString("utf8");
    expect(text.split("\r\n")).toHaveLength(CV.length - 1); // one duplicate line removed
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(text).toContain("**Languages:** JavaScript, Java, Golang\r\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("leaves every byte outside the fixed spans identical", () => {
    const src = CV.join("\n");
    const fixes = [{ line: 7, column: 10, endLine: 7, endColumn: 18, text: "PostgreSQL" }];
    const { output, applied } = applyFixes(src, fixes);
    expect(applied).toBe(1);
    const at = src.indexOf("Postgres engineer");
    expect(output.slice(0, at)).toBe(src.slice(0, at));
    expect(output.slice(at + "PostgreSQL".length)).toBe(src.slice(at + "Postgres".length));
  });

  it("applies the first of overlapping fixes and leaves the rest for the next run", () => {
    const { output, applied } = applyFixes("abcdef", [
      { line: 1, column: 2, endLine: 1, endColumn: 5, text: "X" },
      { line: 1, column: 3, endLine: 1, endColumn: 4, text: "Y" },
    ]);
    expect([output, applied]).toEqual(["aXef", 1]);
  });

  it("--fix-dry-run prints the diff and writes nothing", () => {
    const file = tmpFile("cv.md", CV.join("\n"));
    const before = readFileSync(file);
    const r = cli(["--fix-dry-run", file]);
    expect(r.stdout).toContain("-**Languages:** Javascript, Java, Golang, Go\n+**Languages:** JavaScript, Java, Golang\n");
    expect(r.stdout).toContain("-- Docker\n");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("--fix-dry-run prints a unified diff that git apply accepts, with CRLF line endings too, and that equals --fix", () => {
    for (const eol of ["\n", "\r\n"]) {
      const dir = mkdtempSync(join(tmpdir(), "cvlint-patch-"));
      expect(spawnSync("git", ["init", "-q"], { cwd: dir }).status).toBe(0);
      writeFileSync(join(dir, "cv.md"), CV.join(eol));
      writeFileSync(join(dir, "fixed.md"), CV.join(eol));
      const patch = cli(["--fix-dry-run", "cv.md"], { cwd: dir }).stdout;
      expect(patch).toMatch(/^--- a\/cv\.md\n\+\+\+ b\/cv\.md\n@@ -\d+,\d+ \+\d+,\d+ @@/);
      writeFileSync(join(dir, "cv.patch"), patch);
      const applied = spawnSync("git", ["apply", "--whitespace=nowarn", "cv.patch"], { cwd: dir, encoding: "utf8" });
      expect(applied.stderr).toBe("");
      expect(applied.status).toBe(0);
      cli(["--fix", "fixed.md"], { cwd: dir });
      expect(readFileSync(join(dir, "cv.md")).equals(readFileSync(join(dir, "fixed.md")))).toBe(true);
      expect(cli(["--fix-dry-run", "fixed.md"], { cwd: dir }).stdout).toBe("");
    }
  });

  it("refuses PDF and DOCX with a clear message and leaves them untouched", () => {
    const d = mkdtempSync(join(tmpdir(), "cvlint-fix-"));
    const pdf = join(d, "cv.pdf");
    copyFileSync(fixture("cv/alex-kim-table.pdf"), pdf);
    const before = readFileSync(pdf);
    const docx = join(d, "cv.docx");
    copyFileSync(fixture("cv/maria-garcia-go.docx"), docx);
    const r = cli(["--fix", pdf, docx]);
    expect(r.stderr).toMatch(/cv\.docx: --fix only rewrites Markdown and text files; fix this DOCX in the document it was made from/);
    expect(readFileSync(pdf).equals(before)).toBe(true);
  });
});

describe("--fix safety", () => {
  it("on every Markdown and text fixture, twice: only the reported spans change, the second run changes nothing", async () => {
    const { readdirSync } = await import("node:fs");
    const d = mkdtempSync(join(tmpdir(), "cvlint-fixall-"));
    const files = readdirSync(fixture("cv")).filter((f) => /\.(md|txt)$/.test(f));
    for (const f of files) copyFileSync(fixture(`cv/${f}`), join(d, f));
    const before = new Map(files.map((f) => [f, readFileSync(join(d, f), "utf8")]));
    const report = JSON.parse(cli(["--format", "json", d]).stdout);
    cli(["--fix", d]);
    for (const r of report.results) {
      const f = r.file.slice(d.length + 1);
      const fixes = r.findings.flatMap((x: { fix?: object }) => (x.fix ? [x.fix] : []));
      expect(readFileSync(join(d, f), "utf8"), f).toBe(applyFixes(before.get(f)!, fixes).output);
    }
    const once = new Map(files.map((f) => [f, readFileSync(join(d, f))]));
    cli(["--fix", d]);
    for (const f of files) expect(readFileSync(join(d, f)).equals(once.get(f)!), f).toBe(true);
  });

  it("follows a symlink inside the working directory and refuses one that leads outside", async () => {
    const { symlinkSync } = await import("node:fs");
    const outside = tmpFile("real.md", CV.join("\n"));
    const work = mkdtempSync(join(tmpdir(), "cvlint-link-"));
    symlinkSync(outside, join(work, "link.md"));
    const r = cli(["--fix", "link.md"], { cwd: work });
    expect(r.stderr).toMatch(/link\.md: is reached through a symbolic link that leads outside the working directory; nothing was written \[FIX_REFUSED\]/);
    expect(readFileSync(outside, "utf8")).toBe(CV.join("\n"));
    writeFileSync(join(work, "inside.md"), CV.join("\n"));
    symlinkSync(join(work, "inside.md"), join(work, "inside-link.md"));
    cli(["--fix", "inside-link.md"], { cwd: work });
    expect(readFileSync(join(work, "inside.md"), "utf8")).toContain("**Languages:** JavaScript, Java, Golang");
  });
});
