import * as z from "../zod.js";
import { fromFirstLetter, isCapitalisedPastTense, isLetterUnitAt, leadingWord, startsLower, startsUpper, wordsOf } from "../match/scan.js";
import type { RulesData } from "./data.js";
import { englishWords, isEnglishVerb, readsAsEnglish, type EnglishWords } from "./english.js";
import { endedRoleLines, entries, learningLine, opening, proseEntries, staleLines } from "./helpers.js";
import { defineRule } from "./types.js";

/** Forms of "be" and "have": a sentence's verb, never the action a bullet leads with. */
const AUXILIARIES = new Set(["is", "was", "are", "were", "be", "been", "being", "has", "have", "had"]);

/** Whether a word is an action verb by the rule's own list (by stem) or its form: a past tense ("Dockerised"). */
function listedAction(word: string, data: RulesData): boolean {
  const w = word.toLowerCase();
  if (AUXILIARIES.has(w)) return false;
  return data.verbs.has(w) || data.verbStems.has(data.stem(w)) || isCapitalisedPastTense(word);
}

/** Whether a word is an action verb: by the rule's list, or as the English lexicon knows verbs. */
function isAction(word: string, data: RulesData): boolean {
  return listedAction(word, data) || (!AUXILIARIES.has(word.toLowerCase()) && isEnglishVerb(word));
}

/** The words of a text: runs of letters, apostrophes and hyphens. */
function words(text: string): string[] {
  return wordsOf(text);
}

/**
 * Whether a bullet leads with what the candidate did. The opening word is a verb; or an adverb
 * before one ("Successfully migrated"); or a short phrase of circumstance before one ("As a cost
 * saving measure, moved …", "In three months developed …").
 */
function opensWithAction(text: string, word: string, data: RulesData): boolean {
  if (isAction(word, data)) return true;
  const en = englishWords();
  const w = word.toLowerCase();
  const ws = words(text);
  if (!en.prepositions.has(w)) return (en.adverbs.has(w) || w.endsWith("ly")) && ws[1] !== undefined && isAction(ws[1], data);
  const comma = text.indexOf(",");
  const after = comma > 0 ? words(text.slice(comma + 1))[0] : undefined;
  if (after && isAction(after, data)) return true;
  return ws.slice(1, 6).some((x) => startsLower(x) && isAction(x, data) && !en.prepositions.has(x.toLowerCase()));
}

/**
 * The past tense of a verb written in its present form ("Develop" → "Developed", "Manage" →
 * "Managed", "Deploy" → "Deployed"), when the lexicon reads the word first as a verb's base form
 * (not "Design" or "Project", nouns first, nor "Open", an adjective), knows the past as a verb, and
 * the bullet does not read as a noun phrase ("Manage of …": "of" among its first four words).
 * Irregular verbs ("Build") are not told: null.
 */
