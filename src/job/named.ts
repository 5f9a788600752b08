import type { CompiledTaxonomy } from "../match/compile.js";
import { ordinary } from "../match/items.js";
import { looksTechy } from "../match/scan.js";
import type { JobCues } from "./cues.js";
import { isWhite, trimEndWhile, trimStartWhile } from "../trim.js";

/** A requirement outside the taxonomy, as the posting writes it: "Inversify", "file systems". */
export interface NamedCandidate {
  /** Offsets in the clause's text. */
  from: number;
  to: number;
  name: string;
  category: "technical" | "domain";
  /** An ordinary word: a requirement only if it names a taxonomy skill in its place ("Microsoft Azure (App Service, Functions)"). */
  onlyAsSkill?: boolean;
}

/** A piece of a clause between list separators: "Experience with TypeORM", "Inversify". */
interface Piece {
  from: number;
  to: number;
  text: string;
  known: boolean;
  /** The separator before it, trimmed and in lower case ("," "and" ":" "such as"). */
  before: string;
}

/** Separators of a list: punctuation, "and", "or", "etc.", and the example cues ("such as", "e.g."). */
const SEPARATOR = /(?:[,;:()[\]]|\s\/\s|\s&\s|\b(?:and\/or|and|or|o|ou|oder|as well as|etc|such as|e\.\s?g|for example|including|like)\b\.?)\s*/giu;
const CUT = new Set(["in", "at", "for", "with", "to", "from", "on", "by", "as", "when", "where", "that", "which", "who", "since", "during", "within", "across", "into", "using", "via", "is", "are", "was", "were", "be", "would", "will", "should", "can", "could", "may", "might", "must", "has", "have"]);
const STOP = new Set(["of", "the", "a", "an", "your", "our", "their", "this", "that", "these", "those", "we", "you", "it", "its", "they", "with", "in", "on", "to", "for", "at", "by", "from", "as", "is", "are", "be", "can", "will", "who", "which", "what", "how", "when", "not", "all", "any", "etc", "e.g"]);
const ACTIVITY = /^(?:building|developing|working|running|using|creating|writing|designing|maintaining|managing|implementing|leading|shipping|delivering|solving|handling|deploying|operating|supporting|participating|taking|making|applying)$/i;
/** "development of payment systems": the activity before the thing. */
const OF_LEAD = /^(?:development|design|use|usage|building|implementation|maintenance|operation|creation|the use) of$/i;

/** The pieces of a clause between list separators; known ranges are in text order. */
function pieces(text: string, from: number, to: number, knownRanges: Array<[number, number]>): Piece[] {
  const out: Piece[] = [];
  const clause = text.slice(from, to);
  let at = 0;
  let before = "";
  let kp = 0; // known ranges before this one end before the current piece
  const push = (a: number, b: number, sep: string) => {
    const raw = clause.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) {
      const f = from + a + lead;
      const e = f + t.length;
      while (kp < knownRanges.length && knownRanges[kp]![1] <= f) kp++;
      let known = false;
      for (let k = kp; k < knownRanges.length && knownRanges[k]![0] < e && !known; k++) known = knownRanges[k]![1] > f;
      out.push({ from: f, to: e, text: t, known, before });
    }
    before = sep.trim().toLowerCase();
  };
  let ks = 0;
  for (const m of clause.matchAll(SEPARATOR)) {
    // A separator inside a known name ("CI/CD", "Node.js, Express") does not cut it.
    const abs = from + m.index;
    while (ks < knownRanges.length && knownRanges[ks]![1] <= abs) ks++;
    const inside = ks < knownRanges.length && knownRanges[ks]![0] < abs;
    if (inside || m[0].trim() === "O") continue;
    push(at, m.index, m[0]);
    at = m.index + m[0].length;
  }
  push(at, clause.length, "");
  return out;
}


