import { describe, expect, it } from "vitest";
// The same measurement as `npm run bench:accuracy` (it reads the built dist/, which `npm test` builds first).
import { measure } from "../bench/accuracy-core.js";

/** Floors a little below what the matcher reaches (see the README's accuracy table), so a regression fails CI. */
const FLOOR = { precision: 0.97, recall: 0.97 };

describe("skill extraction accuracy on the labelled fixtures", async () => {
  const { formats } = await measure();
  for (const format of ["md", "pdf", "docx", "txt"]) {
    it(`${format}: precision and recall stay above the floor`, () => {
      const f = formats[format];
      expect(f, format).toBeDefined();
      expect(f.files).toBeGreaterThan(0);
      expect(f.precision).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(f.recall).toBeGreaterThanOrEqual(FLOOR.recall);
    });
  }
  it("covers at least 15 labelled CVs", async () => {
    const { labelledCvs } = await import("../bench/accuracy-core.js");
    expect(labelledCvs().length).toBeGreaterThanOrEqual(15);
  });
});
