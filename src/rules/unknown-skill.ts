import { slipOf } from "../match/suggest.js";
import { isImported } from "../taxonomy/load.js";
import * as z from "../zod.js";
import { isEnglishWord } from "./english.js";
import { firstIn } from "./helpers.js";
import { defineRule } from "./types.js";

/**
 * Whether an item that is in no taxonomy reads as a slip of the fingers on a known name: one edit
 * apart (two for names of nine letters or more), not a plural, and not an English word. Anything
 * else is taken for another product: Aptible is not a misspelt Ansible, Superset not a misspelt
 * Supertest, Flash not Flask, OpenSSL not OpenSSH.
 */
export function likelyTypo(item: string, known: string): boolean {
  if (/^[A-Za-z]+$/.test(item) && isEnglishWord(item)) return false;
  return slipOf(item, known);
}

export default defineRule({
  name: "unknown-skill",
  meta: {
    severity: "info",
    category: "spelling",
    description: "Skills-section items that look like a misspelt known skill ('Kubernets', 'PostgresSQL').",
    advice: "Name technologies the way recruiters search for them; a typo hides a skill from keyword search.",
    fixable: false,
    weight: 2,
    messages: {
      didYouMean: "'{item}' looks like a misspelling of {suggestion}; a recruiter's keyword search will miss it.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy }, report) {
    // Items in no taxonomy are shown by `cvlint skills`; here only those a candidate should edit.
    for (const s of analysis.skills) {
      if (s.known) {
        // An item the matcher read as a misspelling of this skill ("Rabitmq"): the same advice.
        const typo = s.occurrences.find((o) => o.via === "typo" && o.section === "skills");
        if (typo) report({ messageId: "didYouMean", data: { item: typo.text, suggestion: s.name }, at: { lineIndex: typo.lineIndex, start: typo.start, end: typo.end }, weight: 0.5, group: `typo:${typo.text.toLowerCase()}` });
        continue;
      }
      if (!s.suggestion) continue;
      const o = firstIn(s, "skills");
      if (!o) continue;
      const known = taxonomy.skills.get(s.suggestion.id);
      // A name from the imported brand lists is no safer a guess than the item itself (Minio is not MiniD).
      if (!known || isImported(known)) continue;
      const forms = [known.name, ...known.aliases];
      if (!forms.some((f) => likelyTypo(o.text, f))) continue;
      report({ messageId: "didYouMean", data: { item: s.name, suggestion: s.suggestion.name }, at: { lineIndex: o.lineIndex, start: o.start, end: o.end }, weight: 0.5, group: s.id });
    }
  },
});
