import { existsSync } from "node:fs";
import { readDataFile } from "./read.js";
import { dirname, join, resolve } from "node:path";
import * as z from "./zod.js";
import { CvlintError, keyPath } from "./errors.js";
import { RULES, RULE_IDS, ruleById } from "./rules/index.js";
import { optionsSchema, type ConfigSeverity } from "./rules/types.js";

export const CONFIG_FILES = [".cvlintrc.json", "cvlint.config.json"];
export const PRESETS = ["cvlint:recommended", "cvlint:strict"] as const;

/** The schema of config files, built on first use (most runs have no config file). */
const configSchemas = z.onFirstUse(() => {
  const Severity = z.enum(["error", "warning", "info", "off"]);
  const RuleSetting = z.union([Severity, z.tuple([Severity]), z.tuple([Severity, z.record(z.string(), z.unknown())])]);
  const described = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

  const ConfigSchema = z.strictObject({
    $schema: z.optional(z.string()),
    extends: described(z.optional(z.enum(PRESETS)), "A preset: cvlint:recommended (the default) or cvlint:strict."),
    rules: described(z.optional(z.record(z.string(), RuleSetting)), 'Per rule: a severity ("error", "warning", "info", "off") or [severity, options].'),
    taxonomy: described(z.optional(z.array(z.string())), "Taxonomy files that add or override skills, relative to the config file."),
    ignores: described(z.optional(z.array(z.string())), 'Files not to lint: globs relative to the config file ("drafts/", "*.old.md", "cover-letters/**").'),
    maxFileSize: described(z.optional(z.number().check(z.positive())), "Largest input in MB (default 20)."),
    maxPages: described(z.optional(z.int().check(z.positive())), "Largest PDF in pages (default 30)."),
  });
  return { ConfigSchema, RuleSetting };
});

export type ConfigFile = z.infer<ReturnType<typeof configSchemas>["ConfigSchema"]>;

export interface RuleConfig {
  severity: ConfigSeverity;
  options: unknown;
}

export interface ResolvedConfig {
  /** The file it came from, if any. */
  file: string | null;
  rules: Map<string, RuleConfig>;
  taxonomy: string[];
  /** Globs of files not to lint, and the folder they are relative to (the config file's). */
  ignores: string[];
  base: string;
  maxFileSize?: number;
  maxPages?: number;
}

/** Severities and options of a preset: a new map each time (callers change it). */
export function preset(name: (typeof PRESETS)[number] = "cvlint:recommended"): Map<string, RuleConfig> {
  const strict = name === "cvlint:strict";
  return new Map(
    RULES.map((r) => {
      let severity = r.meta.severity;
      if (strict) severity = r.meta.strictSeverity ?? (severity === "warning" ? "error" : severity);
      return [r.name, { severity, options: r.meta.defaults }];
    }),
  );
}

/** The rule id nearest to a misspelt one (three edits at most), for "did you mean". */
export function closest(id: string): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const r of RULE_IDS) {
    const d = editDistance(id, r);
    if (d <= 3 && (!best || d < best.d)) best = { id: r, d };
  }
  return best?.id;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** Apply one rule setting (from a file or --rule) onto resolved rules; errors name the key. */
