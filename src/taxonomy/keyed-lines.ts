/*
 * Lines of text looked up by their first field, in a form the build writes and a start reads
 * without parsing: the lines in UTF-8, after a hash table of their keys. A start reads the bytes
 * and looks up the few hundred keys a CV needs; nothing is decoded, copied or indexed before that.
 * (The taxonomy's skills and spellings as JSON took about 9 M instructions to parse and index at
 * every start, and their strings and maps were copied by the first scavenges.)
 *
 * Layout, integers 32-bit little-endian:
 *   size   the table's size S, a power of two at least twice the keys
 *   keys   how many distinct keys
 *   S slots of two integers: 0, 0 when empty, else 1 + the offset in the text of the first line
 *          with a key, and the offset of the end of its last line (before its "\n")
 *   text   "key<TAB>rest" lines, each ending in "\n"; lines with the same key are consecutive
 * A key is found at the slot of its hash (hash() below) or after it, wrapping (linear probing).
 *
 * A lookup runs a few operations per key, none per character in JavaScript: loops over the
 * characters of a few hundred keys made V8 optimize them in the middle of a start.
 */

const HEAD = 8;

/**
 * A hash of a key's length and of up to eight of its UTF-16 units (the first four, the last
 * four). Every value stays below 2^30, a small integer to V8: while a start still interprets
 * this code, larger ones are boxed numbers.
 */
function hash(key: string): number {
  const n = key.length;
  let h = n;
  if (n > 0) h = (h & 0x3fffff) * 131 + key.charCodeAt(0);
  if (n > 1) h = (h & 0x3fffff) * 131 + key.charCodeAt(1);
  if (n > 2) h = (h & 0x3fffff) * 131 + key.charCodeAt(2);
  if (n > 3) h = (h & 0x3fffff) * 131 + key.charCodeAt(3);
  if (n > 4) h = (h & 0x3fffff) * 131 + key.charCodeAt(n - 1);
  if (n > 5) h = (h & 0x3fffff) * 131 + key.charCodeAt(n - 2);
  if (n > 6) h = (h & 0x3fffff) * 131 + key.charCodeAt(n - 3);
  if (n > 7) h = (h & 0x3fffff) * 131 + key.charCodeAt(n - 4);
  return h;
}

/** The stored form of lines "key<TAB>rest", in this order (lines of one key must be consecutive). */
export function keyedLinesBytes(lines: readonly string[]): Buffer {
  const runs = new Map<string, [number, number]>();
  const parts: Buffer[] = [];
  let at = 0;
  let last: string | undefined;
  for (const line of lines) {
    if (line.includes("\n")) throw new Error(`a stored line cannot hold a line break: ${JSON.stringify(line.slice(0, 80))}`);
    const tab = line.indexOf("\t");
    if (tab <= 0) throw new Error(`a stored line needs a key and a tab: ${JSON.stringify(line.slice(0, 80))}`);
    const key = line.slice(0, tab);
    if (key !== last && runs.has(key)) throw new Error(`the lines of key ${JSON.stringify(key)} are not together`);
    last = key;
    const bytes = Buffer.from(`${line}\n`, "utf8");
    const run = runs.get(key);
    if (run) run[1] = at + bytes.length - 1;
    else runs.set(key, [at, at + bytes.length - 1]);
    parts.push(bytes);
    at += bytes.length;
  }
  let size = 8;
  while (size < runs.size * 2) size *= 2;
  const table = Buffer.alloc(HEAD + 8 * size);
  table.writeUInt32LE(size, 0);
  table.writeUInt32LE(runs.size, 4);
  for (const [key, [start, end]] of runs) {
    let slot = hash(key) & (size - 1);
    while (table.readUInt32LE(HEAD + 8 * slot) !== 0) slot = (slot + 1) & (size - 1);
    table.writeUInt32LE(start + 1, HEAD + 8 * slot);
    table.writeUInt32LE(end, HEAD + 8 * slot + 4);
  }
  return Buffer.concat([table, ...parts]);
}

export class KeyedLines {
  /** How many distinct keys. */
  readonly size: number;
  /** Start + 1 and end of each slot's run of lines. */
  private readonly slots: Uint32Array;
  private readonly text: Buffer;

  constructor(bytes: Buffer) {
    const n = bytes.readUInt32LE(0);
    this.size = bytes.readUInt32LE(4);
    const end = HEAD + 8 * n;
    // A view on the file's own bytes when they are aligned for it (readFileSync's are), else a copy.
    this.slots = (bytes.byteOffset + HEAD) % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + HEAD, 2 * n) : new Uint32Array(new Uint8Array(bytes.subarray(HEAD, end)).buffer);
    this.text = bytes.subarray(end);
  }

  /** Whether the slots are read in place from the bytes given (else they were copied, at every start). */
  get inPlace(): boolean {
    return this.slots.buffer === this.text.buffer;
  }

  /** The slot of this key's run, or -1. */
  private find(key: string): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const text = this.text;
    // Each key is compared as the line's bytes read as Latin-1, which is the key itself when the
    // key is ASCII; a key beyond ASCII is compared as the Latin-1 reading of its UTF-8 bytes.
    let want: string | undefined;
    let length = key.length;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const start = slots[2 * slot]! - 1;
      if (start < 0) return -1;
      if (want === undefined) {
        want = key;
        const utf8 = Buffer.byteLength(key, "utf8");
        if (utf8 !== length) {
          want = Buffer.from(key, "utf8").toString("latin1");
          length = utf8;
        }
      }
      if (text[start + length] === 9 && text.toString("latin1", start, start + length) === want) return slot;
    }
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** The lines with this key (each "key<TAB>rest", joined by "\n"), or undefined. */
  get(key: string): string | undefined {
    const slot = this.find(key);
    return slot < 0 ? undefined : this.text.toString("utf8", this.slots[2 * slot]! - 1, this.slots[2 * slot + 1]!);
  }

  /** Every line, in stored order. */
  *lines(): Generator<string> {
    const text = this.text;
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf(10, at);
      yield text.toString("utf8", at, end);
      at = end + 1;
    }
  }
}
