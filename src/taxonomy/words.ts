import { fstatSync, openSync, readFileSync, readSync } from "node:fs";
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
/** Where each block of about BLOCK bytes of the word file starts (wordsIndex). */
export const WORDS_INDEX = "dist/words.index";

const LEVEL_OF: Record<string, number> = { "1": 10, "2": 20, "3": 35, "4": 40, "5": 50, "6": 55, "7": 60 };

/** Bytes per block of the word file: a lookup reads one block (a CV asks about a dozen words). */
const BLOCK = 4096;

/**
 * The index the build writes beside the word file: a line per block, "first word<TAB>offset",
 * each block starting at the first line that starts at or after a multiple of BLOCK bytes. In
 * the file's order, so it is searched like the file.
 */
export function wordsIndex(file: Buffer): string {
  let out = "";
  for (let at = 0; at < file.length; ) {
    out += `${file.toString("utf8", at, file.indexOf(9, at))}\t${at}\n`;
    const next = file.indexOf(10, at + BLOCK - 1);
    if (next < 0) break;
    at = next + 1;
  }
  return out;
}

interface Words {
  fd: number;
  size: number;
  /** The index (about 6 kB), or null when it was not built: the file is then one block. */
  index: Buffer | null;
  /** Blocks read so far, by offset. */
  blocks: Map<number, Buffer>;
}

let words: Words | null | undefined;
/**
 * Answers given so far: a long run asks about the same words again and again. Emptied when it
 * reaches MAX_ANSWERS, so that a batch of many CVs, each with words of its own, does not keep
 * them all (a lookup it forgets costs two small binary searches in blocks already read).
 */
const answers = new Map<string, string | null>();
const MAX_ANSWERS = 20_000;

/** The file and its index, opened on first use: the 1.3 MB file is read a block at a time, as lookups need it. */
function load(): Words | null {
  if (words === undefined) {
    try {
      const fd = openSync(dataPath(WORDS), "r");
      let index: Buffer | null = null;
      try {
        index = readFileSync(dataPath(WORDS_INDEX));
      } catch {
        // not built: one block
      }
      words = { fd, size: fstatSync(fd).size, index, blocks: new Map() };
    } catch {
      words = null;
    }
  }
  return words;
}

/** The block of the file from `start` to `end`, read on first use. */
function block(w: Words, start: number, end: number): Buffer {
  let buf = w.blocks.get(start);
  if (!buf) {
    buf = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(w.fd, buf, got, buf.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    if (got < buf.length) buf = buf.subarray(0, got);
    w.blocks.set(start, buf);
  }
  return buf;
}

/** The bytes buf[from, to) against key, as Buffer.compare orders them (without making a view of them). */
function compareAt(buf: Buffer, from: number, to: number, key: Buffer): number {
  const n = Math.min(to - from, key.length);
  for (let i = 0; i < n; i++) {
    const d = buf[from + i]! - key[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return to - from < key.length ? -1 : to - from > key.length ? 1 : 0;
}

/**
 * In lines "word<TAB>value" sorted by the word's bytes: the start of the line whose word is the
 * key, or with `floor` the start of the last line whose word is not after it; -1 when there is none.
 */
function find(buf: Buffer, key: Buffer, floor: boolean): number {
  let lo = 0;
  let hi = buf.length;
  let best = -1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let s = mid;
    while (s > lo && buf[s - 1] !== 10) s--;
    let e = buf.indexOf(10, s);
    if (e < 0) e = buf.length;
    let tab = buf.indexOf(9, s);
    if (tab < 0 || tab > e) tab = e;
    const cmp = compareAt(buf, s, tab, key);
    if (cmp === 0) return s;
    if (cmp < 0) {
      best = s;
      lo = e + 1;
    } else hi = s;
  }
  return floor ? best : -1;
}

/** The value of the line that starts at `s`: after its tab, to its end. */
function valueAt(buf: Buffer, s: number): string {
  let e = buf.indexOf(10, s);
  if (e < 0) e = buf.length;
  return buf.toString("latin1", buf.indexOf(9, s) + 1, e);
}

/** The codes of a word or phrase (lower-cased here), or null when the lists do not hold it. */
export function wordCodes(word: string): string | null {
  const lower = word.toLowerCase();
  const known = answers.get(lower);
  if (known !== undefined) return known;
  const w = load();
  if (!w) return null;
  const key = Buffer.from(lower, "utf8");
  // The last block whose first word is not after the key holds the key if the file does.
  let start = 0;
  let end = w.size;
  let codes: string | null = null;
  const row = w.index ? find(w.index, key, true) : 0;
  if (w.index && row >= 0) {
    start = Number(valueAt(w.index, row));
    const next = w.index.indexOf(10, row) + 1;
    if (next > 0 && next < w.index.length) end = Number(valueAt(w.index, next));
  }
  // (Before the first block's first word, the key is in no block.)
  if (row >= 0) {
    const buf = block(w, start, end);
    const at = find(buf, key, false);
    if (at >= 0) codes = valueAt(buf, at);
  }
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(lower, codes);
  return codes;
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
