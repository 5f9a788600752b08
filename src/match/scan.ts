/*
 * Character classes for the hand-written tokenizer (tokenize.ts). The tokenizer used to be one
 * regular expression with Unicode property classes; V8 compiles such an expression at its first
 * use, and that one took about 9 ms, a tenth of a cold start. Letters and digits are looked up
 * here instead: ASCII by code, anything else once per character with a small /u expression,
 * then from a cache.
 */

export const LETTER = 1;
export const NUMBER = 2;
const cache = new Map<number, number>();

function classify(cp: number): number {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return LETTER;
    if (cp >= 48 && cp <= 57) return NUMBER;
    return 0;
  }
  let c = cache.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? NUMBER : 0;
    cache.set(cp, c);
  }
  return c;
}

/** ASCII classes by code: the common case, without a call per character. */
const ASCII = new Uint8Array(128);
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
