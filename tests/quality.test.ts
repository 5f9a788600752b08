import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/document/build.js";
import { layoutPage } from "../src/parse/pdf.js";
import { lintFile } from "../src/index.js";
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
