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
/** A required skill weighs twice a preferred one. */
export const LEVEL_WEIGHT: Record<Level, number> = { required: 2, nice: 1 };

export interface RequirementMatch extends Requirement {
  found: boolean;
  shown: Shown;
  /** The id of the CV skill that satisfied it (for alternatives). */
  matchedId?: string;
  sections: SectionKind[];
}

export interface JobMatch {
  file: string;
  matchRate: number;
  required: RequirementMatch[];
  niceToHave: RequirementMatch[];
}

function shownFor(a: Analysis, tax: CompiledTaxonomy, id: string): { shown: Shown; sections: SectionKind[] } {
  const hit = a.skills.find((s) => s.id === id) ?? a.practices.find((s) => s.id === id);
  if (hit) {
    const listed = hit.sections.includes("skills");
    const used = hit.sections.includes("experience") || hit.sections.includes("projects");
    return { shown: listed && used ? "listed-and-used" : listed ? "listed" : used ? "used" : "mentioned", sections: hit.sections };
  }
  // Implied by a skill the CV names (Spring Boot → Java), one step.
  const via = a.skills.find((s) => tax.skills.get(s.id)?.implies?.includes(id));
  return via ? { shown: "implied", sections: via.sections } : { shown: "missing", sections: [] };
}

/** Match a CV's analysis against a posting and compute the match rate (0–100). */
export function matchJob(posting: JobPosting, a: Analysis, tax: CompiledTaxonomy): JobMatch {
  const rank = (s: Shown) => CREDIT[s];
  const matches: RequirementMatch[] = posting.requirements.map((r) => {
    let best: { shown: Shown; sections: SectionKind[]; id?: string } = { shown: "missing", sections: [] };
    for (const id of r.ids) {
      const s = shownFor(a, tax, id);
      if (rank(s.shown) > rank(best.shown)) best = { ...s, id };
    }
    return { ...r, found: best.shown !== "missing", shown: best.shown, sections: best.sections, ...(best.id ? { matchedId: best.id } : {}) };
  });
  const total = matches.reduce((n, m) => n + LEVEL_WEIGHT[m.level], 0);
  const got = matches.reduce((n, m) => n + LEVEL_WEIGHT[m.level] * CREDIT[m.shown], 0);
  return {
    file: posting.file,
    matchRate: total ? Math.round((100 * got) / total) : 100,
    required: matches.filter((m) => m.level === "required"),
    niceToHave: matches.filter((m) => m.level === "nice"),
  };
}
