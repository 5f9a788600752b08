import type * as z from "../zod.js";
import type { Analysis } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { JobMatch } from "../job/match.js";
import type { RulesData } from "./data.js";

export type RuleSeverity = "error" | "warning" | "info";
export type ConfigSeverity = RuleSeverity | "off";

/** A text edit in the extracted document: replace [start, end) of a line (end may be the line's length + 1 to drop the line break). */
export interface Fix {
  lineIndex: number;
  start: number;
  end: number;
  text: string;
  /** Remove the whole line, line break included. */
  wholeLine?: boolean;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where: a line of the document and a span in it; omitted for document-level findings. */
  at?: { lineIndex: number; start?: number; end?: number };
  fix?: Fix;
  /** How much of the rule's score weight this finding stands for (0..1); the engine sums them. */
  weight?: number;
  /** A lower severity for this finding than the rule's (a preferred skill is a warning where a required one is an error). */
  severity?: RuleSeverity;
}

export interface RuleContext<O> {
  analysis: Analysis;
  /** The match against a job posting, with --job. */
  job?: JobMatch;
  taxonomy: CompiledTaxonomy;
  data: RulesData;
  options: O;
}

export interface RuleMeta<S extends z.ZodMiniType> {
  /** Severity in the recommended preset. */
  severity: ConfigSeverity;
  /** Severity in the strict preset (defaults to `severity`). */
  strictSeverity?: ConfigSeverity;
  category: "structure" | "content" | "wording" | "spelling" | "evidence" | "extraction";
  description: string;
  /** The advice of the articles (shared seeds) this rule applies. */
  advice: string;
  fixable: boolean;
  /** Runs only with a job posting (--job). */
  needsJob?: boolean;
  /** Share of the score this rule can take away (see docs/score.md). */
  weight: number;
  messages: Record<string, string>;
  options: S;
}

export interface Rule<S extends z.ZodMiniType = z.ZodMiniType> {
  name: string;
  meta: RuleMeta<S>;
  check(ctx: RuleContext<z.infer<S>>, report: (r: Report) => void): void;
}

export function defineRule<S extends z.ZodMiniType>(rule: Rule<S>): Rule<S> {
  return rule;
}
