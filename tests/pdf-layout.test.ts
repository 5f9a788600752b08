import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";
import { addWords, continuation, endsInWordHyphen, lastWord } from "../src/parse/pdf.js";
import type { CvDocument } from "../src/types.js";
import { fixture } from "./helpers.js";

async function read(path: string): Promise<CvDocument> {
  const r = await lintFile(fixture(path));
  expect(r.error).toBeNull();
  return r.document!;
}

const sectionText = (d: CvDocument, kind: string): string[] =>
  d.sections.filter((s) => s.kind === kind).flatMap((s) => d.lines.slice(s.start, s.end + 1).map((l) => l.text));

describe("PDF layout", () => {
  it("reads a two-column (sidebar) LaTeX CV column by column, never word by word across", async () => {
    const d = await read("layouts/two-column.pdf");
    expect(d.quality.columns).toBe(true);
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "other", "skills", "skills", "other", "summary", "experience", "education"]);
    const skills = sectionText(d, "skills");
    expect(skills).toEqual(["SKILLS", "Node.js", "TypeScript", "NestJS", "PostgreSQL", "MongoDB", "Redis", "RabbitMQ", "Docker", "AWS Lambda", "GitHub Actions", "Jest", "SOFT SKILLS", "Leadership", "Problem solving", "Collaboration"]);
    // No sidebar word leaks into the main column's lines.
    for (const line of sectionText(d, "experience")) expect(line).not.toMatch(/\b(Jest|Leadership|Yoruba|Lagos)$/);
    expect(d.blocks.filter((b) => b.kind === "bullet").map((b) => b.text)).toContain("Designed a NestJS payments API on PostgreSQL that handles 3 million requests a day.");
  });

  it("reads a Word-made layout table (sidebar) in a PDF by columns", async () => {
    const d = await read("layouts/word-nostyles.pdf");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "PROFESSIONAL SUMMARY"],
      ["skills", "SKILLS"],
      ["experience", "WORK EXPERIENCE"],
      ["education", "EDUCATION"],
    ]);
    expect(sectionText(d, "skills")).toContain("Azure Kubernetes Service");
  });

  it("finds headings of a classic LaTeX CV from layout, and keeps tabular skill rows apart", async () => {
    const d = await read("layouts/classic.pdf");
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "summary", "skills", "experience", "education", "other"]);
    expect(sectionText(d, "skills")).toEqual([
      "Technical Skills",
      "Languages: Ruby, Elixir, SQL, JavaScript",
      "Frameworks: Ruby on Rails, Phoenix, Sidekiq",
      "Databases: PostgreSQL, Elasticsearch, Redis",
      "Infrastructure: Heroku, AWS, Docker, CircleCI",
      "Testing: RSpec, Capybara, ExUnit",
      "Soft skills: Communication, Attention to detail",
    ]);
  });

  it("expands ligatures and strips bullet glyphs", async () => {
    const d = await read("layouts/classic.pdf");
    const all = d.lines.map((l) => l.text).join("\n");
    expect(all).not.toMatch(/[\ufb00-\ufb06]/u);
    expect(all).not.toMatch(/^[•\u2022]/mu);
    expect(all).toContain("Backend Developer • Prague"); // a separator, not a bullet
    expect(all).toContain("efficient PostgreSQL queries");
    const bullets = d.lines.filter((l) => l.kind === "bullet" && d.blocks[l.block]!.start === l.index);
    expect(bullets.map((b) => b.text.slice(0, 12))).toContain("Led the spli");
  });

  it("joins words hyphenated across lines, keeping real compounds", async () => {
    const d = await read("cv/sam-lee-python.pdf");
    const all = d.lines.map((l) => l.text).join(" ");
    expect(all).toContain("Comfortable");
    const w = await read("layouts/word-nostyles.pdf");
    expect(w.lines.map((l) => l.text).join(" ")).toContain("Maven-built");
  });

  it("gives page and page line positions, and a full confidence on clean PDFs", async () => {
    const d = await read("cv/jane-doe-java.word.pdf");
    expect(d.quality).toMatchObject({ pages: 2, emptyPages: [], confidence: 1 });
    const cert = d.lines.find((l) => l.text === "Certifications")!;
    expect(cert.pos).toMatchObject({ page: 2 });
    expect(cert.pos.line).toBe(cert.index + 1);
  });
});

