import { describe, expect, it } from "vitest";
import { inlineLabel } from "../src/document/build.js";
import { classifyHeading, headingTable, normalizeHeading } from "../src/document/headings.js";

/** The folding normalizeHeading must do, as the chain of expressions it replaced. */
function reference(text: string): string {
  let t = text.trim();
  if (/^(?:\p{L}\s){2,}\p{L}(?:\s{2,}(?:\p{L}\s){1,}\p{L})*$/u.test(t)) {
    t = t
      .split(/\s{2,}/)
      .map((w) => w.replace(/\s/g, ""))
      .join(" ");
  }
  return t
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\u2018\u2019']/g, "")
    .replace(/^[^\p{L}]+/u, "")
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const ALPHABET = ["S", "k", "i", "l", " ", "  ", "&", "'", "’", "‘", "1", ".", "#", "+", "-", "İ", "É", "ß", "𝐒", "★", "\u00a0", "\t", ":", "Ж", "٣", "_"];

describe("heading folding", () => {
  it("folds like the expressions it replaced, on 20,000 generated headings", () => {
    const next = rng(11);
    for (let k = 0; k < 20_000; k++) {
      let s = "";
      const len = 1 + Math.floor(next() * 12);
      for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(normalizeHeading(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it("reads real headings", () => {
    for (const h of ["S K I L L S", "T E C H N I C A L   S K I L L S", "03. Skills & Tools", "★ Technical Skills:", "Recruiter’s Notes", "& Co", "C# / .NET"]) expect(normalizeHeading(h)).toBe(reference(h));
    expect(normalizeHeading("T E C H N I C A L   S K I L L S")).toBe("technical skills");
    expect(classifyHeading("03. Skills & Tools")?.kind).toBe("skills");
  });
});

describe("section keywords", () => {
  it("find the same sections with and without the i flag, on normalized headings", () => {
    // Keyword expressions of lower-case ASCII run without "i" on normalizeHeading's lower-case output.
    const words = ["skills", "SKILLS", "Technical", "experience", "Work History", "education", "Certifications", "projects", "open-source", "about me", "İ", "K", "ſ", "é", "Summary", "and", "&", "tools", "Requirements", "Nice to have", "benefits", "company", "2024", ":"];
    const next = rng(5);
    for (const which of ["cv", "job"] as const) {
      const table = headingTable(which);
      expect(table.keywords.filter((k) => !k.re.flags.includes("i")).length).toBeGreaterThan(0);
      for (let n = 0; n < 5_000; n++) {
        let s = "";
        const len = 1 + Math.floor(next() * 5);
        for (let i = 0; i < len; i++) s += `${words[Math.floor(next() * words.length)]} `;
        const norm = normalizeHeading(s);
        for (const { re } of table.keywords) {
          const folded = new RegExp(re.source, "i");
          if (re.exec(norm)?.index !== folded.exec(norm)?.index) expect(re.exec(norm)?.index, `${re.source} on ${JSON.stringify(norm)}`).toBe(folded.exec(norm)?.index);
        }
      }
    }
  });
});

describe("inline section label scan", () => {
  const reference = (t: string): string | null => /^([\p{L} &/]{3,40}?)\s*:\s+\S/u.exec(t)?.[1] ?? null;
  it("finds what the expression it replaced finds, on 30,000 generated lines", () => {
    let seed = 5;
    const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ["S", "k", "é", "Ж", "𝐀", " ", " ", "&", "/", ":", ":", "\t", "\u00a0", "1", "-", ",", "Skills", "Languages and tools", "x".repeat(18)];
    for (let k = 0; k < 30_000; k++) {
      let t = "";
      for (let i = 0, len = 1 + Math.floor(next() * 9); i < len; i++) t += alphabet[Math.floor(next() * alphabet.length)];
      expect(inlineLabel(t), JSON.stringify(t)).toBe(reference(t));
    }
  });
});
