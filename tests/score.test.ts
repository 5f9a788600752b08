import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { lintFile, lintText } from "../src/index.js";
import { RULES } from "../src/rules/index.js";
import { fixture } from "./helpers.js";
import { cv } from "./rules/harness.js";

describe("score", () => {
  it("is 100 for a CV without findings and lower the more the advice is missed", async () => {
    const config = resolveConfig({}, null);
    const good = await lintText(cv(), { config });
    expect(good.findings).toEqual([]);
    expect(good.score).toBe(100);
    const noSkills = await lintText(cv({ skills: null }), { config });
    const bare = await lintText("# Dana\n\n## Experience\n\n- Responsible for the build.\n- Worked on the API.\n- Helped the team.\n", { config });
    expect(noSkills.score!).toBeLessThan(100);
    expect(bare.score!).toBeLessThan(noSkills.score!);
    expect(bare.score!).toBeGreaterThanOrEqual(0);
  });

  it("ignores rules that are off", async () => {
    const off = resolveConfig({ rules: Object.fromEntries(RULES.map((r) => [r.name, "off"])) }, null);
    expect((await lintText(cv({ skills: null }), { config: off })).score).toBe(100);
  });

  it("is in every result, and ranks the fixtures sensibly", async () => {
    const tom = await lintFile(fixture("cv/tom-brown-noskills.md"));
    const jane = await lintFile(fixture("cv/jane-doe-java.md"));
    expect(tom.score!).toBeLessThan(jane.score!);
    for (const r of [tom, jane]) expect(Number.isInteger(r.score)).toBe(true);
  });

  it("gives every rule a documented weight", () => {
    for (const r of RULES) expect(r.meta.weight).toBeGreaterThanOrEqual(0);
    expect(RULES.reduce((n, r) => n + r.meta.weight, 0)).toBe(128);
  });
});

describe("finding order", () => {
  it("sorts rule names by code unit, which for rule names is their locale order", () => {
    // The engine compares rule names with < (localeCompare costs ICU's collation data at a start).
    for (const a of RULES) {
      expect(a.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      for (const b of RULES) expect(Math.sign(a.name.localeCompare(b.name)), `${a.name} / ${b.name}`).toBe(a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    }
  });

  it("lists findings by line, column, then rule name", async () => {
    const r = await lintFile(fixture("cv/olga-ivanova-sre.md"));
    const key = (f: { line: number; column: number; ruleId: string }) => [f.line, f.column, f.ruleId] as const;
    const sameSpot = r.findings.filter((f, i) => i > 0 && f.line === r.findings[i - 1]!.line && f.column === r.findings[i - 1]!.column);
    expect(sameSpot.length).toBeGreaterThan(0);
    for (let i = 1; i < r.findings.length; i++) {
      const [l0, c0, id0] = key(r.findings[i - 1]!);
      const [l1, c1, id1] = key(r.findings[i]!);
      expect(l0 < l1 || (l0 === l1 && (c0 < c1 || (c0 === c1 && id0.localeCompare(id1) <= 0)))).toBe(true);
    }
  });
});
