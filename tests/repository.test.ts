// A resume repository as cvlint meets it in CI or a pre-commit hook: folders with a README,
// ignores, long runs read by people and by programs, a closed pipe, a bad config.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, cli, fixture } from "./helpers.js";

let repo: string;

/** A resume repository: two CVs, a draft, the repository's own files, a workflow folder. */
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "cvlint-repo-"));
  for (const d of ["drafts", ".github/workflows", "cv"]) mkdirSync(join(repo, d), { recursive: true });
  copyFileSync(fixture("cv/jane-doe-java.md"), join(repo, "cv/jane.md"));
  copyFileSync(fixture("cv/sam-lee-python.md"), join(repo, "cv/sam.md"));
  copyFileSync(fixture("cv/jane-doe-java.md"), join(repo, "drafts/jane-2019.md"));
  writeFileSync(join(repo, "README.md"), "# My CVs\n\nThe PDF is built by CI.\n\n## License\n\nCC BY 4.0\n");
  writeFileSync(join(repo, "CHANGELOG.md"), "# Changes\n\n- 2024: new job\n");
  writeFileSync(join(repo, "LICENSE"), "MIT\n");
  writeFileSync(join(repo, ".github/workflows/notes.md"), "# Notes\n");
});

const files = (stdout: string): string[] => [...new Set(stdout.split("\n").filter(Boolean).map((l) => l.split(":")[0]!))].sort();

describe("ignores", () => {
  it("a folder run skips README, CHANGELOG, LICENSE and .github, and says so once on stderr", () => {
    const r = cli(["-f", "compact", "."], { cwd: repo });
    expect(files(r.stdout)).toEqual(["cv/jane.md", "cv/sam.md", "drafts/jane-2019.md"]);
    expect(r.stderr.match(/skipped/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/skipped CHANGELOG\.md, README\.md: a repository's own files, not CVs/);
    // Named on the command line, a README is linted (and its License heading is not certifications).
    const readme = JSON.parse(cli(["-f", "json", "README.md"], { cwd: repo }).stdout).results[0];
    expect(readme.sections.map((s: { kind: string }) => s.kind)).toEqual(["header", "other"]);
  });

  it("--ignore-pattern and the config's ignores leave files out, relative to the cwd and to the config", () => {
    expect(files(cli(["-f", "compact", ".", "--ignore-pattern", "drafts/"], { cwd: repo }).stdout)).toEqual(["cv/jane.md", "cv/sam.md"]);
    expect(files(cli(["-f", "compact", "cv", "--ignore-pattern", "sam.md"], { cwd: repo }).stdout)).toEqual(["cv/jane.md"]);
    const sub = mkdtempSync(join(tmpdir(), "cvlint-ign-"));
    mkdirSync(join(sub, "old"));
    copyFileSync(fixture("cv/jane-doe-java.md"), join(sub, "cv.md"));
    copyFileSync(fixture("cv/jane-doe-java.md"), join(sub, "old/cv.md"));
    writeFileSync(join(sub, ".cvlintrc.json"), JSON.stringify({ ignores: ["old/**", "*.draft.md"] }));
    copyFileSync(fixture("cv/jane-doe-java.md"), join(sub, "x.draft.md"));
    // Run from elsewhere: the patterns are relative to the config file; explicit files are ignored too (pre-commit passes them).
    const r = cli(["-f", "json", join(sub), join(sub, "x.draft.md")]);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file.slice(sub.length + 1))).toEqual(["cv.md"]);
    expect(r.stderr).toMatch(/ignored .*old\/cv\.md.* and .*x\.draft\.md|ignored .*x\.draft\.md/);
  });
});

