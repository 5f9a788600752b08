import { hasLower, hasUpperRun } from "../match/scan.js";

const hasUpper = (s: string): boolean => s !== s.toLowerCase();
import type { Occurrence } from "../match/matcher.js";
import * as z from "../zod.js";
import { partOfLongerToken, staleLines, wholeItem } from "./helpers.js";
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

/**
 * The edit a variant asks for: the one word it changes when the names have the same words
 * ("Github Actions" → "GitHub Actions" is the edit "Github" → "GitHub", the same as "Github" →
 * "GitHub": one finding, grouped by the name it asks for, as every misspelling of one name is), else
 * the whole name.
 */
function editOf(written: string, name: string): { written: string; name: string } {
  const w = written.split(/\s+/);
  const n = name.split(/\s+/);
  if (w.length !== n.length) return { written, name };
  let edit: { written: string; name: string } | undefined;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === n[i]) continue;
    if (edit) return { written, name };
    edit = { written: w[i]!, name: n[i]! };
  }
  return edit ?? { written, name };
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
    // A role that ended long ago (staleLines: as action-verbs and unlisted-skills read it) is not worth an edit.
    const stale = staleLines(doc);
    const pending: Array<{ written: string; name: string; edit: { written: string; name: string }; o: Occurrence }> = [];
    // Whether a line is set in capitals, asked once per line: asked per occurrence, a line of
    // thousands of names (a list joined by U+2028) was read once per name, issue 24.
    const caps = new Map<number, boolean>();
    const inCapitals = (line: { index: number; text: string }): boolean => {
      let c = caps.get(line.index);
      if (c === undefined) caps.set(line.index, (c = hasUpperRun(line.text, 3) && !hasLower(line.text)));
      return c;
    };
    for (const s of analysis.skills) {
      if (!s.known) continue;
      // "code review", "Problem solving": concepts and soft skills are words, not product names.
      if (taxonomy.lexicon.concepts.has(s.id) || s.category === "soft-skills" || s.category === "practices" || s.category === "architecture") continue;
      for (const o of s.occurrences) {
        if (o.canonical || o.via === "ambiguous" || o.via === "exact" || o.spill) continue;
        // A certificate's issuer or a school's course is named by them, not by the candidate.
        if (o.section === "certifications" || o.section === "education" || stale.has(o.lineIndex)) continue;
        const line = doc.lines[o.lineIndex]!;
        // "node-postgres", "docker-compose.yml", "postgres://…": another name, not a misspelling.
        if (partOfLongerToken(line.text, o.start, o.end)) continue;
        if (inCapitals(line)) continue; // a line set in capitals
        // The written name without a trailing version ("Postgres 15" → "Postgres").
        const written = /\d$/.test(s.name) ? o.text : o.text.replace(/\s*v?\d+(?:\.\d+)*\+?$/, "");
        if (!isVariant(written, s.name)) continue;
        // A name in lower case in a sentence is often a command, a package or a path ("git push",
        // "import json", "memcached"): only a skills list names the product.
        if (o.section !== "skills" && !hasUpper(written)) continue;
        // The name written wrongly again (the same way or another) is the same edit: one finding, listing its other places.
        pending.push({ written, name: s.name, edit: editOf(written, s.name), o });
      }
    }
    // A group of one name says it whole ("'Django Rest Framework' is usually written 'Django REST
    // Framework'"); a group of several names that share the edit says the word ("'Github' is usually
    // written 'GitHub'", for Github and Github Actions).
    const names = new Map<string, Set<string>>();
    for (const p of pending) (names.get(p.edit.name) ?? names.set(p.edit.name, new Set()).get(p.edit.name)!).add(p.name);
    for (const { written, name, edit, o } of pending) {
      report({
        messageId: "variant",
        data: names.get(edit.name)!.size > 1 ? edit : { written, name },
        at: { lineIndex: o.lineIndex, start: o.start, end: o.start + written.length },
        // Only a whole item of the skills list is rewritten: never a word in a sentence, a heading or a longer name.
        fix: wholeItem(analysis, o) ? { lineIndex: o.lineIndex, start: o.start, end: o.start + written.length, text: name } : undefined,
        weight: 0.25,
        group: edit.name,
      });
    }
  },
});
