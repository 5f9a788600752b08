import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, root } from "./helpers.js";

/** The first ```js block of a README section, as written. */
function example(markdown: string, heading: string): string {
  const at = markdown.indexOf(`## ${heading}\n`);
  expect(at, `README has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const block = /```js\n([\s\S]*?)```/.exec(markdown.slice(at));
  expect(block, `"${heading}" has a js example`).not.toBeNull();
  return block![1]!;
}

describe("the README's library example", () => {
  // Inside the package, so that `import … from "cvlint"` resolves to this package (self-reference).
  const dir = join(root, "tmp", `readme-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs as written: lint a CV, read a posting, tailor the CV to it", () => {
    const code = example(readFileSync(join(root, "README.md"), "utf8"), "Library API");
    expect(code).toContain("readPosting(");
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixture("cv/jane-doe-java.pdf"), join(dir, "resume.pdf"));
    copyFileSync(fixture("jobs/acme-senior-java.md"), join(dir, "posting.md"));
    writeFileSync(join(dir, "example.mjs"), code);
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: dir, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    // The posting's requirements, by level and with their reason…
    expect(lines).toContain('required Spring Boot section "Requirements"');
    expect(lines).toContain('preferred Terraform section "Nice to have"');
    expect(lines.some((l) => /^stack REST /.test(l))).toBe(true);
    // …and the tailored CV's match rate and what it lacks.
    expect(run.stdout).toMatch(/\n\d+ \[/);
  });

  it("docs/job.md's example runs as written too", () => {
    const code = example(readFileSync(join(root, "docs/job.md"), "utf8"), "From code");
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixture("cv/jane-doe-java.pdf"), join(dir, "resume.pdf"));
    copyFileSync(fixture("jobs/acme-senior-java.md"), join(dir, "posting.md"));
    writeFileSync(join(dir, "job-example.mjs"), code);
    const run = spawnSync(process.execPath, ["job-example.mjs"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+ /);
  });
});