describe("folder output", () => {
  it("--quiet prints errors and one summary line, nothing for files without errors", () => {
    const r = cli(["--quiet", "."], { cwd: repo });
    expect(r.stdout).not.toMatch(/no problems found| warning |skills by category/);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✔ 0 errors in 3 files \(\d+ warnings and info not shown: --quiet\)$/);
    const bad = mkdtempSync(join(tmpdir(), "cvlint-q-"));
    copyFileSync(fixture("cv/jane-doe-java.md"), join(bad, "a.md"));
    writeFileSync(join(bad, "b.md"), "# Ana\n\n## Experience\n\n- Built Java services.\n");
    const q = cli(["--quiet", bad]);
    expect(q.code).toBe(1);
    expect(q.stdout).not.toContain("a.md");
    expect(q.stdout).toMatch(/b\.md\n {2}1:1 +error +No dedicated skills section/);
    expect(q.stdout.trim().split("\n").at(-1)).toMatch(/^✖ 1 error in 2 files \(\d+ warnings and info not shown: --quiet\)$/);
  });

  it("compact: file:line:col: severity message [rule], one line each", () => {
    const r = cli(["-f", "compact", "cv/jane.md"], { cwd: repo });
    const lines = r.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^cv\/jane\.md:\d+:\d+: (error|warning|info) .+ \[[a-z-]+\]$/);
    expect(cli(["-f", "compact", "missing.md"], { cwd: repo }).stdout).toBe("missing.md:1:1: error does not exist [FILE_NOT_FOUND]\n");
  });

  it("the skills histogram shows for one file, and for several only with --histogram", () => {
    expect(cli(["cv/jane.md"], { cwd: repo }).stdout).toContain("skills by category");
    expect(cli(["cv"], { cwd: repo }).stdout).not.toContain("skills by category");
    expect(cli(["cv", "--histogram"], { cwd: repo }).stdout.match(/skills by category/g)).toHaveLength(2);
  });

  it("--max-warnings says why the run failed", () => {
    const r = cli(["cv/jane.md", "--max-warnings", "0"], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cvlint: \d+ warnings?, more than --max-warnings 0: exit code 1\n$/);
    expect(cli(["cv/jane.md", "--max-warnings", "999"], { cwd: repo }).stderr).toBe("");
  });

  it("a bad config is one error, once, before any file (exit 2)", () => {
    const d = mkdtempSync(join(tmpdir(), "cvlint-badcfg-"));
    for (const n of ["a", "b", "c"]) copyFileSync(fixture("cv/jane-doe-java.md"), join(d, `${n}.md`));
    writeFileSync(join(d, ".cvlintrc.json"), JSON.stringify({ rules: { "action-verb": "off" } }));
    const r = cli([d]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/\.cvlintrc\.json rules\.action-verb: unknown rule \(did you mean action-verbs\?\) \[CONFIG_INVALID\]$/)]);
  });

  it("a closed stdout (| head -1) ends quietly with the exit code the run would have had", () => {
    for (const [args, code] of [[["."], 0], [["-f", "json", "."], 0], [[fixture("cv"), "--max-warnings", "0"], 1]] as const) {
      const r = spawnSync("bash", ["-c", `node "${bin}" ${args.map((a) => `'${a}'`).join(" ")} | head -c 20 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect(r.stderr).not.toMatch(/EPIPE|internal error/);
      expect(r.stderr).toMatch(new RegExp(`exit=${code}\\n$`));
    }
  });
});

describe("smaller ones", () => {
  it("a misspelt rule in a disable comment is reported where it is", () => {
    const md = "<!-- cvlint-disable action-verb -->\n# Ana\n\n## Skills\n\n**Languages:** Java, SQL\n";
    const r = JSON.parse(cli(["-f", "json", "-"], { input: md }).stdout).results[0];
    const f = r.findings.find((x: { ruleId: string }) => x.ruleId === "cvlint-disable");
    expect([f.line, f.messageId, f.data.name, f.data.hint]).toEqual([1, "unknownRule", "action-verb", "action-verbs"]);
    expect(f.message).toMatch(/did you mean action-verbs/);
    expect(cli(["-f", "junit", "-"], { input: md }).stdout).toMatch(/<testcase classname="&lt;stdin&gt;" name="cvlint-disable"><failure type="warning"/);
    expect(cli(["-f", "html", "-"], { input: md }).stdout).toMatch(/data-rule="cvlint-disable">[^<]*<a href="https:\/\/github\.com\/cvlint\/cvlint#configuration"/);
  });

  it("fixable counts only what --fix can fix: not PDF, DOCX or stdin", () => {
    const md = readFileSync(fixture("cv/jane-doe-java.md"), "utf8").replace("PostgreSQL", "Postgres");
    expect(cli(["-"], { input: md }).stdout).not.toMatch(/fixable/);
    for (const f of ["cv/jane-doe-java.pdf", "cv/jane-doe-java.docx"]) {
      const r = JSON.parse(cli(["-f", "json", fixture(f)]).stdout).results[0];
      expect(r.findings.filter((x: { fixable: boolean }) => x.fixable), f).toEqual([]);
    }
    const json = JSON.parse(cli(["-f", "json", fixture("cv/sam-lee-python.md")]).stdout).results[0];
    expect(cli([fixture("cv/sam-lee-python.md")]).stdout.includes("fixable with --fix")).toBe(json.findings.some((x: { fixable: boolean }) => x.fixable));
  });

  it("--fix on a JSON Resume names it as such", () => {
    const d = mkdtempSync(join(tmpdir(), "cvlint-jr-"));
    const file = join(d, "resume.json");
    writeFileSync(file, JSON.stringify({ basics: { name: "Ana" }, skills: [{ name: "Databases", keywords: ["Postgres", "PostgreSQL"] }] }));
    const r = cli(["--fix", file]);
    expect(r.stderr).toMatch(/resume\.json: --fix only rewrites Markdown and text files; fix this JSON Resume by hand/);
    expect(r.stderr).not.toMatch(/DOCX/);
  });

  it("skills and text accept only stylish and json", () => {
    for (const cmd of ["skills", "text"]) {
      const r = cli([cmd, "-f", "sarif", fixture("cv/jane-doe-java.md")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/argument 'sarif' is invalid\. Allowed choices are stylish, json/);
    }
  });

  it("a misspelt command is named as one, not as a missing file", () => {
    const r = cli(["rule"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("cvlint: 'rule' is neither a file nor a command; did you mean 'cvlint rules'? (see cvlint --help)\n");
    expect(cli(["resume"], { cwd: repo }).stderr).toMatch(/resume: does not exist \[FILE_NOT_FOUND\]/);
  });
});

