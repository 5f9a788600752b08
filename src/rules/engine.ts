import type { ResolvedConfig } from "../config.js";
import type { JobMatch } from "../job/match.js";
import type { Analysis } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { CvDocument, Finding, FindingPlace, Severity } from "../types.js";
import { MIN_SECTION_CONFIDENCE } from "../document/structure.js";
import { rulesData } from "./data.js";
import { closest } from "../config.js";
import { RULE_IDS, RULES } from "./index.js";
import type { Report } from "./types.js";
import { pushAll } from "../arrays.js";

export interface EngineResult {
  findings: Finding[];
  score: number;
}

/** Message templates split once at their placeholders: literal, name, literal, name, …, literal. */
const templates = new Map<string, string[]>();

/** "{name}" placeholders filled from data; unknown ones stay visible rather than vanish. */
export function render(template: string, data: Record<string, string | number> = {}): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

interface Directive {
  line: number;
  kind: "disable" | "enable" | "disable-next-line" | "disable-line";
  rules: string[] | null;
}

/** `<!-- cvlint-disable rule-a rule-b -->`, `<!-- cvlint-enable -->`, `<!-- cvlint-disable-next-line rule -->`. */
export function directives(doc: CvDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = /^cvlint-(disable-next-line|disable-line|disable|enable)\b\s*(.*)$/s.exec(c.text);
    if (!m) continue;
    const ids = m[2]!.split(/[\s,]+/).filter((x) => x && !x.startsWith("--"));
    out.push({ line: c.line, kind: m[1] as Directive["kind"], rules: ids.length ? ids : null });
  }
  return out;
}

/**
 * Whether a finding is switched off by an inline directive (document-level findings count as
 * line 1). The directives of each rule are indexed once, then a look-up per
 * finding (lines of disable-line and disable-next-line in a set, the disable/enable in force by a
 * binary search over their lines). A walk over every directive per finding was quadratic on a CV
 * of many comments and many findings (issue 24). Directives come in line order (the parser sorts
 * comments), so the last one at or before a line is the one in force.
 */
export function directiveIndex(ds: Directive[]): (ruleId: string, line: number, documentLevel: boolean, firstContentLine: number) => boolean {
  const byRule = new Map<string, { lines: Set<number>; at: number[]; off: boolean[] }>();
  const indexOf = (ruleId: string) => {
    let ix = byRule.get(ruleId);
    if (ix) return ix;
    ix = { lines: new Set(), at: [], off: [] };
    for (const d of ds) {
      if (d.rules !== null && !d.rules.includes(ruleId)) continue;
      if (d.kind === "disable-next-line") ix.lines.add(d.line + 1);
      else if (d.kind === "disable-line") ix.lines.add(d.line);
      else {
        ix.at.push(d.line);
        ix.off.push(d.kind === "disable");
      }
    }
    byRule.set(ruleId, ix);
    return ix;
  };
  return (ruleId, line, documentLevel, firstContentLine) => {
    if (ds.length === 0) return false;
    const ix = indexOf(ruleId);
    if (ix.lines.has(line)) return true;
    // A file-wide finding is off when the rule is disabled before the first content line.
    const effectiveLine = documentLevel ? Math.max(line, firstContentLine) : line;
    let lo = 0;
    let hi = ix.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.at[mid]! <= effectiveLine) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && ix.off[lo - 1]!;
  };
}

/**
 * A rule named in a cvlint-disable/enable comment that does not exist ("action-verb"): the comment
 * does nothing, so say so where it is, as ESLint does, instead of ignoring it.
 */
function unknownDirectiveRules(ds: Directive[]): Finding[] {
  const out: Finding[] = [];
  for (const d of ds) {
    for (const id of d.rules ?? []) {
      if (RULE_IDS.includes(id)) continue;
      const hint = closest(id);
      const data = { name: id, hint: hint ?? "" };
      const message = `'${id}' in a cvlint comment is not a rule, so the comment does nothing${hint ? ` (did you mean ${hint}?)` : " (cvlint rules lists them)"}.`;
      out.push({ ruleId: "cvlint-disable", messageId: "unknownRule", data, message, severity: "warning", line: d.line, column: 1, fixable: false });
    }
  }
  return out;
}

