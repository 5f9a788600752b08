import * as z from "../zod.js";
import { firstIn, isTechnical, listedSkills, sectionsOf } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "skills-evidenced",
  meta: {
    severity: "warning",
    category: "evidence",
    description: "Each technical skill listed appears in experience or projects.",
    advice: "Showcase a combination of technical expertise and hands-on experience: providing concrete examples further strengthens your CV.",
    fixable: false,
    weight: 10,
    messages: { unsupported: "'{skill}' is listed but not shown in experience or projects; add a bullet where you used it, or drop it." },
    options: () => z.strictObject({ ignoreCategories: z.optional(z.array(z.string())) }),
    defaults: { ignoreCategories: ["soft-skills", "practices", "architecture", "tools", "os", "version-control"] },
  },
  check({ analysis, taxonomy, options }, report) {
    if (sectionsOf(analysis.doc, "experience", "projects").length === 0) return;
    const used = analysis.skills.filter((s) => s.sections.some((k) => k === "experience" || k === "projects"));
    const evidenced = new Set(used.map((s) => s.id));
    for (const s of used) for (const id of taxonomy.skills.get(s.id)?.implies ?? []) evidenced.add(id);
    const listed = listedSkills(analysis).filter((s) => isTechnical(s) && !options.ignoreCategories.includes(s.category));
    for (const s of listed) {
      if (evidenced.has(s.id)) continue;
      const o = firstIn(s, "skills")!;
      report({ messageId: "unsupported", data: { skill: s.name }, at: { lineIndex: o.lineIndex, start: o.start, end: o.end }, weight: 1 / listed.length });
    }
  },
});
