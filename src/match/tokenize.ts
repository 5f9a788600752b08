import { ASCII_CLASS, classAt, cpBefore, hasWww, isAlnum, isAsciiWordUnit, isSpace, LETTER, unitAt, widthAt } from "./scan.js";
import { oneOf, trimEndWhile } from "../trim.js";

/** A token of a line: a word, a number or a punctuation mark, with its offsets in the line. */
export interface Token {
  text: string;
  /** Lower-case form used for lookups. */
  norm: string;
  start: number;
  end: number;
  word: boolean;
}

/*
 * Words keep the punctuation that makes technology names: C++, C#, F#, .NET, ASP.NET, Node.js,
 * Vue.js, k8s, R&D, AT&T. Slashes are their own tokens (CI/CD and PL/SQL are matched as token
 * sequences, Docker/Kubernetes splits), and hyphens are dropped so that "problem-solving" reads
 * as "problem solving" and "Objective-C" as "objective c" on both sides of the match.
 *
 * The scanner below finds exactly the tokens of the regular expression it replaced (kept in
 * tests/tokenize.test.ts, which holds the two equal), without the 9 ms V8 spent compiling that
 * expression at every start:
 *
 *   \p{L}+&\p{L}+ | [\p{L}\p{N}_]+(?:['’.][\p{L}\p{N}_]+)*(?:\+\+|#|\+(?![\p{L}\p{N}]))?
 *   | (?<![\p{L}\p{N}])\.[\p{L}][\p{L}\p{N}]* | [^\s\p{L}\p{N}\-\u2010\u2011]
 */

const UNDERSCORE = 95;
/** [\p{L}\p{N}_] at i (false past the end). */
const wordCharAt = (text: string, i: number): boolean => unitAt(text, i) === UNDERSCORE || classAt(text, i) > 0;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? ASCII_CLASS[c]! : classAt(text, i);
    const len = c < 128 ? 1 : widthAt(text, i);
    // Where the word scan below starts: after a leading run of letters, which it would only read again.
    let from = i;
    let lettersSeen = false;
    if (k === LETTER) {
      // Letters & letters: R&D, AT&T.
      let q = i + len;
      while (q < n) {
        const u = text.charCodeAt(q);
        if (u < 128 ? ASCII_CLASS[u] !== LETTER : classAt(text, q) !== LETTER) break;
        q += u < 128 ? 1 : widthAt(text, q);
      }
      if (unitAt(text, q) === 38 && classAt(text, q + 1) === LETTER) {
        let r = q + 1;
        while (r < n && classAt(text, r) === LETTER) r += widthAt(text, r);
        const t = text.slice(i, r);
        out.push({ text: t, norm: t.toLowerCase(), start: i, end: r, word: true });
        i = r;
        continue;
      }
      from = q;
      lettersSeen = true;
    }
    if (k > 0 || c === UNDERSCORE) {
      // A word, with inner ' ’ . joins (Node.js, don't) and a ++, # or + suffix (C++, C#).
      let q = from;
      let word = lettersSeen;
      for (;;) {
        while (q < n) {
          const u = text.charCodeAt(q);
          if (u < 128) {
            // [A-Za-z0-9] makes a word; _ joins without making one.
            if (u !== UNDERSCORE) {
              if (ASCII_CLASS[u] === 0) break;
              word = true;
            }
            q++;
            continue;
          }
          if (classAt(text, q) <= 0) break;
          word = true;
          q += widthAt(text, q);
        }
        const j = unitAt(text, q);
        if ((j === 39 || j === 0x2019 || j === 46) && wordCharAt(text, q + 1)) {
          q++;
          continue;
        }
        break;
      }
      // The suffix's length is added on every word, not only after C++ or C#: optimized code meeting
      // an operation it never ran before (the first "C++" of a batch) deoptimizes.
      const plus = unitAt(text, q) === 43;
      const hash = unitAt(text, q) === 35;
      const plus2 = unitAt(text, q + 1) === 43;
      const alone = classAt(text, q + 1) <= 0;
      q += plus ? (plus2 ? 2 : alone ? 1 : 0) : hash ? 1 : 0;
      const t = text.slice(i, q);
      out.push({ text: t, norm: t.toLowerCase(), start: i, end: q, word });
      i = q;
      continue;
    }
    if (c === 46 && !isAlnum(cpBefore(text, i)) && classAt(text, i + 1) === LETTER) {
      // A leading dot: .NET.
      let q = i + 1;
      while (q < n && classAt(text, q) > 0) q += widthAt(text, q);
      const t = text.slice(i, q);
      out.push({ text: t, norm: t.toLowerCase(), start: i, end: q, word: true });
      i = q;
      continue;
    }
    // Any other mark on its own, except spaces and hyphens.
    if (c !== 45 && c !== 0x2010 && c !== 0x2011 && !isSpace(len === 2 ? text.codePointAt(i)! : c)) {
      const t = text.slice(i, i + len);
      out.push({ text: t, norm: t.toLowerCase(), start: i, end: i + len, word: false });
    }
    i += len;
  }
  return out;
}

