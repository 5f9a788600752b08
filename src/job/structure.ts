import { classifyHeading } from "../document/headings.js";
import type { CvDocument, SectionKind } from "../types.js";

/**
 * What a part of a posting is, for the skills it names:
 * - required / preferred / stack: a requirements, nice-to-have or stack section (or a label line
 *   such as "Nice to have:" inside another section);
 * - context: the introduction, responsibilities or the company's description of a posting that
 *   has requirement sections: what it names is the team's stack unless a clause asks for it;
 * - prose: the same parts of a posting without any requirement section: what a clause names is
 *   required unless it describes the team;
 * - ignored: benefits, how to apply, education.
 */
export type Context = "required" | "preferred" | "stack" | "context" | "prose" | "ignored";

export interface Part {
  context: Context;
  /** The heading or label line that decided it, as written; null for the posting's top. */
  heading: string | null;
  /** The line index of that heading or label (for the reader). */
  headingLine: number | null;
}

export interface Structure {
  /** For every line of the document, the part it belongs to. */
  parts: Part[];
  /** Lines that are labels opening a part ("Nice to have:", "**Requirements:**" inside a list). */
  labels: Set<number>;
  /** Whether the posting says what it requires in sections of their own. */
  hasDemands: boolean;
  /** The line index of the posting's title, when it has one. */
  title: number | null;
}

const DEMANDS: SectionKind[] = ["requirements", "nice-to-have"];
const IGNORED: SectionKind[] = ["benefits", "education", "certifications"];

function contextOf(kind: SectionKind, hasDemands: boolean): Context {
  if (kind === "requirements") return "required";
  if (kind === "nice-to-have") return "preferred";
  if (kind === "stack") return "stack";
  if (IGNORED.includes(kind)) return "ignored";
  return hasDemands ? "context" : "prose";
}

/**
 * A line of its own that names a part of a posting ("Nice to have:", "Requirements:", "Tech
 * stack:"), inside a list or a paragraph where the document builder saw no heading: nested in a
 * requirements list, or glued to the bullet before it by a line break.
 */
export function labelKind(text: string): SectionKind | null {
  const t = text.trim();
  const colon = /[:?]\s*$/.test(t);
  const bare = t.replace(/[:?]\s*$/, "").trim();
  if (!bare || bare.split(/\s+/).length > 6 || /[.,;!?]$/.test(bare)) return null;
  const m = classifyHeading(bare, "job");
  if (!m || m.kind === "other" || m.kind === "header") return null;
  // A keyword is enough with a colon ("Must have (professional experience):"); without one, only a known name ("Extra skills").
  if (m.how === "keyword" && !colon) return null;
  return m.kind;
}

/** Read a posting's parts: sections, label lines inside them, the title. */
export function readStructure(doc: CvDocument): Structure {
  const sections = doc.sections.map((s) => ({ kind: s.kind, heading: s.heading, headingLine: s.headingLine }));
  // A heading with nothing under it before one we have no name for ("## Requirements" then
  // "## Professionally"): the second is a part of the first.
  for (let k = 1; k < sections.length; k++) {
    const prev = doc.sections[k - 1]!;
    const empty = prev.headingLine !== null && prev.end <= prev.headingLine;
    if (empty && sections[k]!.kind === "other" && sections[k - 1]!.kind !== "header") sections[k] = { ...sections[k - 1]!, heading: sections[k - 1]!.heading };
  }
  const labels = new Map<number, SectionKind>();
  for (const l of doc.lines) {
    if (l.kind === "heading") continue;
    const kind = labelKind(l.text);
    if (kind) labels.set(l.index, kind);
  }
  const hasDemands = sections.some((s) => DEMANDS.includes(s.kind)) || [...labels.values()].some((k) => DEMANDS.includes(k));
  const parts: Part[] = doc.lines.map((l) => {
    const s = sections[l.section]!;
    return { context: contextOf(s.kind, hasDemands), heading: s.heading, headingLine: s.headingLine };
  });
  // A label covers the lines nested under it when it is a list item with children, else the
  // rest of its section (up to the next label).
  for (const [i, kind] of labels) {
    const line = doc.lines[i]!;
    const part: Part = { context: contextOf(kind, hasDemands), heading: line.text.trim().replace(/:\s*$/, ""), headingLine: i };
    parts[i] = part;
    const nested = line.kind === "bullet" && doc.lines[i + 1]?.kind === "bullet" && (doc.lines[i + 1]!.level ?? 1) > (line.level ?? 1) && doc.lines[i + 1]!.block !== line.block;
    for (let j = i + 1; j < doc.lines.length; j++) {
      const next = doc.lines[j]!;
      if (next.section !== line.section || labels.has(j)) break;
      if (nested && !(next.kind === "bullet" && ((next.level ?? 1) > (line.level ?? 1) || next.block === doc.lines[j - 1]!.block))) break;
      parts[j] = part;
    }
  }
  return { parts, labels: new Set(labels.keys()), hasDemands, title: titleLine(doc) };
}

/** The title: a first heading, or a short first line of its own ("Backend Developer (Python) - Shopwise"). */
function titleLine(doc: CvDocument): number | null {
  const first = doc.blocks[0];
  if (!first) return null;
  if (first.kind === "heading") return first.start;
  const text = first.text.trim();
  if (first.start === first.end && first.kind === "paragraph" && text.split(/\s+/).length <= 12 && !/[.!?:,;]$/.test(text)) return first.start;
  return null;
}
