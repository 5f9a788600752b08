import type { Analysis, SkillHit } from "../match/analyze.js";
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

/** First occurrence of a skill in one of the given sections. */
export function firstIn(s: SkillHit, ...kinds: SectionKind[]) {
  return s.occurrences.find((o) => kinds.includes(o.section));
}


/** Shorten a bullet for a message: its first words. */
export function opening(text: string, words = 6): string {
  const w = text.split(/\s+/);
  return w.length > words ? `${w.slice(0, words).join(" ")}…` : text;
}
