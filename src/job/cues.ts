import { readFileSync } from "node:fs";
import * as z from "../zod.js";
import { dataPath } from "../paths.js";

/** taxonomy/job-cues.json, compiled: how a posting says what it asks for. */
export interface JobCues {
  preferred: RegExp;
  required: RegExp;
  teamNeeds: RegExp;
  teamSubject: RegExp;
  stack: RegExp;
  stackReference: RegExp;
  /** The example cues ("e.g.", "such as"), each match being one cue. */
  examples: RegExp;
  oneOf: RegExp;
  /** A word that joins alternatives ("or", "o", "and/or") in the text between two skills. */
  orJoin: RegExp;
  /** Text between two skills that only separates list items: commas, slashes, "and", "or", "etc.". */
  listSep: RegExp;
  /** A named requirement's lead ("experience with"), anywhere in a clause. */
  leads: RegExp;
  areas: Set<string>;
  heads: Set<string>;
  trailing: Set<string>;
  leading: Set<string>;
  domainWords: Set<string>;
  listHeads: Set<string>;
  notNames: Set<string>;
}

const FILE = "taxonomy/job-cues.json";

const schema = z.onFirstUse(() => {
  const Expressions = z.array(z.string().check(z.minLength(1)));
  const Words = z.array(z.string().check(z.minLength(1)));
  return z.strictObject({
    $comment: z.optional(z.string()),
    preferred: Expressions,
    required: Expressions,
    teamNeeds: Expressions,
    teamSubject: z.string(),
    stack: Expressions,
    stackReference: Expressions,
    examples: Expressions,
    oneOf: Expressions,
    alternatives: Words,
    leads: Expressions,
    areas: Words,
    heads: Words,
    trailing: Words,
    leading: Words,
    domainWords: Words,
    listHeads: Words,
    notNames: Words,
  });
});

let cached: JobCues | undefined;

/** Words as alternatives of an expression, longest first ("and/or" before "o"). */
const alternation = (list: string[]): string =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|");

/** The cues, validated and compiled on first use (a posting is read once per run). */
export function jobCues(): JobCues {
  if (cached) return cached;
  const raw = schema().parse(JSON.parse(readFileSync(dataPath(FILE), "utf8")));
  const any = (list: string[], flags = "i") => new RegExp(list.map((s) => `(?:${s})`).join("|"), flags);
  const words = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
  cached = {
    preferred: any(raw.preferred),
    required: any(raw.required),
    teamNeeds: any(raw.teamNeeds),
    teamSubject: new RegExp(raw.teamSubject, "i"),
    stack: any(raw.stack),
    stackReference: any(raw.stackReference),
    examples: any(raw.examples, "gi"),
    oneOf: any(raw.oneOf),
    orJoin: new RegExp(`(?:^|[\\s(])(?:${alternation(raw.alternatives)})(?=[\\s)]|$)`, "i"),
    // Without "and/or": "and", "/" and "or" read it, and two ways to read one separator would make
    // the expression backtrack exponentially on a long run of them.
    listSep: new RegExp(`^[\\s,/&+()[\\]]*(?:(?:${alternation(raw.alternatives.filter((w) => !w.includes("/")))}|and|as well as|plus|y|und|etc\\.?|or (?:even|similar|equivalent|another|any other|other))[\\s,/&+()[\\]]*)*$`, "i"),
    leads: new RegExp(`\\b(?:${raw.leads.join("|")})\\s+`, "gi"),
    areas: words(raw.areas),
    heads: words(raw.heads),
    trailing: words(raw.trailing),
    leading: words(raw.leading),
    domainWords: words(raw.domainWords),
    listHeads: words(raw.listHeads),
    notNames: words(raw.notNames),
  };
  return cached;
}
