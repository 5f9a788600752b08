import type { ParsedSource } from "../parse/markdown.js";
import type { ExtractionQuality, Line } from "../types.js";


/**
 * How far the extracted text can be trusted: garbled glyphs (pdf.js (cid:NN) leftovers, U+FFFD,
 * private-use icon-font characters, words without vowels from fonts lacking a Unicode map),
 * pages without text, and lines that look like two columns read across.
 */
export function measureQuality(lines: Line[], parsed: ParsedSource): ExtractionQuality {
  let chars = 0;
  let garbled = 0;
  let words = 0;
  let vowelless = 0;
  for (const l of lines) {
    chars += l.text.length;
    garbled += (l.text.match(/\(cid:\d+\)|\ufffd|[\ue000-\uf8ff]|[\u0000-\u0008\u000e-\u001f]/g) ?? []).length * 1;
    for (const w of l.text.match(/\p{L}{5,}/gu) ?? []) {
      words++;
      if (!/[aeiouyäöüàéèêíóúâîôûåæøœ]/i.test(w) && !/^\p{Lu}+$/u.test(w)) vowelless++;
    }
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
    reasons.push(`${Math.round(garbledRatio * 100)}% of the characters are unreadable glyphs (the PDF's fonts have no text mapping)`);
  }
  if (vowellessRatio > 0.15) {
    confidence -= Math.min(0.6, vowellessRatio * 1.5);
    reasons.push(`${Math.round(vowellessRatio * 100)}% of the words look garbled (fonts without a Unicode map)`);
  }
  if (emptyPages.length > 0 && pages > 0) {
    confidence -= 0.1 + 0.5 * (emptyPages.length / pages);
    reasons.push(`page${emptyPages.length > 1 ? "s" : ""} ${emptyPages.join(", ")} ha${emptyPages.length > 1 ? "ve" : "s"} no text layer (scanned image?)`);
  }
  if (interleavedRatio > 0.15) {
    confidence -= Math.min(0.5, interleavedRatio);
    reasons.push(`${Math.round(interleavedRatio * 100)}% of the lines mix text from side-by-side columns`);
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
    reasons,
  };
}
