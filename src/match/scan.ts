/*
 * Character classes for the hand-written tokenizer (tokenize.ts). The tokenizer used to be one
 * regular expression with Unicode property classes; V8 compiles such an expression at its first
 * use, and that one took about 9 ms, a tenth of a cold start. Letters and digits are looked up
 * here instead: ASCII by code, anything else once per character with a small /u expression,
 * then from a cache.
 */

import { UNICODE_BLOCKS } from "./unicode-table.js";

export const LETTER = 1;
export const NUMBER = 2;
const UPPER = 1;
const LOWER = 2;

/**
 * What the regular expressions know of a character beyond ASCII: its class (LETTER for \p{L},
 * NUMBER for \p{N}, else 0) in the low two bits, and for a letter its case (UPPER for \p{Lu},
 * LOWER for \p{Ll}, else 0) in the next two. The blocks CVs use (accented Latin, Greek, Cyrillic,
 * dashes and quotes, bullets) come from a generated table (unicode-table.ts): the /u expressions
 * below cost 0.3-0.6 ms each to compile, at the first such character of a process. Anything else
 * is asked of them once per character, then cached.
 */
const unicodeCache = new Map<number, number>();
function unicodeInfo(cp: number): number {
  for (let b = 0; b < UNICODE_BLOCKS.length; b++) {
    const block = UNICODE_BLOCKS[b]!;
    const at = cp - block[0];
    if (at >= 0 && at < block[1].length) return block[1].charCodeAt(at) - 48;
  }
  let v = unicodeCache.get(cp);
  if (v === undefined) {
    const ch = String.fromCodePoint(cp);
    if (/\p{L}/u.test(ch)) v = LETTER | ((/\p{Lu}/u.test(ch) ? UPPER : /\p{Ll}/u.test(ch) ? LOWER : 0) << 2);
    else v = /\p{N}/u.test(ch) ? NUMBER : 0;
    unicodeCache.set(cp, v);
  }
  return v;
}

function classify(cp: number): number {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return LETTER;
    if (cp >= 48 && cp <= 57) return NUMBER;
    return 0;
  }
  return unicodeInfo(cp) & 3;
}

/**
 * ASCII classes by code: the common case, without a call per character. The hottest loops read it
 * directly (`c < 128 ? ASCII_CLASS[c] : classAt(s, i)`): until V8 has optimized them, a call per
 * character costs more than the test.
 */
export const ASCII_CLASS = new Uint8Array(128);
const ASCII = ASCII_CLASS;
for (let c = 65; c <= 90; c++) ASCII[c] = ASCII[c + 32] = LETTER;
for (let c = 48; c <= 57; c++) ASCII[c] = NUMBER;

/** The class of the code point at i (LETTER, NUMBER or 0), or -1 past the end. */
export function classAt(s: string, i: number): number {
  // Never read past the end: V8 deoptimizes code that does, and recompiles it at a cost.
  if (i >= s.length) return -1;
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII[c]!;
  return classify(s.codePointAt(i)!);
}

/** The UTF-16 unit at i, or -1 past the end (without reading out of bounds). */
export function unitAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

/** UTF-16 length of the code point at i: 2 for a surrogate pair, else 1. */
export function widthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** \p{L} */
export function isLetter(cp: number): boolean {
  return classify(cp) === LETTER;
}

/** [\p{L}\p{N}] */
export function isAlnum(cp: number): boolean {
  return classify(cp) !== 0;
}

/** UPPER for \p{Lu}, LOWER for \p{Ll}, else 0. */
function caseOf(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? UPPER : cp >= 97 && cp <= 122 ? LOWER : 0;
  return unicodeInfo(cp) >> 2;
}

/** \p{Lu} */
export function isUpper(cp: number): boolean {
  return caseOf(cp) === UPPER;
}

/** \p{Ll} */
export function isLower(cp: number): boolean {
  return caseOf(cp) === LOWER;
}

/*
 * Tests on whole strings that used to be Unicode regular expressions. V8 compiles such an
 * expression at its first use on a string of two-byte characters (any CV with a dash or a curly
 * quote) at a cost of 0.2-1.2 ms each, a few milliseconds of every start in all; these scans cost
 * nothing to start. tests/scan.test.ts holds each equal to the expression named in its comment.
 */

/** The code point at i (a lone surrogate as itself). */
const cpAt = (s: string, i: number): number => (widthAt(s, i) === 2 ? s.codePointAt(i)! : s.charCodeAt(i));
/** What `.` does not match: \n, \r, U+2028, U+2029. */
const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** /\p{Ll}/u */
export function hasLower(s: string): boolean {
  for (let i = 0; i < s.length; i += widthAt(s, i)) if (caseOf(cpAt(s, i)) === LOWER) return true;
  return false;
}

/** /\p{L}/u */
export function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i += widthAt(s, i)) if (classAt(s, i) === LETTER) return true;
  return false;
}

