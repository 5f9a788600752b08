import * as z from "../zod.js";
import { headingAt, listedSkills } from "./helpers.js";
import { defineRule } from "./types.js";

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
    const grouped = items.filter((it) => {
      if (it.label) return true;
      const line = doc.lines[it.lineIndex]!;
      const section = doc.sections[line.section]!;
      for (let k = it.lineIndex - 1; k > section.start; k--) {
        const l = doc.lines[k]!;
        if (l.kind === "heading") return true;
        if (l.kind === "bullet" && line.kind === "bullet" && (l.level ?? 1) < (line.level ?? 1)) return true;
      }
      return false;
    }).length;
    const skillSections = doc.sections.filter((s) => s.kind === "skills").length;
    if (skillSections >= 3 || grouped / items.length >= options.minGroupedShare) return;
    report({ messageId: "ungrouped", data: { count: listed }, at: headingAt(doc, "skills") });
  },
});
