// natural's index pulls in databases and dotenv; cvlint imports single modules by path
// (the edit distance only in tests/matcher.test.ts, as the reference for src/match/suggest.ts).
declare module "natural/lib/natural/distance/levenshtein_distance.js" {
  export function DamerauLevenshteinDistance(source: string, target: string, options?: { transposition_cost?: number }): number;
}
