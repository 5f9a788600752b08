import * as z from "../zod.js";
import { splitAtNonLettersOrHyphens } from "../match/scan.js";
import type { SkillHit } from "../match/analyze.js";
import type { CvDocument } from "../types.js";
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
  check({ analysis, data }, report) {
    if (!hasSkillsList(analysis.doc)) return;
    const at = headingAt(analysis.doc, "skills");
    // (A sidebar may set the technical groups under headings of their own, beside the skills section.)
    const lists = skillListSections(analysis);
    const technical = (s: SkillHit) => isTechnical(s) && s.occurrences.some((o) => lists.has(analysis.doc.lines[o.lineIndex]!.section));
    if (!analysis.skills.some(technical)) report({ messageId: "noTechnical", at });
    // Soft skills the summary or experience already shows ("mentored 3 developers", "strong
    // communication") meet the advice: a list of them would add nothing a reader has not seen.
    // So does work with people the lines describe without naming the skill ("Collaborated with
    // cross-functional teams", "Training new team members"): ADVICE.md, a request met elsewhere.
    if (!analysis.skills.some((s) => !isTechnical(s)) && !showsSoftSkills(analysis.doc, data.softShown)) report({ messageId: "noSoft", at });
  },
});

/** Sections whose lines describe the candidate's work. */
const WORK = new Set(["experience", "projects", "summary"]);

/**
 * Whether a line of the work, summary or projects pairs one of `verbs` with one of `people`
 * within four words after it and no clause break between ("Led a team of five", "helped with the
 * training of new interns"): work with people, which shows a soft skill without naming it.
 */
function showsSoftSkills(doc: CvDocument, shown: { verbs: ReadonlySet<string>; people: ReadonlySet<string> }): boolean {
  for (const line of doc.lines) {
    if (!WORK.has(doc.sections[line.section]!.kind) || line.kind === "heading") continue;
    for (const clause of line.text.toLowerCase().split(/[.;:!?()]/)) {
      const words = splitAtNonLettersOrHyphens(clause).filter((w) => w !== "");
      for (let i = 0; i < words.length; i++) {
        if (!shown.verbs.has(words[i]!)) continue;
        for (let j = i + 1; j <= i + 4 && j < words.length; j++) if (shown.people.has(words[j]!)) return true;
      }
    }
  }
  return false;
}
