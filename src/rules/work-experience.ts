import * as z from "../zod.js";
import { datesRole, headingAt } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "work-experience",
  meta: {
    severity: "warning",
    category: "structure",
    description: "The CV has a work experience section; without one, projects have to show the skills.",
    advice: "Show skills in work experience with concrete examples; a candidate without experience shows them through projects.",
    fixable: false,
    weight: 8,
    messages: {
      withProjects: "The CV has no work experience section: if you have worked, add your roles; if not, your projects are the evidence, so give each two or three bullets on what you built, with which skills, and a figure.",
      none: "The CV has neither work experience nor projects: add one or the other, with bullets that show your skills in use.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    const doc = analysis.doc;
    if (doc.sections.some((s) => s.kind === "experience")) return;
    // Roles dated outside education and certifications (a range: "2019 – present", not a page's
    // "Last updated: December 2024") mean an experience section cvlint did not recognise (an
    // unusual heading, a misread layout): then it says nothing rather than something false.
    for (const l of doc.lines) {
      const kind = doc.sections[l.section]!.kind;
      if (kind !== "education" && kind !== "certifications" && datesRole(l.text)) return;
    }
    const projects = headingAt(doc, "projects");
    if (projects) report({ messageId: "withProjects", at: projects });
    else report({ messageId: "none" });
  },
});
