import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { lintText } from "../src/index.js";
import { MAX_READ_ITEMS } from "../src/match/items.js";

// Work bounded on lists no CV has (issue 24: a 2,000,000-character text within 10 s and 600 MB).

const lint = (md: string) => lintText(md, { config: resolveConfig({}, null) });
const unknownItems = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `- Zq${(i + from).toString(36)}x`).join("\n");

describe("a skills list longer than any CV's", () => {
  it(`reads its first ${MAX_READ_ITEMS} items for unknown names; later ones still name the known skills in them`, async () => {
    const md = `# Dana Example\n\n## Skills\n\n${unknownItems(MAX_READ_ITEMS + 300)}\n- Kafka\n\n## Experience\n\n- Ran Zq1x and Zq${(MAX_READ_ITEMS + 5).toString(36)}x in production\n`;
    const r = await lint(md);
    const unknown = r.skills.filter((s) => !s.known);
    // (All of the first items but a near-miss of a known name or two: "Zqbix" reads as a slip of Zabbix.)
    expect(unknown.length).toBeGreaterThan(MAX_READ_ITEMS - 5);
    expect(unknown.every((s) => parseInt(s.name.slice(2, -1), 36) < MAX_READ_ITEMS)).toBe(true);
    expect(unknown[0]!.name).toBe("Zq0x");
    // (Named in experience too: the first is found there, the unread one is no skill.)
    expect(unknown.find((s) => s.name === "Zq1x")!.sections).toEqual(["skills", "experience"]);
    expect(r.skills.some((s) => s.name === `Zq${(MAX_READ_ITEMS + 5).toString(36)}x`)).toBe(false);
    expect(r.skills.find((s) => s.id === "kafka")?.sections).toEqual(["skills"]);
  });

  it("a list of a CV's length is read whole", async () => {
    const r = await lint(`# Dana Example\n\n## Skills\n\n${unknownItems(40)}\n- Kafka\n`);
    expect(r.skills.filter((s) => !s.known)).toHaveLength(40);
  });
});
