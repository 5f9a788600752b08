import { appendFileSync, closeSync, existsSync, fstatSync, openSync, statSync, writeSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { CvlintError, firstLine, toFileError } from "./errors.js";
import { jsonDocument } from "./report/json.js";
import { escapeControls, terminalSafe } from "./report/safe.js";
import { TOOL } from "./report/meta.js";
import { expandTargets, isCvFileName, type Target } from "./files.js";
import type { ResolvedConfig } from "./config.js";
import { DEFAULT_TIMEOUT_MS, errorResult, lintBytes, slim, type LintOptions } from "./lint.js";
import { DEFAULT_READ_OPTIONS, readInputFile, readSmallFile } from "./parse/index.js";
import { IN_PROCESS_BYTES, inProcess, lintInWorkers, readPostingIsolated, threadsFor, type Concurrency, type Job } from "./pool.js";
import type { ChalkInstance } from "chalk";
import type { JobPosting } from "./job/posting.js";
import type { LintResult } from "./types.js";

const FORMATS = ["stylish", "compact", "json", "sarif", "github", "junit", "html"] as const;

interface GlobalOptions {
  format: (typeof FORMATS)[number];
  outputFile?: string;
  color?: boolean;
  quiet?: boolean;
  histogram?: boolean;
  maxWarnings?: number;
  maxFileSize?: number;
  maxPages?: number;
  taxonomy?: string[];
  config?: string;
  rule?: string[];
  ignorePattern?: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  job?: string;
  timeout?: number;
  concurrency?: Concurrency;
}

/** Exit code from the results, as DESIGN.md fixes it: 2 unreadable input, 1 errors or too many warnings, 0 otherwise. */
export function exitCode(results: LintResult[], opts: { maxWarnings?: number }): number {
  if (results.some((r) => r.error)) return 2;
  if (results.some((r) => r.errorCount > 0)) return 1;
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings) return 1;
  return 0;
}

function positiveNumber(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number.`);
    return n;
  };
}

/** Standard input, refused past the size limit (--max-file-size) without reading the rest. */
async function readStdin(max = DEFAULT_READ_OPTIONS.maxFileSize): Promise<Uint8Array> {
  const { readStream } = await import("./read.js");
  return readStream(process.stdin, max);
}

function lintOptions(o: GlobalOptions): LintOptions {
  return {
    maxFileSize: o.maxFileSize !== undefined ? o.maxFileSize * 1024 * 1024 : undefined,
    maxPages: o.maxPages,
    taxonomy: o.taxonomy,
    configFile: o.config,
    ruleFlags: o.rule,
    timeoutMs: o.timeout !== undefined ? o.timeout * 1000 : undefined,
  };
}

/** Load the taxonomy, --config and --rule before any file, so that a mistake there is one usage error (exit 2). */
async function taxonomyReady(o: GlobalOptions, io: Io): Promise<boolean> {
  try {
    const { getTaxonomy } = await import("./taxonomy/index.js");
    getTaxonomy(o.taxonomy);
    if (o.config || o.rule?.length) {
      const { configFor } = await import("./lint.js");
      const c = configFor(null, { configFile: o.config, ruleFlags: o.rule, noConfigLookup: !o.config });
      getTaxonomy([...c.taxonomy, ...(o.taxonomy ?? [])]);
    }
    return true;
  } catch (err) {
    io.stderr(`cvlint: ${escapeControls(firstLine(err instanceof Error ? err.message : String(err)))}\n`);
    return false;
  }
}

/** Up to three names, then how many more. */
function someNames(paths: string[]): string {
  const names = paths.slice(0, 3).map((p) => relative(process.cwd(), p) || p);
  return escapeControls(`${names.join(", ")}${paths.length > 3 ? ` and ${paths.length - 3} more` : ""}`);
}

const posix = (p: string): string => p.split(sep).join("/");

/**
 * Before any file is linted: the config of every file, so that a bad config is one error, said
 * once (exit 2), not an unreadable CV per file; then the files left out by `--ignore-pattern` (globs
 * relative to the working directory) and by `ignores` of their config (relative to its folder).
 * What was left out is said once on stderr. Null after a config error.
 */
async function selectTargets(targets: Target[], repoFiles: string[], o: GlobalOptions, io: Io): Promise<Target[] | null> {
  const { configFor } = await import("./lint.js");
  const configErrors = new Set<string>();
  const configs = new Map<string, ResolvedConfig>();
  for (const t of targets) {
    if (t.problem || t.path === "-") continue;
    try {
      configs.set(t.path, configFor(t.path, lintOptions(o)));
    } catch (err) {
      configErrors.add(firstLine(err instanceof Error ? err.message : String(err)));
    }
  }
  if (configErrors.size > 0) {
    for (const e of configErrors) io.stderr(`cvlint: ${escapeControls(e)} [CONFIG_INVALID]\n`);
    return null;
  }
  if (repoFiles.length) io.stderr(`cvlint: skipped ${someNames(repoFiles)}: a repository's own files, not CVs (name a file to lint it anyway)\n`);
  const { globMatcher } = await import("./files.js");
  const byFlag = await globMatcher(o.ignorePattern ?? []);
  const byConfig = new Map<ResolvedConfig, (path: string) => boolean>();
  const ignored: string[] = [];
  const kept: Target[] = [];
  for (const t of targets) {
    const c = configs.get(t.path);
    let out = !t.problem && t.path !== "-" && byFlag(posix(relative(process.cwd(), t.path)));
    if (!out && c && c.ignores.length) {
      let test = byConfig.get(c);
      if (!test) byConfig.set(c, (test = await globMatcher(c.ignores)));
      const rel = relative(c.base, resolve(t.path));
      out = !rel.startsWith("..") && !isAbsolute(rel) && test(posix(rel));
    }
    if (out) ignored.push(t.path);
    else kept.push(t);
  }
  if (ignored.length) io.stderr(`cvlint: ignored ${someNames(ignored)} (--ignore-pattern or "ignores" in the config)\n`);
  return kept;
}