/** Separators that join list items, as opposed to parentheses or a lead ("for an (TBD) app"). */
const LIST_JOIN = new Set([",", "and", "or", "&", "/", "and/or", "o", "ou", "oder", "as well as", "etc", "etc.", ":", "such as", "e.g.", "e.g", "eg", "for example", "including", "like"]);
const EXAMPLE = new Set(["such as", "e.g.", "e.g", "eg", "for example", "including", "like"]);
/** How far a list is followed from one of its items. */
const WALK = 40;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Drop qualifiers before and generic nouns after: "Deep understanding of file systems" → "file systems". */
function strip(text: string, cues: JobCues, tax: CompiledTaxonomy): string[] | null {
  // A named phrase is a few words: a long piece is read from its start only.
  const head = text.length > 200 ? text.slice(0, 200) : text;
  let w = words(trimEndWhile(trimStartWhile(head, (c) => isWhite(c) || "\"“”'‘’*_`-".includes(c)), (c) => isWhite(c) || "\"“”'‘’*_`.,;:!?…-".includes(c)).replace(/[“”"‘’`*_]/g, ""));
  while (w.length && (cues.leading.has(w[0]!.toLowerCase()) || tax.lexicon.proficiency.has(w[0]!.toLowerCase()) || ["and", "or", "of", "with", "in"].includes(w[0]!.toLowerCase()))) w = w.slice(1);
  if (w.length >= 3 && OF_LEAD.test(`${w[0]} ${w[1]}`)) w = w.slice(2);
  if (w.length >= 4 && OF_LEAD.test(`${w[0]} ${w[1]} ${w[2]}`)) w = w.slice(3);
  // "open-source projects in the past": the phrase ends where a preposition or a relative clause starts.
  const cut = w.findIndex((x, k) => k > 0 && CUT.has(x.toLowerCase()));
  if (cut > 0) w = w.slice(0, cut);
  while (w.length > 1 && cues.trailing.has(w[w.length - 1]!.toLowerCase())) w = w.slice(0, -1);
  // "stream-processing systems": the kind of thing a head already names.
  if (w.length > 1 && cues.listHeads.has(w[w.length - 1]!.toLowerCase()) && endsInHead(w.slice(0, -1), cues)) w = w.slice(0, -1);
  return w.length ? w : null;
}

const lastPart = (w: string[]): string => w[w.length - 1]!.toLowerCase().split("-").pop()!;
const endsInHead = (w: string[], cues: JobCues): boolean => {
  const last = w[w.length - 1]!.toLowerCase();
  // "open-source": a hyphenated word ends in its last part.
  return cues.heads.has(last) || cues.areas.has(last) || (last.includes("-") && (cues.heads.has(lastPart(w)) || cues.areas.has(lastPart(w))));
};

/** A technology's name: one to three words, each capitalised, an acronym, camelCase or with a digit, none a common word of a posting. */
function techName(w: string[], cues: JobCues, tax: CompiledTaxonomy, sentenceStart: boolean, allowOrdinary: boolean): boolean {
  if (w.length > 3) return false;
  // An English word, a place or a month is not a name ("Product, Marketing, Design, QA"), except
  // in a list a kind of technology introduces ("template engines like Twig", "systems: Storm").
  if (w.length === 1 && !allowOrdinary && !/^[A-Z0-9]+$/.test(w[0]!) && ordinary(w[0]!)) return false;
  // A capital that only opens the sentence ("Ability to …", "Must be …") says nothing.
  if (sentenceStart && w.length === 1 && !/[A-Z].*[A-Z]|\d|[a-z][A-Z]|[.+#]/.test(w[0]!)) return false;
  const lower = w.map((x) => x.toLowerCase());
  if (lower.some((x) => cues.notNames.has(x) || tax.lexicon.spoken.has(x) || STOP.has(x))) return false;
  if (lower.every((x) => tax.lexicon.generic.has(x) || tax.lexicon.proficiency.has(x))) return false;
  // A number is no name, but part of one ("ISO 20022", "Web 3"): not first, and not alone.
  if (/^\d/.test(w[0]!) && /^\d+\+?$/.test(w[0]!)) return false;
  if (w.length > 1 && !w.every((x) => /[A-Z].*[A-Z]|\d|[a-z][A-Z]/.test(x))) return false; // "Spark-Streaming", "AWS MSK"; not "Computer Science"
  return w.every((x) => looksTechy(x));
}

/** A named area of knowledge: one of the areas ("cloud", "security"), or two or three words ending in a head noun ("file systems", "open source"). */
function areaName(words: string[], cues: JobCues, tax: CompiledTaxonomy): boolean {
  // "open-source" reads as "open source".
  const w = words.length === 1 && words[0]!.includes("-") ? words[0]!.split("-").filter(Boolean) : words;
  if (w.length === 1 ? !cues.areas.has(w[0]!.toLowerCase()) : w.length > 3 || !endsInHead(w, cues)) return false;
  const lower = w.map((x) => x.toLowerCase());
  if (lower.some((x) => STOP.has(x) || cues.notNames.has(x) || tax.lexicon.spoken.has(x) || /\d/.test(x) || ACTIVITY.test(x))) return false;
  return true;
}

function candidate(p: Piece, cues: JobCues, tax: CompiledTaxonomy, allowTech: boolean, allowArea: boolean, prefix = false, clauseFrom = -1, allowOrdinary = false): NamedCandidate | null {
  if (p.known) return null;
  let w = strip(p.text, cues, tax);
  const sentenceStart = p.from <= clauseFrom || p.before === "";
  // "Twig ensuring clean separation", right after "like": the name that opens a longer piece.
  if (w && prefix && w.length > 3) {
    if (!EXAMPLE.has(p.before) && p.before !== ":") return null;
    const n = w.findIndex((x) => !looksTechy(x));
    w = n > 0 && n <= 3 ? w.slice(0, n) : null;
  }
  if (!w || ACTIVITY.test(w[0]!)) return null;
  // "ZFS experience", "ISO 20022 messaging": a name and the kind of thing it is.
  if (w.length >= 2 && allowTech && !techName(w, cues, tax, sentenceStart, allowOrdinary) && (cues.heads.has(w[w.length - 1]!.toLowerCase()) || cues.listHeads.has(w[w.length - 1]!.toLowerCase())) && techName(w.slice(0, -1), cues, tax, sentenceStart, allowOrdinary)) w = w.slice(0, -1);
  const tech = allowTech && techName(w, cues, tax, sentenceStart, allowOrdinary);
  const area = !tech && allowArea && areaName(w, cues, tax);
  // An ordinary word is kept only if it turns out to be a part of a product ("Azure (Functions)").
  const onlyAsSkill = !tech && !area && allowTech && techName(w, cues, tax, sentenceStart, true);
  if (!tech && !area && !onlyAsSkill) return null;
  const name = w.join(" ");
  const at = p.text.indexOf(w[0]!);
  const from = p.from + Math.max(0, at);
  const endWord = w[w.length - 1]!;
  const to = p.from + p.text.lastIndexOf(endWord) + endWord.length;
  const domain = w.some((x) => cues.domainWords.has(x.toLowerCase()));
  // "payment systems" opens with a capital as a name does; "eBPF", "iOS" and "gRPC" keep their own case.
  const shown = /^\p{Ll}+(?:[-\s]|$)/u.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
  return { from, to, name: shown, category: domain ? "domain" : "technical", ...(onlyAsSkill ? { onlyAsSkill } : {}) };
}

/**
 * Requirements a clause names that no taxonomy entry explains, kept only as whole phrases:
 * - an unknown item of a list whose other items are known skills, or of a list after "…systems:"
 *   ("TypeORM and Inversify", "Azkaban, Luigi, Airflow, etc."), when it reads as a name;
 * - the phrase after a lead ("knowledge of stream processing", "contributions to open source
 *   projects"), when it is a name or an area ending in a head noun;
 * - a whole list item that is such an area or name ("Security consciousness", "ZFS experience").
 */
export function namedCandidates(text: string, from: number, to: number, knownRanges: Array<[number, number]>, wholeItem: boolean, cues: JobCues, tax: CompiledTaxonomy): NamedCandidate[] {
  const ps = pieces(text, from, to, knownRanges);
  const found: Array<NamedCandidate & { rank: number }> = [];
  const add = (c: NamedCandidate | null) => {
    if (c) found.push({ ...c, rank: found.length });
  };
  const listLike = (p: Piece) => p.known || words(p.text).length <= 4;
  ps.forEach((p, i) => {
    // "Cloud experience (AWS, GCP)": a parenthesised list of skills after it joins it too.
    const detailed = ps[i + 1]?.before === "(" && ps[i + 1]!.known;
    if (p.known || !(LIST_JOIN.has(p.before) || LIST_JOIN.has(ps[i + 1]?.before ?? "") || detailed)) return;
    // The list it belongs to: its neighbours joined to it by list separators.
    let f = i;
    while (f > 0 && i - f < WALK && LIST_JOIN.has(ps[f]!.before) && !EXAMPLE.has(ps[f]!.before) && ps[f]!.before !== ":" && listLike(ps[f - 1]!)) f--;
    let e = i;
    while (e + 1 < ps.length && e - i < WALK && LIST_JOIN.has(ps[e + 1]!.before) && listLike(ps[e + 1]!)) e++;
    const list = ps.slice(f, e + 1);
    const knownSibling = (list.length >= 2 && list.some((q) => q.known)) || detailed;
    // "…systems: Storm, Spark-Streaming", "tools like PHPStan, PHPMD", "template engines like Twig".
    const intro = ps[f - 1];
    const introduced = intro !== undefined && (ps[f]!.before === ":" || EXAMPLE.has(ps[f]!.before)) && cues.listHeads.has(lastPart(words(intro.text.replace(/[^\p{L}\p{N}\s-]/gu, ""))));
    if (knownSibling || introduced) add(candidate(p, cues, tax, true, knownSibling, true, from, introduced));
  });
  // After a lead: the piece that follows it, and the list it opens.
  const clause = text.slice(from, to);
  cues.leads.lastIndex = 0;
  for (const m of clause.matchAll(cues.leads)) {
    const at = from + m.index + m[0].length;
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ps[mid]!.to > at) hi = mid;
      else lo = mid + 1;
    }
    const k = lo;
    if (k >= ps.length) continue;
    const first = ps[k]!;
    const rest = first.from < at ? { ...first, from: at, text: text.slice(at, first.to), known: knownRanges.some(([x, y]) => x < first.to && y > at), before: "lead" } : first;
    add(candidate(rest, cues, tax, true, true, false, from));
    for (let j = k + 1; j < ps.length && listLike(ps[j]!) && [",", "and", "or", "&"].includes(ps[j]!.before); j++) add(candidate(ps[j]!, cues, tax, true, true));
  }
  if (wholeItem && ps.length === 1) add(candidate(ps[0]!, cues, tax, true, true, false, from));
  // Where two overlap, the one found first stands.
  found.sort((x, y) => x.from - y.from || x.rank - y.rank);
  const kept: typeof found = [];
  for (const c of found) {
    const prev = kept[kept.length - 1];
    if (prev && c.from < prev.to) {
      if (c.rank < prev.rank) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept.map(({ rank: _rank, ...c }) => c);
}

/** The spellings a CV may use for a named requirement: case aside, hyphens and spaces, singular and plural. */
export function namedVariants(name: string): string[] {
  const base = name.toLowerCase().replace(/[‐-―]/g, "-").trim();
  const forms = new Set<string>([base, base.replace(/-/g, " "), base.replace(/[-\s]/g, "")]);
  for (const f of [...forms]) {
    const w = f.split(" ");
    const last = w[w.length - 1]!;
    const singular = /ies$/.test(last) ? last.replace(/ies$/, "y") : /(?:ss|us|is)$/.test(last) ? last : last.replace(/s$/, "");
    const plural = /s$/.test(last) ? last : /[^aeiou]y$/.test(last) ? last.replace(/y$/, "ies") : `${last}s`;
    for (const l of [singular, plural]) forms.add([...w.slice(0, -1), l].join(" "));
  }
  return [...forms].filter((f) => f.length >= 2);
}
