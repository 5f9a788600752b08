import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/rules/index.js";
import { cli, root } from "./helpers.js";

describe("rule documentation", () => {
  for (const r of RULES) {
    it(`${r.name} has a docs page with its description, messages and examples`, () => {
      const p = join(root, "docs/rules", `${r.name}.md`);
      expect(existsSync(p)).toBe(true);
      const md = readFileSync(p, "utf8");
      expect(md).toContain(`# ${r.name}\n\n${r.meta.description}`);
      for (const id of Object.keys(r.meta.messages)) expect(md).toContain(`\`${id}\``);
      expect(md).toMatch(/Reported:\n\n```markdown\n\S/);
      expect(md).toMatch(/Not reported:\n\n```markdown\n\S/);
    });
  }

  it("cvlint rules lists every rule with its severity and summary", () => {
    const r = cli(["rules"]);
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.stdout).toMatch(new RegExp(`^${rule.name} +${rule.meta.severity} `, "m"));
    const json = JSON.parse(cli(["rules", "--format", "json"]).stdout);
    expect(json.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.name));
  });
});