/** What a worker needs: the lint options, and the posting's requirements (read once, here). */
function workerSetup(o: GlobalOptions, job?: LintOptions["job"]) {
  return { options: lintOptions(o), ...(job ? { job: { file: job.file, requirements: job.requirements } } : {}), ...(o.taxonomy ? { taxonomy: o.taxonomy } : {}) };
}

/** The posting of --job or `cvlint posting`: a file, or "-" for standard input. null after a one-line error. */
async function postingFrom(spec: string, o: GlobalOptions, io: Io): Promise<JobPosting | null> {
  try {
    if (spec === "-" && io.stdinIsTTY) {
      io.stderr("cvlint: no posting on standard input (pipe one in, or give its file)\n");
      return null;
    }
    // The limits a CV has (--max-file-size, --max-pages), and --timeout through a worker for a
    // PDF, a DOCX or a large text (src/pool.ts).
    const limits = { ...DEFAULT_READ_OPTIONS, ...(o.maxFileSize !== undefined ? { maxFileSize: o.maxFileSize * 1024 * 1024 } : {}), ...(o.maxPages !== undefined ? { maxPages: o.maxPages } : {}) };
    const name = spec === "-" ? "<stdin>" : spec;
    let bytes: Uint8Array;
    try {
      bytes = spec === "-" ? await io.stdin(limits.maxFileSize) : await readInputFile(spec, limits);
    } catch (err) {
      const e = toFileError(err);
      throw new CvlintError(e.code, `job posting ${name}: ${e.message}`);
    }
    return await readPostingIsolated(name, bytes, limits, workerSetup(o));
  } catch (err) {
    const e = toFileError(err);
    io.stderr(`cvlint: ${escapeControls(firstLine(e.message))} [${e.code}]\n`);
    return null;
  }
}

/**
 * Lint files and stdin: small Markdown and text files in this thread, the rest (PDF, DOCX, large
 * text) on a worker that is ended when a file's time is up (src/pool.ts); with --concurrency or
 * on a large run with enough cores, every file on a pool of workers. Results keep input order.
 */
