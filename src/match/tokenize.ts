import { cpAt, cpBefore, cpLen, isAlnum, isLetter, isSpace } from "./scan.js";

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
const isWordChar = (cp: number): boolean => cp === UNDERSCORE || isAlnum(cp);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  const push = (start: number, end: number, word: boolean): void => {
    const t = text.slice(start, end);
    out.push({ text: t, norm: t.toLowerCase(), start, end, word });
  };
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const len = cpLen(cp);
    if (isLetter(cp)) {
      // Letters & letters: R&D, AT&T.
      let q = i + len;
      while (q < n && isLetter(cpAt(text, q))) q += cpLen(cpAt(text, q));
      if (text.charCodeAt(q) === 38 && isLetter(cpAt(text, q + 1))) {
        let r = q + 1;
        while (r < n && isLetter(cpAt(text, r))) r += cpLen(cpAt(text, r));
        push(i, r, true);
        i = r;
        continue;
      }
    }
    if (isWordChar(cp)) {
      // A word, with inner ' ’ . joins (Node.js, don't) and a ++, # or + suffix (C++, C#).
      let q = i;
      let word = false;
      for (;;) {
        while (q < n) {
          const c = cpAt(text, q);
          if (c !== UNDERSCORE) {
            if (!isAlnum(c)) break;
            word = true;
          }
          q += cpLen(c);
        }
        const j = text.charCodeAt(q);
        if ((j === 39 || j === 0x2019 || j === 46) && isWordChar(cpAt(text, q + 1))) {
          q++;
          continue;
        }
        break;
      }
      if (text.startsWith("++", q)) q += 2;
      else if (text.charCodeAt(q) === 35) q++;
      else if (text.charCodeAt(q) === 43 && !isAlnum(cpAt(text, q + 1))) q++;
      push(i, q, word);
      i = q;
      continue;
    }
    if (cp === 46 && !isAlnum(cpBefore(text, i)) && isLetter(cpAt(text, i + 1))) {
      // A leading dot: .NET.
      let q = i + 1;
      while (q < n && isAlnum(cpAt(text, q))) q += cpLen(cpAt(text, q));
      push(i, q, true);
      i = q;
      continue;
    }
    // Any other mark on its own, except spaces and hyphens.
    if (!isSpace(cp) && cp !== 45 && cp !== 0x2010 && cp !== 0x2011) push(i, i + len, false);
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
const opaqueRe = (): RegExp => (OPAQUE_RE ??= new RegExp(
  [
    String.raw`\b(?:https?|ftp)://\S+`,
    String.raw`\bwww\.\S+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|co|ai|app|de|uk|fr|es|nl|in|sg|cz|eu|info|xyz|tech|page|site|ly|gg|sh)/\S*`,
    // A bare domain ("github.com" where a line break cut the path off); not .io or .js, which end product names (Socket.IO, Node.js).
    String.raw`\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|dev|me|co|de|uk|fr|es|nl|pl|pt|sg|cz|eu|info|page|site|ca|au)\b(?![.\w])`,
    String.raw`(?<![\w/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]+)+`,
    String.raw`\b[a-z0-9_]+(?:/[a-z0-9_.-]+){2,}`,
    String.raw`\b[A-Za-z]:\\\S+`,
  ].join("|"),
  "g", // no "u": nothing here needs it, and V8 compiles the expression faster without
));

/** A cheap test first: most lines have no URL, address or path at all. */
const MAYBE_OPAQUE = /[@/\\]|www\.|\.(?:com|org|net|io|dev|me|co|ai|app|de|uk|fr|es|nl|in|sg|cz|eu|info|xyz|tech|page|site|ly|gg|sh|pl|pt|ca|au)\b/i;

export function opaqueSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!MAYBE_OPAQUE.test(text)) return spans;
  for (const m of text.matchAll(opaqueRe())) spans.push([m.index, m.index + m[0].replace(/[.,;:)]+$/, "").length]);
  return spans;
}

/** Tokens of a line outside its opaque spans. */
export function matchableTokens(text: string): Token[] {
  const spans = opaqueSpans(text);
  const tokens = tokenize(text);
  if (spans.length === 0) return tokens;
  return tokens.filter((t) => !spans.some(([a, b]) => t.start < b && t.end > a));
}
