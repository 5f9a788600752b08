import type { CvDocument, Line, SectionKind } from "../types.js";
import type { CompiledTaxonomy, Entry, TrieNode } from "./compile.js";
import { IMPORTED_WORD, isImported } from "../taxonomy/load.js";
import { hasLower, hasUpperRun, isLetterUnitAt, isSpace, startsUpper } from "./scan.js";
import { matchableTokens, type Token } from "./tokenize.js";
import { CvlintError, ErrorCodes } from "../errors.js";

/** One place where a skill is named. */
export interface Occurrence {
  skillId: string;
  /** The text as written, version included ("Postgres 15"). */
  text: string;
  /** Index of the line in the Document, and offsets in its text. */
  lineIndex: number;
  start: number;
  end: number;
  /** 1-based line and source column, as in findings. */
  line: number;
  column: number;
  page?: number;
  section: SectionKind;
  /**
   * How it matched: the canonical name, an alias, a case-sensitive spelling, an ambiguous name, or
   * a skills-list item read as a misspelling of the skill ("Rabitmq", items.ts).
   */
  via: Entry["via"] | "typo";
  /** The taxonomy spelling that matched. */
  form: string;
  /** For ambiguous names: the context that allowed the match. */
  context?: string;
  /** Written exactly as the canonical name (versions aside). */
  canonical: boolean;
  /** A name wrapped onto the next line: that line and where the name ends there. */
  spill?: { lineIndex: number; end: number };
}

interface Candidate {
  entry: Entry;
  ti: number;
  tj: number;
  start: number;
  coreEnd: number;
  end: number;
  accepted: boolean;
  rejected: boolean;
  context: string | undefined;
  /** For a match that runs on into the next line: that line and the end offset there. */
  spill: { lineIndex: number; end: number } | undefined;
  /** An ambiguous name written in lower case as a whole list item (lowerItem). */
  lower: boolean;
}

