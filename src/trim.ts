/**
 * Trimming runs of characters off the ends of a string by a scan. The expressions that did it
 * (s.replace(/[.,;:]+$/, "")) are quadratic: on a long run that is not at the end ("https://x/,,,,…,a")
 * each position of the run is tried against the rest of it (issue 24; scripts/check-regexes.mjs).
 */

/** `s` without the run of characters that `drop` accepts at its end. */
export function trimEndWhile(s: string, drop: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the run of characters that `drop` accepts at its start. */
export function trimStartWhile(s: string, drop: (c: string) => boolean): string {
  let start = 0;
  while (start < s.length && drop(s[start]!)) start++;
  return start === 0 ? s : s.slice(start);
}

/** A test of membership in a set of characters, for the two functions above. */
export const oneOf =
  (chars: string): ((c: string) => boolean) =>
  (c) =>
    chars.includes(c);

/** Whitespace as /\s/ has it. */
export const isWhite = (c: string): boolean => c.trim() === "" && c !== "";
