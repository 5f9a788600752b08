import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { lintText } from "../src/index.js";
import { fixToEnd } from "../src/fix.js";
import { formatResults } from "../src/report/index.js";
import { byImportance, wrapWords } from "../src/report/stylish.js";
import { cli } from "./helpers.js";

/** A CV that writes one skill wrongly in four places, and opens three bullets with the same weak phrase. */
const CV = [
  "# Ann Lee",
  "",
  "Backend engineer · github.com/annlee",
  "",
  "## Summary",
  "",
  "Backend engineer building Javascript and Java services on PostgreSQL.",
  "",
  "## Skills",
  "",
  "**Languages:** Javascript, Java, SQL",
  "",
  "**Databases:** PostgreSQL",
  "",
  "**Soft skills:** Communication",
  "",
  "## Experience",
  "",
  "- Worked on a Javascript SDK used by 40 teams.",
  "- Worked on the Javascript build, cutting it from 9 to 2 minutes.",
  "- Worked on Java services on PostgreSQL for 3 products.",
  "- Cut PostgreSQL query time by 60% with Java batch jobs.",
  "",
].join("\n");

async function findings(md = CV) {
  return (await lintText(md, { config: resolveConfig({}, null) })).findings;
}

describe("one finding per edit", () => {
  it("groups the same misspelling and the same opener, listing the other places in order", async () => {
    const f = await findings();
    const spelling = f.filter((x) => x.ruleId === "skill-spelling");
    expect(spelling.map((x) => [x.line, x.also?.map((p) => p.line)])).toEqual([[7, [11, 19, 20]]]);
    const verbs = f.filter((x) => x.ruleId === "action-verbs");
    expect(verbs.map((x) => [x.line, x.data.opener, x.also?.map((p) => p.line)])).toEqual([[19, "Worked on", [20, 21]]]);
  });

  it("--fix applies the edit of every place, not only the first", async () => {
    const source = "a Mysql b Mysql c\n";
    const edit = (column: number) => ({ line: 1, column, endLine: 1, endColumn: column + 5, text: "MySQL" });
    const grouped = { ruleId: "skill-spelling", messageId: "variant", data: {}, message: "", severity: "warning" as const, fixable: true, line: 1, column: 3, fix: edit(3), also: [{ line: 1, column: 11, fix: edit(11) }] };
    const first = { file: "cv.md", format: "markdown" as const, error: null, score: 0, sections: [], skills: [], findings: [grouped], errorCount: 0, warningCount: 1 };
    const { text } = await fixToEnd(source, first, async () => ({ ...first, findings: [] }));
    expect(text).toBe("a MySQL b MySQL c\n");
  });

  it("writes the other places as JSON `also` and SARIF relatedLocations", async () => {
    const result = await lintText(CV, { config: resolveConfig({}, null) });
    const json = JSON.parse(await formatResults([result], "json"));
    const spelling = json.results[0].findings.find((x: { ruleId: string }) => x.ruleId === "skill-spelling");
    expect(spelling.also.map((p: { line: number; column: number }) => [p.line, p.column])).toEqual([
      [11, 16],
      [19, 15],
      [20, 17],
    ]);
    const sarif = JSON.parse(await formatResults([result], "sarif"));
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "skill-spelling");
    expect(res.relatedLocations.map((l: { id: number; physicalLocation: { region: { startLine: number } } }) => [l.id, l.physicalLocation.region.startLine])).toEqual([
      [1, 11],
      [2, 19],
      [3, 20],
    ]);
  });

  it("says where else in stylish and github output", async () => {
    const result = await lintText(CV, { config: resolveConfig({}, null) });
    expect(await formatResults([result], "stylish")).toContain("'Javascript' is usually written 'JavaScript'. (also at 11:16, 19:15, 20:17)  skill-spelling");
    expect(await formatResults([result], "github")).toContain("::warning file=<text>,line=7,col=27,endLine=7,endColumn=37,title=cvlint/skill-spelling::'Javascript' is usually written 'JavaScript'. (also at 11:16, 19:15, 20:17)");
  });
});

describe("stylish", () => {
  it("shows what matters most first: errors, then warnings by the rule's weight, then info", async () => {
    const f = await findings("# Ann Lee\n\n## Experience\n\n- Worked on a Javascript SDK used by 40 teams.\n- Built Kafka consumers.\n- Built a Redis cache for 2 services.\n");
    const order = [...f].sort(byImportance).map((x) => `${x.severity}:${x.ruleId}`);
    expect(order[0]).toBe("error:skills-section");
    const sev = order.map((x) => x.split(":")[0]);
    expect(sev).toEqual([...sev].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)));
    // quantified-achievements (weight 10) before profile-summary (8), both warnings.
    expect(order.indexOf("warning:quantified-achievements")).toBeLessThan(order.indexOf("warning:profile-summary"));
  });

  it("wraps messages to the terminal's width at spaces, never inside a word", () => {
    const text = "'Redis', 'Docker Compose' and 'Bash' are listed but not shown in experience or projects; add bullets where you used them, or drop them.";
    const lines = wrapWords(text, 40);
    expect(lines.join(" ")).toBe(text);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(wrapWords("a-very-long-unbreakable-token-that-is-wider-than-the-room and more", 20)[0]).toBe("a-very-long-unbreakable-token-that-is-wider-than-the-room");
    expect(wrapWords(text, undefined)).toEqual([text]);
  });

  it("wraps under the message column when COLUMNS is set, and not into a pipe otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "cvlint-wrap-"));
    const file = join(dir, "cv.md");
    writeFileSync(file, CV);
    const narrow = cli([file], { env: { COLUMNS: "70" } }).stdout.split("\n");
    const rows = narrow.filter((l) => /^ {2}\S/.test(l) && /(warning|info|error)  /.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const l of narrow) expect(l.length).toBeLessThanOrEqual(70);
    const wide = cli([file]).stdout;
    expect(wide).toContain("'Javascript' is usually written 'JavaScript'. (also at 11:16, 19:15, 20:17)  skill-spelling");
  });
});
