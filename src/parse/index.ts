import { readFile, stat } from "node:fs/promises";
import { CvlintError, ErrorCodes } from "../errors.js";
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
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxFileSize: 20 * 1024 * 1024, maxPages: 30 };

export interface Source {
  format: InputFormat;
  parsed: ParsedSource;
  /** The decoded text of Markdown and text sources (for --fix and inline directives). */
  text?: string;
}

/** Read a file from disk, refusing what is not a readable regular file within the size limit. */
export async function readInputFile(file: string, opts: ReadOptions): Promise<Uint8Array> {
  let st;
  try {
    st = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CvlintError(ErrorCodes.FILE_NOT_FOUND, "does not exist");
    if (code === "EACCES" || code === "EPERM") throw new CvlintError(ErrorCodes.READ_FAILED, "cannot be read (permission denied)");
    throw new CvlintError(ErrorCodes.READ_FAILED, `cannot be read (${code ?? "unknown error"})`);
  }
  if (st.isDirectory()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is a directory, not a CV file");
  if (!st.isFile()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is not a regular file");
  if (st.size > opts.maxFileSize) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is ${mb(st.size)}, over the ${mb(opts.maxFileSize)} limit (--max-file-size)`);
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CvlintError(ErrorCodes.READ_FAILED, `cannot be read (${code === "EACCES" ? "permission denied" : (code ?? "unknown error")})`);
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Bytes → parsed source. The PDF and DOCX parsers are imported only when such a file is read. */
export async function parseBytes(bytes: Uint8Array, name: string, opts: ReadOptions, forced?: InputFormat): Promise<Source> {
  if (bytes.length > opts.maxFileSize) throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is ${mb(bytes.length)}, over the ${mb(opts.maxFileSize)} limit (--max-file-size)`);
  if (bytes.length === 0) throw new CvlintError(ErrorCodes.EMPTY_FILE, "is empty");
  const format = forced ?? detectFormat(bytes, name);
  switch (format) {
    case "pdf": {
      const { parsePdf } = await import("./pdf.js");
      const parsed = await parsePdf(bytes, { maxPages: opts.maxPages });
      if (parsed.lines.length === 0) {
        throw new CvlintError(ErrorCodes.PDF_NO_TEXT, "has no text layer (probably a scanned image); cvlint does not do OCR, so export the CV as a text PDF from its editor");
      }
      return { format, parsed };
    }
    case "docx": {
      const { parseDocx } = await import("./docx.js");
      const parsed = await parseDocx(bytes);
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
      if (text.trim() === "") throw new CvlintError(ErrorCodes.EMPTY_FILE, "is empty");
      const parsed = format === "markdown" ? parseMarkdown(text) : parseText(text);
      if (parsed.lines.length === 0) throw new CvlintError(ErrorCodes.NO_TEXT, "has no text cvlint can read (only markup or comments)");
      return { format, parsed, text };
    }
  }
}