const SEVERITY_FACTOR: Record<Severity, number> = { error: 1, warning: 1, info: 0.5 };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const lower = (a: Severity, b: Severity | undefined): Severity => (b && RANK[b] < RANK[a] ? b : a);

/**
 * Run every enabled rule over an analysed CV. The engine owns policy: severities, inline
 * directives, positions (from the document model, never recomputed by rules), message rendering,
 * sorting, the score, and turning a rule that throws into a finding instead of a crash.
 */
export function runRules(analysis: Analysis, taxonomy: CompiledTaxonomy, config: ResolvedConfig, job?: JobMatch): EngineResult {
  const doc = analysis.doc;
  const data = rulesData();
  const ds = directives(doc);
  const disabled = directiveIndex(ds);
  const firstContentLine = doc.lines[0]?.pos.line ?? 1;
  const findings: Finding[] = [];
  let totalWeight = 0;
  let penalty = 0;
  const unknownRules = unknownDirectiveRules(ds);
  if (unknownRules.length > MAX_PLACES_PER_RULE) {
    unknownRules.sort(byPosition);
    pushAll(findings, unknownRules.slice(0, MAX_PLACES_PER_RULE));
    findings.push(moreFinding("cvlint-disable", "warning", unknownRules.length, unknownRules[MAX_PLACES_PER_RULE]!));
  } else pushAll(findings, unknownRules);
  for (const rule of RULES) {
    const rc = config.rules.get(rule.name);
    if (!rc || rc.severity === "off" || (rule.meta.needsJob && !job)) continue;
    const severity = rc.severity;
    totalWeight += rule.meta.weight;
    const reports: Report[] = [];
    try {
      rule.check({ analysis, taxonomy, data, options: rc.options as Record<string, unknown>, job }, (r) => reports.push(r));
    } catch (err) {
      findings.push({
        ruleId: rule.name,
        messageId: "ruleFailed",
        data: { error: String((err as Error).message ?? err) },
        message: `Rule ${rule.name} failed on this file (${String((err as Error).message ?? err).split("\n")[0]}); please report it.`,
        severity: "error",
        line: 1,
        column: 1,
        fixable: false,
      });
      continue;
    }
    let extent = 0;
    const standsOnSections = rule.meta.category !== "spelling" && rule.meta.category !== "extraction";
    const kept: Report[] = [];
    for (const r of reports) {
      // A finding that stands on a section cvlint is unsure of is not reported: extraction-quality says why.
      if (standsOnSections && unsureWhere(doc, r)) continue;
      if (disabled(rule.name, checkedLine(rule.name, rule.meta.messages, r, doc), r.at === undefined, firstContentLine)) continue;
      extent += r.weight ?? 1;
      kept.push(r);
    }
    const make = (r: Report): Finding => toFinding(rule.name, lower(severity, r.severity), rule.meta.messages, r, doc);
    pushAll(findings, kept.length > MAX_PLACES_PER_RULE ? shownOnly(rule.name, severity, kept, doc, make) : asEdits(kept, make));
    penalty += rule.meta.weight * Math.min(1, extent) * SEVERITY_FACTOR[severity];
  }
  findings.sort(byPosition);
  const score = totalWeight ? Math.max(0, Math.round(100 * (1 - penalty / totalWeight))) : 100;
  return { findings, score };
}

/** Whether a report stands where the reader is unsure: in an unsure section, or about a CV whose sections are unsure as a whole. */
function unsureWhere(doc: CvDocument, r: Report): boolean {
  if (!r.at) return doc.quality.structure < MIN_SECTION_CONFIDENCE;
  const line = doc.lines[r.at.lineIndex];
  const section = line ? doc.sections[line.section] : undefined;
  return section !== undefined && section.confidence < MIN_SECTION_CONFIDENCE;
}

