import * as z from "../zod.js";
import { fromFirstLetter, isCapitalisedPastTense, isLetterUnitAt, leadingWord } from "../match/scan.js";
import { bullets, opening } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "action-verbs",
  meta: {
    severity: "warning",
    category: "wording",
    description: "Experience and project bullets open with an action verb; weak openers get stronger suggestions.",
    advice: "Show skills in work experience with action verbs and concrete examples (designed, built, migrated…), not duties.",
    fixable: false,
    weight: 10,
    messages: {
      weakOpener: "Bullet opens with '{opener}', which describes a duty; lead with what you did ({suggest}).",
      noActionVerb: "Bullet opens with '{word}' rather than an action verb; start with what you did (Built, Designed, Led, Cut…).",
    },
    options: () => z.strictObject({ sections: z.optional(z.array(z.enum(["experience", "projects"]))), minWords: z.optional(z.int()) }),
    defaults: { sections: ["experience", "projects"] as Array<"experience" | "projects">, minWords: 4 },
  },
  check({ analysis, data, options }, report) {
    const doc = analysis.doc;
    const list = bullets(doc, ...options.sections).filter((b) => b.text.split(/\s+/).length >= options.minWords);
    for (const b of list) {
      const line = doc.lines[b.start]!;
      const text = fromFirstLetter(line.text);
      const lead = line.text.length - text.length;
      // "ledger-lite — an open-source ledger": a project or role named before a dash or colon.
      // (The first test is a cheap necessary condition of the second. Neither needs the u flag: \S reads
      // a surrogate pair as two non-spaces either way, and without it V8 compiles them in microseconds.)
      if (/[—–:]\s|\s-\s/.test(text) && /^\S+(?:\s\S+){0,3}\s?[—–:]\s|^\S+(?:\s\S+){0,3}\s-\s/.test(text)) continue;
      const lower = text.toLowerCase();
      const weak = data.weakOpeners.find((w) => lower.startsWith(w.phrase) && !isLetterUnitAt(lower, w.phrase.length));
      if (weak) {
        report({
          messageId: "weakOpener",
          data: { opener: text.slice(0, weak.phrase.length), suggest: weak.suggest.join(", ") },
          at: { lineIndex: b.start, start: lead, end: lead + weak.phrase.length },
          weight: 1 / list.length,
        });
        continue;
      }
      const word = leadingWord(text);
      if (!word) continue;
      const w = word.toLowerCase();
      if (data.verbs.has(w) || data.verbStems.has(data.stem(w))) continue;
      // A verb we do not list but that reads as one: past tense "-ed" or "-ised/-ized".
      if (isCapitalisedPastTense(word)) continue;
      report({ messageId: "noActionVerb", data: { word, bullet: opening(text) }, at: { lineIndex: b.start, start: lead, end: lead + word.length }, weight: 1 / list.length });
    }
  },
});
