import { readFileSync } from "node:fs";
import * as z from "../zod.js";
import type { SectionKind } from "../types.js";
import { readPrepared, stamp } from "../fingerprint.js";
import { cpLen, isAlnum, isLetter, isSpace } from "../match/scan.js";
import { dataPath } from "../paths.js";

const KINDS = ["summary", "skills", "experience", "projects", "education", "certifications", "other", "requirements", "nice-to-have", "responsibilities", "company", "benefits", "stack"] as const;

/** The schema of the section tables, built on first use (a start reads the copy the build validated). */
const sectionsFile = z.onFirstUse(() => {
  const NonEmpty = z.string().check(z.minLength(1));
  return z.strictObject({
    $comment: z.optional(z.string()),
    names: z.partialRecord(z.enum(KINDS), z.array(NonEmpty)),
    keywords: z.partialRecord(z.enum(KINDS), NonEmpty),
    groupWords: z.optional(z.array(NonEmpty)),
    groupOpeners: z.optional(z.array(NonEmpty)),
  });
});

export interface HeadingTable {
  names: Map<string, SectionKind>;
  keywords: Array<{ kind: SectionKind; re: RegExp }>;
  /** Words a heading that names a group of skills is made of ("Web Frameworks", "DevOps & Tools"). */
  groupWords: Set<string>;
  /** Group words that let such a heading open a skills section ("Frameworks", "Back End"). */
  groupOpeners: Set<string>;
}

type Which = "cv" | "job";
/** A table in plain JSON form: normalized names and keyword expressions. */
interface RawTable {
  names: Array<[string, SectionKind]>;
  keywords: Array<[SectionKind, string]>;
  groupWords: string[];
  groupOpeners: string[];
}

const SOURCES: Record<Which, string> = { cv: "taxonomy/sections.json", job: "taxonomy/job-sections.json" };
const PREPARED = "dist/sections.validated.json";
const sourceFiles = (): string[] => [dataPath(SOURCES.cv), dataPath(SOURCES.job)];

function validate(which: Which): RawTable {
  const parsed = sectionsFile().parse(JSON.parse(readFileSync(dataPath(SOURCES[which]), "utf8")));
  const names: RawTable["names"] = [];
  for (const [kind, list] of Object.entries(parsed.names)) for (const n of list) names.push([normalizeHeading(n), kind as SectionKind]);
  return {
    names,
    keywords: Object.entries(parsed.keywords).map(([kind, src]) => [kind as SectionKind, src]),
    groupWords: (parsed.groupWords ?? []).map(normalizeHeading),
    groupOpeners: (parsed.groupOpeners ?? []).map(normalizeHeading),
  };
}

/** What `npm run build` stores in dist/sections.validated.json: both tables, validated and normalized. */
export function headingTablesJson(): string {
  return JSON.stringify({ fingerprint: stamp(sourceFiles()), cv: validate("cv"), job: validate("job") });
}

let prepared: Record<Which, RawTable> | null | undefined;

function preparedTable(which: Which): RawTable | null {
  // Not built, unreadable or stale: null, and the sources are validated instead.
  if (prepared === undefined) prepared = readPrepared<Record<Which, RawTable>>(dataPath(PREPARED), sourceFiles());
  return prepared?.[which] ?? null;
}

const cached = new Map<Which, HeadingTable>();

/**
 * A heading table: CV sections (taxonomy/sections.json) or job-posting sections
 * (taxonomy/job-sections.json); from the copy the build validated when the files are unchanged.
 */
export function headingTable(which: Which = "cv"): HeadingTable {
  const hit = cached.get(which);
  if (hit) return hit;
  const raw = preparedTable(which) ?? validate(which);
  const table = {
    names: new Map(raw.names),
    keywords: raw.keywords.map(([kind, src]) => ({ kind, re: new RegExp(src, caseFree(src) ? "" : "i") })),
    groupWords: new Set(raw.groupWords),
    groupOpeners: new Set(raw.groupOpeners),
  };
  cached.set(which, table);
  return table;
}

/**
 * Keywords are matched against normalizeHeading's output, which is in lower case: an expression
 * of lower-case ASCII (the shipped ones) needs no "i" flag, and V8 compiles it in about half the
 * time without (case folding goes through ICU), at the first heading of every process.
 */
const caseFree = (src: string): boolean => !/[^\x00-\x7f]|[A-Z]/.test(src);

/** Built on first use: making a \p{…} expression costs about half a millisecond, and few headings need it. */
let LETTER_SPACED: RegExp | undefined;

/**
 * Fold a heading to its comparable form: lower case, letter-spaced words rejoined ("S K I L L S"),
 * numbering, icons and punctuation dropped, "&" read as "and". A scan over code points rather
 * than Unicode regular expressions, which V8 compiles at their first use in every process.
 */
