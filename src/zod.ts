// zod's tree-shakable "mini" build: the classic `zod` entry weighs about 450 KB in the bundle and
// took 13–20 ms to evaluate at every start, the mini build (what cvlint uses of it) about 130 KB
// and a few ms (npm run bench, cold start). Every schema of cvlint imports `* as z` from here,
// so the English messages that the classic entry sets up by itself ("Too small: expected number
// to be >=1") are configured once. Import it as a namespace and use its members (z.strictObject):
// passing the namespace around as a value would pull all of zod, all locales included, back in.
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());

export * from "zod/mini";

/**
 * A schema (or a set of them) built on first use. Building zod schemas at import costs every
 * start time, and most starts validate nothing: the shipped data is validated by the build.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
