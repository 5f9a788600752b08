// The package as a user gets it: `npm pack`, installed into a clean folder, linting through its
// bin; and the README's GitHub Actions workflow (docs/ci/cvlint.yml), its steps run here as the
// runner would run them, with that installed cvlint.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, root } from "./helpers.js";
import { validateSarif } from "./sarif-validate.js";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
let work: string;
let tarball: string;
let packed: string[];
let binDir: string;

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 240_000, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env } });

/**
 * Pack the built package (the test run built it), then install the tarball into a clean folder
 * without the network: `npm ci --offline` with a lockfile of the versions this repository's own
 * lockfile pins for cvlint's runtime dependencies, whose tarballs `npm ci` left in the npm cache.
 * (A plain `npm install --offline <tarball>` needs the registry's package listings, which the
 * cache does not keep.)
 */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cvlint-pack-"));
  const p = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], root);
  expect(p.status, p.stderr).toBe(0);
  const info = JSON.parse(p.stdout)[0];
  tarball = join(work, info.filename);
  packed = info.files.map((f: { path: string }) => f.path);
  const proj = join(work, "proj");
  mkdirSync(proj);
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const spec = `file:../${info.filename}`;
  const packages: Record<string, unknown> = { "": { name: "cv-repo", dependencies: { cvlint: spec } } };
  packages["node_modules/cvlint"] = { version: pkg.version, resolved: spec, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines, license: pkg.license };
  for (const [k, v] of Object.entries(lock.packages as Record<string, { dev?: boolean; link?: boolean }>)) if (k.startsWith("node_modules/") && !v.dev && !v.link) packages[k] = v;
  writeFileSync(join(proj, "package.json"), JSON.stringify({ name: "cv-repo", private: true, dependencies: { cvlint: spec } }));
  writeFileSync(join(proj, "package-lock.json"), JSON.stringify({ name: "cv-repo", lockfileVersion: 3, requires: true, packages }));
  const i = run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], proj);
  expect(i.status, `npm ci --offline of the tarball failed (is the npm cache filled by npm ci?):\n${i.stderr}`).toBe(0);
  binDir = join(proj, "node_modules", ".bin");
}, 300_000);

