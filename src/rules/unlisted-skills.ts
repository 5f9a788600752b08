import * as z from "../zod.js";
import { firstIn } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "unlisted-skills",
  meta: {
    severity: "info",
    strictSeverity: "warning",
    category: "evidence",
    description: "Skills used in experience or projects also appear in the skills section.",
    advice: "The skills section is what recruiters and ATS scan first: list the technologies your experience shows.",
    fixable: false,
    weight: 4,
    messages: { unlisted: "'{skill}' is used in your {section} but not listed in the skills section." },
    options: () => z.strictObject({ ignoreCategories: z.optional(z.array(z.string())) }),
    defaults: { ignoreCategories: ["soft-skills", "practices", "architecture"] },
  },
  check({ analysis, taxonomy, options }, report) {
    if (!analysis.doc.sections.some((s) => s.kind === "skills")) return;
    const listed = new Set(analysis.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id));
    for (const id of [...listed]) for (const i of taxonomy.skills.get(id)?.implies ?? []) listed.add(i);
    // Concepts ("authentication", "caching") are shown by the bullets themselves; list the technologies.
    const unlisted = analysis.skills.filter((s) => s.known && !listed.has(s.id) && !taxonomy.lexicon.concepts.has(s.id) && !options.ignoreCategories.includes(s.category) && firstIn(s, "experience", "projects"));
    for (const s of unlisted) {
      const o = firstIn(s, "experience", "projects")!;
      report({ messageId: "unlisted", data: { skill: s.name, section: o.section }, at: { lineIndex: o.lineIndex, start: o.start, end: o.end }, weight: 1 / Math.max(unlisted.length, 5) });
    }
  },
});
