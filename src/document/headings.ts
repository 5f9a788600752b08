import { readFileSync } from "node:fs";
import * as z from "../zod.js";
import type { SectionKind } from "../types.js";
import { dataPath } from "../paths.js";

const KINDS = ["summary", "skills", "experience", "projects", "education", "certifications", "other", "requirements", "nice-to-have", "responsibilities", "company", "benefits"] as const;

const NonEmpty = z.string().check(z.minLength(1));
const SectionsFile = z.strictObject({
  $comment: z.optional(z.string()),
  names: z.partialRecord(z.enum(KINDS), z.array(NonEmpty)),
  keywords: z.partialRecord(z.enum(KINDS), NonEmpty),
});

export interface HeadingTable {
  names: Map<string, SectionKind>;
  keywords: Array<{ kind: SectionKind; re: RegExp }>;
}

const cached = new Map<string, HeadingTable>();

/** A heading table: CV sections (taxonomy/sections.json) or job-posting sections (taxonomy/job-sections.json). */
export function headingTable(which: "cv" | "job" = "cv"): HeadingTable {
  const hit = cached.get(which);
  if (hit) return hit;
  const file = dataPath(which === "cv" ? "taxonomy/sections.json" : "taxonomy/job-sections.json");
  const parsed = SectionsFile.parse(JSON.parse(readFileSync(file, "utf8")));
  const names = new Map<string, SectionKind>();
  for (const [kind, list] of Object.entries(parsed.names)) {
    for (const n of list) names.set(normalizeHeading(n), kind as SectionKind);
  }
  const keywords = Object.entries(parsed.keywords).map(([kind, src]) => ({ kind: kind as SectionKind, re: new RegExp(src, "i") }));
  const table = { names, keywords };
  cached.set(which, table);
  return table;
}

/**
 * Fold a heading to its comparable form: lower case, letter-spaced words rejoined ("S K I L L S"),
 * numbering, icons and punctuation dropped, "&" read as "and".
 */
export function normalizeHeading(text: string): string {
  let t = text.trim();
  if (/^(?:\p{L}\s){2,}\p{L}(?:\s{2,}(?:\p{L}\s){1,}\p{L})*$/u.test(t)) {
    t = t
      .split(/\s{2,}/)
      .map((w) => w.replace(/\s/g, ""))
      .join(" ");
  }
  return t
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\u2018\u2019']/g, "")
    .replace(/^[^\p{L}]+/u, "")
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface HeadingMatch {
  kind: SectionKind;
  /** "name": the whole heading is a known section name; "keyword": it contains a section keyword. */
  how: "name" | "keyword";
}

/** Which section a heading names, if any. */
export function classifyHeading(text: string, which: "cv" | "job" = "cv"): HeadingMatch | null {
  const table = headingTable(which);
  const norm = normalizeHeading(text);
  if (!norm) return null;
  const exact = table.names.get(norm) ?? table.names.get(norm.replace(/^(?:my|key|selected|relevant) /, ""));
  if (exact) return { kind: exact, how: "name" };
  let best: { kind: SectionKind; at: number } | null = null;
  for (const { kind, re } of table.keywords) {
    const m = re.exec(norm);
    if (m && (!best || m.index < best.at)) best = { kind, at: m.index };
  }
  return best ? { kind: best.kind, how: "keyword" } : null;
}