describe("npm pack", () => {
  it("ships the built CLI, its data and schemas, and nothing of the tests or fixtures", () => {
    for (const f of ["bin/cvlint.js", "bin/load-bundle.js", "dist/cvlint.cjs", "dist/pdf.cjs", "dist/docx.cjs", "dist/index.js", "dist/index.d.ts", "schema/config.schema.json", "package.json", "README.md"]) expect(packed, f).toContain(f);
    expect(packed.filter((f) => /^(tests|fixtures|src|bench|scripts)\//.test(f))).toEqual([]);
    for (const k of ["repository", "homepage", "bugs", "keywords"]) expect(pkg[k], k).toBeTruthy();
  });

  it("installs into a clean folder and lints Markdown, PDF and DOCX CVs through its bin", () => {
    const dir = mkdtempSync(join(tmpdir(), "cvlint-user-"));
    for (const f of ["jane-doe-java.md", "jane-doe-java.pdf", "jane-doe-java.docx"]) copyFileSync(fixture(`cv/${f}`), join(dir, f));
    const version = run(join(binDir, "cvlint"), ["--version"], dir);
    expect(version.stdout.trim()).toBe(pkg.version);
    const r = run(join(binDir, "cvlint"), ["-f", "json", "."], dir);
    expect(r.stderr).toBe("");
    const results = JSON.parse(r.stdout).results;
    expect(results.map((x: { file: string; format: string }) => [x.file, x.format])).toEqual([
      ["jane-doe-java.docx", "docx"],
      ["jane-doe-java.md", "markdown"],
      ["jane-doe-java.pdf", "pdf"],
    ]);
    for (const x of results) expect(x.skills.length, x.file).toBeGreaterThan(10);
    // The library entry point resolves from the installed package too.
    const lib = run(process.execPath, ["--input-type=module", "-e", 'const { lintText } = await import("cvlint"); const r = await lintText("# A\\n\\n## Skills\\n\\nJava, Go\\n"); console.log(r.skills.map((s) => s.name).join(","));'], join(binDir, "..", ".."));
    expect(lib.stdout.trim()).toBe("Java,Go");
  });
});

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/** The workflow of the README, which must be the one in docs/ci/. */
function workflow(): Step[] {
  const file = readFileSync(join(root, "docs/ci/cvlint.yml"), "utf8");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /```yaml\n(name: cvlint\n[\s\S]*?)```/.exec(readme)?.[1];
  expect(block, "the README's workflow").toBeDefined();
  expect(file.replace(/^#.*\n/gm, "")).toBe(block!.replace(/^#.*\n/gm, ""));
  const wf = load(file) as { jobs: { lint: { steps: Step[] } } };
  return wf.jobs.lint.steps;
}

interface JobRun {
  failed: boolean;
  log: string[];
  annotations: string[];
  uploaded: string | null;
  summary: string;
  codes: Array<{ run: string; code: number }>;
}

/**
 * Run the steps as the runner does: `run` steps with `bash -e` in the checked-out repository; a
 * step without `if` runs only while every step before succeeded, `always()` runs anyway;
 * `hashFiles('f') != ''` is whether f exists. checkout and setup-node are what the folder and this
 * Node already are; upload-sarif takes the SARIF file (validated by the caller). The install step
 * must pin an exact version; it is replaced by the tarball installed above (cvlint is not on the
 * registry yet), put on PATH.
 */
function runJob(steps: Step[], repo: string): JobRun {
  const summaryFile = join(repo, "..", `summary-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(summaryFile, "");
  const job: JobRun = { failed: false, log: [], annotations: [], uploaded: null, summary: "", codes: [] };
  for (const step of steps) {
    const cond = step.if ?? "success()";
    const hashOk = !/hashFiles\('([^']+)'\) != ''/.test(cond) || existsSync(join(repo, /hashFiles\('([^']+)'\)/.exec(cond)![1]!));
    if ((job.failed && !cond.includes("always()")) || !hashOk) continue;
    if (step.uses) {
      if (step.uses.startsWith("github/codeql-action/upload-sarif")) job.uploaded = readFileSync(join(repo, String(step.with!.sarif_file)), "utf8");
      continue;
    }
    const script = step.run!;
    if (/^npm install --global\b/.test(script)) {
      expect(script, "the install step pins the released version").toMatch(new RegExp(`\\scvlint@${pkg.version.replace(/\./g, "\\.")}$`));
      continue;
    }
    const r = spawnSync("bash", ["-e", "-c", script], { cwd: repo, encoding: "utf8", env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summaryFile, NO_COLOR: "1" } });
    job.codes.push({ run: script, code: r.status ?? -1 });
    job.log.push(r.stdout, r.stderr);
    job.annotations.push(...r.stdout.split("\n").filter((l) => l.startsWith("::")));
    if (r.status !== 0) job.failed = true;
  }
  job.summary = readFileSync(summaryFile, "utf8");
  return job;
}

function repoWith(files: Record<string, string | Buffer>): string {
  const base = mkdtempSync(join(tmpdir(), "cvlint-ci-"));
  const repo = join(base, "repo");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(repo, name, ".."), { recursive: true });
    writeFileSync(join(repo, name), content);
  }
  return repo;
}

const noSkills = "# Ana Silva\n\nBackend developer.\n\n## Experience\n\n- Built Java services on PostgreSQL for 12 teams.\n";

describe("the README's CI workflow, run step by step", () => {
  it("annotates, fails the job on errors, and still uploads valid SARIF", () => {
    const repo = repoWith({ "cv/ana.md": noSkills, "cv/jane.md": readFileSync(fixture("cv/jane-doe-java.md")), "README.md": "# CVs\n\n## License\n\nMIT\n" });
    const job = runJob(workflow(), repo);
    expect(job.failed).toBe(true);
    expect(job.codes.map((c) => c.code)).toEqual([1, 0]); // annotations: errors; SARIF: written, exit 1 left to the step before
    expect(job.annotations).toContainEqual(expect.stringMatching(/^::error file=cv\/ana\.md,line=1,col=1,title=cvlint\/skills-section::No dedicated skills section/));
    expect(job.annotations.some((a) => a.includes("README"))).toBe(false);
    expect(job.uploaded).not.toBeNull();
    const sarif = JSON.parse(job.uploaded!);
    expect(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain("cv/ana.md");
    expect(validateSarif(join(repo, "cvlint.sarif"))).toEqual([]);
    expect(job.summary).toMatch(/^### cvlint: 1 error, \d+ warnings in 2 files\n\n\| file \| line \| severity \| message \| rule \|/);
  });

  it("passes a clean repository", () => {
    const repo = repoWith({ "resume.md": readFileSync(fixture("cv/jane-doe-java.md")) });
    const job = runJob(workflow(), repo);
    expect(job.failed).toBe(false);
    expect(job.uploaded).not.toBeNull();
    expect(validateSarif(join(repo, "cvlint.sarif"))).toEqual([]);
  });

  it("keeps exit 2 visible: a CV that cannot be read fails both steps, and the SARIF still goes up", () => {
    const repo = repoWith({ "resume.md": readFileSync(fixture("cv/jane-doe-java.md")), "old/resume.pdf": readFileSync(fixture("bad/truncated.pdf")) });
    const job = runJob(workflow(), repo);
    expect(job.failed).toBe(true);
    expect(job.codes.map((c) => c.code)).toEqual([2, 1]);
    expect(job.annotations).toContainEqual(expect.stringMatching(/^::error file=old\/resume\.pdf,title=cvlint\/PDF_CORRUPT::/));
    const sarif = JSON.parse(job.uploaded!);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(validateSarif(join(repo, "cvlint.sarif"))).toEqual([]);
  });

  it("says so when there are more annotations than GitHub shows, and the job summary lists them all", () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 12; i++) many[`cv/${i}.md`] = noSkills;
    const job = runJob(workflow(), repoWith(many));
    expect(job.annotations[0]).toMatch(/^::notice title=cvlint: \d+ findings::GitHub annotates at most 10 errors, 10 warnings and 10 notices per step; cvlint found 12 errors(?:, \d+ \w+)*, so some are not annotated: the job summary lists all of them\.$/);
    expect(job.summary.split("\n").filter((l) => l.includes("| skills-section |"))).toHaveLength(12);
  });
});

describe("SARIF for code scanning", () => {
  it("passes validation with files given relative, absolute and outside the working directory", () => {
    const outside = mkdtempSync(join(tmpdir(), "cvlint-sarif-"));
    copyFileSync(fixture("cv/jane-doe-java.md"), join(outside, "my cv.md"));
    const cases: Array<[string[], string]> = [
      [["fixtures/cv/jane-doe-java.md"], "fixtures/cv/jane-doe-java.md"],
      [[join(root, "fixtures/cv/jane-doe-java.md")], "fixtures/cv/jane-doe-java.md"],
      [[join(outside, "my cv.md")], `file://${outside}/my%20cv.md`],
    ];
    for (const [args, uri] of cases) {
      const file = join(outside, `out-${cases.findIndex((c) => c[0] === args)}.sarif`);
      const r = spawnSync(process.execPath, [join(root, "bin/cvlint.js"), ...args, "-f", "sarif", "-o", file], { cwd: root, encoding: "utf8" });
      expect(r.status, r.stderr).toBeLessThan(2);
      const log = JSON.parse(readFileSync(file, "utf8"));
      expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri });
      expect(validateSarif(file), args[0]).toEqual([]);
    }
  });
});

describe("pre-commit", () => {
  it("the README's snippet pins no tag that does not exist, and the hook leaves a repository's own files out", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const rev = /repo: https:\/\/github\.com\/cvlint\/cvlint\n\s+rev: (\S+)/.exec(readme)?.[1];
    expect(rev).toBeDefined();
    const tags = run("git", ["tag", "--list"], root).stdout.split("\n");
    if (/^v?\d/.test(rev!)) expect(tags, `rev ${rev} is not a tag of this repository`).toContain(rev);
    const hook = (load(readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8")) as Array<{ files: string; exclude: string; entry: string }>)[0]!;
    expect(hook.entry).toBe(Object.keys(pkg.bin)[0]);
    const picked = (f: string): boolean => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f);
    expect(["README.md", "docs/CHANGELOG.md", "LICENSE.md", "CONTRIBUTING.md", ".github/pull_request_template.md"].filter(picked)).toEqual([]);
    expect(["resume.md", "cv/ana-silva.pdf", "cv/readme-notes.docx", "licenses.md"].filter(picked)).toEqual(["resume.md", "cv/ana-silva.pdf", "cv/readme-notes.docx", "licenses.md"]);
  });
});