/** /[\p{L}\p{N}]/u */
export function hasAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i += widthAt(s, i)) if (classAt(s, i) > 0) return true;
  return false;
}

/** /\p{Lu}{n}/u: n capitals in a row. */
export function hasUpperRun(s: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    run = caseOf(cpAt(s, i)) === UPPER ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

/** /\p{Lu}.*\p{Lu}/u: two capitals with no line break between. */
export function hasTwoUpper(s: string): boolean {
  let seen = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    const c = cpAt(s, i);
    if (isLineTerminator(c)) seen = 0;
    else if (caseOf(c) === UPPER && ++seen >= 2) return true;
  }
  return false;
}

/** /^\p{Lu}/u */
export function startsUpper(s: string): boolean {
  return s.length > 0 && caseOf(cpAt(s, 0)) === UPPER;
}

/** /^(?:[\p{Lu}\p{N}]|.*\p{Ll}\p{Lu}|.*[\p{N}+#.])/u: a capital or digit first, camelCase, or a digit, +, # or . before any line break. */
export function looksTechy(s: string): boolean {
  if (s.length === 0) return false;
  const first = cpAt(s, 0);
  if (caseOf(first) === UPPER || classAt(s, 0) === NUMBER) return true;
  let prevLower = false;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    const c = cpAt(s, i);
    if (isLineTerminator(c)) return false;
    const k = caseOf(c);
    if (prevLower && k === UPPER) return true;
    if (c === 43 || c === 35 || c === 46 || classAt(s, i) === NUMBER) return true;
    prevLower = k === LOWER;
  }
  return false;
}

/** s.replace(/^[^\p{L}]+/u, ""): from the first letter on. */
export function fromFirstLetter(s: string): string {
  let i = 0;
  while (i < s.length && classAt(s, i) !== LETTER) i += widthAt(s, i);
  return i === 0 ? s : s.slice(i);
}

/** /^[\p{L}'-]+/u.exec(s)?.[0]: the leading run of letters, apostrophes and hyphens. */
export function leadingWord(s: string): string | undefined {
  let i = 0;
  while (i < s.length && (classAt(s, i) === LETTER || s.charCodeAt(i) === 39 || s.charCodeAt(i) === 45)) i += widthAt(s, i);
  return i === 0 ? undefined : s.slice(0, i);
}

/** /^\p{Lu}\p{Ll}+(?:ed|ised|ized)$/u: "Dockerised", "Onboarded". */
export function isCapitalisedPastTense(s: string): boolean {
  if (!startsUpper(s) || !s.endsWith("ed")) return false;
  let rest = 0;
  for (let i = widthAt(s, 0); i < s.length; i += widthAt(s, i)) {
    if (caseOf(cpAt(s, i)) !== LOWER) return false;
    rest++;
  }
  return rest >= 3;
}

/** /\p{L}/u.test(s[i] ?? ""): the UTF-16 unit at i is a letter (half a surrogate pair is not). */
export function isLetterUnitAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c < 0xd800 || c > 0xdfff) && classify(c) === LETTER;
}

/** /[\p{L}\p{N}]/u.test(s[i] ?? ""): the UTF-16 unit at i is a letter or a digit (half a surrogate pair is not). */
export function isAlnumUnitAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c < 0xd800 || c > 0xdfff) && classify(c) !== 0;
}

/** /\p{Lu}/u.test(s[i] ?? ""): the UTF-16 unit at i is a capital (half a surrogate pair is not). */
export function isUpperUnitAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c < 0xd800 || c > 0xdfff) && caseOf(c) === UPPER;
}

/** /\p{L}{2}/u: two letters in a row. */
export function hasLetterPair(s: string): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    run = classAt(s, i) === LETTER ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

/** /^\p{L}[\p{L}\d.+#-]*$/u: a letter first, then letters, ASCII digits, '.', '+', '#' and '-' only. */
export function isLetterLedName(s: string): boolean {
  if (s.length === 0 || classAt(s, 0) !== LETTER) return false;
  for (let i = widthAt(s, 0); i < s.length; i += widthAt(s, i)) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 35 || c === 45 || classAt(s, i) === LETTER)) return false;
  }
  return true;
}

/** Whether the code point at i is a letter, a digit, '+' or '#': what [\p{L}\p{N}+#] matches. */
const isKeyUnit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c === 43 || c === 35 || classAt(s, i) > 0;
};

