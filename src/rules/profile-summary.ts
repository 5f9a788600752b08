import * as z from "../zod.js";
import { hasSkillsList, headingAt, isTechnical, listedSkills } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "profile-summary",
  meta: {
    severity: "warning",
    category: "structure",
    description: "A summary or profile exists and names some of the candidate's main skills.",
    advice: "Open with a profile summary that carries the keywords of the role: the skills a recruiter searches for.",
    fixable: false,
    weight: 8,
    messages: {
      missing: "No profile summary: open with two or three lines on who you are and your main skills ({skills}).",
      noKeywords: "The summary names none of your main skills; mention some of {skills}.",
    },
    options: () => z.strictObject({ mainSkills: z.optional(z.int().check(z.minimum(1))) }),
    defaults: { mainSkills: 5 },
  },
  check({ analysis, options }, report) {
    const pool = (hasSkillsList(analysis.doc) ? listedSkills(analysis) : analysis.skills).filter((s) => isTechnical(s) && s.known);
    // Main skills: the most mentioned across the CV, in order of first appearance on ties.
    const main = [...pool].sort((a, b) => b.occurrences.length - a.occurrences.length).slice(0, options.mainSkills);
    const skills = main.map((s) => s.name).join(", ") || "your languages and frameworks";
    const summary = headingAt(analysis.doc, "summary");
    if (!summary) {
      report({ messageId: "missing", data: { skills } });
      return;
    }
    if (main.length === 0) return;
    if (main.some((s) => s.sections.includes("summary"))) return;
    report({ messageId: "noKeywords", data: { skills }, at: summary, weight: 0.6 });
  },
});
