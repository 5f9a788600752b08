import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { threadsFor } from "../src/pool.js";
import { cli, fixture } from "./helpers.js";

describe("worker threads for large runs", () => {
  const mds = Array.from({ length: 200 }, (_, i) => `cv-${i}.md`);
  const pdfs = Array.from({ length: 10 }, (_, i) => `cv-${i}.pdf`);

  it("are used by auto only with four or more cores and enough work, and never for one file", () => {
    expect(threadsFor(pdfs, "auto", 2)).toBe(0);
    expect(threadsFor(pdfs, "auto", 8)).toBeGreaterThan(0);
    expect(threadsFor(pdfs.slice(0, 2), "auto", 8)).toBe(0);
    expect(threadsFor(mds.slice(0, 20), "auto", 8)).toBe(0);
    expect(threadsFor(mds, "auto", 16)).toBeLessThanOrEqual(4);
    expect(threadsFor(pdfs, "off", 8)).toBe(0);
    expect(threadsFor(pdfs, 3, 1)).toBe(3);
    expect(threadsFor(["one.pdf"], 3, 8)).toBe(0);
  });

  it("give the same report as one thread, in input order, on Markdown, PDF, DOCX, text and an unreadable file", () => {
    const dir = mkdtempSync(join(tmpdir(), "cvlint-pool-"));
    mkdirSync(join(dir, "cvs"));
    const files = ["cv/jane-doe-java.md", "cv/jane-doe-java.word.pdf", "cv/jane-doe-java.docx", "layouts/two-column.pdf", "cv/sam-lee-python.md", "layouts/word-nostyles.docx", "cv/sam-lee-python.txt"];
    files.forEach((f, i) => copyFileSync(fixture(f), join(dir, "cvs", `${String(i).padStart(2, "0")}-${f.split("/").pop()}`)));
    writeFileSync(join(dir, "cvs", "03-broken.pdf"), "%PDF-1.7\nnot really a PDF");
    const one = cli(["--concurrency", "off", "--format", "json", join(dir, "cvs")]);
    const two = cli(["--concurrency", "2", "--format", "json", join(dir, "cvs")]);
    expect(two.code).toBe(one.code);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const results = JSON.parse(two.stdout).results as Array<{ file: string; error: unknown; findings: unknown[] }>;
    expect(results).toHaveLength(8);
    expect(results.filter((r) => r.error)).toHaveLength(1);
    expect(results.map((r) => r.file)).toEqual([...results.map((r) => r.file)].sort());
    // The stylish report still shows a PDF's page count, which stays on the worker with the document.
    const stylish = cli(["--concurrency", "2", join(dir, "cvs")]);
    expect(stylish.stdout).toBe(cli(["--concurrency", "off", join(dir, "cvs")]).stdout);
    expect(stylish.stdout).toMatch(/pdf, \d pages? · sections/);
  });
});
