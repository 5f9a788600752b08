import { hasLower, hasUpperRun } from "../match/scan.js";

const hasUpper = (s: string): boolean => s !== s.toLowerCase();
import * as z from "../zod.js";
import { partOfLongerToken, wholeItem } from "./helpers.js";
import { defineRule } from "./types.js";

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9+#]/g, "");
/** The letters and digits of a name, case kept: "Node.js" → "Nodejs", "Spring Boot" → "SpringBoot". */
const letters = (s: string): string => s.replace(/[^A-Za-z0-9+#]/g, "");
/** A name without its "JS" suffix, however written: "Node.js", "NodeJS", "Nodejs" → "Node". */
const withoutJs = (s: string): string => s.replace(/\.?js$/i, "");

/**
 * A spelling is a variant of the name when it has the same letters in another case ("Javascript",
 * "MySql", "mongo db"): a slip a reader notices. Spellings a reader accepts are not variants
 * (ADVICE.md counts them as noise): other names ("Golang", "k8s", a clipped "Postgres"), a "JS"
 * suffix however written ("ReactJS", "NodeJS", "Vuejs"), the same letters with other separators
 * ("ArgoCD", "docker-compose", "Material-UI"), and a capital on a name styled in lower case
 * ("Webpack", "PyTest" for webpack and pytest).
 */
export function isVariant(written: string, name: string): boolean {
  const w = norm(written);
  const n = norm(name);
  if (!w || w !== n) return false;
  if (letters(written) === letters(name)) return false;
  if (/js$/i.test(letters(name)) && letters(withoutJs(written)) === letters(withoutJs(name))) return false;
  if (/^[a-z]/.test(name)) return false;
  return true;
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
        // A certificate's issuer or a school's course is named by them, not by the candidate.
        if (o.section === "certifications" || o.section === "education") continue;
        const line = doc.lines[o.lineIndex]!;
        // "node-postgres", "docker-compose.yml", "postgres://…": another name, not a misspelling.
        if (partOfLongerToken(line.text, o.start, o.end)) continue;
        if (hasUpperRun(line.text, 3) && !hasLower(line.text)) continue; // a line set in capitals
        // The written name without a trailing version ("Postgres 15" → "Postgres").
        const written = /\d$/.test(s.name) ? o.text : o.text.replace(/\s*v?\d+(?:\.\d+)*\+?$/, "");
        if (!isVariant(written, s.name)) continue;
        // A name in lower case in a sentence is often a command, a package or a path ("git push",
        // "import json", "memcached"): only a skills list names the product.
        if (o.section !== "skills" && !hasUpper(written)) continue;
        // The name written wrongly again (the same way or another) is the same edit: one finding, listing its other places.
        report({
          messageId: "variant",
          data: { written, name: s.name },
          at: { lineIndex: o.lineIndex, start: o.start, end: o.start + written.length },
          // Only a whole item of the skills list is rewritten: never a word in a sentence, a heading or a longer name.
          fix: wholeItem(analysis, o) ? { lineIndex: o.lineIndex, start: o.start, end: o.start + written.length, text: s.name } : undefined,
          weight: 0.25,
          group: s.name,
        });
      }
    }
  },
});
