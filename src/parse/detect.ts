import { CvlintError, ErrorCodes } from "../errors.js";
import { utf16WithoutBom } from "./text-utils.js";
import type { InputFormat } from "../types.js";

const EXTENSIONS: Record<string, InputFormat> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdown": "markdown",
  ".mkd": "markdown",
  ".txt": "text",
  ".text": "text",
  ".pdf": "pdf",
  ".docx": "docx",
  ".json": "jsonresume",
};

/** Known binary formats we refuse by name rather than reading as garbage text. */
const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x49, 0x49, 0x2a, 0x00], "a TIFF image"],
  [[0x4d, 0x4d, 0x00, 0x2a], "a TIFF image"],
  [[0x42, 0x4d], "a BMP image"],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "a legacy Office (.doc) file; save it as .docx or PDF"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7-Zip archive"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "an RTF file; save it as .docx or PDF"],
];

export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

export function formatFromExtension(file: string): InputFormat | undefined {
  return EXTENSIONS[extensionOf(file)];
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Finds `needle` (ASCII) in the first `limit` bytes. */
function includesAscii(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  const n = Buffer.from(needle, "latin1");
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.length));
  return buf.indexOf(n) >= 0;
}

/**
 * Decide the format from the bytes first (magic numbers), the file name second.
 * Throws a CvlintError for formats cvlint cannot read.
 */
export function detectFormat(bytes: Uint8Array, file: string): InputFormat {
  const byExt = formatFromExtension(file);
  // PDF: "%PDF-" within the first KB (some generators put junk before it).
  if (includesAscii(bytes, "%PDF-", 1024)) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || zipEndRecord(bytes)) {
    // A zip: a DOCX has word/document.xml among its entries (names are stored in clear text).
    if (includesAscii(bytes, "word/document.xml") || includesAscii(bytes, "word/")) return "docx";
    if (includesAscii(bytes, "content.xml") && includesAscii(bytes, "opendocument")) {
      throw new CvlintError(ErrorCodes.UNSUPPORTED_FORMAT, "is an OpenDocument file; save it as .docx or PDF");
    }
    throw new CvlintError(ErrorCodes.UNSUPPORTED_FORMAT, "is a zip archive that is not a Word (.docx) document");
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && includesAscii(bytes, "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0")) {
    // Word saves a password-protected .docx as an OLE file holding the encrypted zip ("EncryptedPackage").
    throw new CvlintError(ErrorCodes.DOCX_ENCRYPTED, "is a password-protected Word document; save a copy without the password and lint that");
  }
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) throw new CvlintError(ErrorCodes.UNSUPPORTED_FORMAT, `is ${what}, not a CV cvlint can read`);
  }
  if (byExt === "pdf") {
    throw new CvlintError(ErrorCodes.PDF_CORRUPT, "is named .pdf but is not a PDF (no %PDF- header)");
  }
  if (byExt === "docx") {
    throw new CvlintError(ErrorCodes.DOCX_CORRUPT, "is named .docx but is not a Word document (not a zip archive)");
  }
  if (looksBinary(bytes)) {
    throw new CvlintError(ErrorCodes.UNSUPPORTED_FORMAT, "is a binary file of a kind cvlint cannot read (expected PDF, DOCX, Markdown or text)");
  }
  if (byExt) return byExt;
  if (looksLikeJsonResume(bytes)) return "jsonresume";
  return looksLikeMarkdown(bytes) ? "markdown" : "text";
}

/**
 * A zip with bytes before it (a self-extractor's stub, or junk put there on purpose) does not start
 * with "PK": its end record, within the last 64 KB, still says it is one (src/parse/zip.ts reads it).
 */
function zipEndRecord(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 65535);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.byteLength - from);
  const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return at >= 0 && at + 22 <= tail.length;
}

/** Binary: NUL bytes or many control characters in the first 4 KB (UTF-16 with a BOM is text). */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || utf16WithoutBom(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.05;
}

function looksLikeMarkdown(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString("utf8");
  return /^(#{1,6}\s|\s*[-*+]\s|.*\*\*[^*]+\*\*|\|.*\|\s*$|---\s*$)/m.test(head) && /^#{1,6}\s|^\S.*\n(=+|-+)\s*$/m.test(head);
}

function looksLikeJsonResume(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("utf8").trimStart();
  return head.startsWith("{") && /"(?:basics|work|skills)"\s*:/.test(head);
}
