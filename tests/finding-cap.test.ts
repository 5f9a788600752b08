import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { lintText } from "../src/index.js";
import { MAX_PLACES_PER_RULE } from "../src/rules/engine.js";
import type { Finding } from "../src/types.js";

const cv = (skills: string) => `# Dana Example\n\nBackend developer.\n\n## Skills\n\n${skills}\n\n## Experience\n\n- Built services in Java\n`;
const places = (fs: Finding[]) => fs.reduce((n, f) => n + 1 + (f.also?.length ?? 0), 0);

async function lint(md: string) {
  return lintText(md, { config: resolveConfig({}, null) });
}

describe("findings per rule and file are capped (issue 24): a hostile CV gets a readable report", () => {
  it("a skills line repeating four names 300 times: 100 places, then one finding that counts the rest", async () => {
    const r = await lint(cv("Java, Python, Go, PostgreSQL, ".repeat(300)));
    const dup = r.findings.filter((f) => f.ruleId === "duplicate-skills");
    const more = dup.filter((f) => f.messageId === "moreFindings");
    expect(more).toHaveLength(1);
    const shown = dup.filter((f) => f.messageId !== "moreFindings");
    expect(places(shown)).toBe(MAX_PLACES_PER_RULE);
    // Every item after the first four repeats one of them: 1,196 places in all.
    expect(more[0]!.data.count).toBe(4 * 300 - 4 - MAX_PLACES_PER_RULE);
    expect(more[0]!.message).toMatch(/^1096 more places where duplicate-skills applies/);
    // The cap's finding sits at the first place left out: after every place shown.
    const last = shown.flatMap((f) => [f, ...(f.also ?? [])]).reduce((a, b) => (b.line > a.line || (b.line === a.line && b.column > a.column) ? b : a));
    expect(more[0]!.line > last.line || (more[0]!.line === last.line && more[0]!.column > last.column)).toBe(true);
  });

  it("the cap changes neither the score nor which severities are reported", async () => {
    const few = await lint(cv("Java, Python, Go, PostgreSQL, ".repeat(30)));
    const many = await lint(cv("Java, Python, Go, PostgreSQL, ".repeat(300)));
    expect(many.score).toBe(few.score);
    expect(new Set(many.findings.map((f) => `${f.ruleId}:${f.severity}`))).toEqual(new Set(few.findings.map((f) => `${f.ruleId}:${f.severity}`)));
  });

  it("a real CV's findings are not touched: under the cap, no count finding", async () => {
    const r = await lint(cv("Java, Python, Go, PostgreSQL, Java"));
    expect(r.findings.some((f) => f.messageId === "moreFindings")).toBe(false);
  });

  it("a list repeated thousands of times in another block is one finding with a short message", async () => {
    const r = await lint(cv(`Java, Python, Go, PostgreSQL\n\n${"Java, Python, Go, PostgreSQL, ".repeat(2000)}`));
    const many = r.findings.filter((f) => f.messageId === "duplicateMany");
    expect(many).toHaveLength(1);
    expect(many[0]!.message).toBe("'Java', 'Python', 'Go' and 'PostgreSQL' repeat skills already listed at line 7; list each once.");
  });
});
