import { buildDocument } from "./document/build.js";
import { analyze, type Analysis } from "./match/analyze.js";
import { getTaxonomy } from "./taxonomy/index.js";
import { LOW_CONFIDENCE } from "./document/quality.js";
import { toFileError } from "./errors.js";
import { DEFAULT_READ_OPTIONS, parseBytes, readInputFile, type ReadOptions } from "./parse/index.js";
import type { Finding, InputFormat, LintResult, SkillJson } from "./types.js";

export interface LintOptions extends Partial<ReadOptions> {
  /** Read the input as this format instead of detecting it. */
  format?: InputFormat;
  /** User taxonomy files that add or override skills. */
  taxonomy?: string[];
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
    return analyse(analyze(doc, getTaxonomy(options.taxonomy)));
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

/** The `skills` array of the JSON contract. */
export function skillsJson(a: Analysis): SkillJson[] {
  return a.skills.map((h) => ({
    id: h.id,
    name: h.name,
    category: h.category,
    known: h.known,
    sections: h.sections,
    canonical: h.canonical,
    ...(h.suggestion ? { suggestion: h.suggestion } : {}),
    occurrences: h.occurrences.map((o) => ({
      text: o.text,
      line: o.line,
      column: o.column,
      ...(o.page !== undefined ? { page: o.page } : {}),
      section: o.section,
      via: o.via,
      form: o.form,
      ...(o.context ? { context: o.context } : {}),
      canonical: o.canonical,
    })),
  }));
}

function analyse(analysis: Analysis): LintResult {
  const doc = analysis.doc;
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
    skills: skillsJson(analysis),
    findings,
    errorCount: findings.filter((f) => f.severity === "error").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    document: doc,
    analysis,
  };
}
