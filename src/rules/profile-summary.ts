import * as z from "../zod.js";
import { frontendWork, hasSkillsList, isPeripheral, isTechnical, listedSkills } from "./helpers.js";
import { defineRule } from "./types.js";

/** A quotation: opened by a quotation mark, or closed by an attribution ("— Steve Jobs"). */
function isQuotation(text: string): boolean {
  if (/^["“”„«‘’']/.test(text)) return true;
  const k = Math.max(text.lastIndexOf("—"), text.lastIndexOf("–"), text.lastIndexOf(" - ") + 1);
  // The attribution follows a closed sentence or quotation, not a title ("Backend engineer – Berlin").
  if (k <= 0 || !/[.!?"”’'»]$/.test(text.slice(0, k).trimEnd())) return false;
  const words = text.slice(k + 1).trim().split(/\s+/).filter((w) => w !== "");
  return words.length >= 1 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}.'-]*$/u.test(w));
}

/** A phone number on a line of its own ("+1 555 0100"). */
const PHONE = /^\+?[\d\s().-]{7,}$/;

/**
 * Lines of contact details only: each a few words with no sentence, and one of them an address,
 * a site or a phone number ("Seattle WA", "user@example.com", "+1 555 0100", "name.dev").
 */
function contactBlock(lines: string[]): boolean {
  const items = lines.map((l) => l.trim()).filter((l) => l !== "");
  if (items.length === 0) return false;
  const contact = (l: string): boolean => {
    if (PHONE.test(l)) return true;
    if (/\s/.test(l)) return false;
    // One token: an address, a link, or a domain ("name.dev", "name.github.io/cv").
    const host = l.replace(/^(?:https?:\/\/)?(?:www\.)?/i, "").split("/")[0]!;
    const dot = host.lastIndexOf(".");
    return l.includes("@") || /^(?:https?:\/\/|www\.)/i.test(l) || (dot > 0 && /^[a-z]{2,}$/i.test(host.slice(dot + 1)));
  };
  return items.some(contact) && items.every((l) => contact(l) || (l.split(/\s+/).length <= 4 && !/[.!?]$/.test(l)));
}

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
      notSummary: "The summary is {what}, not a profile: write two or three lines on who you are and your main skills ({skills}).",
    },
    options: () => z.strictObject({ mainSkills: z.optional(z.int().check(z.minimum(1))) }),
    defaults: { mainSkills: 5 },
  },
  check({ analysis, taxonomy, data, options }, report) {
    const doc = analysis.doc;
    const frontendCv = frontendWork(doc);
    // Main skills: technologies (not concepts, practices or peripheral items), the most mentioned
    // across the CV, in order of first appearance on ties.
    const pool = (hasSkillsList(doc) ? listedSkills(analysis) : analysis.skills).filter(
      (s) => isTechnical(s) && s.known && !taxonomy.lexicon.concepts.has(s.id) && !isPeripheral(s, taxonomy, data, frontendCv),
    );
    const main = [...pool].sort((a, b) => b.occurrences.length - a.occurrences.length).slice(0, options.mainSkills);
    const skills = main.map((s) => s.name).join(", ") || "your languages and frameworks";
    // A sidebar's "About" block of contact details (a town, an address, a phone, a site) is not a
    // profile: the summary is the first section of that kind that holds something else.
    const section = doc.sections.find((x) => x.kind === "summary" && !contactBlock(doc.lines.slice(x.headingLine === null ? x.start : x.headingLine + 1, x.end + 1).map((l) => l.text)));
    const summary = section ? { lineIndex: section.headingLine ?? section.start } : undefined;
    if (!summary || !section) {
      // A paragraph of prose under the name that the reader did not take for a summary (markup
      // inside it, an unusual layout) is one all the same: a reader sees a profile there.
      const profile = doc.blocks.some((b) => b.kind === "paragraph" && doc.sections[b.section]!.kind === "header" && b.text.split(/\s+/).length >= 25);
      if (!profile) report({ messageId: "missing", data: { skills } });
      return;
    }
    // A quotation, or one short line that names no skill, is not a summary a recruiter can use.
    const text = doc.lines
      .slice(section.headingLine === null ? section.start : section.headingLine + 1, section.end + 1)
      .map((l) => l.text)
      .join(" ")
      .trim();
    const namesSkill = analysis.skills.some((s) => s.known && isTechnical(s) && s.occurrences.some((o) => o.section === "summary"));
    const what = isQuotation(text) ? "a quotation" : text.split(/\s+/).length <= 20 && !namesSkill ? "one line that names no skill" : undefined;
    if (what) {
      report({ messageId: "notSummary", data: { what, skills }, at: summary, weight: 0.8 });
      return;
    }
    // A summary that names a technology the candidate chose is doing its job, even when it is not
    // the one cvlint counts most often ("mostly in java", "Linux and BSD internals").
    // (One the CV shows elsewhere: "UNIX" named only in the summary is a domain, not its stack.)
    const namesOwnSkill = analysis.skills.some(
      (s) => s.known && isTechnical(s) && s.sections.includes("summary") && s.sections.some((k) => k === "skills" || k === "experience" || k === "projects"),
    );
    if (main.length === 0 || namesOwnSkill) return;
    report({ messageId: "noKeywords", data: { skills }, at: summary, weight: 0.6 });
  },
});
