import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { stamp } from "../fingerprint.js";
import { letterRuns } from "../match/scan.js";
import { dataPath } from "../paths.js";

/**
 * English word classes from a lexicon, not a hand list: the lexicon of natural's Brill
 * part-of-speech tagger (about 92,000 words with their Penn Treebank tags, from pos-js), which
 * natural ships. The build keeps the classes the rules ask about (verbs, adverbs, prepositions,
 * function words) and natural's stop-word lists in dist/english-words.json, about 150 kB; a start
 * reads it only when a CV has bullets to judge.
 */
const LEXICON = "natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json";
/** natural's stop-word lists: English, and the languages written in Latin letters that CVs come in. */
const STOPWORDS: Record<string, string> = {
  en: "stopwords.js",
  fr: "stopwords_fr.js",
  es: "stopwords_es.js",
  pt: "stopwords_pt.js",
  it: "stopwords_it.js",
  nl: "stopwords_nl.js",
  pl: "stopwords_pl.js",
  sv: "stopwords_sv.js",
  no: "stopwords_no.js",
  id: "stopwords_id.js",
};
const PREPARED = "dist/english-words.json";
const DICTIONARY = "dist/english-dictionary.txt";

/** Tags of a word that can be a verb: base, past, participles, present. */
const VERB = /^VB[DGNPZ]?$/;
/** Determiners, pronouns, conjunctions, modals: words that open a phrase, not an action. */
const FUNCTION = /^(?:DT|PDT|PRP\$?|CC|TO|WDT|WP\$?|WRB|EX|MD)$/;

/**
 * A set of lower-case words kept as the build wrote it: one sorted string, words separated by
 * spaces, searched by bisection. Splitting it into a Set cost about 12 ms of a start for the
 * 14,000 verbs; a look-up here reads a few dozen characters.
 */
export class WordList {
  constructor(private readonly text: string) {}

  has(word: string): boolean {
    const t = this.text;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      let mid = (lo + hi) >>> 1;
      // The word around mid: back to its start, then to its end.
      while (mid > lo && t.charCodeAt(mid - 1) !== 32) mid--;
      let end = t.indexOf(" ", mid);
      if (end < 0 || end > hi) end = hi;
      const w = t.slice(mid, end);
      if (w === word) return true;
      if (w < word) lo = end + 1;
      else hi = mid === 0 ? 0 : mid - 1;
    }
    return false;
  }
}

export interface EnglishWords {
  verbs: WordList;
  /** Verbs whose most frequent reading is the base or present form ("develop", "manage"; not "design", a noun first, nor "open", an adjective). */
  baseVerbs: WordList;
  adverbs: WordList;
  /** Prepositions and subordinating conjunctions ("As", "In", "After", "While"). */
  prepositions: WordList;
  /** Determiners, pronouns, coordinating conjunctions, modals ("The", "Our", "And", "Can"). */
  functionWords: WordList;
  /** Stop words by language (en, fr, es, …), to tell an English text from another. */
  stopwords: Map<string, Set<string>>;
}

type Raw = { verbs: string; baseVerbs: string; adverbs: string; prepositions: string; functionWords: string; stopwords: Record<string, string> };

let cached: EnglishWords | undefined;

function sources(): string[] {
  const require = createRequire(import.meta.url);
  return [require.resolve(LEXICON), ...Object.values(STOPWORDS).map((f) => require.resolve(`natural/lib/natural/util/${f}`))];
}

