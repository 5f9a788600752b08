import type { ChalkInstance } from "chalk";
import { RULES } from "../rules/index.js";
import type { Finding, JobJson, LintResult } from "../types.js";
import { CATEGORIES } from "../taxonomy/schema.js";
import { showAlso, showPos } from "./position.js";
import { ranking } from "./ranking.js";
import { describeRequirement } from "../job/describe.js";
import { maxOf, pushAll } from "../arrays.js";

export interface StylishOptions {
  /** --quiet: only files with errors, their errors, and the summary line (saying what was left out). */
  quiet?: boolean;
  /** The skills-by-category chart under each file: by default only when one file is linted (--histogram). */
  histogram?: boolean;
  /** The terminal's width: messages wrap to it at word boundaries. */
  width?: number;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
let ruleWeights: Map<string, number> | undefined;

/**
 * What matters most first: errors, then warnings, then info; within one severity the rules that
 * weigh most in the score (a missing skills section before a spelling), then document order.
 */
export function byImportance(a: Finding, b: Finding): number {
  ruleWeights ??= new Map(RULES.map((r) => [r.name, r.meta.weight]));
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (ruleWeights.get(b.ruleId) ?? 0) - (ruleWeights.get(a.ruleId) ?? 0) || a.line - b.line || a.column - b.column;
}

/**
 * Words of `text` in lines of at most `width` characters (a word longer than that has a line of
 * its own, unbroken). Without a width, or with very little room, the text stays on one line.
 */
export function wrapWords(text: string, width: number | undefined): string[] {
  if (!width || width < 20 || text.length <= width) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/**
 * ESLint-style output: per file, aligned `position  severity  message  rule-id`, the findings that
 * matter most first, then totals. With a terminal width, messages wrap at word boundaries under
 * their first line.
 */
export function formatStylish(results: LintResult[], c: ChalkInstance, opts: StylishOptions = {}): string {
  const width = opts.width;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let failed = 0;
  let hidden = 0;
  const histogram = opts.histogram ?? results.length === 1;
  for (const r of results) {
    if (opts.quiet) {
      hidden += r.findings.filter((f) => f.severity !== "error").length;
      if (!r.error && !r.findings.some((f) => f.severity === "error")) continue;
    }
    out.push(c.underline(r.file));
    if (r.error) {
      failed++;
      out.push(`  ${c.red("error")}  ${r.error.message}  ${c.dim(r.error.code)}`, "");
      continue;
    }
    const pages = r.pages ?? r.document?.quality.pages;
    const sections = r.sections.map((s) => (s.heading ? `${s.kind} "${s.heading}"` : s.kind)).join(" · ");
    const about = `${r.format}${pages && r.format === "pdf" ? `, ${pages} page${pages > 1 ? "s" : ""}` : ""} · sections: ${sections || "none found"}`;
    if (!opts.quiet) wrapWords(about, width ? width - 4 : undefined).forEach((l, k) => out.push(c.dim(`${k === 0 ? "  " : "    "}${l}`)));
    const rows = (opts.quiet ? r.findings.filter((f) => f.severity === "error") : r.findings).sort(byImportance).map((f) => {
      const pos = showPos({ line: f.line, column: f.column, page: f.page, pageLine: f.pageLine, paragraph: f.paragraph }, r.format);
      return { pos, f };
    });
    const w = maxOf(rows, (x) => x.pos.length, 0);
    const indent = 2 + w + 2 + 7 + 2;
    for (const { pos, f } of rows) {
      const sev = f.severity === "error" ? c.red("error  ") : f.severity === "warning" ? c.yellow("warning") : c.blue("info   ");
      const also = showAlso(f, r.format);
      const room = width ? width - indent : undefined;
      const lines = wrapWords(also ? `${f.message} (${also})` : f.message, room);
      // The rule id ends the last line, or has a line of its own when it would pass the width.
      const last = lines.length - 1;
      const own = room !== undefined && room >= 20 && lines[last]!.length + 2 + f.ruleId.length > room;
      const shown = lines.map((l, k) => (k === last && !own ? `${l}  ${c.dim(f.ruleId)}` : l));
      if (own) shown.push(c.dim(f.ruleId));
      out.push(`  ${c.dim(pos.padEnd(w))}  ${sev}  ${shown[0]}`);
      for (const l of shown.slice(1)) out.push(`${" ".repeat(indent)}${l}`);
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
      else infos++;
    }
    if (opts.quiet) {
      out.push("");
      continue;
    }
    if (rows.length === 0) out.push(`  ${c.green("no problems found")}`);
    if (r.score !== null) out.push(c.dim(`  score ${r.score}/100`));
    if (histogram) pushAll(out, coverage(r, c));
    if (r.job) pushAll(out, jobTable(r.job, c));
    out.push("");
  }
  const parts = [`${errors} error${errors === 1 ? "" : "s"}`, `${warnings} warning${warnings === 1 ? "" : "s"}`];
  if (infos) parts.push(`${infos} info`);
  const files = `${results.length} file${results.length === 1 ? "" : "s"}${failed ? `, ${failed} unreadable` : ""}`;
  // Only files --fix can rewrite (not standard input) count as fixable.
  const fixable = results.reduce((n, r) => n + (r.file === "<stdin>" ? 0 : r.findings.filter((f) => f.fixable).length), 0);
  const notes = [fixable && !opts.quiet ? `${fixable} fixable with --fix` : "", hidden ? `${hidden} warning${hidden === 1 ? "" : "s"} and info not shown: --quiet` : ""].filter(Boolean);
  const line = `${errors + warnings + infos + failed > 0 ? "✖" : "✔"} ${opts.quiet ? `${errors} error${errors === 1 ? "" : "s"}` : parts.join(", ")} in ${files}${notes.length ? ` (${notes.join("; ")})` : ""}`;
  out.push(errors || failed ? c.red.bold(line) : warnings ? c.yellow.bold(line) : c.green.bold(line));
  const ranked = ranking(results);
  if (ranked.length > 1) {
    out.push("", c.bold(`Ranking against ${results.find((r) => r.job)!.job!.file}`));
    for (const r of ranked) out.push(`  ${String(r.rank).padStart(2)}. ${String(r.matchRate).padStart(3)}%  ${r.file}`);
  }
  return `${out.join("\n")}\n`;
}

/** The job match: rate, then required and preferred skills and the stated stack, found or missing. */
function jobTable(job: JobJson, c: ChalkInstance): string[] {
  if (job.matchRate === null) return ["", `  ${c.yellow(`no match rate: the posting ${job.file} names no skill cvlint recognises`)} ${c.dim("(cvlint posting FILE shows what it read)")}`];
  const out = ["", `  ${c.bold(`match ${job.matchRate}%`)} against ${job.file}`];
  const row = (label: string, list: JobJson["required"]) => {
    if (list.length === 0) return;
    const found = list.filter((x) => x.found);
    out.push(`  ${label.padEnd(10)} ${found.length}/${list.length}  ${list.map((x) => (x.found ? c.green(`✓ ${describeRequirement(x)}`) + (x.shown === "listed-and-used" ? "" : c.dim(` (${x.shown})`)) : c.red(`✗ ${describeRequirement(x)}`))).join("  ")}`);
  };
  row("required", job.required);
  row("preferred", job.niceToHave);
  row("stack", job.stack);
  return out;
}

/** Skills by category as a small bar chart, so coverage is seen at a glance. */
function coverage(r: LintResult, c: ChalkInstance): string[] {
  const byCat = new Map<string, number>();
  for (const s of r.skills) byCat.set(s.category, (byCat.get(s.category) ?? 0) + 1);
  if (byCat.size === 0) return [];
  const order = [...CATEGORIES, "other"];
  const cats = [...byCat.keys()].sort((a, b) => order.indexOf(a as never) - order.indexOf(b as never));
  const w = Math.max(...cats.map((x) => x.length));
  return [c.dim("  skills by category"), ...cats.map((cat) => `    ${c.dim(cat.padEnd(w))} ${c.cyan("█".repeat(Math.min(byCat.get(cat)!, 24)))} ${byCat.get(cat)}`)];
}
