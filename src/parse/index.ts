import { CvlintError, ErrorCodes } from "../errors.js";
import { mb, readBounded } from "../read.js";
import { toLf } from "../lines.js";
import type { InputFormat } from "../types.js";
import { detectFormat } from "./detect.js";
import { parseMarkdown, type ParsedSource } from "./markdown.js";
import { parseText } from "./text.js";
import { decodeText } from "./text-utils.js";

export interface ReadOptions {
  /** Largest input accepted, in bytes. */
  maxFileSize: number;
  /** Largest PDF accepted, in pages. */
  maxPages: number;
  /** Largest text cvlint will analyse, in characters (after extraction). */
  maxTextLength?: number;
  /** DOCX zip limits: total uncompressed size (bytes) and entry count. */
  maxDocxUncompressed?: number;
  maxDocxEntries?: number;
  /** Deepest list or quote nesting accepted in Markdown (no CV needs more; deeper input is hostile). */
  maxNesting?: number;
  /** Most lines holding text accepted (a CV has a few hundred; more is refused before it is parsed). */
  maxLines?: number;
  /** Date.now() after which long parses stop (the watchdog's deadline). */
  deadline?: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxFileSize: 20 * 1024 * 1024, maxPages: 30, maxTextLength: 2_000_000, maxDocxUncompressed: 100 * 1024 * 1024, maxDocxEntries: 5000, maxNesting: 24, maxLines: 100_000 };

/**
 * The lines of a text that hold something besides spaces, counted in one scan before any parsing
 * (breaks as src/lines.ts reads them: "\n", "\r\n", "\r"). Every later stage costs memory and
 * time per line: a text of 400,000 one-word lines at the character limit needed more than a
 * worker's heap after 8 s of work (issue 24), so a count past maxLines is refused up front.
 */
export function countTextLines(text: string): number {
  let lines = 0;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (content) lines++;
      content = false;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    } else if (!content && c !== 32 && c !== 9) content = true;
  }
  return content ? lines + 1 : lines;
}

const tooManyLines = (lines: number, max: number): CvlintError =>
  new CvlintError(ErrorCodes.FILE_TOO_LARGE, `holds ${lines} lines of text, more than the limit of ${max}; a CV has a few hundred (refused before reading)`);

/**
 * Refuse Markdown nested deeper than any CV needs before parsing it: list items indented past
 * `max` levels or `max` quote markers: no CV needs that, and parsers' work grows with depth.
 */
export function checkNesting(text: string, max: number): void {
  const re = /^((?:[ \t]*>){0,}[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/gm;
  for (const m of text.matchAll(re)) {
    const lead = m[1]!;
    const quotes = (lead.match(/>/g) ?? []).length;
    const width = lead.replace(/\t/g, "    ").replace(/>/g, "").length;
    const depth = quotes + Math.floor(width / 2);
    if (depth > max) {
      const line = text.slice(0, m.index).split("\n").length;
      throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `nests lists or quotes more than ${max} levels deep (line ${line}); a CV never needs that`);
    }
  }
}

export interface Source {
  format: InputFormat;
  parsed: ParsedSource;
  /** The decoded text of Markdown and text sources (for --fix and inline directives). */
  text?: string;
}

/** Read a CV from disk: a regular file within the size limit (src/read.ts). */
export async function readInputFile(file: string, opts: ReadOptions): Promise<Uint8Array> {
  return readBounded(file, opts.maxFileSize).bytes!;
}

/** The bytes of a CV file if it has at most `small` bytes, else undefined (read elsewhere); errors as readInputFile. */
export function readSmallFile(file: string, small: number, opts: ReadOptions): Uint8Array | undefined {
  return readBounded(file, opts.maxFileSize, small).bytes;
}

/** Bytes → parsed source. The PDF and DOCX parsers are imported only when such a file is read. */
export async function parseBytes(bytes: Uint8Array, name: string, opts: ReadOptions, forced?: InputFormat): Promise<Source> {
  const source = await parseAny(bytes, name, opts, forced);
  const max = opts.maxTextLength ?? DEFAULT_READ_OPTIONS.maxTextLength!;
  let length = 0;
  for (const l of source.parsed.lines) length += l.text.length + 1;
  if (length > max) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `holds ${length} characters of text, more than the limit of ${max}; a CV is a few thousand`);
  // (The lines a PDF, a DOCX or a JSON Resume gave, by the same limit as a text's.)
  const maxLines = opts.maxLines ?? DEFAULT_READ_OPTIONS.maxLines!;
  if (source.parsed.lines.length > maxLines) throw tooManyLines(source.parsed.lines.length, maxLines);
  return source;
}

async function parseAny(bytes: Uint8Array, name: string, opts: ReadOptions, forced?: InputFormat): Promise<Source> {
  if (bytes.length > opts.maxFileSize) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is ${mb(bytes.length)}, over the ${mb(opts.maxFileSize)} limit (--max-file-size)`);
  if (bytes.length === 0) throw new CvlintError(ErrorCodes.EMPTY_FILE, "is empty");
  const format = forced ?? detectFormat(bytes, name);
  switch (format) {
    case "pdf": {
      const { parsePdf } = await import("./pdf.js");
      const parsed = await parsePdf(bytes, { maxPages: opts.maxPages, deadline: opts.deadline });
      if (parsed.lines.length === 0) {
        throw new CvlintError(ErrorCodes.PDF_NO_TEXT, "has no text layer (probably a scanned image); cvlint does not do OCR, so export the CV as a text PDF from its editor");
      }
      return { format, parsed };
    }
    case "docx": {
      const { parseDocx, DEFAULT_DOCX_LIMITS } = await import("./docx.js");
      const parsed = await parseDocx(bytes, { ...DEFAULT_DOCX_LIMITS, maxUncompressed: opts.maxDocxUncompressed ?? DEFAULT_DOCX_LIMITS.maxUncompressed, maxEntries: opts.maxDocxEntries ?? DEFAULT_DOCX_LIMITS.maxEntries });
      if (parsed.lines.length === 0) throw new CvlintError(ErrorCodes.NO_TEXT, "is a Word document without any text");
      return { format, parsed };
    }
    case "jsonresume": {
      const { parseJsonResume } = await import("./jsonresume.js");
      const text = decodeText(bytes);
      const parsed = parseJsonResume(text);
      if (parsed.lines.length === 0) throw new CvlintError(ErrorCodes.NO_TEXT, "is a JSON Resume without any content");
      return { format, parsed };
    }
    case "markdown":
    case "text": {
      const text = decodeText(bytes);
      const max = opts.maxTextLength ?? DEFAULT_READ_OPTIONS.maxTextLength!;
      if (text.length > max) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `holds ${text.length} characters of text, more than the limit of ${max}; a CV is a few thousand`);
      if (text.trim() === "") throw new CvlintError(ErrorCodes.EMPTY_FILE, "is empty");
      const maxLines = opts.maxLines ?? DEFAULT_READ_OPTIONS.maxLines!;
      const lines = countTextLines(text);
      if (lines > maxLines) throw tooManyLines(lines, maxLines);
      if (format === "markdown") checkNesting(toLf(text), opts.maxNesting ?? DEFAULT_READ_OPTIONS.maxNesting!);
      const parsed = format === "markdown" ? parseMarkdown(text) : parseText(text);
      if (parsed.lines.length === 0) throw new CvlintError(ErrorCodes.NO_TEXT, "has no text cvlint can read (only markup or comments)");
      return { format, parsed, text };
    }
  }
}