function applySetting(rules: Map<string, RuleConfig>, id: string, setting: z.infer<ReturnType<typeof configSchemas>["RuleSetting"]>, where: string): void {
  const rule = ruleById(id);
  if (!rule) {
    const hint = closest(id);
    throw new CvlintError("CONFIG_INVALID", `${where}rules.${id}: unknown rule${hint ? ` (did you mean ${hint}?)` : ""}`);
  }
  const [severity, options] = typeof setting === "string" ? [setting, undefined] : [setting[0], setting[1]];
  if (options === undefined || Object.keys(options).length === 0) {
    rules.set(id, { severity, options: rule.meta.defaults });
    return;
  }
  const parsed = optionsSchema(rule).safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CvlintError("CONFIG_INVALID", `${where}rules.${id}[1]${issue.path.length ? `.${keyPath(issue.path)}` : ""}: ${issue.message}`);
  }
  rules.set(id, { severity, options: { ...rule.meta.defaults, ...withoutUndefined(parsed.data) } });
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Validate a config object and resolve it onto its preset. */
export function resolveConfig(raw: unknown, file: string | null): ResolvedConfig {
  const where = file ? `${file} ` : "";
  const parsed = configSchemas().ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CvlintError("CONFIG_INVALID", `${where}${keyPath(issue.path) || "(root)"}: ${issue.message}`);
  }
  const c = parsed.data;
  const rules = preset(c.extends);
  for (const [id, setting] of Object.entries(c.rules ?? {})) applySetting(rules, id, setting, where);
  const base = file ? dirname(resolve(file)) : process.cwd();
  return { file, rules, taxonomy: (c.taxonomy ?? []).map((t) => resolve(base, t)), ignores: c.ignores ?? [], base, maxFileSize: c.maxFileSize, maxPages: c.maxPages };
}

export function loadConfigFile(file: string): ResolvedConfig {
  let text: string;
  try {
    text = readDataFile(file);
  } catch (err) {
    throw new CvlintError("CONFIG_INVALID", `${file}: ${err instanceof CvlintError ? err.message : `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CvlintError("CONFIG_INVALID", `${file}: is not valid JSON (${(err as Error).message})`);
  }
  return resolveConfig(raw, file);
}

const nearest = new Map<string, string | null>();

/** The nearest .cvlintrc.json or cvlint.config.json, walking up from a directory (remembered per directory for a run). */
export function findConfigFile(startDir: string): string | null {
  const dir = resolve(startDir);
  const known = nearest.get(dir);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (const name of CONFIG_FILES) {
    const p = join(dir, name);
    if (existsSync(p)) {
      found = p;
      break;
    }
  }
  const up = dirname(dir);
  if (!found && up !== dir) found = findConfigFile(up);
  nearest.set(dir, found);
  return found;
}

/** `--rule id:severity` overrides, applied last. */
export function applyRuleFlags(config: ResolvedConfig, flags: string[]): ResolvedConfig {
  const rules = new Map(config.rules);
  for (const flag of flags) {
    const m = /^([a-z0-9-]+):(error|warning|info|off)$/.exec(flag.trim());
    if (!m) throw new CvlintError("CONFIG_INVALID", `--rule ${flag}: expected <rule-id>:<error|warning|info|off>`);
    applySetting(rules, m[1]!, [m[2] as ConfigSeverity, (rules.get(m[1]!)?.options ?? {}) as Record<string, unknown>], "--rule ");
  }
  return { ...config, rules };
}

export function defaultConfig(): ResolvedConfig {
  return { file: null, rules: preset(), taxonomy: [], ignores: [], base: process.cwd() };
}

/** The JSON Schema of config files, for editors. */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchemas().ConfigSchema, { target: "draft-2020-12" }) as { properties: Record<string, unknown> };
  schema.properties.rules = {
    type: "object",
    description: "Per rule: a severity or [severity, options].",
    additionalProperties: false,
    properties: Object.fromEntries(
      RULES.map((r) => {
        const sev = { enum: ["error", "warning", "info", "off"] };
        const options = z.toJSONSchema(optionsSchema(r)) as { properties?: Record<string, Record<string, unknown>> };
        for (const [k, v] of Object.entries(options.properties ?? {})) v.default = (r.meta.defaults as Record<string, unknown>)[k];
        return [r.name, { description: r.meta.description, oneOf: [sev, { type: "array", prefixItems: [sev, options], minItems: 1, maxItems: 2 }] }];
      }),
    ),
  };
  return { ...schema, $id: "https://cvlint.dev/schema/config.schema.json", title: "cvlint configuration" };
}
