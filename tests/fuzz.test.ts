import { describe, expect, it } from "vitest";
// The same code as `npm run fuzz` (it reads the built dist/, which `npm test` builds first).
import { fuzz, mutate, corpus } from "../bench/fuzz-core.js";

describe("fuzzing (a short seeded round; `npm run fuzz` runs long ones)", () => {
  it("mutations are deterministic in seed and iteration", () => {
    const items = corpus();
    expect(Buffer.from(mutate(items, 3, 17).bytes).equals(Buffer.from(mutate(items, 3, 17).bytes))).toBe(true);
  });

  it("120 mutated PDFs, DOCX and Markdown files: no crash, every reporter survives", async () => {
    const res = await fuzz({ seed: 42, iterations: 120 });
    expect(res.crashes).toEqual([]);
    expect(Object.values(res.codes).reduce((a: number, b) => a + (b as number), 0)).toBe(120);
  }, 120_000);
});
