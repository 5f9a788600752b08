import { writeFile } from "node:fs/promises";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { firstLine } from "./errors.js";
import { expandTargets } from "./files.js";
import { errorResult, lintBytes, lintFile, type LintOptions } from "./lint.js";
import type { LintResult } from "./types.js";

const FORMATS = ["stylish", "json"] as const;

interface GlobalOptions {
  format: (typeof FORMATS)[number];
  outputFile?: string;
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  maxFileSize: number;
  maxPages: number;
  taxonomy?: string[];
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

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function lintOptions(o: GlobalOptions): LintOptions {
  return { maxFileSize: o.maxFileSize * 1024 * 1024, maxPages: o.maxPages, taxonomy: o.taxonomy };
}

/** Load the taxonomy before any file, so that a bad taxonomy file is one usage error (exit 2). */
async function taxonomyReady(o: GlobalOptions, io: Io): Promise<boolean> {
  try {
    const { getTaxonomy } = await import("./taxonomy/index.js");
    getTaxonomy(o.taxonomy);
    return true;
  } catch (err) {
    io.stderr(`cvlint: ${firstLine(err instanceof Error ? err.message : String(err))}\n`);
    return false;
  }
}

async function lintTargets(operands: string[], o: GlobalOptions, io: Io): Promise<LintResult[]> {
  const usesStdin = operands.length === 0 || operands.includes("-");
  const targets = await expandTargets(operands.length ? operands : ["-"]);
  const one = async (t: (typeof targets)[number]): Promise<LintResult> => {
    if (t.problem) return { ...errorResult(t.path, null), error: t.problem };
    if (t.path === "-") return lintBytes(usesStdin ? await io.stdin() : new Uint8Array(), "<stdin>", lintOptions(o));
    return lintFile(t.path, lintOptions(o));
  };
  // A few files in flight at once so that reading one overlaps parsing another; results keep input order.
  const results: LintResult[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const k = next++;
      results[k] = await one(targets[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, targets.length) }, worker));
  return results;
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
  stdinIsTTY: boolean;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: readStdin,
  stdinIsTTY: Boolean(process.stdin.isTTY),
};

async function loadChalk(color: boolean | undefined) {
  const { Chalk } = await import("chalk");
  if (color === false) return new Chalk({ level: 0 });
  if (color === true) return new Chalk({ level: 1 });
  const { default: chalk } = await import("chalk");
  return chalk;
}

function reportErrors(results: LintResult[], io: Io): void {
  for (const r of results) if (r.error) io.stderr(`cvlint: ${r.file}: ${firstLine(r.error.message)} [${r.error.code}]\n`);
}

async function emit(text: string, o: GlobalOptions, io: Io): Promise<void> {
  if (o.outputFile) await writeFile(o.outputFile, text);
  else io.stdout(text);
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMATS).default("stylish"))
    .option("-o, --output-file <path>", "write the report to this file instead of stdout")
    .option("--color", "force colours")
    .option("--no-color", "no colours (NO_COLOR and FORCE_COLOR are respected too)")
    .addOption(new Option("--max-file-size <MB>", "refuse inputs larger than this").argParser(positiveNumber("--max-file-size")).default(20))
    .addOption(new Option("--max-pages <n>", "refuse PDFs with more pages than this").argParser(positiveNumber("--max-pages")).default(30))
    .option("--taxonomy <file>", "a taxonomy file that adds or overrides skills (repeatable)", (v: string, prev: string[] = []) => [...prev, v]);
}

export function buildProgram(io: Io, setCode: (n: number) => void): Command {
  const program = new Command("cvlint");
  program
    .description("Lint the skills section of a backend-developer CV (PDF, DOCX, Markdown or text).")
    .version("0.1.0", "-v, --version")
    .argument("[files...]", 'CV files or directories; "-" or piped input reads stdin')
    .option("--quiet", "report errors only")
    .addOption(new Option("--max-warnings <n>", "exit with 1 when there are more warnings than this").argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n)) throw new InvalidArgumentError("--max-warnings must be a whole number.");
      return n;
    }))
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
    if (!(await taxonomyReady(o, io))) return setCode(2);
    const results = await lintTargets(files, o, io);
    if (o.quiet) {
      for (const r of results) {
        r.findings = r.findings.filter((f) => f.severity === "error");
        r.warningCount = 0;
      }
    }
    reportErrors(results, io);
    const c = await loadChalk(o.color);
    let text: string;
    if (o.format === "json") {
      const { formatJson } = await import("./report/json.js");
      text = formatJson(results);
    } else {
      const { formatStylish } = await import("./report/stylish.js");
      text = formatStylish(results, c);
    }
    await emit(text, o, io);
    setCode(exitCode(results, o));
  });

  const text = new Command("text")
    .description("print the text cvlint read: each line with its position, block kind and section")
    .argument("<file>", 'a CV file, or "-" for stdin')
    .action(async (file: string, o: GlobalOptions) => {
      const result = file === "-" ? await lintBytes(await io.stdin(), "<stdin>", lintOptions(o)) : await lintFile(file, lintOptions(o));
      if (result.error || !result.document) {
        reportErrors([result], io);
        setCode(2);
        return;
      }
      const { formatDocumentText, documentJson } = await import("./report/text.js");
      const out = o.format === "json" ? `${JSON.stringify(documentJson(result.document), null, 2)}\n` : formatDocumentText(result.document, await loadChalk(o.color));
      await emit(out, o, io);
      setCode(0);
    });
  addCommonOptions(text);
  text.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program.addCommand(text);

  const skills = new Command("skills")
    .description("print the skills found, by category, with the sections each was seen in")
    .argument("<file>", 'a CV file, or "-" for stdin')
    .option("--explain", "show every occurrence: where, as written, and why it matched")
    .action(async (file: string, o: GlobalOptions & { explain?: boolean }) => {
      if (!(await taxonomyReady(o, io))) return setCode(2);
      const result = file === "-" ? await lintBytes(await io.stdin(), "<stdin>", lintOptions(o)) : await lintFile(file, lintOptions(o));
      if (result.error || !result.analysis) {
        reportErrors([result], io);
        setCode(2);
        return;
      }
      const { formatSkills } = await import("./report/skills.js");
      const out = o.format === "json" ? `${JSON.stringify({ file: result.file, format: result.format, skills: result.skills }, null, 2)}\n` : formatSkills(result.analysis, await loadChalk(o.color), Boolean(o.explain));
      await emit(out, o, io);
      setCode(0);
    });
  addCommonOptions(skills);
  skills.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program.addCommand(skills);
  return program;
}

/** Run the CLI; returns the exit code instead of exiting so that tests and the bin share it. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (n) => (code = n));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`cvlint: internal error: ${firstLine(err instanceof Error ? err.message : String(err))}\n`);
    return 2;
  }
  return code;
}