/**
 * Places (a finding, or one of the places in its `also`) shown per rule and file. A real CV gets
 * 25 at most from one rule (the corpus, 55 files); a hostile one can get hundreds of thousands (a
 * skills line repeating four names 8,000 times, a heading written 10,000 times), which no reader
 * goes through and which made the report the largest and slowest part of the run (issue 24).
 */
export const MAX_PLACES_PER_RULE = 100;

/** A rule's reports as findings: those of one group (one edit) as one finding, the others each its own. */
function asEdits(kept: Report[], make: (r: Report) => Finding): Finding[] {
  const own: Finding[] = [];
  let groups: Map<string, Finding[]> | undefined;
  for (const r of kept) {
    const f = make(r);
    if (r.group === undefined) {
      own.push(f);
      continue;
    }
    groups ??= new Map();
    const g = groups.get(r.group);
    if (g) g.push(f);
    else groups.set(r.group, [f]);
  }
  if (groups) for (const g of groups.values()) own.push(oneEdit(g));
  return own;
}

/**
 * A rule's findings when it reported more than MAX_PLACES_PER_RULE places: the edits (groups, or
 * single reports) in document order of their first place, up to MAX_PLACES_PER_RULE places, then
 * one finding at the first place left out that says how many more there were. Score and exit code
 * are unchanged: the findings shown are of the same rule and severity; --fix applies only the
 * fixes shown (a second run fixes more). Only the places shown are made into findings (message
 * rendered, positions and fix looked up): made for every report and dropped after, the findings
 * of a list repeated 100,000 times were the largest allocation of a run (issue 24).
 */
function shownOnly(ruleId: string, severity: Severity, kept: Report[], doc: CvDocument, make: (r: Report) => Finding): Finding[] {
  const n = kept.length;
  // Each report's line and column, as its finding will have them (the keys findings are sorted by).
  const lineOf = new Float64Array(n);
  const colOf = new Float64Array(n);
  // An edit: a report alone (its index), or a group's reports (their indices, in order of place).
  const units: Array<number | number[]> = [];
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const r = kept[i]!;
    if (r.at) {
      const line = doc.lines[r.at.lineIndex]!;
      lineOf[i] = line.pos.line;
      colOf[i] = line.cols[Math.min(r.at.start ?? 0, line.text.length)] ?? line.pos.column;
    } else {
      lineOf[i] = 1;
      colOf[i] = 1;
    }
    if (r.group === undefined) {
      units.push(i);
      continue;
    }
    const g = groups.get(r.group);
    if (g) g.push(i);
    else groups.set(r.group, [i]);
  }
  const byPlace = (a: number, b: number): number => lineOf[a]! - lineOf[b]! || colOf[a]! - colOf[b]!;
  // (A group of one is its report: no array per edit, as a list repeated 100,000 times makes as many groups.)
  for (const g of groups.values()) units.push(g.length === 1 ? g[0]! : g.sort(byPlace));
  const head = (u: number | number[]): number => (typeof u === "number" ? u : u[0]!);
  // (Sorts are stable: places at one position keep the order they were reported in, as in asEdits.)
  units.sort((a, b) => byPlace(head(a), head(b)));
  const out: Finding[] = [];
  let left = MAX_PLACES_PER_RULE;
  let first: number | undefined;
  for (const u of units) {
    if (left === 0) {
      first ??= head(u);
      continue;
    }
    if (typeof u === "number") {
      out.push(make(kept[u]!));
      left--;
      continue;
    }
    if (u.length > left) first ??= u[left];
    const places: Finding[] = [];
    for (let k = 0; k < Math.min(left, u.length); k++) places.push(make(kept[u[k]!]!));
    left -= places.length;
    out.push(oneEdit(places));
  }
  out.push(moreFinding(ruleId, severity, n, make(kept[first!]!)));
  return out;
}

