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
  /**
   * One edit, many places: reports of a rule with the same group are one finding, at the first
   * place, that lists the others in `also` ("Javascript" → "JavaScript" on five lines is one edit).
   * Their data must be the same; their weights still add up.
   */
  group?: string;
}

export interface RuleContext<O> {
  analysis: Analysis;
  /** The match against a job posting, with --job. */
  job?: JobMatch;
  taxonomy: CompiledTaxonomy;
  data: RulesData;
  options: O;
}

export interface RuleMeta<O extends object> {
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
  /** The options a rule runs with when the config sets none. */
  defaults: O;
  /**
   * What a config may set: every key optional, an unset key keeps its default. A function, so
   * that the zod schema is built only when a config has options (building the schemas of every
   * rule cost about 4 ms of each start).
   */
  options: () => z.ZodMiniType<Partial<O>>;
}

export interface Rule<O extends object = Record<string, unknown>> {
  name: string;
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>, report: (r: Report) => void): void;
}

export function defineRule<O extends object>(rule: Rule<O>): Rule<O> {
  return rule;
}

const schemas = new WeakMap<Rule, z.ZodMiniType>();

/** A rule's option schema, built once. */
export function optionsSchema(rule: Rule): z.ZodMiniType<Partial<Record<string, unknown>>> {
  let s = schemas.get(rule);
  if (!s) {
    s = rule.meta.options();
    schemas.set(rule, s);
  }
  return s as z.ZodMiniType<Partial<Record<string, unknown>>>;
}
