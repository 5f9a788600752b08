import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tokenize } from "../src/match/tokenize.js";

/** The expression the scanner replaced. */
const TOKEN_RE = /\p{L}+&\p{L}+|[\p{L}\p{N}_]+(?:['’.][\p{L}\p{N}_]+)*(?:\+\+|#|\+(?![\p{L}\p{N}]))?|(?<![\p{L}\p{N}])\.[\p{L}][\p{L}\p{N}]*|[^\s\p{L}\p{N}\-\u2010\u2011]/gu;

/** What the tokenizer must return: the matches of the reference expression. */
function reference(text: string) {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, word: /[\p{L}\p{N}]/u.test(m[0]) }));
}
const got = (text: string) => tokenize(text).map(({ text: t, start, end, word }) => ({ text: t, start, end, word }));

/** A tiny seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

// Characters that matter to some branch: joins, suffixes, hyphens, spaces of several kinds,
// non-ASCII letters and digits, an astral letter (𝐀) and an emoji, marks, underscores.
const ALPHABET = ["a", "Z", "é", "Ж", "中", "𝐀", "7", "²", "٣", "_", "&", ".", "'", "’", "+", "#", "-", "\u2010", "\u2011", "/", " ", "\u00a0", "\t", "\u2003", "😀", ",", "(", ":", "\ufeff", "@"];

describe("tokenizer scanner", () => {
  it("finds exactly the reference expression's tokens on 20,000 generated strings", () => {
    const next = rng(7);
    for (let k = 0; k < 20_000; k++) {
      const len = 1 + Math.floor(next() * 14);
      let s = "";
      for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(got(s), JSON.stringify(s)).toEqual(reference(s));
    }
  });

  it("finds exactly the reference expression's tokens on every line of the Markdown and text fixtures", () => {
    let lines = 0;
    for (const dir of ["fixtures/cv", "fixtures/jobs", "fixtures/bad"]) {
      for (const f of readdirSync(dir).filter((x) => /\.(md|txt)$/.test(x))) {
        const text = readFileSync(join(dir, f), "utf8");
        if (text.length > 100_000) continue; // the hostile giants of fixtures/bad: size, not content
        const all = text.split("\n");
        expect(all.map(got), f).toEqual(all.map(reference));
        lines += all.length;
      }
    }
    expect(lines).toBeGreaterThan(500);
  });

  it("keeps the names the matcher relies on", () => {
    expect(tokenize("R&D, AT&T; C++ and C#, .NET/ASP.NET; don't; foo+bar, x+").map((t) => t.text)).toEqual(["R&D", ",", "AT&T", ";", "C++", "and", "C#", ",", ".NET", "/", "ASP.NET", ";", "don't", ";", "foo", "+", "bar", ",", "x+"]);
  });
});
