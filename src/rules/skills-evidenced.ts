import * as z from "../zod.js";
import { firstIn, frontendWork, hedged, isPeripheral, isTechnical, itemAt, listedSkills, namedInWork, namesList, sectionsOf, withImplied } from "./helpers.js";
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
    messages: {
      unsupported: "'{skill}' is listed but not shown in experience or projects; add a bullet where you used it, or drop it.",
      unsupportedMany: "{skills} are listed but not shown in experience or projects; add bullets where you used them, or drop them.",
    },
    options: () => z.strictObject({ ignoreCategories: z.optional(z.array(z.string())) }),
    defaults: { ignoreCategories: ["soft-skills", "practices", "architecture", "tools", "os", "version-control"] },
  },
  check({ analysis, taxonomy, data, options }, report) {
    const doc = analysis.doc;
    if (sectionsOf(doc, "experience", "projects").length === 0) return;
    // Shown: named in experience or projects, in any wording the matcher knows, or implied by a
    // skill named there (Spring Boot shows Java), in any role, however old.
    const used = analysis.skills.filter((s) => s.known && s.sections.some((k) => k === "experience" || k === "projects"));
    const frontendCv = frontendWork(doc);
    // Asked for: technologies (not concepts, which bullets show by themselves, nor peripheral
    // items), and not those the list itself says the candidate only knows a little ("Go (familiar)").
    const listed = listedSkills(analysis).filter(
      (s) =>
        s.known &&
        isTechnical(s) &&
        !options.ignoreCategories.includes(s.category) &&
        !taxonomy.lexicon.concepts.has(s.id) &&
        !isPeripheral(s, taxonomy, data, frontendCv) &&
        !hedged(analysis, firstIn(s, "skills")!),
    );
    // Also shown: a listed skill whose own name the bullets write in a way the matcher leaves
    // there ("SQLServer", "Github Action", "from Chef to Ansible").
    const evidenced = withImplied([...used.map((s) => s.id), ...namedInWork(analysis, listed)], taxonomy);
    // One finding per group of the skills list (its label, or the section when it has none): a
    // group of twenty unused skills is one thing to fix, and CI annotations stay readable.
    const groups = new Map<string, Array<{ name: string; lineIndex: number; start: number; end: number }>>();
    for (const s of listed) {
      if (evidenced.has(s.id)) continue;
      const o = firstIn(s, "skills")!;
      const item = itemAt(analysis, o.lineIndex, o.start);
      const key = item?.label ? `label:${item.label}` : `section:${doc.lines[o.lineIndex]!.section}`;
      const group = groups.get(key);
      const place = { name: s.name, lineIndex: o.lineIndex, start: o.start, end: o.end };
      if (group) group.push(place);
      else groups.set(key, [place]);
    }
    // When most of the list is unused (more than three groups of it), pruning the list is the one
    // edit: one finding for the whole list rather than one a group.
    if (groups.size > 3) {
      const all = [...groups.values()].flat();
      groups.clear();
      groups.set("list", all);
    }
    for (const [key, skills] of groups) {
      const weight = 1 / listed.length;
      const data: Record<string, string | number> = skills.length === 1 ? { skill: skills[0]!.name } : { skills: namesList(skills), count: skills.length };
      for (const s of skills) report({ messageId: skills.length === 1 ? "unsupported" : "unsupportedMany", data, at: { lineIndex: s.lineIndex, start: s.start, end: s.end }, weight, group: key });
    }
  },
});
