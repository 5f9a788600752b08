import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

/**
 * Words that are not product names, from public data (scripts/vocabulary.js writes the file at
 * build time): SCOWL's English words up to level 60, GeoNames' cities of 15,000 people or more,
 * countries and continents, and month and weekday names. A line per word, sorted by UTF-8
 * bytes: "word<TAB>codes", a digit 1–7 for the SCOWL level (10, 20, 35, 40, 50, 55, 60), p for a
 * place, m for a month or a day, n for a technology's or a brand's name from public data (its
 * letters and digits, lower case: "minio"), which is not a word.
 */
export const WORDS = "dist/words.txt";

const LEVEL_OF: Record<string, number> = { "1": 10, "2": 20, "3": 35, "4": 40, "5": 50, "6": 55, "7": 60 };

let words: Buffer | null | undefined;

/** The file, read on first use (1.5 MB, searched in place: most CVs ask about a handful of words). */
function load(): Buffer | null {
  if (words === undefined) {
    try {
      words = readFileSync(dataPath(WORDS));
    } catch {
      words = null;
    }
  }
  return words;
}

/** The codes of a word or phrase (lower-cased here), or null when the lists do not hold it. */
export function wordCodes(word: string): string | null {
  const buf = load();
  if (!buf) return null;
  const key = Buffer.from(word.toLowerCase(), "utf8");
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let s = mid;
    while (s > lo && buf[s - 1] !== 10) s--;
    let e = buf.indexOf(10, s);
    if (e < 0) e = buf.length;
    let tab = buf.indexOf(9, s);
    if (tab < 0 || tab > e) tab = e;
    const cmp = Buffer.compare(buf.subarray(s, tab), key);
    if (cmp === 0) return buf.toString("latin1", tab + 1, e);
    if (cmp < 0) lo = e + 1;
    else hi = s;
  }
  return null;
}

/** The word's SCOWL frequency level (10 most common … 60), or null when it is not an English word. */
export function englishLevel(word: string): number | null {
  const codes = wordCodes(word);
  if (!codes) return null;
  for (const c of codes) if (LEVEL_OF[c] !== undefined) return LEVEL_OF[c]!;
  return null;
}

/** An English word, a place, a month or a weekday: ordinary text, not a product's name. */
export function isOrdinaryWord(word: string): boolean {
  const codes = wordCodes(word);
  // (A code other than "n": a name from public data is no word.)
  if (codes === null) return false;
  for (const c of codes) if (c !== "n") return true;
  return false;
}

/**
 * A technology or brand that public data names (Simple Icons, SVG Logos, Linguist, the cloud SDKs),
 * imported or not, by its letters and digits ("MinIO", "minio"): another product, never read as
 * a misspelling of a known one.
 */
export function isPublicName(name: string): boolean {
  const key = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9+#]/g, "");
  return key !== "" && (wordCodes(key)?.includes("n") ?? false);
}