function pastOfPresent(text: string, word: string, en: EnglishWords): string | null {
  const w = word.toLowerCase();
  if (w.length < 3 || AUXILIARIES.has(w) || /(?:ed|ing|s)$/.test(w) || !en.baseVerbs.has(w)) return null;
  if (words(text).slice(1, 4).some((x) => x.toLowerCase() === "of")) return null;
  const last = w[w.length - 1]!;
  const forms = [/e$/.test(w) ? `${w}d` : `${w}ed`, /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ied` : "", /[aeiou][bdgmnprt]$/.test(w) ? `${w}${last}ed` : ""];
  const past = forms.find((f) => f !== "" && en.verbs.has(f));
  return past ? `${word[0]}${past.slice(1)}` : null;
}

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
      proseDuties: "{count} duties are written as prose or noun phrases ('{bullet}'); rewrite them as bullets that open with what you did (Built, Migrated, Cut…).",
      presentTense: "Bullet of a role that has ended opens in the present tense ('{word}'); write past roles in the past tense ('{past}').",
    },
    options: () => z.strictObject({ sections: z.optional(z.array(z.enum(["experience", "projects"]))), minWords: z.optional(z.int()) }),
    defaults: { sections: ["experience", "projects"] as Array<"experience" | "projects">, minWords: 4 },
  },
  check({ analysis, data, options }, report) {
    const doc = analysis.doc;
    const list = entries(doc, ...options.sections).filter((b) => b.text.split(/\s+/).length >= options.minWords);
    // The English lexicon is read only when a bullet does not open with a verb of the rule's own
    // list; a CV whose bullets are in French or Spanish (natural's stop words tell) gets no advice on
    // English verbs: such bullets open with nouns by custom ("Développement de …").
    let english: boolean | undefined;
    const inEnglish = () => (english ??= readsAsEnglish(list.map((b) => b.text).join("\n")));
    // Duties written as prose or one noun phrase a line, in a section without bullets: rewriting
    // them as bullets is one edit, so they are one finding, listing the others.
    const prose = new Set(options.sections.includes("experience") ? proseEntries(doc, "experience").map((b) => b.index) : []);
    const proseHits: Array<{ lineIndex: number; start: number; end: number; bullet: string }> = [];
    // A role that ended more than five years before the CV's latest date (the span unlisted-skills
    // uses) is not worth rewriting (ADVICE.md: a stale item is noise); its bullets still count in
    // the share the weight is taken from.
    const stale = staleLines(doc);
    // Roles that ended before the latest: their duties are done, and read in the past tense.
    const ended = endedRoleLines(doc);
    for (const b of list) {
      if (stale.has(b.start)) continue;
      const line = doc.lines[b.start]!;
      const text = fromFirstLetter(line.text);
      const lead = line.text.length - text.length;
      // A bullet that opens with a figure ("2 years as lead developer at …") names a role, and
      // one in lower case is a command, a file or the rest of a sentence: neither is judged.
      if (/\d/.test(line.text.slice(0, lead)) || !startsUpper(text)) continue;
      // The rest of a line a PDF broke ("FluxCD) with Helm": a parenthesis closed before it opens).
      // (A bullet that is a command, "Get-ChildItem -Recurse", is judged: a coach asks for what it achieved.)
      if (/^[^(\s]*\)/.test(text)) continue;
      // "ledger-lite — an open-source ledger": a project or role named before a dash or colon.
      // (The first test is a cheap necessary condition of the second. Neither needs the u flag: \S reads
      // a surrogate pair as two non-spaces either way, and without it V8 compiles them in microseconds.)
      if (/[—–:]\s|\s-\s/.test(text) && /^\S+(?:\s\S+){0,3}\s?[—–:]\s|^\S+(?:\s\S+){0,3}\s-\s/.test(text)) continue;
      const lower = text.toLowerCase();
      const weak = data.weakOpeners.find((w) => lower.startsWith(w.phrase) && !isLetterUnitAt(lower, w.phrase.length));
      if (weak) {
        // The same opener on several bullets is one habit to change: one finding, listing the others.
        report({
          messageId: "weakOpener",
          data: { opener: text.slice(0, weak.phrase.length), suggest: weak.suggest.join(", ") },
          at: { lineIndex: b.start, start: lead, end: lead + weak.phrase.length },
          weight: 1 / list.length,
          group: `weak:${weak.phrase}`,
        });
        continue;
      }
      const word = leadingWord(text);
      // (A line about learning, "Learn frameworks (Angular, Flask)", tells what the candidate was
      // taught, not a duty done: its tense is not the edit it needs.)
      if (word && ended.has(b.start) && !learningLine(text, data.passing.learningOpeners) && inEnglish()) {
        const past = pastOfPresent(text, word, englishWords());
        if (past) {
          // The same habit over a role's bullets is one edit: one finding, listing the others.
          report({ messageId: "presentTense", data: { word, past }, at: { lineIndex: b.start, start: lead, end: lead + word.length }, weight: 1 / list.length, group: "tense" });
          continue;
        }
      }
      if (!word || listedAction(word, data) || !inEnglish() || opensWithAction(text, word, data)) continue;
      if (prose.has(b.index)) {
        proseHits.push({ lineIndex: b.start, start: lead, end: lead + word.length, bullet: opening(text) });
        continue;
      }
      report({
        messageId: "noActionVerb",
        data: { word, bullet: opening(text) },
        at: { lineIndex: b.start, start: lead, end: lead + word.length },
        weight: 1 / list.length,
        group: `word:${word.toLowerCase()}`,
      });
    }
    const first = proseHits[0];
    for (const h of proseHits) {
      const at = { lineIndex: h.lineIndex, start: h.start, end: h.end };
      if (proseHits.length === 1) report({ messageId: "noActionVerb", data: { word: doc.lines[h.lineIndex]!.text.slice(h.start, h.end), bullet: h.bullet }, at, weight: 1 / list.length });
      else report({ messageId: "proseDuties", data: { count: proseHits.length, bullet: first!.bullet }, at, weight: 1 / list.length, group: "prose" });
    }
  },
});