async function lintTargets(operands: string[], o: GlobalOptions, io: Io, job?: LintOptions["job"]): Promise<LintResult[] | null> {
  const usesStdin = operands.length === 0 || operands.includes("-");
  const repoFiles: string[] = [];
  const targets = await selectTargets(await expandTargets(operands.length ? operands : ["-"], repoFiles), repoFiles, o, io);
  if (!targets) return null;
  const results: LintResult[] = new Array(targets.length);
  const progress = targets.length > 5 && io.stderrIsTTY;
  let done = 0;
  const tick = (): void => {
    done++;
    if (progress) io.stderr(`\rcvlint: ${done}/${targets.length} files`);
  };
  // html and --fix need each file's whole document in this thread.
  const keep = Boolean(o.fix || o.fixDryRun || o.format === "html");
  const options = { ...lintOptions(o), job };
  const setup = workerSetup(o, job);
  const onFiles = targets.flatMap((t, k) => (t.problem || t.path === "-" ? [] : [k]));
  const threads = threadsFor(onFiles.map((k) => targets[k]!.path), o.concurrency ?? "auto");
  const isolated: Array<{ k: number; job: Job }> = [];
  const inThread: number[] = [];
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k]!;
    if (t.problem) {
      results[k] = { ...errorResult(t.path, null), error: t.problem };
      tick();
    } else if (threads > 0 && t.path !== "-") isolated.push({ k, job: { path: t.path } });
    else inThread.push(k);
  }
  // Files are read here first, a few at a time: small text stays, the rest goes to the worker.
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < inThread.length) {
      const k = inThread[next++]!;
      const t = targets[k]!;
      const name = t.path === "-" ? "<stdin>" : t.path;
      const read = await readForLint(t.path, usesStdin, o, io);
      if ("error" in read) {
        results[k] = errorResult(name, read.error);
        tick();
      } else if (read.bytes && inProcess(read.bytes, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)) {
        const r = await lintBytes(read.bytes, name, options);
        results[k] = keep ? r : slim(r);
        tick();
      } else isolated.push({ k, job: read.bytes ? { name, bytes: read.bytes } : { path: t.path } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, inThread.length) }, reader));
  if (isolated.length) {
    const pooled = await lintInWorkers(isolated.map((x) => x.job), Math.max(threads, 1), setup, tick, keep);
    isolated.forEach((x, i) => (results[x.k] = pooled[i]!));
  }
  if (progress) io.stderr("\r\x1b[K");
  return results;
}

/** Lint one file (a subcommand, or a file again after --fix) the way lintTargets would, keeping its document. */
async function lintOne(path: string, o: GlobalOptions, io: Io, job?: LintOptions["job"]): Promise<LintResult> {
  const name = path === "-" ? "<stdin>" : path;
  const options = { ...lintOptions(o), job };
  const read = await readForLint(path, true, o, io);
  if ("error" in read) return errorResult(name, read.error);
  if (read.bytes && inProcess(read.bytes, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)) return lintBytes(read.bytes, name, options);
  const setup = workerSetup(o, job);
  const [r] = await lintInWorkers([read.bytes ? { name, bytes: read.bytes } : { path }], 1, setup, undefined, true);
  return r!;
}

/**
 * The bytes of a file small enough to be linted in this thread, or nothing (the worker reads it
 * itself), or why it cannot be read. Standard input is read here, within the size limit.
 */
async function readForLint(path: string, usesStdin: boolean, o: GlobalOptions, io: Io): Promise<{ bytes?: Uint8Array } | { error: unknown }> {
  const limits = { ...DEFAULT_READ_OPTIONS, ...(o.maxFileSize !== undefined ? { maxFileSize: o.maxFileSize * 1024 * 1024 } : {}) };
  try {
    if (path === "-") return { bytes: usesStdin ? await io.stdin(limits.maxFileSize) : new Uint8Array() };
    return { bytes: readSmallFile(path, IN_PROCESS_BYTES, limits) };
  } catch (err) {
    return { error: err };
  }
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input; at most `max` bytes (more is a FILE_TOO_LARGE error). */
  stdin: (max?: number) => Promise<Uint8Array>;
  stdinIsTTY: boolean;
  /** Progress lines go to stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
  /** JSON and SARIF are indented when stdout is a terminal, on one line otherwise. */
  stdoutIsTTY?: boolean;
  /** The terminal's width, which stylish messages wrap to (none into a pipe, unless COLUMNS is set). */
  columns?: () => number | undefined;
}

