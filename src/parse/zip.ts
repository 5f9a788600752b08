import { crc32, inflateRawSync } from "node:zlib";
import { CvlintError, ErrorCodes } from "../errors.js";

/**
 * The one zip reader of cvlint (DOCX files): the entry list comes from the central directory as
 * it is actually laid out (walked from its start to the end record, not trusted from the counts
 * the end record declares; an archive with bytes before it, as a self-extractor's stub leaves, is
 * read at the shifted offsets), and an entry is inflated only when it is read, through node:zlib
 * with a cap on the bytes it may produce: declared sizes are never trusted, so a zip bomb stops
 * at the cap however it lies. mammoth reads the document through this reader (src/parse/docx.ts),
 * never through a zip reader of its own.
 */
export interface ZipLimits {
  /** Most bytes all entries read may unpack to, together. */
  maxUncompressed: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressed: 100 * 1024 * 1024, maxEntries: 5000 };

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  /** Offset of the local header, already shifted by any bytes before the archive. */
  local: number;
}

export interface ZipArchive {
  names(): string[];
  exists(name: string): boolean;
  /** The entry's bytes, inflated within what is left of the cap (and within `max`, else the error `tooBig` makes). */
  bytes(name: string, max?: number, tooBig?: () => CvlintError): Uint8Array;
  /** Bytes unpacked so far. */
  unpacked(): number;
}

const damaged = (why: string): CvlintError => new CvlintError(ErrorCodes.DOCX_CORRUPT, `is not a readable Word document (the zip container is ${why})`);

export function openZip(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory: its signature within the last 64 KB + 22 bytes, the last one whose
  // comment length reaches the end of the file (a signature inside the comment is skipped).
  let eocd = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 65535); i--) {
    if (view.readUInt32LE(i) === 0x06054b50 && i + 22 + view.readUInt16LE(i + 20) <= view.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged("damaged or incomplete");
  let cdSize = view.readUInt32LE(eocd + 12);
  let cdOffset = view.readUInt32LE(eocd + 16);
  let cdEnd = eocd;
  if (cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // Zip64: the real values are in the zip64 end record, located just before.
    const loc = eocd - 20;
    if (loc < 0 || view.readUInt32LE(loc) !== 0x07064b50) throw damaged("damaged (a zip64 archive without its locator)");
    const rec = Number(view.readBigUInt64LE(loc + 8));
    if (!(rec >= 0 && rec + 56 <= loc && view.readUInt32LE(rec) === 0x06064b50)) throw damaged("damaged (its zip64 end record is missing)");
    cdSize = Number(view.readBigUInt64LE(rec + 40));
    cdOffset = Number(view.readBigUInt64LE(rec + 48));
    cdEnd = rec;
  }
  // Where the central directory really starts: right before the end record. Bytes before the
  // archive shift every offset it declares by the same amount.
  const cdStart = cdEnd - cdSize;
  if (cdStart < 0) throw damaged("damaged (its directory is larger than the file)");
  const shift = cdStart - cdOffset;
  const entries = new Map<string, Entry>();
  let p = cdStart;
  let count = 0;
  while (p < cdEnd) {
    if (p + 46 > cdEnd || view.readUInt32LE(p) !== 0x02014b50) throw damaged("damaged (its directory is broken)");
    if (++count > limits.maxEntries) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a Word document with more than ${limits.maxEntries} zip entries; a CV has a few dozen`);
    const flags = view.readUInt16LE(p + 8);
    const method = view.readUInt16LE(p + 10);
    const crc = view.readUInt32LE(p + 16);
    let compressedSize = view.readUInt32LE(p + 20);
    const nameLen = view.readUInt16LE(p + 28);
    const extraLen = view.readUInt16LE(p + 30);
    const commentLen = view.readUInt16LE(p + 32);
    let local = view.readUInt32LE(p + 42);
    const name = view.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
    if (compressedSize === 0xffffffff || local === 0xffffffff) {
      // Zip64 extra field (id 0x0001): the 64-bit sizes and offset, each present only when its 32-bit field is all ones.
      let e = p + 46 + nameLen;
      const end = Math.min(e + extraLen, cdEnd);
      while (e + 4 <= end) {
        const id = view.readUInt16LE(e);
        const len = view.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (view.readUInt32LE(p + 24) === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
            compressedSize = Number(view.readBigUInt64LE(q));
            q += 8;
          }
          if (local === 0xffffffff && q + 8 <= e + 4 + len) local = Number(view.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
    }
    if (flags & 0x1) throw new CvlintError(ErrorCodes.DOCX_CORRUPT, "is an encrypted zip archive, not a readable Word document");
    if (!entries.has(name)) entries.set(name, { name, method, crc, compressedSize, local: local + shift });
    p += 46 + nameLen + extraLen + commentLen;
  }
  let unpacked = 0;
  const bytes = (name: string, max = Infinity, tooBig?: () => CvlintError): Uint8Array => {
    const e = entries.get(name);
    if (!e) throw damaged(`missing ${name}`);
    const h = e.local;
    if (h < 0 || h + 30 > view.length || view.readUInt32LE(h) !== 0x04034b50) throw damaged("damaged (an entry's header is missing)");
    const start = h + 30 + view.readUInt16LE(h + 26) + view.readUInt16LE(h + 28);
    if (start + e.compressedSize > view.length) throw damaged("truncated");
    const raw = view.subarray(start, start + e.compressedSize);
    const left = limits.maxUncompressed - unpacked;
    const budget = Math.min(left, max);
    const over = (): CvlintError => (budget < left && tooBig ? tooBig() : bomb(limits));
    let out: Uint8Array;
    if (e.method === 0) {
      if (raw.length > budget) throw over();
      out = raw;
    } else if (e.method === 8) {
      try {
        // maxOutputLength stops the inflation as soon as it would pass the cap: nothing larger is ever allocated.
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw over();
        throw damaged("damaged (an entry does not inflate)");
      }
    } else {
      throw new CvlintError(ErrorCodes.DOCX_CORRUPT, `is not a readable Word document (an entry is packed with zip method ${e.method}, which Word does not use)`);
    }
    if (crc32(out) !== e.crc) throw damaged("damaged (an entry fails its checksum)");
    unpacked += out.length;
    if (unpacked > limits.maxUncompressed) throw bomb(limits);
    return out;
  };
  return { names: () => [...entries.keys()], exists: (name) => entries.has(name), bytes, unpacked: () => unpacked };
}

function bomb(limits: ZipLimits): CvlintError {
  return new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a Word document that unpacks to more than ${Math.round(limits.maxUncompressed / 1024 / 1024)} MB (a zip bomb?); refused while unpacking`);
}
