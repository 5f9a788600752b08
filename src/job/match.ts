import type { Analysis } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { SectionKind } from "../types.js";
import type { JobPosting, Level, Requirement } from "./posting.js";

/** How a CV shows a skill the posting asks for. */
export type Shown = "listed-and-used" | "listed" | "used" | "mentioned" | "implied" | "missing";

/**
 * Credit per kind of evidence (docs/job.md): a skill in the skills section and in experience
 * counts fully; listed only, or used only in experience/projects, counts less; named elsewhere
 * (summary, headline) or only implied by another skill (Spring Boot → Java) less still.
 */
export const CREDIT: Record<Shown, number> = { "listed-and-used": 1, listed: 0.85, used: 0.7, mentioned: 0.6, implied: 0.5, missing: 0 };

/** A required skill weighs twice a preferred one; each item of the stated stack a quarter. */
export const LEVEL_WEIGHT: Record<Level, number> = { required: 2, preferred: 1, stack: 0.25 };
/** All of the stack together weighs at most as much as one preferred skill. */
export const STACK_WEIGHT_MAX = 1;

export interface RequirementMatch extends Requirement {
  found: boolean;
  shown: Shown;
  /** The id of the CV skill that satisfied it (for alternatives). */
  matchedId?: string;
  sections: SectionKind[];
}

export interface JobMatch {
  file: string;
  /** 0–100; null when the posting names nothing cvlint recognises (there is nothing to match). */
  matchRate: number | null;
  required: RequirementMatch[];
  niceToHave: RequirementMatch[];
  stack: RequirementMatch[];
}

function credited(sections: SectionKind[]): Shown {
  const listed = sections.includes("skills");
  const used = sections.includes("experience") || sections.includes("projects");
  return listed && used ? "listed-and-used" : listed ? "listed" : used ? "used" : "mentioned";
}

function shownFor(a: Analysis, tax: CompiledTaxonomy, id: string, variants: string[] | undefined): { shown: Shown; sections: SectionKind[] } {
  const hit = a.skills.find((s) => s.id === id) ?? a.practices.find((s) => s.id === id);
  if (hit) return { shown: credited(hit.sections), sections: hit.sections };
  // A requirement outside the taxonomy: its words anywhere in the CV.
  if (variants) {
    const sections = phraseSections(a, variants);
    return sections.length ? { shown: credited(sections), sections } : { shown: "missing", sections: [] };
  }
  // Implied by a skill the CV names (Spring Boot → Java), one step.
  const via = a.skills.find((s) => tax.skills.get(s.id)?.implies?.includes(id));
  return via ? { shown: "implied", sections: via.sections } : { shown: "missing", sections: [] };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The CV's text by kind of section, in document order, its lines joined (kept per CV). */
const textBySection = new WeakMap<Analysis, Map<SectionKind, string>>();

function sectionTexts(a: Analysis): Map<SectionKind, string> {
  let m = textBySection.get(a);
  if (!m) {
    m = new Map();
    for (const l of a.doc.lines) {
      const kind = a.doc.sections[l.section]?.kind;
      if (kind) m.set(kind, `${m.get(kind) ?? ""}${l.text}\n`);
    }
    textBySection.set(a, m);
  }
  return m;
}

/** The sections of the CV that name one of the spellings, as whole words. */
function phraseSections(a: Analysis, variants: string[]): SectionKind[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map((v) => escape(v).replace(/ /g, "[\\s-]+")).join("|")})(?![\\p{L}\\p{N}])`, "iu");
  const out: SectionKind[] = [];
  for (const [kind, text] of sectionTexts(a)) if (re.test(text)) out.push(kind);
  return out;
}

/** What matching needs of a posting: its name and its requirements (plain data, sent to worker threads as is). */
export type PostingRequirements = Pick<JobPosting, "file" | "requirements">;

/** Match a CV's analysis against a posting and compute the match rate (0–100, null without requirements). */
export function matchJob(posting: PostingRequirements, a: Analysis, tax: CompiledTaxonomy): JobMatch {
  const rank = (s: Shown) => CREDIT[s];
  const matches: RequirementMatch[] = posting.requirements.map((r) => {
    let best: { shown: Shown; sections: SectionKind[]; id?: string } = { shown: "missing", sections: [] };
    for (const id of r.ids) {
      const s = shownFor(a, tax, id, r.variants?.[id]);
      if (rank(s.shown) > rank(best.shown)) best = { ...s, id };
    }
    return { ...r, found: best.shown !== "missing", shown: best.shown, sections: best.sections, ...(best.id ? { matchedId: best.id } : {}) };
  });
  const stackCount = matches.filter((m) => m.level === "stack").length;
  const weight = (m: RequirementMatch) => (m.level === "stack" ? Math.min(LEVEL_WEIGHT.stack, STACK_WEIGHT_MAX / stackCount) : LEVEL_WEIGHT[m.level]);
  const total = matches.reduce((n, m) => n + weight(m), 0);
  const got = matches.reduce((n, m) => n + weight(m) * CREDIT[m.shown], 0);
  return {
    file: posting.file,
    matchRate: total ? Math.round((100 * got) / total) : null,
    required: matches.filter((m) => m.level === "required"),
    niceToHave: matches.filter((m) => m.level === "preferred"),
    stack: matches.filter((m) => m.level === "stack"),
  };
}