/**
 * Standard output written with write(2) on fd 1: touching process.stdout builds a stream (net,
 * tty and the stream modules, about 5 ms of a 150 ms start). If fd 1 is a non-blocking pipe
 * that is full (EAGAIN), the rest goes through process.stdout, which queues it; order is kept.
 */
let stdoutStream = false;
/**
 * Set once the reader of standard output has gone (`cvlint dir | head -1`): the rest of the report
 * is dropped quietly, and the run ends with the exit code it would have had, as grep does.
 */
let stdoutClosed = false;
function writeStdout(s: string): void {
  if (stdoutClosed) return;
  if (stdoutStream) {
    process.stdout.write(s);
    return;
  }
  let rest: Uint8Array | null;
  try {
    rest = writeUtf8(1, s);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPIPE") throw err;
    stdoutClosed = true;
    return;
  }
  if (rest) {
    stdoutStream = true;
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      stdoutClosed = true;
    });
    process.stdout.write(rest);
  }
}

/** UTF-16 units encoded per piece by writeUtf8. */
const PIECE = 1 << 20;
let encoder: InstanceType<typeof TextEncoder> | undefined;
let pieceBytes: Uint8Array | undefined;

/**
 * Write `s` to fd as UTF-8; returns the bytes left unwritten if fd would block (EAGAIN), else
 * null. A long report (20 MB of JSON for a thousand CVs) is encoded a piece at a time into one
 * reused buffer: Buffer.from of the whole string took twice as long (a pass to measure it, then
 * a fresh buffer as large as the report). encodeInto stops at a character boundary.
 */
function writeUtf8(fd: number, s: string): Uint8Array | null {
  if (s.length <= PIECE) return writeBytes(fd, Buffer.from(s));
  encoder ??= new TextEncoder();
  pieceBytes ??= new Uint8Array(PIECE * 3);
  let pos = 0;
  while (pos < s.length) {
    const { read, written } = encoder.encodeInto(pos === 0 ? s : s.slice(pos), pieceBytes);
    pos += read;
    const left = writeBytes(fd, pieceBytes.subarray(0, written));
    if (left) return Buffer.concat([left, Buffer.from(s.slice(pos))]);
  }
  return null;
}

/** Write all of `bytes` to fd; on EAGAIN, a copy of what is left. */
function writeBytes(fd: number, bytes: Uint8Array): Uint8Array | null {
  let off = 0;
  try {
    while (off < bytes.length) off += writeSync(fd, bytes, off);
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
    return Buffer.from(bytes.subarray(off));
  }
}

const defaultIo: Io = {
  stdout: writeStdout,
  stderr: (s) => process.stderr.write(s),
  stdin: readStdin,
  // Getters: reading process.stdin or process.stderr creates their streams, which a lint of files never needs.
  get stdinIsTTY() {
    return Boolean(process.stdin.isTTY);
  },
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  get stdoutIsTTY() {
    return stdoutIsTerminal();
  },
  columns: () => {
    const env = Number(process.env.COLUMNS);
    if (Number.isInteger(env) && env > 0) return env;
    return stdoutIsTerminal() ? process.stdout.columns : undefined;
  },
};

/** Whether colours are possible at all: FORCE_COLOR, or stdout a terminal. */
function mayColor(): boolean {
  return process.env.FORCE_COLOR !== undefined || stdoutIsTerminal();
}

/**
 * Whether stdout is a character device other than /dev/null (a terminal). Found with fstat:
 * tty.isatty would load node:tty and node:net.
 */
function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    try {
      return out.rdev !== statSync("/dev/null").rdev;
    } catch {
      return true;
    }
  } catch {
    return false;
  }
}

/**
 * chalk (and the tty and os modules its colour detection loads) only when colours may be used;
 * otherwise a stand-in that returns the text unchanged, whatever the chain (c.bold.red("x")).
 */
async function loadChalk(color: boolean | undefined): Promise<ChalkInstance> {
  if (color === false || (color === undefined && !mayColor())) return plainChalk();
  const { Chalk } = await import("chalk");
  if (color === true) return new Chalk({ level: 1 });
  const { default: chalk } = await import("chalk");
  return chalk;
}

