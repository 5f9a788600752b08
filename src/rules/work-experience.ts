import * as z from "../zod.js";
import type { CvDocument } from "../types.js";
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
      emptyRole: "The role at the top of your experience ({role}) says nothing about what you do there; give it two or three bullets on what you build, with which skills, and a figure.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    const doc = analysis.doc;
    if (doc.sections.some((s) => s.kind === "experience")) {
      const empty = emptyCurrentRole(doc);
      if (empty) report({ messageId: "emptyRole", data: { role: empty.role }, at: { lineIndex: empty.lineIndex } });
      return;
    }
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

/** A duty that holds nothing yet: "Details forthcoming.", "TBD", "Coming soon". */
const PLACEHOLDER = /^(?:(?:more\s+)?(?:details?|info(?:rmation)?|description)\s+)?(?:forthcoming|coming\s+soon|to\s+come|to\s+be\s+(?:added|completed|announced|updated)|tbd|tba|n\/a|todo|wip)\s*[.!…]*$/i;

/** Words of a text. */
const words = (t: string): number => t.split(/\s+/).filter((w) => w !== "").length;

/**
 * The role still held ("2021 – present"), or the first role of the experience section, when it
 * has no duty (no bullet, no sentence of ten words or more, or only a placeholder such as "Details
 * forthcoming.") while another role has some: the job a reader looks at first tells them nothing.
 * A role runs from its dates to the next role's dates; the next role's title lines before its dates
 * are short and count for nothing.
 */
function emptyCurrentRole(doc: CvDocument): { role: string; lineIndex: number } | undefined {
  const roles: Array<{ lineIndex: number; text: string; filled: boolean; current: boolean }> = [];
  for (const b of doc.blocks) {
    if (doc.sections[b.section]!.kind !== "experience") continue;
    if (datesRole(b.text)) {
      roles.push({ lineIndex: b.start, text: b.text, filled: false, current: /\b(?:present|now|current|today|ongoing)\b/i.test(b.text) });
      continue;
    }
    const role = roles[roles.length - 1];
    if (!role || b.kind === "heading") continue;
    const text = b.text.trim();
    if (PLACEHOLDER.test(text)) continue;
    if ((b.kind === "bullet" && words(text) >= 3) || words(text) >= 10) role.filled = true;
  }
  if (roles.length < 2 || !roles.some((r) => r.filled)) return undefined;
  const first = roles.find((r) => r.current) ?? roles[0]!;
  if (first.filled) return undefined;
  const role = first.text.trim().replace(/\s+/g, " ");
  return { role: role.length > 70 ? `${role.slice(0, 69)}…` : role, lineIndex: first.lineIndex };
}
