import * as z from "../zod.js";
import { headingAt, listedSkills } from "./helpers.js";
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
    // skills section, a parent bullet that names the group, or several skills sections (SKILLS / SOFT SKILLS).
    // (What lies above each line of its section, found in one pass: a walk back from every item
    // to its section's start was quadratic on a long list, issue 24.)
    const above = linesAbove(doc);
    const grouped = items.filter((it) => {
      if (it.label) return true;
      const line = doc.lines[it.lineIndex]!;
      const a = above[it.lineIndex]!;
      return a.heading || (line.kind === "bullet" && a.minBullet < (line.level ?? 1));
    }).length;
    const skillSections = doc.sections.filter((s) => s.kind === "skills").length;
    if (skillSections >= 3 || grouped / items.length >= options.minGroupedShare) return;
    report({ messageId: "ungrouped", data: { count: listed }, at: headingAt(doc, "skills") });
  },
});

/**
 * For each line, what the lines between its section's first line and it hold (both left out):
 * whether one is a heading, and the lowest level of a bullet among them (Infinity for none).
 */
function linesAbove(doc: CvDocument): Array<{ heading: boolean; minBullet: number }> {
  const out: Array<{ heading: boolean; minBullet: number }> = new Array(doc.lines.length);
  for (const s of doc.sections) {
    let heading = false;
    let minBullet = Infinity;
    for (let k = s.start; k <= s.end && k < doc.lines.length; k++) {
      out[k] = { heading, minBullet };
      if (k === s.start) continue;
      const l = doc.lines[k]!;
      if (l.kind === "heading") heading = true;
      if (l.kind === "bullet") minBullet = Math.min(minBullet, l.level ?? 1);
    }
  }
  for (let k = 0; k < out.length; k++) out[k] ??= { heading: false, minBullet: Infinity };
  return out;
}
