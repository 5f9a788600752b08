import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDocument } from "../src/document/build.js";
import { lineCounts } from "../src/document/quality.js";
import { layoutPage } from "../src/parse/pdf.js";
import { lintFile, lintText } from "../src/index.js";
import { resolveConfig } from "../src/config.js";
import type { RawLine } from "../src/types.js";
import { fixture } from "./helpers.js";

const raw = (text: string, i: number): RawLine => ({ text, line: 0, page: 1, pageLine: i + 1, kind: "paragraph", blockStart: true });

describe("extraction confidence", () => {
  it("is 1 on clean files and says nothing", async () => {
    const r = await lintFile(fixture("cv/jane-doe-java.pdf"));
    expect(r.document!.quality.confidence).toBe(1);
    expect(r.findings.filter((f) => f.ruleId === "extraction-quality")).toEqual([]);
  });

  it("drops on garbled glyphs and names the cause in a finding", () => {
    const lines = ["Jane Doe", "SKILLS", "(cid:74)(cid:97)(cid:118)(cid:97), \ue001\ue002\ue003 \ufffd\ufffd", "(cid:80)(cid:121)(cid:116)(cid:104)(cid:111)(cid:110)", "Experience with (cid:12)(cid:13) and more text here to read"].map(raw);
    const doc = buildDocument("x.pdf", "pdf", { lines, comments: [], pages: 1, emptyPages: [] });
    expect(doc.quality.confidence).toBeLessThan(0.7);
    expect(doc.quality.reasons.join(" ")).toMatch(/unreadable glyphs/);
  });

  it("names the cause for the format: control characters are the file's own, unreadable symbols of a text file no PDF font's (issue 24)", async () => {
    // A Markdown CV with control characters among its words was told its "PDF's fonts have no text mapping".
    const md = "# Dana Example\n\nBackend developer.\n\n## Skills\n\n- Java\u0001\u0002 Kafka\n- Docker\n\n## Experience\n\n- Built services in Java\u0015\u0016\n";
    const r = await lintText(md, { config: resolveConfig({}, null) });
    const f = r.findings.find((x) => x.ruleId === "extraction-quality");
    expect(f?.message).toMatch(/\d+% of the characters are control characters \(terminal escapes or binary data\), not text/);
    expect(f?.message).not.toMatch(/PDF|font/);
    // Replacement characters in a text file: an encoding, not a font.
    const text = buildDocument("x.md", "markdown", { lines: ["Jane Doe", "Skills", "Java, \ufffd\ufffd\ufffd\ufffd Kafka", "Built services \ufffd\ufffd in Java"].map(raw), comments: [] });
    expect(text.quality.reasons.join(" ")).toMatch(/unreadable \(replacement characters U\+FFFD or private-use symbols: was the file saved in another encoding\?\)/);
    // The same in a PDF stays the font's doing.
    const pdf = buildDocument("x.pdf", "pdf", { lines: ["Jane Doe", "Skills", "Java, \ufffd\ufffd\ufffd\ufffd Kafka", "Built services \ufffd\ufffd in Java"].map(raw), comments: [], pages: 1 });
    expect(pdf.quality.reasons.join(" ")).toMatch(/the PDF's fonts have no text mapping/);
  });

  it("drops on words from fonts without a Unicode map", () => {
    const garbage = "Bdkjwnd xqrtzpl mntrvx gklsdfg qwrtpsd zxcvbnm pltkrds wrtzlmn ".repeat(4);
    const doc = buildDocument("x.pdf", "pdf", { lines: [garbage, garbage, "Skills"].map(raw), comments: [], pages: 1 });
    expect(doc.quality.reasons.join(" ")).toMatch(/look garbled/);
    expect(doc.quality.confidence).toBeLessThan(0.7);
  });

  it("drops when a page has no text layer, with a finding that names the page", async () => {
    const r = await lintFile(fixture("layouts/half-scanned.pdf"));
    expect(r.document!.quality).toMatchObject({ pages: 2, emptyPages: [2] });
    const f = r.findings.find((x) => x.ruleId === "extraction-quality");
    expect(f?.messageId).toBe("lowConfidence");
    expect(f?.message).toMatch(/page 2 has no text layer/);
  });

  it("counts rows where side-by-side text could not be split into columns", () => {
    // Two "columns" whose boundary moves on every row: no gutter, so rows stay mixed.
    const items = [];
    for (let r = 0; r < 8; r++) {
      const y = 700 - r * 14;
      items.push({ str: "left column text words here", x: 40, y, w: 150 + r * 20, size: 10, font: "f" });
      items.push({ str: "right column words also here", x: 40 + 150 + r * 20 + 30, y, w: 150, size: 10, font: "f" });
    }
    const page = layoutPage(items, 1, 612, () => "");
    expect(page.rows).toBe(8);
    expect(page.mixed).toBeGreaterThanOrEqual(6);
  });
});

/** The expressions the scanner of lineCounts replaced. */
function reference(text: string) {
  const garbled = (text.match(/\(cid:\d+\)|\ufffd|[\ue000-\uf8ff]|[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  let words = 0;
  let vowelless = 0;
  for (const w of text.match(/\p{L}{5,}/gu) ?? []) {
    words++;
    if (!/[aeiouyäöüàéèêíóúâîôûåæøœ]/i.test(w) && !/^\p{Lu}+$/u.test(w)) vowelless++;
  }
  return { garbled, controls, words, vowelless };
}

describe("line counts of the extraction measure", () => {
  it("equal the reference expressions on 20,000 generated strings", () => {
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ["b", "K", "a", "E", "y", "Ä", "ö", "Œ", "ø", "Ж", "ж", "𝐀", "中", "1", "(cid:", "(cid:7)", ")", ":", "\ufffd", "\ue123", "\u0001", "\u001f", "\t", " ", "\ud800", "ı", "ſ", "Å"];
    for (let k = 0; k < 20_000; k++) {
      let s = "";
      for (let i = 0, len = 1 + Math.floor(next() * 16); i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(lineCounts(s), JSON.stringify(s)).toEqual(reference(s));
    }
  });

  it("equal the reference expressions on every line of the Markdown and text fixtures", () => {
    let lines = 0;
    for (const dir of ["fixtures/cv", "fixtures/jobs", "fixtures/bad", "fixtures/layouts"]) {
      for (const f of readdirSync(dir).filter((x) => /\.(md|txt)$/.test(x))) {
        const text = readFileSync(join(dir, f), "utf8");
        if (text.length > 100_000) continue;
        for (const line of text.split("\n")) expect(lineCounts(line), `${f}: ${line}`).toEqual(reference(line));
        lines += text.split("\n").length;
      }
    }
    expect(lines).toBeGreaterThan(500);
  });
});