function plainChalk(): ChalkInstance {
  // Not a thenable ("then" is undefined), or awaiting it would never settle.
  const plain: unknown = new Proxy((...args: unknown[]) => args.join(" "), { get: (_target, key) => (key === "then" ? undefined : key === "level" ? 0 : plain) });
  return plain as ChalkInstance;
}

/** Set when --fix could not write a file (refused or failed): the run then exits with 2. */
let fixRefused = false;

/**
 * --fix / --fix-dry-run: apply the fixes of Markdown and text files, lint the fixed text again
 * and fix again until nothing is left to fix, then write the file (or, dry, print the unified diff).
 */
async function fixResults(results: LintResult[], o: GlobalOptions, io: Io, job?: LintOptions["job"]): Promise<LintResult[]> {
  const { fixToEnd, unifiedDiff, writeFixed } = await import("./fix.js");
  const out: LintResult[] = [];
  for (const r of results) {
    const refused = !r.error && r.format !== "markdown" && r.format !== "text" && r.format !== null;
    if (refused && r.findings.some((f) => f.ruleId === "skill-spelling" || f.ruleId === "duplicate-skills")) {
      const kind = r.format === "pdf" ? "PDF" : r.format === "docx" ? "DOCX" : "JSON Resume";
      io.stderr(`cvlint: ${escapeControls(r.file)}: --fix only rewrites Markdown and text files; fix this ${kind} ${r.format === "jsonresume" ? "by hand" : "in the document it was made from"}\n`);
    }
    if (r.error || !r.findings.some((f) => f.fix) || r.file === "<stdin>" || r.source === undefined) {
      out.push(r);
      continue;
    }
    const relint = (text: string) => lintBytes(new TextEncoder().encode(text), r.file, { ...lintOptions(o), format: r.format ?? undefined, ...(job ? { job } : {}) });
    const { text, result: current } = await fixToEnd(r.source, r, relint);
    if (o.fixDryRun) {
      // A terminal is shown the patch with its control characters escaped (a CV's escape
      // sequences would be obeyed); a pipe or a file gets it byte for byte, for git apply.
      const diff = unifiedDiff(r.file, r.source, text);
      io.stdout(io.stdoutIsTTY ? diff.split("\n").map(escapeControls).join("\n") : diff);
      out.push(r);
      continue;
    }
    try {
      await writeFixed(r, text);
    } catch (err) {
      const e = toFileError(err);
      io.stderr(`cvlint: ${escapeControls(r.file)}: ${escapeControls(e.message)} [${e.code}]\n`);
      fixRefused = true;
      out.push(r);
      continue;
    }
    out.push(current);
  }
  return out;
}

function reportErrors(results: LintResult[], io: Io): void {
  for (const r of results) if (r.error) io.stderr(`cvlint: ${escapeControls(r.file)}: ${escapeControls(firstLine(r.error.message))} [${r.error.code}]\n`);
}

/**
 * The input that the report file (-o) would overwrite, if any: the same file (device and inode,
 * so also through a link or another spelling of its path) as a CV given, one in a folder given,
 * the posting or the config.
 */
function reportOverInput(output: string, inputs: string[]): string | undefined {
  let out;
  try {
    out = statSync(output);
  } catch {
    return undefined;
  }
  const same = (p: string): boolean => {
    try {
      const st = statSync(p);
      return st.dev === out.dev && st.ino === out.ino;
    } catch {
      return false;
    }
  };
  for (const p of inputs) {
    if (p === "-") continue;
    if (same(p)) return p;
    try {
      if (statSync(p).isDirectory() && resolve(output).startsWith(resolve(p) + sep) && isCvFileName(output.slice(output.lastIndexOf("/") + 1))) return output;
    } catch {
      // not there: nothing to overwrite
    }
  }
  return undefined;
}

/** JSON for a reader on a terminal is indented; into a pipe or a file (-o), it is one line. */
function indentJson(o: { outputFile?: string }, io: Io): boolean {
  return !o.outputFile && Boolean(io.stdoutIsTTY);
}