export function normalizeHeading(text: string): string {
  let t = text.trim();
  if (t.length >= 5 && isSpace(t.charCodeAt(1)) && (LETTER_SPACED ??= /^(?:\p{L}\s){2,}\p{L}(?:\s{2,}(?:\p{L}\s){1,}\p{L})*$/u).test(t)) {
    t = t
      .split(/\s{2,}/)
      .map((w) => w.replace(/\s/g, ""))
      .join(" ");
  }
  const lower = t.toLowerCase();
  let out = "";
  let gap = false;
  let started = false; // leading marks (numbering, icons) are dropped up to the first letter
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i)!;
    const len = cpLen(cp);
    i += len;
    if (cp === 0x2018 || cp === 0x2019 || cp === 39) continue; // apostrophes vanish: "Recruiter's"
    if (cp === 38) {
      out += out ? " and" : "and";
      started = gap = true;
      continue;
    }
    if (!started) {
      if (!isLetter(cp)) continue;
      started = true;
    }
    if (isAlnum(cp) || cp === 43 || cp === 35) {
      if (gap && out) out += " ";
      gap = false;
      out += String.fromCodePoint(cp);
    } else gap = true;
  }
  return out;
}

export interface HeadingMatch {
  kind: SectionKind;
  /** "name": the whole heading is a known section name; "keyword": it contains a section keyword. */
  how: "name" | "keyword";
}

/**
 * Whether a heading names a group of skills rather than a section of its own: every word is a
 * group word of sections.json ("Web Frameworks", "Cloud & DevOps", "Back-End", "Databases and
 * version control"), and one of them is more than "other" or "and". "open" when one is also a
 * group opener: such a heading may open a skills section, the others only continue one.
 */
export function skillGroupHeading(text: string): "open" | "continue" | null {
  const words = normalizeHeading(text).split(" ");
  if (words.length > 6 || !words[0]) return null;
  const { groupWords, groupOpeners } = headingTable("cv");
  let some = false;
  let opens = false;
  for (const w of words) {
    if (!groupWords.has(w)) return null;
    if (!FILLERS.has(w)) some = true;
    if (groupOpeners.has(w)) opens = true;
  }
  return !some ? null : opens ? "open" : "continue";
}

const FILLERS = new Set(["and", "other", "others", "general", "additional", "core", "misc"]);

/** Which section a heading names, if any. */
export function classifyHeading(text: string, which: "cv" | "job" = "cv"): Readonly<HeadingMatch> | null {
  // The same lines are asked about several times per document, and the same headings recur
  // across a batch of CVs: answers are kept (a bounded cache, emptied when full).
  const memo = which === "cv" ? memoCv : memoJob;
  const known = memo.get(text);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const answer = classify(text, which);
  memo.set(text, answer);
  return answer;
}

const MEMO_LIMIT = 4096;
const memoCv = new Map<string, Readonly<HeadingMatch> | null>();
const memoJob = new Map<string, Readonly<HeadingMatch> | null>();

function classify(text: string, which: "cv" | "job"): Readonly<HeadingMatch> | null {
  const table = headingTable(which);
  const norm = normalizeHeading(text);
  if (!norm) return null;
  const exact = table.names.get(norm) ?? table.names.get(norm.replace(/^(?:my|key|selected|relevant) /, "")) ?? (letterSpaced(text.trim().toLowerCase()) ? compactNames(table).get(norm.replace(/ /g, "")) : undefined);
  if (exact) return Object.freeze({ kind: exact, how: "name" as const });
  let best: { kind: SectionKind; at: number } | null = null;
  for (const { kind, re } of table.keywords) {
    const m = re.exec(norm);
    if (m && (!best || m.index < best.at)) best = { kind, at: m.index };
  }
  return best ? Object.freeze({ kind: best.kind, how: "keyword" as const }) : null;
}

/**
 * A heading set with letter spacing whose word gaps were lost ("W O R K E X P E R I E N C E",
 * "S U M M A RY" as a browser's PDF gives them): single letters, with at most a pair kerned together.
 */
function letterSpaced(text: string): boolean {
  const parts = text.split(/\s+/);
  if (parts.length < 4) return false;
  let single = 0;
  for (const p of parts) {
    if (p.length > 2) return false;
    if (p.length === 1) single++;
  }
  return single >= parts.length * 0.6;
}

const compacted = new WeakMap<HeadingTable, Map<string, SectionKind>>();

/** The table's names without their spaces ("workexperience"), for letter-spaced headings. */
function compactNames(table: HeadingTable): Map<string, SectionKind> {
  let m = compacted.get(table);
  if (!m) {
    m = new Map();
    for (const [name, kind] of table.names) if (!m.has(name.replace(/ /g, ""))) m.set(name.replace(/ /g, ""), kind);
    compacted.set(table, m);
  }
  return m;
}
