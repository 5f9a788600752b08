import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyRuleFlags, configJsonSchema, findConfigFile, loadConfigFile, preset, resolveConfig } from "../src/config.js";
import { lintFile } from "../src/index.js";
import { RULES } from "../src/rules/index.js";
import { optionsSchema } from "../src/rules/types.js";
import * as z from "../src/zod.js";
import { cli, root } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "cvlint-config-"));
const cvText = "# Dana\n\nBackend engineer · dana@example.com\n\n## Experience\n\n- Responsible for the Java build.\n";

describe("config", () => {
  it("has presets: recommended by default, strict raises warnings to errors", () => {
    const rec = preset();
    expect(rec.get("action-verbs")!.severity).toBe("warning");
    expect(rec.get("unlisted-skills")!.severity).toBe("info");
    const strict = preset("cvlint:strict");
    expect(strict.get("action-verbs")!.severity).toBe("error");
    expect(strict.get("unlisted-skills")!.severity).toBe("warning");
    expect(strict.get("skills-section")!.severity).toBe("error");
  });

  it("resolves severities and options, validated by each rule's schema", () => {
    const c = resolveConfig({ extends: "cvlint:strict", rules: { "action-verbs": "off", "quantified-achievements": ["warning", { minShare: 0.5 }] } }, null);
    expect(c.rules.get("action-verbs")!.severity).toBe("off");
    expect(c.rules.get("quantified-achievements")).toEqual({ severity: "warning", options: { minShare: 0.5, minBullets: 3 } });
  });

  it("gives each rule defaults its own schema accepts, with exactly the schema's keys", () => {
    for (const r of RULES) {
      const schema = optionsSchema(r);
      expect(schema.safeParse(r.meta.defaults).success, r.name).toBe(true);
      const keys = Object.keys((z.toJSONSchema(schema) as { properties?: object }).properties ?? {});
      expect(keys.sort(), r.name).toEqual(Object.keys(r.meta.defaults).sort());
    }
  });

  it("names the bad key in errors", () => {
    expect(() => resolveConfig({ rules: { "action-verb": "off" } }, "x.json")).toThrow(/^x\.json rules\.action-verb: unknown rule \(did you mean action-verbs\?\)$/);
    expect(() => resolveConfig({ rules: { "action-verbs": "loud" } }, "x.json")).toThrow(/^x\.json rules\.action-verbs/);
    expect(() => resolveConfig({ rules: { "quantified-achievements": ["warning", { minShare: "high" }] } }, "x.json")).toThrow(/^x\.json rules\.quantified-achievements\[1\]\.minShare: /);
    expect(() => resolveConfig({ rulez: {} }, "x.json")).toThrow(/^x\.json \(root\): Unrecognized key/);
    expect(() => resolveConfig({ extends: "eslint:recommended" }, "x.json")).toThrow(/^x\.json extends: /);
  });

  it("applies --rule flags last and refuses malformed ones", () => {
    const c = applyRuleFlags(resolveConfig({}, null), ["action-verbs:off", "portfolio-link:error"]);
    expect(c.rules.get("action-verbs")!.severity).toBe("off");
    expect(c.rules.get("portfolio-link")!.severity).toBe("error");
    expect(() => applyRuleFlags(c, ["action-verbs"])).toThrow(/--rule action-verbs: expected <rule-id>:<error\|warning\|info\|off>/);
    expect(() => applyRuleFlags(c, ["nope:off"])).toThrow(/--rule rules\.nope: unknown rule/);
  });

  it("finds the nearest .cvlintrc.json or cvlint.config.json walking up from the file", async () => {
    const top = join(dir, "repo");
    mkdirSync(join(top, "cv", "2024"), { recursive: true });
    writeFileSync(join(top, "cvlint.config.json"), JSON.stringify({ rules: { "action-verbs": "error" } }));
    writeFileSync(join(top, "cv", "2024", "resume.md"), cvText);
    expect(findConfigFile(join(top, "cv", "2024"))).toBe(join(top, "cvlint.config.json"));
    const r = await lintFile(join(top, "cv", "2024", "resume.md"));
    expect(r.findings.find((f) => f.ruleId === "action-verbs")!.severity).toBe("error");
    writeFileSync(join(top, "cv", ".cvlintrc.json"), JSON.stringify({ rules: { "action-verbs": "off" } }));
    expect(loadConfigFile(join(top, "cv", ".cvlintrc.json")).rules.get("action-verbs")!.severity).toBe("off");
  });

  it("makes a bad config exit code 2 with a clear line, and --config and --rule work from the CLI", () => {
    const cvFile = join(dir, "cv.md");
    writeFileSync(cvFile, cvText);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ rules: { "skills-sektion": "off" } }));
    const r = cli(["--config", bad, cvFile]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.json rules\.skills-sektion: unknown rule \(did you mean skills-section\?\)/);
    const ok = cli(["--format", "json", "--rule", "skills-section:off", "--rule", "action-verbs:error", cvFile]);
    const findings = JSON.parse(ok.stdout).results[0].findings;
    expect(findings.some((f: { ruleId: string }) => f.ruleId === "skills-section")).toBe(false);
    expect(findings.find((f: { ruleId: string }) => f.ruleId === "action-verbs").severity).toBe("error");
    expect(ok.code).toBe(1);
  });

  it("has a committed JSON Schema for editors that lists every rule", () => {
    const committed = JSON.parse(readFileSync(join(root, "schema/config.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
    expect(Object.keys(committed.properties.rules.properties)).toContain("quantified-achievements");
  });

  it("cvlint init writes a starter config with the schema reference, once", () => {
    const d = mkdtempSync(join(tmpdir(), "cvlint-init-"));
    const r = cli(["init"], { cwd: d });
    expect(r.code).toBe(0);
    const c = JSON.parse(readFileSync(join(d, ".cvlintrc.json"), "utf8"));
    expect(c.$schema).toBe("./node_modules/cvlint/schema/config.schema.json");
    expect(c.rules).toEqual({});
    expect(resolveConfig(c, null).rules.size).toBeGreaterThan(15);
    expect(cli(["init"], { cwd: d }).code).toBe(2);
    // No rule is pinned, so switching the preset changes severities (it changed nothing before).
    expect(resolveConfig(c, null).rules.get("action-verbs")!.severity).toBe("warning");
    expect(resolveConfig({ ...c, extends: "cvlint:strict" }, null).rules.get("action-verbs")!.severity).toBe("error");
  });
});
