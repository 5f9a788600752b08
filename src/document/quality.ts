import type { ParsedSource } from "../parse/markdown.js";
import type { ExtractionQuality, InputFormat, Line } from "../types.js";
import { ASCII_CLASS, classAt, isUpper, LETTER, unitAt, widthAt } from "../match/scan.js";

/** Letters that make a word pronounceable, in either case (the expression it replaced: /[aeiouyäöüàéèêíóúâîôûåæøœ]/i). */
const VOWELS = new Set([..."aeiouyäöüàéèêíóúâîôûåæøœ"].flatMap((c) => [c.codePointAt(0)!, c.toUpperCase().codePointAt(0)!]));
/** The ASCII ones of VOWELS, by code. */
const ASCII_VOWEL = new Uint8Array(128);
for (const v of VOWELS) if (v < 128) ASCII_VOWEL[v] = 1;
/**
 * What measureQuality counts in a line, in one scan: unreadable glyphs (matches of
 * /\(cid:\d+\)|\ufffd|[\ue000-\uf8ff]|[\u0000-\u0008\u000e-\u001f]/g), words of five or more
 * letters (/\p{L}{5,}/gu), and those of them with no vowel that are not all capitals; and of the
 * garbled, the control characters (C0 but tab, line feed, vertical tab, form feed and carriage
 * return). The regular expressions it replaced are kept in tests/quality.test.ts, which holds the
 * two equal.
 */
export function lineCounts(text: string): { garbled: number; controls: number; words: number; vowelless: number } {
  let garbled = 0;
  let controls = 0;
  let words = 0;
  let vowelless = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 8 || (c >= 14 && c <= 31) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) {
      garbled++;
      if (c <= 31) controls++;
      i++;
      continue;
    }
    if (c === 40 && text.startsWith("(cid:", i)) {
      let q = i + 5;
      while (q < n && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
      if (q > i + 5 && unitAt(text, q) === 41) {
        garbled++;
        i = q + 1;
        continue;
      }
    }
    if (c < 128 ? ASCII_CLASS[c] !== LETTER : classAt(text, i) !== LETTER) {
      i += c < 128 ? 1 : widthAt(text, i);
      continue;
    }
    // A run of letters (ASCII ones read from tables, without a call per character).
    let letters = 0;
    let vowel = false;
    let upper = true;
    while (i < n) {
      const a = text.charCodeAt(i);
      if (a < 128) {
        if (ASCII_CLASS[a] !== LETTER) break;
        letters++;
        if (ASCII_VOWEL[a] === 1) vowel = true;
        if (a >= 97) upper = false;
        i++;
        continue;
      }
      if (classAt(text, i) !== LETTER) break;
      // (Only a surrogate pair takes the second branch: optimized code meeting a branch it never ran deoptimizes.)
      const l = a >= 0xd800 && a <= 0xdbff ? text.codePointAt(i)! : a;
      letters++;
      if (!vowel && VOWELS.has(l)) vowel = true;
      if (upper && !isUpper(l)) upper = false;
      i += widthAt(text, i);
    }
    if (letters >= 5) {
      words++;
      if (!vowel && !upper) vowelless++;
    }
  }
  return { garbled, controls, words, vowelless };
}

/**
 * Why the garbled characters are unreadable, for the format they came from: control characters
 * are in the file itself, whatever its format; (cid:NN), U+FFFD and private-use glyphs come from a
 * PDF's fonts, or in a text file from a wrong encoding or an icon font. (A Markdown CV of terminal
 * escapes was told its "PDF's fonts have no text mapping", issue 24.)
 */
function garbledReason(format: InputFormat, percent: number, controls: number, garbled: number): string {
  if (controls * 2 >= garbled) return `${percent}% of the characters are control characters (terminal escapes or binary data), not text`;
  if (format === "pdf") return `${percent}% of the characters are unreadable glyphs (the PDF's fonts have no text mapping)`;
  if (format === "docx") return `${percent}% of the characters are unreadable symbols (replacement characters, or an icon or symbol font's glyphs)`;
  return `${percent}% of the characters are unreadable (replacement characters U+FFFD or private-use symbols: was the file saved in another encoding?)`;
}

/**
 * How far the extracted text can be trusted: garbled glyphs (pdf.js (cid:NN) leftovers, U+FFFD,
 * private-use icon-font characters, words without vowels from fonts lacking a Unicode map),
 * pages without text, and lines that look like two columns read across.
 */
export function measureQuality(lines: Line[], parsed: ParsedSource, format: InputFormat): ExtractionQuality {
  let chars = 0;
  let garbled = 0;
  let controls = 0;
  let words = 0;
  let vowelless = 0;
  for (const l of lines) {
    chars += l.text.length;
    const k = lineCounts(l.text);
    garbled += k.garbled;
    controls += k.controls;
    words += k.words;
    vowelless += k.vowelless;
  }
  const garbledRatio = chars ? garbled / chars : 0;
  const vowellessRatio = words >= 20 ? vowelless / words : 0;
  const pages = parsed.pages ?? 1;
  const emptyPages = parsed.emptyPages ?? [];
  const interleavedRatio = parsed.interleavedRatio ?? 0;
  const reasons: string[] = [];
  let confidence = 1;
  if (garbledRatio > 0.01) {
    confidence -= Math.min(0.8, garbledRatio * 5);
    reasons.push(garbledReason(format, Math.round(garbledRatio * 100), controls, garbled));
  }
  if (vowellessRatio > 0.15) {
    confidence -= Math.min(0.6, vowellessRatio * 1.5);
    reasons.push(`${Math.round(vowellessRatio * 100)}% of the words look garbled${format === "pdf" ? " (fonts without a Unicode map)" : ""}`);
  }
  if (emptyPages.length > 0 && pages > 0) {
    confidence -= 0.1 + 0.5 * (emptyPages.length / pages);
    reasons.push(`page${emptyPages.length > 1 ? "s" : ""} ${emptyPages.join(", ")} ha${emptyPages.length > 1 ? "ve" : "s"} no text layer (scanned image?)`);
  }
  if (interleavedRatio > 0.15) {
    confidence -= Math.min(0.5, interleavedRatio);
    reasons.push(`${Math.round(interleavedRatio * 100)}% of the lines mix text from side-by-side columns`);
  }
  if ((parsed.iconItems ?? 0) > 0) {
    confidence -= 0.05;
    reasons.push(`${parsed.iconItems} icon glyph${parsed.iconItems === 1 ? "" : "s"} or icon name${parsed.iconItems === 1 ? "" : "s"} mixed into the text (an icon font) were left out`);
  }
  if (parsed.glued?.length) {
    confidence -= Math.min(0.2, 0.05 * parsed.glued.length);
    reasons.push(`words glued to an image's text (${parsed.glued.slice(0, 3).map((g) => `'${g}'`).join(", ")}) were read without it`);
  }
  if (chars < 150) {
    confidence -= 0.3;
    reasons.push(`only ${chars} characters of text were found`);
  }
  return {
    confidence: Math.max(0, Math.round(confidence * 100) / 100),
    garbledRatio: Math.round(garbledRatio * 1000) / 1000,
    emptyPages,
    pages,
    interleavedRatio: Math.round(interleavedRatio * 100) / 100,
    columns: parsed.columns ?? false,
    structure: 1,
    reasons,
  };
}
