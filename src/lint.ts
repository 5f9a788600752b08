import { dirname } from "node:path";
import { applyRuleFlags, defaultConfig, findConfigFile, loadConfigFile, type ResolvedConfig } from "./config.js";
import { buildDocument } from "./document/build.js";
import { CvlintError, toFileError } from "./errors.js";
import { keepSafeFixes } from "./fix-spans.js";
import { analyze, type Analysis } from "./match/analyze.js";
import { DEFAULT_READ_OPTIONS, parseBytes, readInputFile, type ReadOptions } from "./parse/index.js";
import { matchJob, type JobMatch, type PostingRequirements, type RequirementMatch } from "./job/match.js";
import { runRules } from "./rules/engine.js";
import { getTaxonomy } from "./taxonomy/index.js";
import type { InputFormat, JobJson, LintResult, SkillJson } from "./types.js";

export interface LintOptions extends Partial<ReadOptions> {
  /** Read the input as this format instead of detecting it. */
  format?: InputFormat;
  /** User taxonomy files that add or override skills (added to the config's). */
  taxonomy?: string[];
  /** A resolved config to use as it is; otherwise `configFile`, otherwise the nearest config file. */
  config?: ResolvedConfig;
  /** A config file to use instead of looking for the nearest one. */
  configFile?: string;
  /** `--rule id:severity` overrides. */
  ruleFlags?: string[];
  /** Don't look for config files (the recommended preset unless `config` is given). */
  noConfigLookup?: boolean;
  /** A job posting (readPosting) to tailor against: its file name and requirements are what is used. */
  job?: PostingRequirements;
  /** Give up on a file after this many milliseconds (default 20 s). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Run a file's work so that it never throws and never outlives the watchdog. Parsers that yield
 * (pdf.js, mammoth) are abandoned when the time is up; the CLI then exits without waiting for
 * them. Synchronous work cannot be interrupted this way, which is why cvlint's own passes are
 * linear in the input.
 */
async function guarded(name: string, options: LintOptions, work: () => Promise<LintResult>): Promise<LintResult> {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<LintResult>((resolve) => {
    timer = setTimeout(() => resolve(errorResult(name, new CvlintError("TIMEOUT", `took longer than ${ms / 1000} s and was skipped (--timeout)`))), ms);
    timer.unref?.();
  });
  const safe = work().catch((err: unknown) => errorResult(name, err));
  try {
    return await Promise.race([safe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const configCache = new Map<string, ResolvedConfig>();
/** The recommended preset, for files with no config file: made once, never changed (applyRuleFlags copies). */
let builtIn: ResolvedConfig | undefined;

/** The config for a file: given, named, or the nearest .cvlintrc.json / cvlint.config.json; then --rule flags. */
export function configFor(file: string | null, o: LintOptions): ResolvedConfig {
  let base = o.config;
  if (!base) {
    const path = o.configFile ?? (o.noConfigLookup ? null : findConfigFile(file ? dirname(file) : process.cwd()));
    if (path) {
      base = configCache.get(path);
      if (!base) {
        base = loadConfigFile(path);
        configCache.set(path, base);
      }
    } else base = builtIn ??= defaultConfig();
  }
  return o.ruleFlags?.length ? applyRuleFlags(base, o.ruleFlags) : base;
}

function readOptions(o: LintOptions, c: ResolvedConfig): ReadOptions {
  return {
    deadline: Date.now() + (o.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    maxFileSize: o.maxFileSize ?? (c.maxFileSize !== undefined ? c.maxFileSize * 1024 * 1024 : DEFAULT_READ_OPTIONS.maxFileSize),
    maxPages: o.maxPages ?? c.maxPages ?? DEFAULT_READ_OPTIONS.maxPages,
  };
}

/** Lint a CV file. Never throws for a bad input or config: the result carries `error` instead. */
export function lintFile(file: string, options: LintOptions = {}): Promise<LintResult> {
  return guarded(file, options, async () => {
    const config = configFor(file, options);
    const limits = readOptions(options, config);
    return lintWith(await readInputFile(file, limits), file, options, config, limits);
  });
}

/** Lint bytes already in memory (stdin, editor buffers). `name` is used for the format and reports. */
export function lintBytes(bytes: Uint8Array, name: string, options: LintOptions = {}): Promise<LintResult> {
  return guarded(name, options, async () => {
    const config = configFor(name.startsWith("<") ? null : name, options);
    return lintWith(bytes, name, options, config, readOptions(options, config));
  });
}

async function lintWith(bytes: Uint8Array, name: string, options: LintOptions, config: ResolvedConfig, limits: ReadOptions): Promise<LintResult> {
  const source = await parseBytes(bytes, name, limits, options.format);
  const doc = buildDocument(name, source.format, source.parsed);
  // (The parser's lines are not needed past the document: let them go rather than hold them,
  // a line's worth of memory each, through analysis and the rules, issue 24.)
  source.parsed = { ...source.parsed, lines: [] };
  const taxonomy = getTaxonomy([...config.taxonomy, ...(options.taxonomy ?? [])]);
  const analysis = analyze(doc, taxonomy);
  const job = options.job ? matchJob(options.job, analysis, taxonomy) : undefined;
  const { findings, score } = runRules(analysis, taxonomy, config, job);
  keepSafeFixes(findings, doc.format, source.text);
  return {
    file: name,
    format: doc.format,
    error: null,
    score,
    sections: doc.sections.map((s) => ({ kind: s.kind, heading: s.heading, line: doc.lines[s.headingLine ?? s.start]?.pos.line ?? 1 })),
    skills: skillsJson(analysis),
    findings,
    errorCount: findings.filter((f) => f.severity === "error").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    ...(job ? { job: jobJson(job) } : {}),
    document: doc,
    analysis,
    source: source.text,
  };
}

/** Lint CV text (Markdown unless `format` says otherwise). */
export function lintText(text: string, options: LintOptions & { filePath?: string } = {}): Promise<LintResult> {
  const name = options.filePath ?? "<text>";
  return lintBytes(new TextEncoder().encode(text), name, { ...options, format: options.format ?? (options.filePath ? undefined : "markdown") });
}

/**
 * The result without the document, analysis and source (reporters other than html get the page
 * count): what crosses from a worker, and what a long run keeps of each file, so that memory
 * and garbage collection do not grow with the documents of every file linted so far.
 */
export function slim(r: LintResult): LintResult {
  const { document, analysis: _analysis, source: _source, ...rest } = r;
  return document?.quality.pages ? { ...rest, pages: document.quality.pages } : rest;
}

export function errorResult(file: string, err: unknown): LintResult {
  return { file, format: null, error: toFileError(err), score: null, sections: [], skills: [], findings: [], errorCount: 0, warningCount: 0 };
}

/**
 * The `skills` array of the JSON contract. Optional fields are set to undefined rather than left
 * out by spreads: JSON leaves them out all the same, and every object keeps one hidden class,
 * which the serializer and the garbage collector walk faster.
 */
export function skillsJson(a: Analysis): SkillJson[] {
  const out: SkillJson[] = [];
  for (const h of a.skills) {
    const occurrences: SkillJson["occurrences"] = [];
    for (const o of h.occurrences) {
      occurrences.push({ text: o.text, line: o.line, column: o.column, page: o.page, section: o.section, via: o.via, form: o.form, context: o.context || undefined, canonical: o.canonical });
    }
    out.push({ id: h.id, name: h.name, category: h.category, known: h.known, sections: h.sections, canonical: h.canonical, suggestion: h.suggestion, occurrences });
  }
  return out;
}

/** The `job` object of the JSON contract. */
export function jobJson(m: JobMatch): JobJson {
  const one = (r: RequirementMatch) => ({
    name: r.name,
    ids: r.ids,
    names: r.names,
    category: r.category,
    found: r.found,
    shown: r.shown,
    sections: r.sections,
    line: r.line,
    column: r.column,
    reason: r.reason,
    cue: r.cue,
    anyOf: r.anyOf,
    ...(r.head ? { head: r.head } : {}),
  });
  return { file: m.file, matchRate: m.matchRate, required: m.required.map(one), niceToHave: m.niceToHave.map(one), stack: m.stack.map(one) };
}
