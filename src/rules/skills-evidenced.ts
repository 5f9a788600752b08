import * as z from "../zod.js";
import { firstIn, isTechnical, listedSkills, sectionsOf } from "./helpers.js";
import { defineRule } from "./types.js";

/** 'A', 'B' and 'C'. */
function namesList(skills: ReadonlyArray<{ name: string }>): string {
  let out = "";
  for (let k = 0; k < skills.length; k++) out += `${k === 0 ? "" : k === skills.length - 1 ? " and " : ", "}'${skills[k]!.name}'`;
  return out;
}

export default defineRule({
  name: "skills-evidenced",
  meta: {
    severity: "warning",
    category: "evidence",
    description: "Each technical skill listed appears in experience or projects.",
    advice: "Showcase a combination of technical expertise and hands-on experience: providing concrete examples further strengthens your CV.",
    fixable: false,
    weight: 10,
    messages: {
      unsupported: "'{skill}' is listed but not shown in experience or projects; add a bullet where you used it, or drop it.",
      unsupportedMany: "{skills} are listed but not shown in experience or projects; add bullets where you used them, or drop them.",
    },
    options: () => z.strictObject({ ignoreCategories: z.optional(z.array(z.string())) }),
    defaults: { ignoreCategories: ["soft-skills", "practices", "architecture", "tools", "os", "version-control"] },
  },
  check({ analysis, taxonomy, options }, report) {
    if (sectionsOf(analysis.doc, "experience", "projects").length === 0) return;
    const used = analysis.skills.filter((s) => s.sections.some((k) => k === "experience" || k === "projects"));
    const evidenced = new Set(used.map((s) => s.id));
    for (const s of used) for (const id of taxonomy.skills.get(s.id)?.implies ?? []) evidenced.add(id);
    const listed = listedSkills(analysis).filter((s) => isTechnical(s) && !options.ignoreCategories.includes(s.category));
    // One finding per skills line: a list of twenty unused skills is one thing to fix, and CI
    // annotations (GitHub shows ten warnings a step) stay readable.
    const byLine = new Map<number, Array<{ name: string; start: number; end: number }>>();
    for (const s of listed) {
      if (evidenced.has(s.id)) continue;
      const o = firstIn(s, "skills")!;
      const line = byLine.get(o.lineIndex);
      if (line) line.push({ name: s.name, start: o.start, end: o.end });
      else byLine.set(o.lineIndex, [{ name: s.name, start: o.start, end: o.end }]);
    }
    for (const [lineIndex, skills] of byLine) {
      skills.sort((a, b) => a.start - b.start);
      const at = { lineIndex, start: skills[0]!.start, end: skills[skills.length - 1]!.end };
      const weight = skills.length / listed.length;
      if (skills.length === 1) report({ messageId: "unsupported", data: { skill: skills[0]!.name }, at, weight });
      else report({ messageId: "unsupportedMany", data: { skills: namesList(skills), count: skills.length }, at, weight });
    }
  },
});
