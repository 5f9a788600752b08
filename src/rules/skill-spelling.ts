import { hasLower, hasUpperRun } from "../match/scan.js";
import * as z from "../zod.js";
import { partOfLongerToken, wholeItem } from "./helpers.js";
import { defineRule } from "./types.js";

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9+#]/g, "");

/** A spelling is a variant of the name (not another name, like "Golang" or "k8s"): same letters, a "JS" suffix, or a clipped name. */
export function isVariant(written: string, name: string): boolean {
  const w = norm(written);
  const n = norm(name);
  if (!w || w === n && written === name) return false;
  if (w === n) return true;
  if (w === `${n}js` || n === `${w}js`) return true;
  return n.startsWith(w) && w.length >= 5 && w.length / n.length >= 0.6;
}

export default defineRule({
  name: "skill-spelling",
  meta: {
    severity: "warning",
    category: "spelling",
    description: "Skills are written in their canonical spelling (JavaScript, Node.js, PostgreSQL, MongoDB).",
    advice: "Recruiters and ATS search for the names as vendors write them; a misspelt skill reads as unfamiliarity.",
    fixable: true,
    weight: 4,
    messages: { variant: "'{written}' is usually written '{name}'." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy }, report) {
    const doc = analysis.doc;
    for (const s of analysis.skills) {
      if (!s.known) continue;
      // "code review", "Problem solving": concepts and soft skills are words, not product names.
      if (taxonomy.lexicon.concepts.has(s.id) || s.category === "soft-skills" || s.category === "practices" || s.category === "architecture") continue;
      for (const o of s.occurrences) {
        if (o.canonical || o.via === "ambiguous" || o.via === "exact" || o.spill) continue;
        const line = doc.lines[o.lineIndex]!;
        // "node-postgres", "docker-compose.yml", "postgres://…": another name, not a misspelling.
        if (partOfLongerToken(line.text, o.start, o.end)) continue;
        if (hasUpperRun(line.text, 3) && !hasLower(line.text)) continue; // a line set in capitals
        // The written name without a trailing version ("Postgres 15" → "Postgres").
        const written = /\d$/.test(s.name) ? o.text : o.text.replace(/\s*v?\d+(?:\.\d+)*\+?$/, "");
        if (!isVariant(written, s.name)) continue;
        report({
          messageId: "variant",
          data: { written, name: s.name },
          at: { lineIndex: o.lineIndex, start: o.start, end: o.start + written.length },
          // Only a whole item of the skills list is rewritten: never a word in a sentence, a heading or a longer name.
          fix: wholeItem(analysis, o) ? { lineIndex: o.lineIndex, start: o.start, end: o.start + written.length, text: s.name } : undefined,
          weight: 0.25,
        });
      }
    }
  },
});
