import * as z from "../zod.js";
import { hasSkillsList, headingAt, isTechnical, listedSkills } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "technical-and-soft",
  meta: {
    severity: "warning",
    category: "content",
    description: "The skills section names technical and soft skills.",
    advice: "While coding and technical skills are required, soft skills are equally as important for this role (communication, problem-solving, collaboration).",
    fixable: false,
    weight: 8,
    messages: {
      noSoft: "The skills section names no soft skills; add two or three you can back up (communication, problem-solving, collaboration, mentoring).",
      noTechnical: "The skills section names no technical skills; list your languages, databases, frameworks and tools.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    if (!hasSkillsList(analysis.doc)) return;
    const listed = listedSkills(analysis);
    const at = headingAt(analysis.doc, "skills");
    if (!listed.some(isTechnical)) report({ messageId: "noTechnical", at });
    if (!listed.some((s) => !isTechnical(s))) report({ messageId: "noSoft", at });
  },
});
