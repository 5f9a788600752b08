// natural's index pulls in databases and dotenv; cvlint imports single modules by path.
declare module "natural/lib/natural/distance/levenshtein_distance.js" {
  export function DamerauLevenshteinDistance(source: string, target: string, options?: { transposition_cost?: number }): number;
}
declare module "natural/lib/natural/distance/jaro-winkler_distance.js" {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export default JaroWinklerDistance;
}
