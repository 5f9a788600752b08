import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { escapeData, escapeProperty } from "../src/report/github.js";
import { cli, root } from "./helpers.js";

const FORMATS = ["stylish", "json", "sarif", "github", "junit", "html"];
const FIXTURES = ["fixtures/cv/sam-lee-python.md", "fixtures/cv/tom-brown-noskills.pdf"];

describe("reporter snapshots", () => {
  for (const fx of FIXTURES) {
    for (const format of FORMATS) {
      it(`${format} on ${fx}`, async () => {
        const r = cli(["--format", format, fx]);
        // JSON and SARIF come on one line into a pipe; indented here, the snapshot reads as a diff.
        const stdout = format === "json" || format === "sarif" ? `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n` : r.stdout;
        const snap = [`$ cvlint --format ${format} ${fx}`, `exit code: ${r.code}`, "--- stderr", r.stderr, "--- stdout", stdout].join("\n");
        await expect(snap).toMatchFileSnapshot(`snapshots/${fx.replace(/[/.]/g, "_")}.${format}.txt`);
      });
    }
  }
});

describe("JSON layout", () => {
  const fx = FIXTURES[0]!;
  const inProcess = async (args: string[], stdoutIsTTY: boolean): Promise<string> => {
    let out = "";
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, stdin: async () => new Uint8Array(), stdinIsTTY: false, stdoutIsTTY };
    await main(args, io);
    return out;
  };

  it("is one line into a pipe or a file, and indented on a terminal", async () => {
    for (const format of ["json", "sarif"]) {
      const piped = cli(["--format", format, fx]).stdout;
      expect(piped.endsWith("}\n")).toBe(true);
      expect(piped.slice(0, -1)).not.toContain("\n");
      const onTerminal = await inProcess(["--format", format, fx], true);
      expect(onTerminal).toBe(`${JSON.stringify(JSON.parse(piped), null, 2)}\n`);
      // -o writes a file for a program to read, whatever stdout is.
      const file = join(mkdtempSync(join(tmpdir(), "cvlint-json-")), "report.json");
      await inProcess(["--format", format, "-o", file, fx], true);
      expect(readFileSync(file, "utf8")).toBe(piped);
    }
  });

  it("holds for the skills, text and rules subcommands", async () => {
    for (const args of [["skills", "--format", "json", fx], ["text", "--format", "json", fx], ["rules", "--format", "json"]]) {
      const piped = cli(args).stdout;
      expect(piped.slice(0, -1)).not.toContain("\n");
      expect(await inProcess(args, true)).toBe(`${JSON.stringify(JSON.parse(piped), null, 2)}\n`);
    }
  });
});

describe("sarif", () => {
  it("validates against the SARIF 2.1.0 JSON schema, with rules and help URIs", () => {
    const schema = JSON.parse(readFileSync(join(root, "tests/schemas/sarif-2.1.0.json"), "utf8"));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const r = cli(["--format", "sarif", "--job", "fixtures/jobs/acme-senior-java.md", ...FIXTURES, "fixtures/cv/alex-kim-table.docx", "fixtures/bad/encrypted.pdf"]);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain("action-verbs");
    expect(run.tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/[a-z-]+\.md$/);
    expect(run.results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    expect(run.results.some((x: { properties?: { page?: number } }) => x.properties?.page === 1)).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/encrypted/);
    expect(["note", "warning", "error"]).toContain(run.results[0].level);
  });
});

describe("github", () => {
  it("escapes workflow command data and properties", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a,b:c%")).toBe("a%2Cb%3Ac%25");
    const r = cli(["--format", "github", "fixtures/cv/sam-lee-python.md"]);
    for (const line of r.stdout.trim().split("\n")) expect(line).toMatch(/^::(error|warning|notice) file=fixtures\/cv\/sam-lee-python\.md,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=cvlint\/[a-z-]+::\S/);
  });
});

describe("junit", () => {
  it("has a test case per file and rule, failures for errors and warnings", () => {
    const r = cli(["--format", "junit", "fixtures/cv/tom-brown-noskills.md", "fixtures/bad/encrypted.pdf"]);
    expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="cvlint" tests="20" failures="5" errors="1">/);
    expect(r.stdout).toMatch(/<testcase classname="fixtures\/cv\/tom-brown-noskills\.md" name="skills-section"><failure type="error"/);
    expect(r.stdout).toMatch(/<testcase classname="fixtures\/bad\/encrypted\.pdf" name="read"><error type="PDF_ENCRYPTED"/);
  });
});

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

describe("html", () => {
  it("is one self-contained file: no network, no external assets", () => {
    const r = cli(["--format", "html", "--job", "fixtures/jobs/shopwise-python-prose.txt", "fixtures/cv/sam-lee-python.md"]);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).not.toMatch(/<script|<link |src="http|url\(http|@import/);
    expect(r.stdout).toContain("Match 77%");
  });

  it.skipIf(!chromium)("renders the findings beside the CV text in headless Chromium", () => {
    const dir = mkdtempSync(join(tmpdir(), "cvlint-html-"));
    const file = join(dir, "report.html");
    const lint = cli(["--format", "html", "-o", file, "fixtures/cv/sam-lee-python.md"]);
    const findings = JSON.parse(cli(["--format", "json", "fixtures/cv/sam-lee-python.md"]).stdout).results[0].findings;
    expect(lint.code).toBe(0);
    const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${join(dir, "profile")}`];
    const dom = spawnSync(chromium!, [...flags, "--dump-dom", `file://${file}`], { encoding: "utf8", timeout: 60_000 });
    expect(dom.status).toBe(0);
    const rendered = dom.stdout.match(/class="finding (?:error|warning|info)"/g) ?? [];
    expect(rendered).toHaveLength(findings.length);
    expect(dom.stdout).toMatch(/<div class="line hit" data-line="20">/);
    const shot = spawnSync(chromium!, [...flags, "--window-size=1200,1600", `--screenshot=${join(dir, "shot.png")}`, `file://${file}`], { timeout: 60_000 });
    expect(shot.status).toBe(0);
    expect(readFileSync(join(dir, "shot.png")).length).toBeGreaterThan(20_000);
  });
});