describe("DOCX layout", () => {
  it("finds bold capitals as headings in a DOCX without heading styles and reads its layout table", async () => {
    const d = await read("layouts/word-nostyles.docx");
    expect(d.sections.map((s) => [s.kind, s.heading, s.detectedBy])).toEqual([
      ["header", null, "start of document"],
      ["summary", "PROFESSIONAL SUMMARY", "section name (capitals, bold)"],
      ["skills", "SKILLS", "section name (capitals, bold)"],
      ["experience", "WORK EXPERIENCE", "section name (capitals, bold)"],
      ["education", "EDUCATION", "section name (capitals, bold)"],
    ]);
    expect(sectionText(d, "skills").slice(1, 4)).toEqual(["Java", "Spring Boot", "Apache Kafka"]);
    expect(d.lines.filter((l) => l.kind === "bullet")).toHaveLength(5);
  });

  it("uses heading styles and paragraph positions", async () => {
    const d = await read("cv/alex-kim-table.docx");
    const rows = d.lines.filter((l) => l.kind === "table-row");
    expect(rows[1]!.text).toBe("Languages | C#, TypeScript, T-SQL");
    expect(rows[1]!.pos.paragraph).toBeGreaterThan(0);
    expect(d.sections.find((s) => s.kind === "skills")!.detectedBy).toBe("heading style");
  });
});

describe("more layouts", () => {
  it("reads a date-column LaTeX CV (moderncv style): dates stay with their entries, labels without colons group the skills", async () => {
    const r = await lintFile(fixture("layouts/date-column.pdf"));
    const d = r.document!;
    expect(d.quality.columns).toBe(false);
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "experience", "skills", "education"]);
    expect(d.lines.map((l) => l.text)).toContain("2021–present Backend Developer, Allegrix, Kraków");
    expect(r.analysis!.items.filter((i) => i.label).map((i) => i.label)).toEqual(expect.arrayContaining(["Languages", "Frameworks", "Data", "Tools", "Soft skills"]));
    expect(r.findings.some((f) => f.ruleId === "skills-categorized")).toBe(false);
  });

  for (const f of ["layouts/word-bold-headings.docx", "layouts/word-bold-headings.pdf"]) {
    it(`${f}: bold body-size headings, "•" separators, icon glyphs in the contact line`, async () => {
      const r = await lintFile(fixture(f));
      expect(r.sections.map((s) => [s.kind, s.heading])).toEqual([
        ["header", null],
        ["summary", "Professional Summary"],
        ["skills", "Technical Skills"],
        ["experience", "Work Experience"],
        ["education", "Education"],
      ]);
      const listed = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.name);
      expect(listed).toEqual(["Java", "Go", "Python", "Spring Boot", "gRPC", "PostgreSQL", "Apache Cassandra", "Apache Kafka", "AWS", "Terraform", "Kubernetes", "Git"]);
      // "Architected a Go-based streaming platform": Go counts in experience.
      expect(r.skills.find((s) => s.id === "go")!.sections).toContain("experience");
    });
  }
});

describe("dehyphenation scans equal the Unicode expressions they replaced", () => {
  const PIECES = ["a", "b", "ß", "é", "λ", "ж", "Z", "É", "Σ", "ª", "中", "𝒶", "𝔸", "𐐨", "𐐀", "٣", "²", "7", "-", "--", ".", ",", ";", ":", ")", " ", "\u00a0", "\u2003", "\t", "’", "\ud800", "\udc00", "gre", "SQL", "ment"];
  let seed = 17;
  const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const lines: string[] = ["", "-", "Post-", "greSQL.", "order-", "management, and"];
  for (let n = 0; n < 30_000; n++) {
    let s = "";
    const k = Math.floor(next() * 7);
    for (let i = 0; i < k; i++) s += PIECES[Math.floor(next() * PIECES.length)]!;
    lines.push(s, `${s}-`);
  }
  const same = (name: string, scan: (s: string) => unknown, re: (s: string) => unknown) =>
    it(name, () => {
      for (const s of lines) if (JSON.stringify(scan(s)) !== JSON.stringify(re(s))) expect(scan(s), JSON.stringify(s)).toEqual(re(s));
    });
  same("endsInWordHyphen: /\\p{L}{2}-$/u", endsInWordHyphen, (s) => /\p{L}{2}-$/u.test(s));
  // lastWord is asked only about lines that end in two letters and a hyphen.
  same("lastWord: /[\\p{L}\\p{N}-]+-$/u", (s) => (endsInWordHyphen(s) ? lastWord(s) : null), (s) => (/\p{L}{2}-$/u.test(s) ? /[\p{L}\p{N}-]+-$/u.exec(s)![0] : null));
  same("continuation: /^(\\p{Ll}[\\p{L}\\p{N}]*)([.,;:)]?)\\s*/u", continuation, (s) => {
    const m = /^(\p{Ll}[\p{L}\p{N}]*)([.,;:)]?)\s*/u.exec(s);
    return m ? [m[0], m[1], m[2]] : null;
  });
  same("addWords: /[\\p{L}\\p{N}][\\p{L}\\p{N}-]*/gu", (s) => {
    const set = new Set<string>();
    addWords(s, set);
    return [...set];
  }, (s) => [...new Set(s.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [])]);
});