const YEAR = /^(?:19|20)\d\d$/;
const VERSION = /^v?\d+(?:\.\d+)*\+?$|^\d+\.x$/i;
/** "written in Go", "built with Express": prepositions that confirm a language or framework. */
const PREPOSITIONS: Record<string, Set<string>> = {
  languages: new Set(["in", "using", "with", "via", "into", "to"]),
  frameworks: new Set(["using", "with", "via", "in"]),
};
const SENTENCE_BREAK = /^[.;:!?()[\]{}"“”]$/;
/** A token that ends a clause: a sentence break other than a parenthesis ("frameworks (Angular, flask)" is one clause). */
const endsClause = (t: Token): boolean => SENTENCE_BREAK.test(t.text) && t.text !== "(" && t.text !== ")";
/** For longest(): a line is never taken as set in capitals. */
const NEVER_CAPS = (): boolean => false;

/** A line that is a skills list: in a skills section, or "Label: a, b, c" anywhere. */
export function isListLine(line: Line, section: SectionKind): boolean {
  if ((section === "skills" || section === "requirements" || section === "nice-to-have" || section === "stack") && line.kind !== "heading") return true;
  const m = /^[^:]{2,40}:\s*(.+)$/.exec(line.text);
  return m !== null && (m[1]!.match(/[,;|]/g) ?? []).length >= 2;
}

/**
 * A version right after a name: glued or one space away, not a year, and not a count
 * ("Java 8 years", "Mentored 4 engineers"): a dotted version, or a number followed by nothing,
 * punctuation or a conjunction.
 */
function isVersionAt(toks: Token[], j: number): boolean {
  const t = toks[j]!;
  if (!VERSION.test(t.text) || YEAR.test(t.text) || t.start - toks[j - 1]!.end > 1) return false;
  if (/[.x+]/i.test(t.text) || /^v/i.test(t.text)) return true;
  const after = toks[j + 1];
  return !after || !after.word || ["and", "or", "with"].includes(after.norm) || t.start === toks[j - 1]!.end;
}

/** Whether the tokens i..j (inclusive) are written as a case-sensitive entry wants. */
function sameCase(entry: Entry, toks: Token[], i: number, j: number, lineIsCaps: () => boolean): boolean {
  if (!entry.caseSensitive) return true;
  let exact = true;
  for (let k = i; k <= j && exact; k++) exact = toks[k]!.text === entry.tokens[k - i];
  if (exact) return true;
  // In a line set in capitals ("LANGUAGES: JAVA, GO"), an upper-case ambiguous name still counts.
  if (!lineIsCaps()) return false;
  for (let k = i; k <= j; k++) if (toks[k]!.text !== entry.tokens[k - i]!.toUpperCase()) return false;
  return true;
}

/** /[,;.:!?)\]|]\s*$/: the line ends with a separator, spaces aside. */
function endsWithSeparator(text: string): boolean {
  let e = text.length;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return e > 0 && ",;.:!?)]|".includes(text[e - 1]!);
}

/** A line's tokens followed by the next line's, shifted by `shift`. */
function withNext(own: Token[], next: Token[], shift: number): Token[] {
  const toks = own.slice();
  for (let k = 0; k < next.length; k++) {
    const t = next[k]!;
    toks.push({ text: t.text, norm: t.norm, start: t.start + shift, end: t.end + shift, word: t.word });
  }
  return toks;
}

/** Whether some taxonomy name could start in the last tokens of a line and continue past its end. */
function mayContinue(root: TrieNode, toks: Token[]): boolean {
  for (let i = Math.max(0, toks.length - 4); i < toks.length; i++) {
    let node: TrieNode | undefined = root;
    for (let j = i; j < toks.length && node; j++) node = node.next.get(toks[j]!.norm);
    if (node && node.next.size > 0) return true;
  }
  return false;
}

/** Longest match starting at token i whose case fits; null when none. */
function longest(root: TrieNode, toks: Token[], i: number, lineIsCaps: () => boolean): { entry: Entry; tj: number } | null {
  let node: TrieNode | undefined = root;
  let best: { entry: Entry; tj: number } | null = null;
  for (let j = i; j < toks.length; j++) {
    node = node.next.get(toks[j]!.norm);
    if (!node) break;
    if (node.entries.length) {
      // Prefer a safe spelling over an ambiguous one for the same span.
      let pick: Entry | undefined;
      let firstFit: Entry | undefined;
      for (const e of node.entries) {
        if (!sameCase(e, toks, i, j, lineIsCaps)) continue;
        if (!e.ambiguous) {
          pick = e;
          break;
        }
        firstFit ??= e;
      }
      pick ??= firstFit;
      if (pick) best = { entry: pick, tj: j + 1 };
    }
  }
  if (best) return best;
  const t = toks[i]!;
  // "SpringData-JPA", "SQLServer", "SpringBoot": a name of several words run together.
  const glued = gluedName(root, toks, i);
  if (glued) return glued;
  // "Python3", "Java8", "Vue3": a name with its version glued on.
  const last = t.text.charCodeAt(t.text.length - 1);
  if (!(last >= 48 && last <= 57)) return null;
  const m = /^(.*?[a-z+#])(\d+(?:\.\d+)*)$/i.exec(t.text);
  if (m && m[1]!.length >= 2) {
    const n = root.next.get(m[1]!.toLowerCase());
    const e = n?.entries.find((x) => !x.caseSensitive || x.tokens[0] === m[1]);
    if (e && !e.ambiguous) return { entry: e, tj: i + 1 };
  }
  return null;
}

/**
 * The words of a token written in camel case, lower case: "SpringData" is spring, data;
 * "SQLServer" is sql, server (a run of capitals ends before the capital that opens a word).
 * Null for a token that is not two words or more run together (most tokens: one pass, no
 * allocation).
 */
export function camelWords(s: string): string[] | null {
  const n = s.length;
  let out: string[] | null = null;
  let from = 0;
  for (let k = 1; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 65 || c > 90) continue;
    const p = s.charCodeAt(k - 1);
    const nx = k + 1 < n ? s.charCodeAt(k + 1) : 0;
    if ((p >= 97 && p <= 122) || (p >= 65 && p <= 90 && nx >= 97 && nx <= 122)) {
      (out ??= []).push(s.slice(from, k).toLowerCase());
      from = k;
    }
  }
  if (out === null) return null;
  out.push(s.slice(from).toLowerCase());
  // Only letters: "OAuth2Client" or "v2Beta" are not words run together.
  for (const w of out) if (!/^[a-z]{2,}$/.test(w)) return null;
  return out;
}

/**
 * A name of several words that the text runs together into one token ("SpringData-JPA",
 * "SQLServer", "SpringBoot"), read as the words, and on into the next tokens: the whole token
 * must be the name's first words (the match never ends inside it: "RestTemplate" is not REST),
 * and only a spelling that counts anywhere (not an ambiguous or case-sensitive one) is taken.
 */
function gluedName(root: TrieNode, toks: Token[], i: number): { entry: Entry; tj: number } | null {
  const words = camelWords(toks[i]!.text);
  if (!words) return null;
  let node: TrieNode | undefined = root;
  for (const w of words) {
    node = node.next.get(w);
    if (!node) return null;
  }
  let best: { entry: Entry; tj: number } | null = null;
  const safe = (n: TrieNode): Entry | undefined => n.entries.find((e) => !e.ambiguous && !e.caseSensitive);
  let e = safe(node);
  if (e) best = { entry: e, tj: i + 1 };
  for (let j = i + 1; j < toks.length; j++) {
    node = node.next.get(toks[j]!.norm);
    if (!node) break;
    e = safe(node);
    if (e) best = { entry: e, tj: j + 1 };
  }
  return best;
}

/**
 * "helm, kubectl", "Golang (echo, fiber)": in a skills list, an ambiguous name written in lower case
 * that is a whole item by itself (between separators or parentheses) is the skill, as lists are
 * often written in lower case. In a sentence it still needs its own case.
 */
function lowerItem(root: TrieNode, toks: Token[], i: number, text: string, inParens = false): { entry: Entry; tj: number } | null {
  const t = toks[i]!;
  if (t.text !== t.norm || t.end > text.length) return null;
  const entry = root.next.get(t.norm)?.entries.find((e) => e.ambiguous && e.tokens.length === 1);
  if (!entry) return null;
  if (inParens && !inParenList(text, t.start, t.end)) return joinedToLower(root, toks, i) ? { entry, tj: i + 1 } : null;
  let a = t.start - 1;
  while (a >= 0 && isSpace(text.charCodeAt(a))) a--;
  let b = t.end;
  while (b < text.length && isSpace(text.charCodeAt(b))) b++;
  const opens = a < 0 || ",;(|:•·–—".includes(text[a]!) || (text[a] === "-" && a === 0);
  const closes = b >= text.length || ",;)|".includes(text[b]!);
  return opens && closes ? { entry, tj: i + 1 } : null;
}

/** Words that join two names in a sentence: "nginx & apache", "redis and go". */
const NAME_JOINS = new Set(["&", "and", "or", ","]);

/**
 * "Managing nginx & apache servers": a lower-case word joined straight to a skill named safely and
 * written in lower case too, as a writer who writes names so does, is an item of that pair.
 */
function joinedToLower(root: TrieNode, toks: Token[], i: number): boolean {
  for (const d of [-2, 2]) {
    const k = i + d;
    const j = toks[i + d / 2];
    const o = toks[k];
    if (!j || !o || !NAME_JOINS.has(j.norm) || o.text !== o.norm || !o.word) continue;
    const hit = longest(root, toks, k, NEVER_CAPS);
    if (hit && !hit.entry.ambiguous && hit.tj === k + 1) return true;
  }
  return false;
}

/**
 * Whether text[start, end) is an item of a list in parentheses: "frameworks (Angular, flask)".
 * Outside a skills list, only such a list names lower-case tools as items.
 */
function inParenList(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf("(", start);
  if (open < 0 || text.lastIndexOf(")", start) > open) return false;
  const close = text.indexOf(")", end);
  if (close < 0) return false;
  const inner = text.slice(open + 1, close);
  return !inner.includes("(") && /[,;|]/.test(inner);
}

/** The matchable tokens of each line of a document, by line index. */
export function lineTokens(doc: CvDocument): Token[][] {
  // (A loop into a literal, not map(), so that the array has one elements kind whatever its length.)
  const out: Token[][] = [];
  for (const l of doc.lines) out.push(matchableTokens(l.text));
  return out;
}

/**
 * Find every skill named in a document. Ambiguous names (Go, Spring, Oracle, Chef…) count only in
 * a skills list, next to another skill, after "in/using/with" (languages and frameworks), or with
 * a qualifier ("Go services", "Chef cookbooks", "Swift 5"); never before a year ("Spring 2023").
 * Nothing matches inside URLs, e-mail addresses or file paths, and a profile link ("GitHub:
 * github.com/jane", a "GitHub" link to github.com) is not the skill.
 */
/**
 * Most names a document may hold. A CV names skills a few hundred times at most (the corpus: 300);
 * a text that repeats four names 66,000 times on one line needed more than a worker's heap after
 * 9 s of work (issue 24): every name found costs an occurrence, a list item, and places in the
 * rules. Past this count the file is refused while it is matched, before any of that.
 */
export const MAX_NAMES = 100_000;

const tooManyNames = (): CvlintError => new CvlintError(ErrorCodes.FILE_TOO_LARGE, `names skills more than ${MAX_NAMES} times; a CV names them a few hundred times (refused while reading)`);

export function findOccurrences(doc: CvDocument, tax: CompiledTaxonomy, tokens: Token[][] = lineTokens(doc)): Occurrence[] {
  const out: Occurrence[] = [];
  let carry = 0; // tokens at the start of this line already taken by a match from the line before
  for (const line of doc.lines) {
    const section = doc.sections[line.section]?.kind ?? "other";
    const own = tokens[line.index]!;
    const from = carry;
    carry = 0;
    if (own.length <= from) continue;
    // A name can wrap onto the next line of the same section ("Entity Framework" / "Core"),
    // unless the line ends with a separator.
    const next = doc.lines[line.index + 1];
    const wraps = next !== undefined && next.section === line.section && next.kind !== "heading" && line.kind !== "heading" && !endsWithSeparator(line.text);
    const shift = line.text.length + 1;
    // The next line's tokens are appended only when a name might run on into it.
    const runsOn = wraps && mayContinue(tax.root, own);
    // (Shifted tokens are built with the tokenizer's shape: a spread would give them another hidden class.)
    const toks = runsOn ? withNext(own, tokens[next.index]!, shift) : own;
    let caps: boolean | undefined;
    const lineIsCaps = (): boolean => (caps ??= !hasLower(line.text) && hasUpperRun(line.text, 2));
    const cands: Candidate[] = [];
    const inList = isListLine(line, section);
    for (let i = from; i < own.length; ) {
      const exact = longest(tax.root, toks, i, lineIsCaps);
      const hit = exact ?? lowerItem(tax.root, toks, i, line.text, !inList);
      if (!hit) {
        i++;
        continue;
      }
      let tj = hit.tj;
      const coreEnd = toks[tj - 1]!.end;
      // Versions after the name belong to the occurrence: "Java 17", "PostgreSQL 15", "Node 20", "Angular 16+".
      if (hit.entry.skill.category !== "soft-skills") while (tj < toks.length && isVersionAt(toks, tj)) tj++;
      const end = toks[tj - 1]!.end;
      const spill = end > line.text.length && next ? { lineIndex: next.index, end: end - shift } : undefined;
      cands.push({ entry: hit.entry, ti: i, tj: hit.tj, start: toks[i]!.start, coreEnd, end, accepted: !hit.entry.ambiguous, rejected: false, context: undefined, spill, lower: exact === null });
      if (out.length + cands.length > MAX_NAMES) throw tooManyNames();
      i = tj;
    }
    if (cands.length === 0) continue;
    // Lower-case names count only among skills named safely ("Golang (echo, fiber)", "helm, kubectl"):
    // "go, spring, express" alone may be words.
    if (!cands.some((c) => !c.entry.ambiguous)) for (const c of cands) if (c.lower) c.rejected = true;
    // A paragraph wrapped over lines: a skill named at the end of the line before or the start of
    // the next one is as near ("database backends (Oracle," / "Postgresql, and …").
    const edges = (): Edges => ({
      before: line.index > 0 && sameParagraph(doc.lines[line.index - 1]!, line) ? safeNameAtEdge(tax.root, tokens[line.index - 1]!, false) : null,
      after: next !== undefined && sameParagraph(line, next) ? safeNameAtEdge(tax.root, tokens[next.index]!, true) : null,
    });
    resolveAmbiguous(cands, toks, inList, tax, line.text.length, own.length, edges);
    sharedNouns(cands, toks, tax.root, own.length);
    // The text the candidates are cut from: the line, and the next one when a name may run on.
    const text = wraps ? `${line.text} ${next.text}` : line.text;
    for (const c of cands) {
      if (!c.accepted || isProfileLink(c, toks, text, doc, line)) continue;
      // "http", "json", "ssl" in lower case in prose are a command's argument, a file's extension or
      // a URL's scheme more often than the protocol or format a CV claims (HTTP, JSON, TLS/SSL).
      if (!inList && LOWER_PROTOCOL.test(text.slice(c.start, c.coreEnd)) && PROTOCOL_CATEGORIES.has(c.entry.skill.category) && ACRONYM.test(c.entry.skill.name)) continue;
      // An imported brand in a header, education or certifications names a profile, a school or an issuer (X, Coursera, CNCF).
      if (OFF_LIST_SECTIONS.has(section) && isImported(c.entry.skill)) continue;
      // An imported name hyphen-joined to a word before it is that word's second half: "Bare-Metal"
      // is not the Metal language. ("Nextflow-based" keeps its name; curated names keep their own rules.)
      if (isImported(c.entry.skill) && afterHyphen(text, c.start)) continue;
      if (c.spill) carry = Math.max(carry, toks.filter((t) => t.start >= shift && t.end <= c.end).length);
      // One object shape for every occurrence (absent fields are undefined, not missing), so
      // that the code reading them sees a single hidden class.
      out.push({
        skillId: c.entry.skill.id,
        text: text.slice(c.start, c.end),
        lineIndex: line.index,
        start: c.start,
        end: Math.min(c.end, line.text.length),
        line: line.pos.line,
        column: line.cols[c.start] ?? line.pos.column,
        page: line.pos.page,
        section,
        via: c.entry.via,
        form: c.entry.form,
        context: c.context || undefined,
        canonical: text.slice(c.start, c.coreEnd).replace(/\s+/g, " ") === c.entry.skill.name,
        spill: c.spill,
      });
    }
  }
  return out;
}

/** Whether text at `start` follows a hyphen that follows a letter ("Bare-Metal"). */
function afterHyphen(text: string, start: number): boolean {
  return start >= 2 && text[start - 1] === "-" && isLetterUnitAt(text, start - 2);
}

/** A protocol or format named by its acronym ("HTTP", "TLS/SSL", "TCP/IP"), and the same letters in lower case. */
const ACRONYM = /^[A-Z][A-Z0-9]{1,5}(?:\/[A-Z][A-Z0-9]{1,5})?$/;
const LOWER_PROTOCOL = /^[a-z][a-z0-9]{1,5}$/;
const PROTOCOL_CATEGORIES = new Set(["apis", "os", "security"]);

/** Sections where an imported name is not read as a skill. */
const OFF_LIST_SECTIONS = new Set<SectionKind>(["header", "education", "certifications"]);

/**
 * Two lines of one paragraph: one block, or two paragraph lines of a section one source line
 * apart (a plain-text CV wrapped by hand, each line a block of its own).
 */
function sameParagraph(a: Line, b: Line): boolean {
  if (a.section !== b.section || a.kind === "heading" || b.kind === "heading") return false;
  return a.block === b.block || (a.kind === "paragraph" && b.kind === "paragraph" && b.pos.line === a.pos.line + 1 && b.pos.page === a.pos.page);
}

/** How many tokens lie between a line's edge and a skill named safely on the line before (`before`) or after it; null: none within four. */
interface Edges {
  before: number | null;
  after: number | null;
}

/**
 * A skill named by a spelling that counts anywhere within the first four tokens of a line
 * (`head`), or ending within its last four: the tokens between it and the edge, or null. A
 * sentence break between ends the search.
 */
function safeNameAtEdge(root: TrieNode, toks: Token[], head: boolean): number | null {
  if (head) {
    for (let k = 0; k < Math.min(toks.length, 5); k++) {
      const hit = longest(root, toks, k, NEVER_CAPS);
      if (hit && !hit.entry.ambiguous) return k;
      if (endsClause(toks[k]!)) return null;
    }
    return null;
  }
  for (let k = toks.length - 1; k >= 0 && k >= toks.length - 6; k--) {
    const gap = toks.length - 1 - k;
    if (endsClause(toks[k]!)) return null;
    // A name of up to three tokens ending at k.
    for (let a = Math.max(0, k - 2); a <= k; a++) {
      const hit = longest(root, toks, a, NEVER_CAPS);
      if (hit && !hit.entry.ambiguous && hit.tj === k + 1) return gap <= 4 ? gap : null;
    }
  }
  return null;
}

/** Words that join names sharing one noun: "shell and Python scripts", "unit, integration and e2e tests". */
const SHARE_JOINS = new Set([",", "/", "&", "and", "or"]);

/**
 * "shell and Python scripts", "unit, integration and e2e tests": words joined before a skill share
 * the noun after it (or its own last word), and each that makes a taxonomy name with that noun
 * ("shell scripts", "unit tests") names that skill too. A word that makes none ("fast and
 * reliable tests") is left alone, and only a spelling that counts anywhere is taken.
 */
function sharedNouns(cands: Candidate[], toks: Token[], root: TrieNode, ownLength: number): void {
  const added: Candidate[] = [];
  const taken = (k: number) => cands.some((o) => o.ti <= k && k < o.tj) || added.some((o) => o.ti === k);
  for (const c of cands) {
    if (!c.accepted || c.ti < 2) continue;
    const nouns: Token[] = [];
    const after = toks[c.tj];
    if (after?.word && c.tj < ownLength) nouns.push(after);
    if (c.tj - c.ti >= 2) nouns.push(toks[c.tj - 1]!);
    const before = added.length;
    for (const noun of nouns) {
      for (let j = c.ti - 1, n = 0; n < 4 && j >= 1; n++) {
        if (!SHARE_JOINS.has(toks[j]!.norm)) break;
        let k = j - 1;
        // ", and" is one join.
        if (SHARE_JOINS.has(toks[k]!.norm) && k >= 1) k--;
        const w = toks[k]!;
        if (!w.word || taken(k)) break;
        const e = root.next.get(w.norm)?.next.get(noun.norm)?.entries.find((x) => !x.ambiguous && !x.caseSensitive);
        if (e && e.skill.id !== c.entry.skill.id) added.push({ entry: e, ti: k, tj: k + 1, start: w.start, coreEnd: w.end, end: w.end, accepted: true, rejected: false, context: `sharing "${noun.text}"`, spill: undefined, lower: false });
        j = k - 1;
      }
      if (added.length > before) break;
    }
  }
  sharedHeads(cands, toks, root, ownLength, added, taken);
  if (added.length === 0) return;
  cands.push(...added);
  cands.sort((a, b) => a.ti - b.ti);
}

/**
 * "Serverless Framework/Architecture", "Spring Boot/Cloud": a word glued by a slash after a name of
 * two or more words takes the place of its last word, and names the skill the name's other words
 * make with it ("Serverless Architecture", "Spring Cloud"), when that is a taxonomy spelling that
 * counts anywhere. The word must end its part ("Spring Boot/Cloud services" is left alone) and
 * begin no name of its own ("Spring Boot/Hibernate").
 */
function sharedHeads(cands: Candidate[], toks: Token[], root: TrieNode, ownLength: number, added: Candidate[], taken: (k: number) => boolean): void {
  for (const c of cands) {
    if (!c.accepted || c.tj - c.ti < 2 || c.tj + 1 >= ownLength) continue;
    const slash = toks[c.tj]!;
    const w = toks[c.tj + 1]!;
    if (slash.text !== "/" || slash.start !== toks[c.tj - 1]!.end || w.start !== slash.end || !w.word || taken(c.tj + 1)) continue;
    if (c.tj + 2 < ownLength && toks[c.tj + 2]!.word) continue;
    if (root.next.get(w.norm)?.entries.length) continue;
    let node: TrieNode | undefined = root;
    for (let k = c.ti; k < c.tj - 1 && node; k++) node = node.next.get(toks[k]!.norm);
    const e = node?.next.get(w.norm)?.entries.find((x) => !x.ambiguous && !x.caseSensitive);
    if (!e || e.skill.id === c.entry.skill.id) continue;
    const shared = toks.slice(c.ti, c.tj - 1).map((t) => t.text).join(" ");
    added.push({ entry: e, ti: c.tj + 1, tj: c.tj + 2, start: w.start, coreEnd: w.end, end: w.end, accepted: true, rejected: false, context: `sharing "${shared}"`, spill: undefined, lower: false });
  }
}

function resolveAmbiguous(cands: Candidate[], toks: Token[], inList: boolean, tax: CompiledTaxonomy, lineEnd: number, ownLength = toks.length, edges?: () => Edges): void {
  for (const c of cands) {
    if (c.accepted || c.rejected) continue;
    const next = toks[c.tj];
    const prev = toks[c.ti - 1];
    if (next && YEAR.test(next.text)) continue; // "Spring 2023", "Go 2024 offsite"
    // "Apache Hive", "Chef Marco": a capitalised word glued to an ambiguous name makes another name.
    if (next && next.word && next.start < lineEnd && startsUpper(next.text) && next.start - toks[c.tj - 1]!.end <= 1 && !cands.some((o) => o.ti === c.tj) && !tax.lexicon.qualifiers.has(next.norm)) {
      c.rejected = true;
      continue;
    }
    // An imported name that reads as ordinary words ("Processing", "Backbone") is a skill only as a list item.
    if (c.entry.skill.source.endsWith(IMPORTED_WORD)) {
      if (inList) {
        c.accepted = true;
        c.context = "in a skills list";
      } else c.rejected = true;
      continue;
    }
    if (inList) {
      c.accepted = true;
      c.context = "in a skills list";
    } else if (next && tax.lexicon.qualifiers.has(next.norm)) {
      c.accepted = true;
      c.context = `qualified by "${next.text}"`;
    } else if (next && isVersionAt(toks, c.tj)) {
      c.accepted = true;
      c.context = `followed by version ${next.text}`;
    } else if (prev && PREPOSITIONS[c.entry.skill.category]?.has(prev.norm) && c.ti > 1 && !SENTENCE_BREAK.test(toks[c.ti - 2]!.text)) {
      c.accepted = true;
      c.context = `after "${prev.text}"`;
    }
  }
  // Next to another skill: within four tokens, with no sentence break between.
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of cands) {
      if (c.accepted || c.rejected || (toks[c.tj] && YEAR.test(toks[c.tj]!.text))) continue;
      const near = cands.find((o) => o !== c && o.accepted && Math.min(Math.abs(o.ti - c.tj), Math.abs(c.ti - o.tj)) <= 4 && !toks.slice(Math.min(o.tj, c.tj), Math.max(o.ti, c.ti)).some(endsClause));
      if (near) {
        c.accepted = true;
        c.context = `next to ${near.entry.skill.name}`;
        changed = true;
      }
    }
  }
  // Next to a skill on the line before or after, in the same paragraph.
  let e: Edges | undefined;
  for (const c of cands) {
    if (c.accepted || c.rejected || !edges || c.tj > ownLength || (toks[c.tj] && YEAR.test(toks[c.tj]!.text))) continue;
    e ??= edges();
    const clear = (from: number, to: number): boolean => !toks.slice(from, to).some(endsClause);
    if (e.after !== null && ownLength - c.tj + e.after <= 4 && clear(c.tj, ownLength)) {
      c.accepted = true;
      c.context = "next to a skill on the next line";
    } else if (e.before !== null && c.ti + e.before <= 4 && clear(0, c.ti)) {
      c.accepted = true;
      c.context = "next to a skill on the line before";
    }
  }
}