/** The finding that counts the places not shown, at the first of them. */
function moreFinding(ruleId: string, severity: Severity, places: number, first: FindingPlace): Finding {
  const data = { count: places - MAX_PLACES_PER_RULE, max: MAX_PLACES_PER_RULE };
  const more: Finding = {
    ruleId,
    messageId: "moreFindings",
    data,
    message: `${data.count} more place${data.count === 1 ? "" : "s"} where ${ruleId} applies in this file ${data.count === 1 ? "is" : "are"} not shown (cvlint shows ${data.max} per rule and file).`,
    severity,
    fixable: false,
    line: first.line,
    column: first.column,
  };
  if (first.page !== undefined) {
    more.page = first.page;
    more.pageLine = first.pageLine;
  }
  if (first.paragraph !== undefined) more.paragraph = first.paragraph;
  return more;
}

/**
 * The findings of one edit as one: the first place is the finding, the others (each with its own
 * fix) are listed in `also`, in document order.
 */
function oneEdit(places: Finding[]): Finding {
  if (places.length > 1) places.sort(byPosition);
  const head = places[0]!;
  if (places.length === 1) return head;
  head.also = places.slice(1).map((f) => {
    const p: FindingPlace = { line: f.line, column: f.column };
    if (f.endLine !== undefined) {
      p.endLine = f.endLine;
      p.endColumn = f.endColumn;
    }
    if (f.page !== undefined) {
      p.page = f.page;
      p.pageLine = f.pageLine;
    }
    if (f.paragraph !== undefined) p.paragraph = f.paragraph;
    if (f.fix) p.fix = f.fix;
    return p;
  });
  return head;
}

/**
 * Findings by line, column, then rule name. Rule names are lower-case ASCII words and hyphens,
 * whose code-unit order is their locale order (tests/score.test.ts checks every pair): the first
 * localeCompare of a process loads ICU's collation data, about 10 ms of a start.
 */
function byPosition(a: Finding, b: Finding): number {
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** A report's line (as its finding's), after the checks toFinding makes: a known message, a line inside the document. */
function checkedLine(ruleId: string, messages: Record<string, string>, r: Report, doc: CvDocument): number {
  if (messages[r.messageId] === undefined) throw new Error(`rule ${ruleId} reported unknown messageId ${r.messageId}`);
  if (!r.at) return 1;
  const line = doc.lines[r.at.lineIndex];
  if (!line) throw new Error(`rule ${ruleId} reported line ${r.at.lineIndex}, outside the document`);
  return line.pos.line;
}

function toFinding(ruleId: string, severity: Severity, messages: Record<string, string>, r: Report, doc: CvDocument): Finding {
  const template = messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${ruleId} reported unknown messageId ${r.messageId}`);
  // Built field by field in the order of the JSON output (no spreads: this runs for every finding).
  const finding: Finding = { ruleId, messageId: r.messageId, data: r.data ?? {}, message: render(template, r.data), severity, fixable: r.fix !== undefined, line: 1, column: 1 };
  if (!r.at) return finding;
  const line = doc.lines[r.at.lineIndex];
  if (!line) throw new Error(`rule ${ruleId} reported line ${r.at.lineIndex}, outside the document`);
  const start = Math.min(r.at.start ?? 0, line.text.length);
  const end = r.at.end !== undefined ? Math.min(r.at.end, line.text.length) : undefined;
  finding.line = line.pos.line;
  finding.column = line.cols[start] ?? line.pos.column;
  if (line.pos.page !== undefined) {
    finding.page = line.pos.page;
    finding.pageLine = line.pos.pageLine;
  }
  if (line.pos.paragraph !== undefined) finding.paragraph = line.pos.paragraph;
  if (end !== undefined && end > start) {
    finding.endLine = line.pos.line;
    finding.endColumn = (line.cols[end - 1] ?? line.pos.column) + 1;
  }
  if (r.fix) {
    const fl = doc.lines[r.fix.lineIndex]!;
    finding.fix = r.fix.wholeLine
      ? { line: fl.pos.line, column: 1, endLine: fl.pos.line + 1, endColumn: 1, text: "" }
      : { line: fl.pos.line, column: fl.cols[r.fix.start] ?? 1, endLine: fl.pos.line, endColumn: r.fix.end > r.fix.start ? fl.cols[r.fix.end - 1]! + 1 : (fl.cols[r.fix.start] ?? 1), text: r.fix.text };
  }
  return finding;
}
