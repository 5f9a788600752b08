import { relative, sep } from "node:path";
import type { LintResult, Severity } from "../types.js";
import { showAlso } from "./position.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escaping of workflow command data and properties, as the Actions toolkit does it. */
export const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function path(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel.startsWith("..") ? file : rel).split(sep).join("/");
}

/** GitHub shows this many annotations of each kind (error, warning, notice) per step, and drops the rest without a word. */
export const ANNOTATIONS_PER_STEP = 10;

/**
 * GitHub Actions workflow commands: annotations on the CV's lines in pull requests. When a kind
 * has more than GitHub shows, a notice first (so that it is among the notices shown) says so and
 * where the whole list is: the job summary when `stepSummary` (the CLI writes it to
 * $GITHUB_STEP_SUMMARY), else the step's log.
 */
export function formatGithub(results: LintResult[], opts: { stepSummary?: boolean } = {}): string {
  const out: string[] = [];
  const count: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const r of results) {
    if (r.error) {
      count.error!++;
      out.push(`::error file=${escapeProperty(path(r.file))},title=${escapeProperty(`cvlint/${r.error.code}`)}::${escapeData(r.error.message)}`);
      continue;
    }
    for (const f of r.findings) {
      const props = [`file=${escapeProperty(path(r.file))}`, `line=${f.line}`, `col=${f.column}`];
      if (f.endLine !== undefined) props.push(`endLine=${f.endLine}`, `endColumn=${f.endColumn}`);
      props.push(`title=${escapeProperty(`cvlint/${f.ruleId}`)}`);
      count[COMMAND[f.severity]]!++;
      const also = showAlso(f, r.format);
      out.push(`::${COMMAND[f.severity]} ${props.join(",")}::${escapeData(also ? `${f.message} (${also})` : f.message)}`);
    }
  }
  const over = Object.entries(count).filter(([, n]) => n > ANNOTATIONS_PER_STEP);
  if (over.length) {
    const total = count.error! + count.warning! + count.notice!;
    const kinds = over.map(([k, n]) => `${n} ${k}s`).join(", ");
    const where = opts.stepSummary ? "the job summary lists all of them" : "all of them are in this step's log";
    out.unshift(`::notice title=cvlint: ${total} findings::GitHub annotates at most ${ANNOTATIONS_PER_STEP} errors, ${ANNOTATIONS_PER_STEP} warnings and ${ANNOTATIONS_PER_STEP} notices per step; cvlint found ${kinds}, so some are not annotated: ${where}.`);
  }
  return out.length ? `${out.join("\n")}\n` : "";
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

/** The job summary ($GITHUB_STEP_SUMMARY): every finding of every file in one Markdown table. */
export function githubStepSummary(results: LintResult[]): string {
  const errors = results.reduce((n, r) => n + r.errorCount + (r.error ? 1 : 0), 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const rows: string[] = [];
  for (const r of results) {
    if (r.error) rows.push(`| ${cell(path(r.file))} | | error | ${cell(r.error.message)} | ${r.error.code} |`);
    for (const f of r.findings) rows.push(`| ${cell(path(r.file))} | ${f.line}:${f.column} | ${f.severity} | ${cell(f.message)} | ${f.ruleId} |`);
  }
  const head = `### cvlint: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${results.length} file${results.length === 1 ? "" : "s"}\n\n`;
  return rows.length ? `${head}| file | line | severity | message | rule |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n\n` : `${head}No findings.\n\n`;
}