/** s.replace(/[^\p{L}\p{N}+#]/gu, ""): the letters, digits, '+' and '#' of s. */
export function keepLettersDigits(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; ) {
    const w = widthAt(s, i);
    if (!isKeyUnit(s, i)) {
      out += s.slice(from, i);
      from = i + w;
    }
    i += w;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** [...s.matchAll(/[\p{L}\p{N}+#]+/gu)] as runs: each run of letters, digits, '+' and '#', where it starts. */
export function letterDigitRuns(s: string): Array<{ index: number; text: string }> {
  const runs: Array<{ index: number; text: string }> = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const w = widthAt(s, i);
    if (isKeyUnit(s, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ index: start, text: s.slice(start, i) });
      start = -1;
    }
    i += w;
  }
  if (start >= 0) runs.push({ index: start, text: s.slice(start) });
  return runs;
}

/** s.split(re) for re = /[^…]+/u: the pieces between the runs of code points that `keep` refuses. */
function splitAtOthers(s: string, keep: (s: string, i: number) => boolean): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; ) {
    if (keep(s, i)) {
      i += widthAt(s, i);
      continue;
    }
    const end = i;
    while (i < s.length && !keep(s, i)) i += widthAt(s, i);
    out.push(s.slice(start, end));
    start = i;
  }
  out.push(s.slice(start));
  return out;
}

const isLetterAt = (s: string, i: number): boolean => classAt(s, i) === LETTER;
/** A letter, a digit, '+', '#' or '.'. */
const isNameUnitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c === 43 || c === 35 || c === 46 || classAt(s, i) > 0;
};

/** s.split(/[^\p{L}]+/u) */
export function splitAtNonLetters(s: string): string[] {
  return splitAtOthers(s, isLetterAt);
}

/** s.split(/[^\p{L}\p{N}+#.]+/u) */
export function splitAtNonNameUnits(s: string): string[] {
  return splitAtOthers(s, isNameUnitAt);
}

/** s.match(/\p{L}+/gu) ?? []: the runs of letters. */
export function letterRuns(s: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    if (classAt(s, i) === LETTER) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(s.slice(start, i));
      start = -1;
    }
    i += widthAt(s, i);
  }
  if (start >= 0) runs.push(s.slice(start));
  return runs;
}

/** /^\p{Ll}/u */
export function startsLower(s: string): boolean {
  return s.length > 0 && caseOf(cpAt(s, 0)) === LOWER;
}

/** /\p{L}.*\p{L}/u: two letters with no line break between. */
export function hasTwoLetters(s: string): boolean {
  let seen = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    if (isLineTerminator(cpAt(s, i))) seen = 0;
    else if (classAt(s, i) === LETTER && ++seen >= 2) return true;
  }
  return false;
}

/** /^[\p{L}\d][\p{L}\d.+#-]*$/u, or with `spaces` /^[\p{L}\d][\p{L}\d .+#-]*$/u: a letter or an ASCII digit first, then those, '.', '+', '#', '-' (and spaces). */
export function isLetterDigitName(s: string, spaces: boolean): boolean {
  for (let i = 0; i < s.length; i += widthAt(s, i)) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || classAt(s, i) === LETTER || (i > 0 && (c === 46 || c === 43 || c === 35 || c === 45 || (spaces && c === 32)));
    if (!ok) return false;
  }
  return s.length > 0;
}

/** s.match(/[\p{L}][\p{L}'-]*\/gu) ?? []: words, each a letter then letters, apostrophes and hyphens. */
export function wordsOf(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const letter = classAt(s, i) === LETTER;
    if (start >= 0 && !(letter || c === 39 || c === 45)) {
      out.push(s.slice(start, i));
      start = -1;
    }
    if (start < 0 && letter) start = i;
    i += widthAt(s, i);
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** s.match(/\p{Lu}{2,}/gu) ?? []: the runs of two or more capitals. */
export function upperRuns(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  let n = 0;
  for (let i = 0; i <= s.length; ) {
    if (i < s.length && caseOf(cpAt(s, i)) === UPPER) {
      if (start < 0) start = i;
      n++;
      i += widthAt(s, i);
      continue;
    }
    if (n >= 2) out.push(s.slice(start, i));
    start = -1;
    n = 0;
    if (i === s.length) break;
    i += widthAt(s, i);
  }
  return out;
}

/** s.split(/[^\p{L}-]+/u) */
export function splitAtNonLettersOrHyphens(s: string): string[] {
  return splitAtOthers(s, (t, i) => t.charCodeAt(i) === 45 || classAt(t, i) === LETTER);
}

/** [A-Za-z0-9_]: what \w and \b mean without the u flag. */
export function isAsciiWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** /www\./i: "www." in any case. */
export function hasWww(s: string): boolean {
  for (let i = s.indexOf(".", 3); i >= 0; i = s.indexOf(".", i + 1)) {
    if ((s.charCodeAt(i - 1) | 32) === 119 && (s.charCodeAt(i - 2) | 32) === 119 && (s.charCodeAt(i - 3) | 32) === 119) return true;
  }
  return false;
}

/** JavaScript's \s. */
export function isSpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

/** The code point that ends just before i, or -1 at the start. */
export function cpBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(i - 2)!;
  }
  return lo;
}

/** UTF-16 length of a code point. */
export function cpLen(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}
