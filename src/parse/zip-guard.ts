import { CvlintError, ErrorCodes } from "../errors.js";

export interface ZipLimits {
  /** Largest total uncompressed size of the archive's entries, in bytes. */
  maxUncompressed: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressed: 100 * 1024 * 1024, maxEntries: 5000 };

/**
 * Check a DOCX (zip) from its central directory before anything is inflated: entry count and
 * declared uncompressed sizes, so a zip bomb is refused without being unpacked. A central
 * directory that cannot be found is a damaged file.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 65535); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new CvlintError(ErrorCodes.DOCX_CORRUPT, "is not a readable Word document (the zip container is damaged or incomplete)");
  let entries = view.readUInt16LE(eocd + 10);
  let cdOffset = view.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) {
    // Zip64: the real values are in the zip64 end record, located just before.
    const loc = eocd - 20;
    if (loc >= 0 && view.readUInt32LE(loc) === 0x07064b50) {
      const rec = Number(view.readBigUInt64LE(loc + 8));
      if (rec + 56 <= view.length && view.readUInt32LE(rec) === 0x06064b50) {
        entries = Number(view.readBigUInt64LE(rec + 32));
        cdOffset = Number(view.readBigUInt64LE(rec + 48));
      }
    }
  }
  if (entries > limits.maxEntries) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a Word document with ${entries} zip entries, more than the limit of ${limits.maxEntries}`);
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > view.length || view.readUInt32LE(p) !== 0x02014b50) {
      throw new CvlintError(ErrorCodes.DOCX_CORRUPT, "is not a readable Word document (the zip container is damaged or incomplete)");
    }
    let size = view.readUInt32LE(p + 24);
    const nameLen = view.readUInt16LE(p + 28);
    const extraLen = view.readUInt16LE(p + 30);
    const commentLen = view.readUInt16LE(p + 32);
    if (size === 0xffffffff) {
      // Zip64 extra field (id 0x0001) holds the 64-bit uncompressed size first.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = view.readUInt16LE(e);
        const len = view.readUInt16LE(e + 2);
        if (id === 0x0001 && len >= 8) size = Number(view.readBigUInt64LE(e + 4));
        e += 4 + len;
      }
    }
    total += size;
    if (total > limits.maxUncompressed) {
      throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a Word document that unpacks to more than ${Math.round(limits.maxUncompressed / 1024 / 1024)} MB (a zip bomb?); refused without unpacking`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
}
