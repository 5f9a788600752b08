import { readFileSync } from "node:fs";
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import * as z from "../zod.js";
import { CvlintError, keyPath } from "../errors.js";
import { readPrepared, stamp } from "../fingerprint.js";
import { dataPath } from "../paths.js";
import { CATEGORIES, type Category } from "../taxonomy/schema.js";

/** The schemas of the rule data files, built on first use (a start reads the copy the build validated). */
const dataSchemas = z.onFirstUse(() => {
  const NonEmpty = z.string().check(z.minLength(1));

  const ActionVerbsFile = z.strictObject({
    $comment: z.optional(z.string()),
    strong: z.array(NonEmpty),
    weakOpeners: z.record(NonEmpty, z.array(NonEmpty).check(z.minLength(1))),
  });

  const RulesFile = z.strictObject({
    $comment: z.optional(z.string()),
    labels: z.array(z.strictObject({ match: NonEmpty, categories: z.array(z.enum(CATEGORIES)).check(z.minLength(1)), alsoIds: z.optional(z.array(z.string())) })),
    alternatives: z.record(z.string(), z.array(z.string())),
    peripheral: z.strictObject({
      categories: z.array(z.enum(CATEGORIES)),
      ids: z.array(z.string()),
      browserLanguages: z.array(z.string()),
      serverRuntimes: z.array(z.string()),
      frontendIds: z.array(z.string()),
    }),
    passing: z.strictObject({
      traineeRoles: z.array(NonEmpty),
      learningOpeners: z.array(NonEmpty),
    }),
    softShown: z.strictObject({
      verbs: z.array(NonEmpty),
      people: z.array(NonEmpty),
    }),
  });
  return { ActionVerbsFile, RulesFile };
});

export interface RulesData {
  /** Porter stems of the strong action verbs, and the verbs themselves. */
  verbStems: Set<string>;
  verbs: Set<string>;
  /** Weak openings ("responsible for"), longest first, with suggestions. */
  weakOpeners: Array<{ phrase: string; suggest: string[] }>;
  labels: Array<{ match: RegExp; categories: Set<Category>; alsoIds: Set<string> }>;
  alternatives: Map<string, string[]>;
  /** What is not asked to be shown or listed (see taxonomy/rules.json). */
  peripheral: { categories: Set<Category>; ids: Set<string>; browserLanguages: Set<string>; serverRuntimes: Set<string>; frontendIds: Set<string> };
  /** What marks a mention of a tool as one in passing (unlisted-skills): a traineeship's title words, and openers of a line about learning. */
  passing: { traineeRoles: Set<string>; learningOpeners: string[] };
  /** Work lines that show a soft skill without naming it (technical-and-soft): a verb, then within four words people. */
  softShown: { verbs: Set<string>; people: Set<string> };
  stem(word: string): string;
}

let cached: RulesData | undefined;

function read<T>(rel: string, schema: z.ZodMiniType<T>): T {
  const file = dataPath(rel);
  const r = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new CvlintError("TAXONOMY_INVALID", `${rel} ${keyPath(issue.path)}: ${issue.message}`);
  }
  return r.data;
}

const stem = (w: string): string => PorterStemmer.stem(w.toLowerCase());

/** The rule data in plain JSON form, validated: what the build stores in dist/rules-data.validated.json. */
export function rulesDataJson(): string {
  const verbs = read("taxonomy/action-verbs.json", dataSchemas().ActionVerbsFile);
  const rules = read("taxonomy/rules.json", dataSchemas().RulesFile);
  return JSON.stringify({
    fingerprint: rulesFingerprint(),
    verbStems: verbs.strong.map(stem),
    verbs: verbs.strong.map((v) => v.toLowerCase()),
    weakOpeners: Object.entries(verbs.weakOpeners)
      .map(([phrase, suggest]) => ({ phrase: phrase.toLowerCase(), suggest }))
      .sort((a, b) => b.phrase.length - a.phrase.length),
    labels: rules.labels,
    alternatives: rules.alternatives,
    peripheral: rules.peripheral,
    passing: rules.passing,
    softShown: rules.softShown,
  });
}

const SOURCES = ["taxonomy/action-verbs.json", "taxonomy/rules.json"];
const PREPARED = "dist/rules-data.validated.json";

function rulesFingerprint(): string {
  return stamp(SOURCES.map(dataPath));
}

/**
 * Data the rules read (action verbs, label categories, stack alternatives, peripheral skills), loaded once: from the
 * copy the build validated and stemmed when the data files are unchanged, else validated here.
 */
export function rulesData(): RulesData {
  if (cached) return cached;
  const raw = readPrepared<ReturnType<typeof parseRaw>>(dataPath(PREPARED), SOURCES.map(dataPath)) ?? parseRaw(rulesDataJson());
  cached = {
    verbStems: new Set(raw.verbStems),
    verbs: new Set(raw.verbs),
    weakOpeners: raw.weakOpeners,
    labels: raw.labels.map((l) => ({ match: new RegExp(`\\b${l.match}\\b`, "i"), categories: new Set(l.categories), alsoIds: new Set(l.alsoIds ?? []) })),
    alternatives: new Map(Object.entries(raw.alternatives)),
    peripheral: {
      categories: new Set(raw.peripheral.categories),
      ids: new Set(raw.peripheral.ids),
      browserLanguages: new Set(raw.peripheral.browserLanguages),
      serverRuntimes: new Set(raw.peripheral.serverRuntimes),
      frontendIds: new Set(raw.peripheral.frontendIds),
    },
    passing: { traineeRoles: new Set(raw.passing.traineeRoles.map((w) => w.toLowerCase())), learningOpeners: raw.passing.learningOpeners.map((w) => w.toLowerCase()) },
    softShown: { verbs: new Set(raw.softShown.verbs.map((w) => w.toLowerCase())), people: new Set(raw.softShown.people.map((w) => w.toLowerCase())) },
    stem,
  };
  return cached;
}

function parseRaw(json: string) {
  return JSON.parse(json) as {
    fingerprint: string;
    verbStems: string[];
    verbs: string[];
    weakOpeners: Array<{ phrase: string; suggest: string[] }>;
    labels: Array<{ match: string; categories: Category[]; alsoIds?: string[] }>;
    alternatives: Record<string, string[]>;
    peripheral: { categories: Category[]; ids: string[]; browserLanguages: string[]; serverRuntimes: string[]; frontendIds: string[] };
    passing: { traineeRoles: string[]; learningOpeners: string[] };
    softShown: { verbs: string[]; people: string[] };
  };
}
