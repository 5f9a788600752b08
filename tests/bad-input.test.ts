import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, fixture } from "./helpers.js";

const good = fixture("cv/sam-lee-python.md");

/** Every bad input: exit 2, one line on stderr naming the file and the reason, no stack trace, the good file still linted. */
const cases: Array<[string, string, string, RegExp]> = [
  ["a missing file", fixture("cv/does-not-exist.pdf"), "FILE_NOT_FOUND", /does not exist/],
  ["an empty file", fixture("bad/empty.md"), "EMPTY_FILE", /is empty/],
  ["an image", fixture("bad/photo.png"), "UNSUPPORTED_FORMAT", /PNG image/],
  ["an image named .md", fixture("bad/image-as-resume.md"), "UNSUPPORTED_FORMAT", /PNG image/],
  ["a zip that is not DOCX", fixture("bad/archive.docx"), "UNSUPPORTED_FORMAT", /zip archive that is not a Word/],
  ["a truncated PDF", fixture("bad/truncated.pdf"), "PDF_CORRUPT", /damaged PDF/],
  ["a PDF with a garbage body", fixture("bad/garbage-body.pdf"), "PDF_CORRUPT", /damaged PDF/],
  ["a truncated DOCX", fixture("bad/truncated.docx"), "DOCX_CORRUPT", /not a readable Word document/],
  ["an encrypted PDF", fixture("bad/encrypted.pdf"), "PDF_ENCRYPTED", /encrypted PDF.*password/],
  ["a scanned PDF", fixture("bad/scanned.pdf"), "PDF_NO_TEXT", /no text layer.*OCR/],
  ["invalid UTF-8 text", fixture("bad/latin1.txt"), "INVALID_ENCODING", /not valid UTF-8 \(byte 0xE9 at offset 22\)/],
];

describe("bad input", () => {
  for (const [what, file, code, reason] of cases) {
    it(`${what}: exit 2, one clear line, other files still linted`, () => {
      const r = cli([file, good]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(reason);
      expect(lines[0]).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
      // The good file is still linted and reported.
      expect(r.stdout).toContain("sam-lee-python.md");
      expect(r.stdout).toContain('skills "Skills"');
    });

    it(`${what}: JSON carries error.code and stdout stays one document`, () => {
      const r = cli(["--format", "json", file, good]);
      expect(r.code).toBe(2);
      const json = JSON.parse(r.stdout);
      expect(json.results).toHaveLength(2);
      expect(json.results[0]).toMatchObject({ file, format: null, error: { code }, sections: [], skills: [], findings: [] });
      expect(json.results[1].error).toBeNull();
      expect(json.results[1].sections.map((s: { kind: string }) => s.kind)).toContain("skills");
    });
  }

  it("a directory given to `cvlint text` is refused", () => {
    const r = cli(["text", fixture("cv")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/is a directory, not a CV file \[NOT_A_FILE\]/);
  });

  it("a directory without CVs is an error; one with CVs is linted recursively", () => {
    const dir = mkdtempSync(join(tmpdir(), "cvlint-"));
    mkdirSync(join(dir, "empty"));
    mkdirSync(join(dir, "cvs", "node_modules"), { recursive: true });
    writeFileSync(join(dir, "cvs", "a.md"), "# A\n\n## Skills\n\n- Java\n");
    writeFileSync(join(dir, "cvs", "node_modules", "b.md"), "# B\n");
    writeFileSync(join(dir, "cvs", "notes.json"), "{}");
    const r = cli(["--format", "json", join(dir, "empty"), join(dir, "cvs")]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((x: { file: string }) => x.file)).toEqual([join(dir, "empty"), join(dir, "cvs", "a.md")]);
    expect(json.results[0].error.code).toBe("NO_FILES");
    expect(r.stderr).toMatch(/no CV files/);
  });

  it("a file over the size limit is refused without reading it", () => {
    const r = cli(["--max-file-size", "0.001", good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sam-lee-python\.md: is \d+ KB, over the 2 KB limit \(--max-file-size\) \[FILE_TOO_LARGE\]/);
  });

  it("a PDF with more pages than the limit is refused", () => {
    const r = cli(["--max-pages", "1", fixture("cv/jane-doe-java.word.pdf")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has 2 pages, more than the limit of 1/);
  });

  it("a bad option value is a usage error with exit 2", () => {
    const r = cli(["--format", "yaml", good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/yaml/);
  });
});
