import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { wordCodes, wordsIndex } from "../src/taxonomy/words.js";

/*
 * The word lists are searched a block at a time through the index the build writes beside them
 * (dist/words.index). Every line of the built file must be found with its own codes, whichever
 * block it falls in, and words between or beyond the lines must not be.
 */
const file = readFileSync(fileURLToPath(new URL("../dist/words.txt", import.meta.url)));
const lines = file.toString("utf8").split("\n").filter(Boolean);

describe("word lists searched by blocks", () => {
  it("the built index is the one wordsIndex makes, and each block starts at a line", () => {
    const index = readFileSync(fileURLToPath(new URL("../dist/words.index", import.meta.url)), "utf8");
    expect(index).toBe(wordsIndex(file));
    const rows = index.split("\n").filter(Boolean);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const [first, offset] = row.split("\t") as [string, string];
      const at = Number(offset);
      expect(at === 0 || file[at - 1] === 10).toBe(true);
      expect(file.toString("utf8", at, file.indexOf(9, at))).toBe(first);
    }
  });

  it("finds every word of the file with its codes", () => {
    for (const line of lines) {
      const tab = line.indexOf("\t");
      const word = line.slice(0, tab);
      // (The lists hold lower-case words; a word the lower-casing would change is not asked for as itself.)
      if (word !== word.toLowerCase()) continue;
      expect(wordCodes(word), word).toBe(line.slice(tab + 1));
    }
  });

  it("does not find what lies between, before or after the words", () => {
    const words = new Set(lines.map((l) => l.slice(0, l.indexOf("\t"))));
    const probes = ["", "\u0001", "zzzzzzzzzz", "\uffff", "kubernetesx", ...lines.filter((_, i) => i % 997 === 0).map((l) => `${l.slice(0, l.indexOf("\t"))}q`)];
    for (const p of probes) if (!words.has(p)) expect(wordCodes(p), p).toBeNull();
    expect(wordCodes("Kubernetes")).toBe(wordCodes("kubernetes"));
  });
});
