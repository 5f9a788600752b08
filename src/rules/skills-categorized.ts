import * as z from "../zod.js";
import { headingAt, listedSkills, skillListSections } from "./helpers.js";
import { defineRule } from "./types.js";
import type { CvDocument } from "../types.js";

export default defineRule({
  name: "skills-categorized",
  meta: {
    severity: "warning",
    category: "structure",
    description: "With more than a handful of skills, they are grouped under labelled categories.",
    advice: "Group skills by category: 'Programming Languages: Java, Python – Database Management: SQL, MongoDB'.",
    fixable: false,
    weight: 8,
    messages: { ungrouped: "{count} skills are listed without categories; group them under labels such as 'Languages:', 'Databases:', 'Frameworks:', 'Cloud:'." },
    options: () => z.strictObject({ minSkills: z.optional(z.int().check(z.minimum(1))), minGroupedShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))) }),
    defaults: { minSkills: 9, minGroupedShare: 0.5 },
  },
  check({ analysis, options }, report) {
    const doc = analysis.doc;
    const listed = listedSkills(analysis).length;
    if (listed < options.minSkills) return;
    const items = analysis.items;
    if (items.length === 0) return;
    // Grouped: a label on the line ("Languages: …", a table's first cell), a sub-heading inside the
    // skills section, a parent bullet that names the group, a short line naming no skill above the
    // items ("Data Platform" over "Snowflake, Oracle"), or words before an item's first skill that
    // a column sets apart without a colon ("Databases PostgreSQL, MySQL"). Each group is keyed by
    // where its name is, so that the groups can be counted.
    const named = new Map<number, number>();
    for (const s of [...analysis.skills, ...analysis.practices]) for (const o of s.occurrences) if (!named.has(o.lineIndex) || named.get(o.lineIndex)! > o.start) named.set(o.lineIndex, o.start);
    // (What lies above each line of its section, found in one pass: a walk back from every item
    // to its section's start was quadratic on a long list, issue 24.)
    const above = linesAbove(doc, named);
    const groupOf = (it: (typeof items)[number]): string | undefined => {
      if (it.label) return `label:${it.label}`;
      const line = doc.lines[it.lineIndex]!;
      const first = named.get(it.lineIndex);
      if (first !== undefined && first > it.start && first < it.end) {
        const lead = words(line.text.slice(it.start, first));
        if (lead >= 1 && lead <= 3) return `lead:${it.lineIndex}`;
      }
      const a = above[it.lineIndex]!;
      if (line.kind === "bullet") {
        const p = a.parent[(line.level ?? 1) - 1] ?? -1;
        if (p >= 0 && p > a.marker) return `parent:${p}`;
      }
      return a.marker >= 0 ? `marker:${a.marker}` : undefined;
    };
    const groups = new Set<string>();
    let grouped = 0;
    for (const it of items) {
      const g = groupOf(it);
      if (g === undefined) continue;
      grouped++;
      groups.add(g);
    }
    // Several lists side by side (SKILLS / SOFT SKILLS, a sidebar's groups under headings of their
    // own), or three groups or more somewhere in the list: the candidate groups already.
    if (skillListSections(analysis).size >= 3 || groups.size >= 3 || grouped / items.length >= options.minGroupedShare) return;
    report({ messageId: "ungrouped", data: { count: listed }, at: headingAt(doc, "skills") });
  },
});

/** Words of two letters or more in a text. */
const words = (t: string): number => t.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;

/**
 * For each line, what the lines between its section's first line and it hold (both left out):
 * the nearest heading or group title (a short line naming no skill, not ending like a list:
 * "Data Platform"), -1 for none; and parent[L - 1], the nearest bullet above of a depth lower
 * than L (the parent of a bullet of depth L), -1 for none.
 */
function linesAbove(doc: CvDocument, named: ReadonlyMap<number, number>): Array<{ marker: number; parent: number[] }> {
  const DEPTHS = 8;
  const out: Array<{ marker: number; parent: number[] }> = new Array(doc.lines.length);
  for (const s of doc.sections) {
    let marker = -1;
    // last[d]: the nearest bullet of depth d + 1 so far.
    const last: number[] = new Array(DEPTHS).fill(-1);
    for (let k = s.start; k <= s.end && k < doc.lines.length; k++) {
      const parent: number[] = new Array(DEPTHS).fill(-1);
      for (let d = 1; d < DEPTHS; d++) parent[d] = Math.max(parent[d - 1]!, last[d - 1]!);
      out[k] = { marker, parent };
      if (k === s.start) continue;
      const l = doc.lines[k]!;
      if (l.kind === "heading") marker = k;
      else if (!named.has(k) && words(l.text) >= 1 && words(l.text) <= 4 && !/[,;.]\s*$/.test(l.text)) marker = k;
      if (l.kind === "bullet") last[Math.min(DEPTHS, l.level ?? 1) - 1] = k;
    }
  }
  for (let k = 0; k < out.length; k++) out[k] ??= { marker: -1, parent: new Array(8).fill(-1) };
  return out;
}
