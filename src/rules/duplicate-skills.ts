import * as z from "../zod.js";
import type { ListItem } from "../match/items.js";
import type { Fix } from "./types.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "duplicate-skills",
  meta: {
    severity: "warning",
    category: "spelling",
    description: "No skill is listed twice in the skills section, also under another spelling.",
    advice: "Keep the skills section tight and scannable: each skill once, under its category.",
    fixable: true,
    weight: 4,
    messages: { duplicate: "'{written}' repeats {name}, already listed at line {firstLine}." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    const doc = analysis.doc;
    const items = analysis.items;
    for (const s of analysis.skills) {
      const inSkills = s.occurrences.filter((o) => o.section === "skills");
      const seen = new Set<ListItem>();
      let first: (typeof inSkills)[number] | undefined;
      for (const o of inSkills) {
        const item = items.find((it) => it.lineIndex === o.lineIndex && o.start >= it.start && o.start < it.end);
        if (!item) continue;
        if (!first) {
          first = o;
          seen.add(item);
          continue;
        }
        if (seen.has(item)) continue; // "Go (Golang)": one item
        seen.add(item);
        report({
          messageId: "duplicate",
          data: { written: o.text, name: s.name, firstLine: first.line },
          at: { lineIndex: o.lineIndex, start: o.start, end: o.end },
          fix: removal(item, items, doc.lines[o.lineIndex]!.text, o.text),
          weight: 0.25,
        });
      }
    }
  },
});

/** Remove an item that holds only the duplicate: with its separator in a list, or its whole line. */
function removal(item: ListItem, items: ListItem[], text: string, written: string): Fix | undefined {
  if (item.text.replace(/[*`_]/g, "").trim() !== written) return undefined;
  const onLine = items.filter((it) => it.lineIndex === item.lineIndex).sort((a, b) => a.start - b.start);
  const k = onLine.indexOf(item);
  if (onLine.length === 1) {
    // The line is only this item (a bullet "- Postgres"): drop the line, unless it also has a label.
    return item.label ? undefined : { lineIndex: item.lineIndex, start: 0, end: text.length, text: "", wholeLine: true };
  }
  if (k > 0) return { lineIndex: item.lineIndex, start: onLine[k - 1]!.end, end: item.end, text: "" };
  return { lineIndex: item.lineIndex, start: item.start, end: onLine[1]!.start, text: "" };
}
