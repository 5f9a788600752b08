import type { LintResult } from "../types.js";

export interface RankEntry {
  rank: number;
  file: string;
  matchRate: number;
}

/**
 * CVs tailored against one posting, best match first (ties by file name); CVs that could not be
 * read, or matched against a posting with nothing to match, are left out. Empty without --job.
 */
export function ranking(results: LintResult[]): RankEntry[] {
  return results
    .filter((r) => r.job && r.job.matchRate !== null && !r.error)
    .sort((a, b) => b.job!.matchRate! - a.job!.matchRate! || a.file.localeCompare(b.file))
    .map((r, i) => ({ rank: i + 1, file: r.file, matchRate: r.job!.matchRate! }));
}
