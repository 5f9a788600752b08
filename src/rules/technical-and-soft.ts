import * as z from "../zod.js";
import type { SkillHit } from "../match/analyze.js";
import { hasSkillsList, headingAt, isTechnical, skillListSections } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "technical-and-soft",
  meta: {
    severity: "warning",
    category: "content",
    description: "The skills section names technical skills, and the CV soft skills (in the list, the summary or the experience).",
    advice: "While coding and technical skills are required, soft skills are equally as important for this role (communication, problem-solving, collaboration).",
    fixable: false,
    weight: 8,
    messages: {
      noSoft: "The CV names no soft skills; add two or three you can back up to the skills section (communication, problem-solving, collaboration, mentoring).",
      noTechnical: "The skills section names no technical skills; list your languages, databases, frameworks and tools.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    if (!hasSkillsList(analysis.doc)) return;
    const at = headingAt(analysis.doc, "skills");
    // (A sidebar may set the technical groups under headings of their own, beside the skills section.)
    const lists = skillListSections(analysis);
    const technical = (s: SkillHit) => isTechnical(s) && s.occurrences.some((o) => lists.has(analysis.doc.lines[o.lineIndex]!.section));
    if (!analysis.skills.some(technical)) report({ messageId: "noTechnical", at });
    // Soft skills the summary or experience already shows ("mentored 3 developers", "strong
    // communication") meet the advice: a list of them would add nothing a reader has not seen.
    if (!analysis.skills.some((s) => !isTechnical(s))) report({ messageId: "noSoft", at });
  },
});