/**
 * Spans of a line where no skill may be found: URLs, e-mail addresses, domains with a path
 * (github.com/jane), and file paths (/usr/local/bin, src/main/java, C:\tools). Built on first
 * use: most lines never need it, and building it is a millisecond of every start.
 */
let OPAQUE_RE: RegExp | undefined;
export const opaqueRe = (): RegExp => (OPAQUE_RE ??= new RegExp(
  [
    String.raw`\b(?:https?|ftp)://\S+`,
    String.raw`\bwww\.\S+`,
    // (Addresses and domains start only where a run of the characters they are made of starts: tried
    // at every word boundary inside a long run that fails at its end ("a-a-…-a**-a.com", "a.a.…a"),
    // each start scanned the rest of the run, quadratic; the fuzzer found it, issue 24. A match
    // that started inside a run also matches from the run's start.)
    String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    // (A domain in lower case, as addresses are written: "Socket.io/Mocha/Chai" is a list of names.)
    String.raw`(?<![\w.-])[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.(?:com|org|net|io|dev|me|co|ai|app|de|uk|fr|es|nl|in|sg|cz|eu|info|xyz|tech|page|site|ly|gg|sh)/\S*`,
    // A bare domain ("github.com" where a line break cut the path off); not .io or .js, which end product names (Socket.IO, Node.js).
    String.raw`(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|dev|me|co|de|uk|fr|es|nl|pl|pt|sg|cz|eu|info|page|site|ca|au)\b(?![.\w])`,
    String.raw`(?<![\w/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]+)+`,
    String.raw`\b[a-z0-9_]+(?:/[a-z0-9_.-]+){2,}`,
    String.raw`\b[A-Za-z]:\\\S+`,
  ].join("|"),
  "g", // no "u": nothing here needs it, and V8 compiles the expression faster without
));

const MAYBE_TLD = new Set("com org net io dev me co ai app de uk fr es nl in sg cz eu info xyz tech page site ly gg sh pl pt ca au".split(" "));

/**
 * A cheap test first, as most lines have no URL, address or path at all:
 * /[@/\\]|www\.|\.(?:com|org|…|au)\b/i written as a scan, which V8 has nothing to compile for.
 */
export function maybeOpaque(text: string): boolean {
  // indexOf runs natively: a loop over every character cost more than the expression in a batch.
  if (text.includes("@") || text.includes("/") || text.includes("\\") || hasWww(text)) return true;
  for (let i = text.indexOf("."); i >= 0; i = text.indexOf(".", i + 1)) {
    let j = i + 1;
    while (j < text.length && isAsciiWordUnit(text.charCodeAt(j))) j++;
    if (j - i > 2 && j - i < 6 && MAYBE_TLD.has(text.slice(i + 1, j).toLowerCase())) return true;
  }
  return false;
}

export function opaqueSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!maybeOpaque(text)) return spans;
  for (const m of text.matchAll(opaqueRe())) spans.push([m.index, m.index + trimEndWhile(m[0], oneOf(".,;:)")).length]);
  return spans;
}

/** Tokens of a line outside its opaque spans. */
export function matchableTokens(text: string): Token[] {
  const spans = opaqueSpans(text);
  const tokens = tokenize(text);
  // A possessive names the thing: "Kotlin's coroutines", "Docker’s API" (the token keeps its
  // apostrophe, as "don't" does). (Replaced with a token of the same shape, field by field.)
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const n = t.text.length;
    if (n > 3 && (t.text.charCodeAt(n - 1) | 32) === 115 && (t.text.charCodeAt(n - 2) === 39 || t.text.charCodeAt(n - 2) === 0x2019)) {
      const head = t.text.slice(0, n - 2);
      tokens[k] = { text: head, norm: head.toLowerCase(), start: t.start, end: t.end - 2, word: t.word };
    }
  }
  if (spans.length === 0) return tokens;
  // A loop into a literal rather than filter(): an empty filter() result is an array of another
  // elements kind, and optimized code that meets one deoptimizes.
  // Tokens and spans are both in order of start: one pass over both (a line of thousands of
  // addresses made a test of every span per token quadratic).
  const kept: Token[] = [];
  let k = 0;
  for (const t of tokens) {
    while (k < spans.length && spans[k]![1] <= t.start) k++;
    let hit = false;
    for (let j = k; j < spans.length && spans[j]![0] < t.end; j++) if (t.start < spans[j]![1] && t.end > spans[j]![0]) hit = true;
    if (!hit) kept.push(t);
  }
  return kept;
}
