import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verdict } from "../scripts/check-regexes.mjs";
import { jobCues } from "../src/job/cues.js";
import { root } from "./helpers.js";

/**
 * The cue tables of taxonomy/job-cues.json are expressions run on every clause of a posting, whose
 * length the user's file sets: like the expressions of src/ (tests/redos.test.ts), none may
 * backtrack super-linearly. Each is checked with recheck on its own, and so are the ones the code
 * builds from the word lists.
 */
describe("job-cues.json", () => {
  it("every cue expression is safe from super-linear backtracking", async () => {
    const data = JSON.parse(readFileSync(join(root, "taxonomy/job-cues.json"), "utf8")) as Record<string, unknown>;
    const sources: string[] = [];
    for (const key of ["preferred", "required", "teamNeeds", "stack", "stackReference", "examples", "oneOf", "leads"]) sources.push(...(data[key] as string[]));
    sources.push(data.teamSubject as string);
    const cues = jobCues();
    const built = [cues.listSep, cues.orJoin, cues.leads];
    const bad: string[] = [];
    for (const src of sources) {
      const v = await verdict(`/${src.replace(/\//g, "\\/")}/i`);
      if (v !== "safe") bad.push(`${v}: ${src}`);
    }
    for (const re of built) {
      const v = await verdict(`/${re.source}/${re.flags}`);
      if (v !== "safe") bad.push(`${v}: ${re.source}`);
    }
    expect(bad).toEqual([]);
  }, 900_000);

  it("reads a long run of separators and a run of spaces after a number in linear time", () => {
    const cues = jobCues();
    const t0 = performance.now();
    cues.listSep.test(`${"and/or ".repeat(20_000)}x`);
    cues.required.test(`5${" ".repeat(50_000)}x`);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