const PROFILE_HOSTS: Record<string, string> = { github: "github.", gitlab: "gitlab.", bitbucket: "bitbucket." };

/** Words after a code host's name that make it a profile or a count on one ("600+ GitHub stars"), not the tool. */
const PROFILE_WORDS = new Set(["stars", "star", "stargazers", "followers", "follower", "profile", "handle", "username", "account", "sponsors", "contributions"]);

/**
 * "GitHub: github.com/jane", a "GitHub" link to github.com, "GitHub profile" or "600+ GitHub
 * stars" is a profile or its popularity, not the skill.
 */
function isProfileLink(c: Candidate, toks: Token[], text: string, doc: CvDocument, line: Line): boolean {
  const host = PROFILE_HOSTS[c.entry.skill.id];
  if (!host) return false;
  const next = toks[c.tj];
  if (next && PROFILE_WORDS.has(next.norm)) return true;
  // "on my GitHub", "see my GitLab": the candidate's own profile, not the tool.
  const before = c.ti > 0 ? toks[c.ti - 1]!.norm : "";
  if (before === "my" || before === "our") return true;
  for (const l of doc.links) if (l.line === line.pos.line && l.url.toLowerCase().includes(host)) return true;
  const after = text.slice(c.end, c.end + 40);
  return /^\s*[:\-–—|]?\s*(?:https?:\/\/|www\.|[\w.-]*\.com\/|@)/i.test(after) || next?.text === ":";
}
