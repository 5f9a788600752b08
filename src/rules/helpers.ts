import type { Analysis, SkillHit } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { Block, CvDocument, SectionKind } from "../types.js";

/** Sections of the given kinds. */
export function sectionsOf(doc: CvDocument, ...kinds: SectionKind[]) {
  return doc.sections.filter((s) => kinds.includes(s.kind));
}

/** The heading line of the first section of a kind, for findings about the section as a whole. */
export function headingAt(doc: CvDocument, kind: SectionKind): { lineIndex: number } | undefined {
  const s = doc.sections.find((x) => x.kind === kind);
  return s ? { lineIndex: s.headingLine ?? s.start } : undefined;
}

/** Skills named in the skills section (listed), in order of first listing. */
export function listedSkills(a: Analysis): SkillHit[] {
  return a.skills.filter((s) => s.sections.includes("skills"));
}

export const isTechnical = (s: SkillHit): boolean => s.category !== "soft-skills";

/** Bullet blocks of the given sections (experience, projects). */
export function bullets(doc: CvDocument, ...kinds: SectionKind[]): Block[] {
  return doc.blocks.filter((b) => b.kind === "bullet" && kinds.includes(doc.sections[b.section]!.kind) && (b.level ?? 1) >= 1);
}

/**
 * A bullet that lists the technologies of a job rather than telling what was done: "Technologies:
 * Java, Spring Boot", "Tech stack: …", "Tools used — …" (a label of the lexicon's group words).
 */
export function techListBullet(text: string, tax: CompiledTaxonomy): boolean {
  const m = /^\W*([A-Za-z][A-Za-z &/-]{0,30}?)\s*[:—–]\s/.exec(text);
  if (!m) return false;
  const words = m[1]!.toLowerCase().split(/[\s&/-]+/).filter((w) => w !== "" && w !== "used" && w !== "and");
  return words.length > 0 && words.length <= 3 && words.every((w) => tax.lexicon.generic.has(w));
}

/** First occurrence of a skill in one of the given sections. */
export function firstIn(s: SkillHit, ...kinds: SectionKind[]) {
  return s.occurrences.find((o) => kinds.includes(o.section));
}


/** Shorten a bullet for a message: its first words. */
export function opening(text: string, words = 6): string {
  const w = text.split(/\s+/);
  return w.length > words ? `${w.slice(0, words).join(" ")}…` : text;
}