/** Print the report, or write it to --output-file; false (after a one-line error) when that file cannot be written. */
async function emit(text: string, o: GlobalOptions, io: Io): Promise<boolean> {
  if (!o.outputFile) {
    io.stdout(text);
    return true;
  }
  let fd: number | undefined;
  try {
    fd = openSync(o.outputFile, "w");
    writeUtf8(fd, text);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "EISDIR" ? "it is a directory" : code === "ENOENT" ? "its directory does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(err));
    io.stderr(`cvlint: ${o.outputFile}: cannot write the report (${why})\n`);
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function addCommonOptions(cmd: Command, formats: readonly string[] = FORMATS): Command {
  return cmd
    .addOption(new Option("-f, --format <name>", "output format").choices(formats).default("stylish"))
    .option("-o, --output-file <path>", "write the report to this file instead of stdout")
    .option("--color", "force colours")
    .option("--no-color", "no colours (NO_COLOR and FORCE_COLOR are respected too)")
    .addOption(new Option("--max-file-size <MB>", "refuse inputs larger than this (default 20)").argParser(positiveNumber("--max-file-size")))
    .addOption(new Option("--max-pages <n>", "refuse PDFs with more pages than this (default 30)").argParser(positiveNumber("--max-pages")))
    .addOption(new Option("--timeout <s>", "give up on a file after this many seconds (default 20)").argParser(positiveNumber("--timeout")))
    .option("-c, --config <path>", "config file (default: nearest .cvlintrc.json or cvlint.config.json)")
    .option("--rule <id:severity>", "override one rule, e.g. action-verbs:off (repeatable)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--taxonomy <file>", "a taxonomy file that adds or overrides skills (repeatable)", (v: string, prev: string[] = []) => [...prev, v]);
}

const COMMANDS = ["skills", "text", "rules", "init", "posting"];

/**
 * A lone operand that is no file and reads as a misspelt subcommand ("rule", "skill", "int"): the
 * command meant, else undefined. A name with a dot or a slash is a path, and gets the usual error.
 */
function commandTypo(files: string[]): string | undefined {
  const [op] = files;
  if (files.length !== 1 || !op || /[./\\]/.test(op) || op === "-" || existsSync(op)) return undefined;
  const near = (a: string, b: string): boolean => a.length >= 3 && (b.startsWith(a) || a.startsWith(b) || (a.length === b.length && [...a].filter((ch, i) => ch !== b[i]).length === 1));
  return COMMANDS.find((c) => near(op.toLowerCase(), c));
}

export function buildProgram(io: Io, setCode: (n: number) => void): Command {
  const program = new Command("cvlint");
  program
    .description("Lint the skills section of a backend-developer CV (PDF, DOCX, Markdown or text).")
    .version(TOOL.version, "-v, --version")
    .argument("[files...]", 'CV files or directories; "-" or piped input reads stdin')
    .option("--job <file>", 'tailor: compare each CV with a job posting (text, Markdown, PDF or DOCX; "-" reads it from stdin)')
    .option("--quiet", "report errors only, and one summary line")
    .option("--histogram", "show the skills-by-category chart under each file (default: only when one file is linted)")
    .option("--ignore-pattern <glob>", 'do not lint files matching this glob, relative to the working directory ("drafts/", "*.old.md"; repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option("--fix", "apply safe fixes (skill spellings, duplicate skills) to Markdown and text files")
    .option("--fix-dry-run", "print the changes --fix would make, without writing")
    .addOption(new Option("--max-warnings <n>", "exit with 1 when there are more warnings than this").argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n)) throw new InvalidArgumentError("--max-warnings must be a whole number.");
      return n;
    }))
    .addOption(
      new Option("--concurrency <n>", 'worker threads for large runs: a number, "auto" (the default: only with 4 or more cores and many files, PDF and DOCX counting most) or "off"').argParser((v) => {
        if (v === "auto" || v === "off") return v;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('--concurrency is a number of threads (1-64), "auto" or "off".');
        return n;
      }),
    )
    .enablePositionalOptions()
    .showHelpAfterError("(run cvlint --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  addCommonOptions(program);

  program.action(async (files: string[], o: GlobalOptions) => {
    if (files.length === 0 && io.stdinIsTTY) {
      io.stderr("cvlint: no files given (pass a CV file, a directory, or pipe one in; see cvlint --help)\n");
      setCode(2);
      return;
    }
    const typo = commandTypo(files);
    if (typo) {
      io.stderr(`cvlint: '${files[0]}' is neither a file nor a command; did you mean 'cvlint ${typo}'? (see cvlint --help)\n`);
      return setCode(2);
    }
    if (!(await taxonomyReady(o, io))) return setCode(2);
    let job: LintOptions["job"];
    if (o.job) {
      if (o.job === "-" && (files.length === 0 || files.includes("-"))) {
        io.stderr("cvlint: --job - reads the posting from standard input, so the CVs must be files\n");
        return setCode(2);
      }
      const posting = await postingFrom(o.job, o, io);
      if (!posting) return setCode(2);
      job = posting;
      if (job.requirements.length === 0) io.stderr(`cvlint: job posting ${escapeControls(job.file)}: no skill recognised, so no match rate (cvlint posting shows what was read)\n`);
    }
    if (o.outputFile) {
      const clash = reportOverInput(o.outputFile, [...files, ...(o.job && o.job !== "-" ? [o.job] : []), ...(o.config ? [o.config] : [])]);
      if (clash) {
        io.stderr(`cvlint: ${escapeControls(o.outputFile)}: is ${clash === o.outputFile ? "an input" : `the same file as the input ${escapeControls(clash)}`}; the report would overwrite it (choose another -o file)\n`);
        return setCode(2);
      }
    }
    const linted = await lintTargets(files, o, io, job);
    if (!linted) return setCode(2);
    let results = linted;
    if (o.fix || o.fixDryRun) results = await fixResults(results, o, io, job);
    // The exit code counts every warning (--max-warnings holds under --quiet too).
    const code = exitCode(results, o);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    if (o.quiet && o.format !== "stylish") {
      // Other formats carry errors only; stylish also says how many warnings it left out.
      for (const r of results) {
        r.findings = r.findings.filter((f) => f.severity === "error");
        r.warningCount = 0;
      }
    }
    reportErrors(results, io);
    // --fix-dry-run: standard output is the patch alone (cvlint --fix-dry-run cv.md | git apply); -o still gets the report.
    if (!o.fixDryRun || o.outputFile) {
      const c = await loadChalk(o.color);
      const { formatResults } = await import("./report/index.js");
      const stepSummary = o.format === "github" ? process.env.GITHUB_STEP_SUMMARY : undefined;
      const text = await formatResults(results, o.format, { chalk: c, indent: indentJson(o, io), quiet: o.quiet, histogram: o.histogram, stepSummary: Boolean(stepSummary), width: o.outputFile ? undefined : io.columns?.() });
      if (!(await emit(text, o, io))) return setCode(2);
      if (stepSummary) {
        // GitHub shows ten annotations of a kind per step; the job summary holds every finding.
        const { githubStepSummary } = await import("./report/github.js");
        try {
          appendFileSync(stepSummary, githubStepSummary(results));
        } catch (err) {
          io.stderr(`cvlint: cannot write the job summary to $GITHUB_STEP_SUMMARY (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
        }
      }
    }
    if (code === 1 && !results.some((r) => r.errorCount > 0)) {
      io.stderr(`cvlint: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${o.maxWarnings}: exit code 1\n`);
    }
    setCode(fixRefused ? 2 : code);
    if (results.some((r) => r.error?.code === "TIMEOUT")) (globalThis as { __cvlintTimedOut?: boolean }).__cvlintTimedOut = true;
  });

  /** A subcommand on one CV (a file or "-"): lint it, report a read error as exit 2, else print. */
  const oneFile = <O extends GlobalOptions>(name: string, description: string, print: (r: LintResult, o: O) => Promise<string>, setup: (c: Command) => Command = (c) => c) => {
    const cmd = setup(new Command(name).description(description).argument("<file>", 'a CV file, or "-" for stdin')).action(async (file: string, o: O) => {
      if (!(await taxonomyReady(o, io))) return setCode(2);
      const result = await lintOne(file, o, io);
      if (result.error || !result.document || !result.analysis) {
        reportErrors([result], io);
        return setCode(2);
      }
      if (!(await emit(await print(result, o), o, io))) return setCode(2);
      setCode(0);
    });
    // `cvlint text` and `cvlint skills` print for a reader or as JSON; no other report applies to them.
    addCommonOptions(cmd, ["stylish", "json"]);
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    program.addCommand(cmd);
  };

  oneFile("text", "print the text cvlint read: each line with its position, block kind and section", async (r, o) => {
    const { formatDocumentText, documentJson } = await import("./report/text.js");
    return o.format === "json" ? jsonDocument(documentJson(r.document!), indentJson(o, io)) : formatDocumentText(terminalSafe(r.document!), await loadChalk(o.color));
  });

  oneFile<GlobalOptions & { explain?: boolean }>(
    "skills",
    "print the skills found, by category, with the sections each was seen in",
    async (r, o) => {
      const { formatSkills } = await import("./report/skills.js");
      return o.format === "json" ? jsonDocument({ file: r.file, format: r.format, skills: r.skills }, indentJson(o, io)) : formatSkills(terminalSafe(r.analysis!), await loadChalk(o.color), Boolean(o.explain));
    },
    (c) => c.option("--explain", "show every occurrence: where, as written, and why it matched"),
  );

  const posting = new Command("posting")
    .description("print what cvlint read from a job posting: required and preferred skills and the stated stack, each with its line and the cue that decided it")
    .argument("<file>", 'a job posting (text, Markdown, PDF or DOCX), or "-" for stdin')
    .action(async (file: string, o: GlobalOptions) => {
      if (!(await taxonomyReady(o, io))) return setCode(2);
      const read = await postingFrom(file, o, io);
      if (!read) return setCode(2);
      const { postingJson, formatPosting } = await import("./report/posting.js");
      const text = o.format === "json" ? jsonDocument(postingJson(read), indentJson(o, io)) : formatPosting(terminalSafe(read), await loadChalk(o.color));
      if (!(await emit(text, o, io))) return setCode(2);
      setCode(0);
    });
  addCommonOptions(posting);
  posting.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program.addCommand(posting);

  program
    .command("rules")
    .description("list the rules, their default severities and what they check")
    .addOption(new Option("-f, --format <name>", "output format").choices(["stylish", "json"]).default("stylish"))
    .action(async (o: { format: string }) => {
      const { RULES } = await import("./rules/index.js");
      if (o.format === "json") {
        const rules = RULES.map((r) => ({ id: r.name, severity: r.meta.severity, strictSeverity: r.meta.strictSeverity ?? (r.meta.severity === "warning" ? "error" : r.meta.severity), category: r.meta.category, fixable: r.meta.fixable, description: r.meta.description, docs: `docs/rules/${r.name}.md` }));
        io.stdout(jsonDocument(rules, indentJson({}, io)));
      } else {
        const w = Math.max(...RULES.map((r) => r.name.length));
        for (const r of RULES) io.stdout(`${r.name.padEnd(w)}  ${r.meta.severity.padEnd(7)}  ${r.meta.fixable ? "fixable  " : "         "}${r.meta.description}\n`);
      }
      setCode(0);
    });

  program
    .command("init")
    .description("write a starter .cvlintrc.json in the current directory")
    .option("--force", "overwrite an existing file")
    .action(async (o: { force?: boolean }) => {
      const { writeStarterConfig } = await import("./init.js");
      try {
        const file = await writeStarterConfig(process.cwd(), Boolean(o.force));
        io.stdout(`wrote ${file}\n`);
        setCode(0);
      } catch (err) {
        io.stderr(`cvlint: ${firstLine((err as Error).message)}\n`);
        setCode(2);
      }
    });
  return program;
}

/** Run the CLI; returns the exit code instead of exiting so that tests and the bin share it. */
export { serveWorker } from "./pool.js";
/** For the build's warm-up (scripts/bundle.js): PDFs and DOCX files linted in this thread, as a worker lints them. */
export { lintFile } from "./lint.js";

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (n) => (code = n));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`cvlint: internal error: ${escapeControls(firstLine(err instanceof Error ? err.message : String(err)))}\n`);
    return 2;
  }
  return code;
}
