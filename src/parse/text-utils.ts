import { CvlintError, ErrorCodes } from "../errors.js";

/** Glyphs that open a bullet item in extracted text (PDF, DOCX manual bullets, plain text). */
// Control characters stand for a symbol font's glyph without a Unicode mapping: pdflatex's itemize
// bullet (cmsy) comes out of a PDF made without glyphtounicode as U+0088.
const BULLET_RE = /^[\s\u00a0]*([•▪◦‣⁃∙●○■□▫▸►▶➢➤➔→✓✔✗❖◆◇♦⬧⦁*\-–—+]|[\ue000-\uf8ff\u0001-\u0008\u000e-\u001f\u007f-\u009f]|\d{1,2}[.)](?=\s))[\s\u00a0]+/u;

export interface BulletStrip {
  bullet: boolean;
  /** Number of characters removed from the start. */
  cut: number;
}

/** Recognise a leading bullet glyph (and icon-font private-use characters) and say how much to cut. */
export function leadingBullet(text: string): BulletStrip {
  const m = BULLET_RE.exec(text);
  if (!m) {
    // A bullet glyph glued to the text ("•Java") or a lone private-use icon.
    const g = /^[\s\u00a0]*([•▪◦‣●■►▶➢➤✓✔❖◆♦]|[\ue000-\uf8ff\u0001-\u0008\u000e-\u001f\u007f-\u009f])(?=\S)/u.exec(text);
    if (g) return { bullet: true, cut: g[0].length };
    return { bullet: false, cut: 0 };
  }
  return { bullet: true, cut: m[0].length };
}

const LIGATURES: Record<string, string> = {
  "\ufb00": "ff",
  "\ufb01": "fi",
  "\ufb02": "fl",
  "\ufb03": "ffi",
  "\ufb04": "ffl",
  "\ufb05": "st",
  "\ufb06": "st",
};

/**
 * Expand ligatures, turn exotic spaces into plain ones, drop soft hyphens and zero-width characters.
 * Returns the new text and, for each new character, the index of the character it came from.
 */
const SPECIAL_GLYPHS = /[\ufb00-\ufb06\u00ad\u200b-\u200d\ufeff\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/;

/** Whether normalizeGlyphs would change anything (most lines: no). */
export const hasSpecialGlyphs = (text: string): boolean => SPECIAL_GLYPHS.test(text);

export function normalizeGlyphs(text: string): { text: string; from: number[] } {
  if (!SPECIAL_GLYPHS.test(text)) return { text, from: Array.from({ length: text.length }, (_, i) => i) };
  let out = "";
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lig = LIGATURES[ch];
    if (lig) {
      out += lig;
      for (let k = 0; k < lig.length; k++) from.push(i);
    } else if (ch === "\u00ad" || ch === "\u200b" || ch === "\u200c" || ch === "\u200d" || ch === "\ufeff") {
      continue;
    } else if (/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/.test(ch)) {
      out += " ";
      from.push(i);
    } else {
      out += ch;
      from.push(i);
    }
  }
  return { text: out, from };
}

/**
 * UTF-16 without a byte-order mark (Windows tools write it): in the first 4 KB, nearly every byte
 * at one parity is zero and almost none at the other, as ASCII and Latin text in UTF-16 is. Gives
 * the byte order, or null. (UTF-8 text has no zero bytes at all.)
 */
export function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero >= 0.9 * half && evenZero <= 0.05 * half) return "utf-16le";
  if (evenZero >= 0.9 * half && oddZero <= 0.05 * half) return "utf-16be";
  return null;
}

/**
 * Decode a text file: UTF-8 (with or without BOM) or UTF-16 (with a BOM, or without one when its
 * bytes show it plainly: utf16WithoutBom).
 * Invalid UTF-8 is refused with the offset of the first bad byte rather than read as mojibake.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf16 = start === 0 ? utf16WithoutBom(bytes) : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new CvlintError(ErrorCodes.INVALID_ENCODING, `looks like UTF-16 without a byte-order mark but does not decode as ${utf16 === "utf-16le" ? "UTF-16LE" : "UTF-16BE"}; save it as UTF-8`);
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    throw new CvlintError(
      ErrorCodes.INVALID_ENCODING,
      `is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0")} at offset ${at}); save it as UTF-8`,
    );
  }
}

function firstInvalidUtf8(b: Uint8Array, start: number): number {
  let i = start;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return start;
}
