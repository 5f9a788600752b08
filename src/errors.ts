/** An expected failure to read or parse an input: reported as one line, exit code 2, never a stack trace. */
export class CvlintError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "CvlintError";
    this.code = code;
  }
}

/** Error codes that appear in `error.code` of the JSON output (part of the contract). */
export const ErrorCodes = {
  FILE_NOT_FOUND: "FILE_NOT_FOUND",
  NOT_A_FILE: "NOT_A_FILE",
  NO_FILES: "NO_FILES",
  READ_FAILED: "READ_FAILED",
  EMPTY_FILE: "EMPTY_FILE",
  FILE_TOO_LARGE: "FILE_TOO_LARGE",
  UNSUPPORTED_FORMAT: "UNSUPPORTED_FORMAT",
  INVALID_ENCODING: "INVALID_ENCODING",
  PDF_CORRUPT: "PDF_CORRUPT",
  PDF_ENCRYPTED: "PDF_ENCRYPTED",
  PDF_NO_TEXT: "PDF_NO_TEXT",
  DOCX_CORRUPT: "DOCX_CORRUPT",
  DOCX_ENCRYPTED: "DOCX_ENCRYPTED",
  NO_TEXT: "NO_TEXT",
  TIMEOUT: "TIMEOUT",
  INTERNAL: "INTERNAL",
} as const;

export function toFileError(err: unknown): { code: string; message: string } {
  if (err instanceof CvlintError) return { code: err.code, message: err.message };
  const msg = err instanceof Error ? err.message : String(err);
  return { code: ErrorCodes.INTERNAL, message: `internal error: ${firstLine(msg)}` };
}

export function firstLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** A zod issue path as people write it: `rules.action-verbs[1].minWords`. */
export function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}
