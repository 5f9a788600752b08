import type { ChalkInstance } from "chalk";
import type { JobJson, LintResult } from "../types.js";
import { CATEGORIES } from "../taxonomy/schema.js";
import { showPos } from "./position.js";
import { ranking } from "./ranking.js";

export interface StylishOptions {
  /** --quiet: only files with errors, their errors, and the summary line (saying what was left out). */
  quiet?: boolean;
  /** The skills-by-category chart under each file: by default only when one file is linted (--histogram). */
  histogram?: boolean;
}

/** ESLint-style output: per file, aligned `position  severity  message  rule-id`, then totals. */
export function formatStylish(results: LintResult[], c: ChalkInstance, opts: StylishOptions = {}): string {
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
    if (!opts.quiet) out.push(c.dim(`  ${r.format}${pages && r.format === "pdf" ? `, ${pages} page${pages > 1 ? "s" : ""}` : ""} · sections: ${sections || "none found"}`));
    const rows = (opts.quiet ? r.findings.filter((f) => f.severity === "error") : r.findings).map((f) => {
      const pos = showPos({ line: f.line, column: f.column, page: f.page, pageLine: f.pageLine, paragraph: f.paragraph }, r.format);
      return { pos, f };
    });
    const w = Math.max(0, ...rows.map((x) => x.pos.length));
    for (const { pos, f } of rows) {
      const sev = f.severity === "error" ? c.red("error  ") : f.severity === "warning" ? c.yellow("warning") : c.blue("info   ");
      out.push(`  ${c.dim(pos.padEnd(w))}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
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
    if (histogram) out.push(...coverage(r, c));
    if (r.job) out.push(...jobTable(r.job, c));
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
    out.push(`  ${label.padEnd(10)} ${found.length}/${list.length}  ${list.map((x) => (x.found ? c.green(`✓ ${x.name}`) + (x.shown === "listed-and-used" ? "" : c.dim(` (${x.shown})`)) : c.red(`✗ ${x.name}`))).join("  ")}`);
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
