import * as z from "../zod.js";
import { frontendWork, hasSkillsList, isPeripheral, learningLine, namesList, skillListSections, staleLines, traineeLines, withImplied } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "unlisted-skills",
  meta: {
    severity: "info",
    strictSeverity: "warning",
    category: "evidence",
    description: "Technologies used in experience or projects also appear in the skills section.",
    advice: "The skills section is what recruiters and ATS scan first: list the technologies your experience shows.",
    fixable: false,
    weight: 4,
    messages: {
      unlisted: "'{skill}' is used in your {section} but not listed in the skills section.",
      unlistedMany: "{skills} are used in your experience or projects but not listed in the skills section.",
    },
    options: () => z.strictObject({ ignoreCategories: z.optional(z.array(z.string())) }),
    defaults: { ignoreCategories: ["soft-skills", "practices", "architecture", "version-control"] },
  },
  check({ analysis, taxonomy, data, options }, report) {
    if (!hasSkillsList(analysis.doc)) return;
    // Listed: named in the skills section (or a group of it set apart under a heading of its own),
    // or implied by a skill named there (Spring Boot lists Java).
    const lists = skillListSections(analysis);
    const listed = withImplied(
      analysis.skills.filter((s) => s.occurrences.some((o) => lists.has(analysis.doc.lines[o.lineIndex]!.section))).map((s) => s.id),
      taxonomy,
    );
    const frontendCv = frontendWork(analysis.doc);
    // Used in experience or projects, in a role that has not long ended: a tool of a role ten
    // years back is not one to add to the list today.
    const stale = staleLines(analysis.doc);
    const recentUse = (s: (typeof analysis.skills)[number]) => s.occurrences.find((o) => (o.section === "experience" || o.section === "projects") && !stale.has(o.lineIndex));
    // And part of the candidate's work, not named once in passing: a tool named on one line only,
    // and that line about learning it ("Learned frameworks (Angular, Flask)") or in an internship
    // beside the candidate's other roles ("Tech: Python, C++" under "Software Engineering Intern"),
    // is not one to add to the list.
    const trainee = traineeLines(analysis.doc, data.passing.traineeRoles);
    const inPassing = (lineIndex: number): boolean => trainee.has(lineIndex) || learningLine(analysis.doc.lines[lineIndex]!.text, data.passing.learningOpeners);
    const worked = (s: (typeof analysis.skills)[number]): boolean => {
      const lines = new Set<number>();
      for (const o of s.occurrences) {
        if ((o.section !== "experience" && o.section !== "projects") || stale.has(o.lineIndex)) continue;
        if (!inPassing(o.lineIndex)) return true;
        lines.add(o.lineIndex);
      }
      return lines.size >= 2;
    };
    // Technologies worth listing: not concepts ("authentication", "caching"), which the bullets
    // show; not peripheral items (an IDE, an OS); and not a part of a family already listed
    // (Amazon S3 when AWS is, Docker Compose when Docker is: a skill of the same category it implies).
    const unlisted = analysis.skills.filter(
      (s) =>
        s.known &&
        !listed.has(s.id) &&
        !taxonomy.lexicon.concepts.has(s.id) &&
        !options.ignoreCategories.includes(s.category) &&
        !isPeripheral(s, taxonomy, data, frontendCv) &&
        !(taxonomy.skills.get(s.id)?.implies ?? []).some((i) => listed.has(i) && taxonomy.skills.get(i)?.category === s.category) &&
        // (worked: an occurrence in experience or projects outside the stale roles, so recentUse finds one too.)
        worked(s),
    );
    // Adding them to the list is one edit: one finding, at the first, listing the others.
    const many = unlisted.length > 1;
    const names: Record<string, string | number> = many ? { skills: namesList(unlisted), count: unlisted.length } : {};
    for (const s of unlisted) {
      const o = recentUse(s)!;
      report({
        messageId: many ? "unlistedMany" : "unlisted",
        data: many ? names : { skill: s.name, section: o.section },
        at: { lineIndex: o.lineIndex, start: o.start, end: o.end },
        weight: 1 / Math.max(unlisted.length, 5),
        group: "unlisted",
      });
    }
  },
});