/** Every word of the lexicon, lower case, sorted and joined by spaces (about 800 kB): what the build stores in dist/english-dictionary.txt. */
export function englishDictionaryText(): string {
  const lexicon = JSON.parse(readFileSync(sources()[0]!, "utf8")) as Record<string, string[]>;
  const words = new Set<string>();
  for (const word of Object.keys(lexicon)) {
    const w = word.toLowerCase();
    if (/^[a-z][a-z'-]*$/.test(w)) words.add(w);
  }
  return [...words].sort().join(" ");
}

let dictionary: WordList | undefined;

/** Whether a word is English (any word of the lexicon): read only when a rule needs to know. */
export function isEnglishWord(word: string): boolean {
  if (!dictionary) {
    let text: string;
    try {
      text = readFileSync(dataPath(DICTIONARY), "utf8");
    } catch {
      text = englishDictionaryText();
    }
    dictionary = new WordList(text);
  }
  return dictionary.has(word.toLowerCase());
}

/** The word classes as the build stores them: lower-case words joined by spaces, one string per class. */
export function englishWordsJson(): string {
  const files = sources();
  const file = files[0]!;
  const lexicon = JSON.parse(readFileSync(file, "utf8")) as Record<string, string[]>;
  const verbs = new Set<string>();
  const baseVerbs = new Set<string>();
  const adverbs = new Set<string>();
  const prepositions = new Set<string>();
  const functionWords = new Set<string>();
  // A word's tags, most frequent first; the lower-case entry when the lexicon has one ("Conduct" is also a name).
  const byWord = new Map<string, string[]>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const w = word.toLowerCase();
    if (!/^[a-z][a-z'-]*$/.test(w)) continue;
    if (word === w || !byWord.has(w)) byWord.set(w, tags);
  }
  for (const [w, tags] of byWord) {
    // The class of a word is its most frequent tag; a verb is any word that can be one ("conduct",
    // a noun first), unless it is first a function word ("the", "in" and "a" also carry verb tags).
    const first = tags[0]!;
    if (first === "RB") adverbs.add(w);
    else if (first === "IN") prepositions.add(w);
    else if (FUNCTION.test(first)) functionWords.add(w);
    else if (tags.some((t) => VERB.test(t))) verbs.add(w);
    if (first === "VB" || first === "VBP") baseVerbs.add(w);
  }
  const join = (s: Iterable<string>) => [...new Set(s)].sort().join(" ");
  const require = createRequire(import.meta.url);
  const stopwords: Record<string, string> = {};
  for (const [lang, f] of Object.entries(STOPWORDS)) {
    const m = require(`natural/lib/natural/util/${f}`) as { words?: string[] } | string[];
    stopwords[lang] = join((Array.isArray(m) ? m : (m.words ?? [])).map((w) => w.toLowerCase()));
  }
  return JSON.stringify({ fingerprint: stamp(files), verbs: join(verbs), baseVerbs: join(baseVerbs), adverbs: join(adverbs), prepositions: join(prepositions), functionWords: join(functionWords), stopwords });
}

/**
 * The word classes, loaded once: from the build's copy, else (a checkout not built) from natural's
 * files. The copy is not checked against natural's files at each start: resolving their paths
 * alone cost about 9 ms, and they change only with natural's version, which a build follows.
 */
export function englishWords(): EnglishWords {
  if (cached) return cached;
  let raw: Raw;
  try {
    raw = JSON.parse(readFileSync(dataPath(PREPARED), "utf8")) as Raw;
  } catch {
    raw = JSON.parse(englishWordsJson()) as Raw;
  }
  cached = {
    verbs: new WordList(raw.verbs),
    baseVerbs: new WordList(raw.baseVerbs),
    adverbs: new WordList(raw.adverbs),
    prepositions: new WordList(raw.prepositions),
    functionWords: new WordList(raw.functionWords),
    stopwords: new Map(Object.entries(raw.stopwords).map(([lang, words]) => [lang, new Set(words.split(" "))])),
  };
  return cached;
}

/** A word the lexicon knows as a verb, also in its British "-ise" spelling ("optimised", "standardising"). */
export function isEnglishVerb(word: string, en: EnglishWords = englishWords()): boolean {
  const w = word.toLowerCase();
  if (en.verbs.has(w)) return true;
  const us = w.replace(/is(e|ed|es|ing)$/, "iz$1");
  if (us !== w && en.verbs.has(us)) return true;
  // A verb with a prefix: "re-architected", "co-developed", "re-wrote".
  const m = /^(?:re|co|pre|un|over|out|up|de)-?(.+)$/.exec(w);
  return m !== null && m[1]!.length >= 3 && en.verbs.has(m[1]!);
}

/**
 * Whether a text reads as English: English stop words ("the", "of", "and", "with") cover at least
 * as much of it as those of any other language natural lists. Advice on English wording (action
 * verbs) is only for an English CV; a French one opens its bullets with nouns by custom.
 */
export function readsAsEnglish(text: string, en: EnglishWords = englishWords()): boolean {
  const counts = new Map<string, number>();
  let all = 0;
  for (const word of letterRuns(text.toLowerCase())) {
    all++;
    for (const [lang, words] of en.stopwords) if (words.has(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  if (all === 0) return true;
  const english = counts.get("en") ?? 0;
  for (const [lang, n] of counts) if (lang !== "en" && n > english) return false;
  return english / all >= 0.05;
}
