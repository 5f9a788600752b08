import { buildDocument } from "./document/build.js";
import { LOW_CONFIDENCE } from "./document/quality.js";
import { toFileError } from "./errors.js";
import { DEFAULT_READ_OPTIONS, parseBytes, readInputFile, type ReadOptions } from "./parse/index.js";
import type { CvDocument, Finding, InputFormat, LintResult } from "./types.js";

export interface LintOptions extends Partial<ReadOptions> {
  /** Read the input as this format instead of detecting it. */
  format?: InputFormat;
}

function readOptions(o: LintOptions): ReadOptions {
  return { ...DEFAULT_READ_OPTIONS, ...Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k in DEFAULT_READ_OPTIONS)) };
}

/** Lint a CV file. Never throws for a bad input: the result carries `error` instead. */
export async function lintFile(file: string, options: LintOptions = {}): Promise<LintResult> {
  const opts = readOptions(options);
  try {
    const bytes = await readInputFile(file, opts);
    return await lintBytes(bytes, file, options);
  } catch (err) {
    return errorResult(file, err);
  }
}

/** Lint bytes already in memory (stdin, editor buffers). `name` is used for the format and reports. */
export async function lintBytes(bytes: Uint8Array, name: string, options: LintOptions = {}): Promise<LintResult> {
  try {
    const source = await parseBytes(bytes, name, readOptions(options), options.format);
    const doc = buildDocument(name, source.format, source.parsed);
    return analyse(doc);
  } catch (err) {
    return errorResult(name, err);
  }
}

/** Lint CV text (Markdown unless `format` says otherwise). */
export function lintText(text: string, options: LintOptions & { filePath?: string } = {}): Promise<LintResult> {
  const name = options.filePath ?? "<text>";
  return lintBytes(new TextEncoder().encode(text), name, { format: options.format ?? (options.filePath ? undefined : "markdown"), ...options });
}

export function errorResult(file: string, err: unknown): LintResult {
  return { file, format: null, error: toFileError(err), score: null, sections: [], skills: [], findings: [], errorCount: 0, warningCount: 0 };
}

function analyse(doc: CvDocument): LintResult {
  const findings: Finding[] = [];
  if (doc.quality.confidence < LOW_CONFIDENCE) {
    findings.push({
      ruleId: "extraction-quality",
      messageId: "lowConfidence",
      data: { confidence: doc.quality.confidence, reasons: doc.quality.reasons.join("; ") },
      message: `cvlint could not read this file reliably (confidence ${doc.quality.confidence}): ${doc.quality.reasons.join("; ")}. Findings below may be wrong.`,
      severity: "warning",
      line: 1,
      column: 1,
      fixable: false,
    });
  }
  return {
    file: doc.file,
    format: doc.format,
    error: null,
    score: null,
    sections: doc.sections.map((s) => ({ kind: s.kind, heading: s.heading, line: doc.lines[s.headingLine ?? s.start]?.pos.line ?? 1 })),
    skills: [],
    findings,
    errorCount: findings.filter((f) => f.severity === "error").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    document: doc,
  };
}
