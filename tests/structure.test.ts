import { describe, expect, it } from "vitest";
import { classifyHeading } from "../src/document/headings.js";
import { lintFile, lintText } from "../src/index.js";
import type { SectionKind } from "../src/types.js";
import { fixture, readFixture, topBullets } from "./helpers.js";

// Sections and bullets as real CVs set them: entries whose names hold section words, a skills
// heading in another language, a skills part under a title of its own, lists of jobs.


describe("sections at the level where they are named", () => {
  it("keeps employers whose names hold a section word, and a bold project line, inside Work Experience", async () => {
    const d = await readFixture("layouts/entries-with-section-words.md");
    // "## Work Experience" and "## Education" name sections at level 2; "### Hangzhou Cloudbridge
    // Technology Co., Ltd. | …" holds a skills word but is a job; "### Databases" is a group of
    // "## Technical Stack"; "**Key Projects**" is a part of the job above it.
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["skills", "Technical Stack"],
      ["experience", "Work Experience"],
      ["education", "Education"],
    ]);
    expect(topBullets(d, "experience")).toHaveLength(8);
    expect(topBullets(d, "experience")).toContain("Built a rules engine on Spring Boot and Redis that screens 300 requests a second");
  });

  it("reads #### Highlights under a job as a part of the job", async () => {
    const md = "# Ana\n\n## Experience\n\n### Acme Corp\n\n#### Highlights\n\n- Built a billing API in Go for 3 countries.\n\n### Beta Ltd\n\n#### Highlights\n\n- Cut build times by 40%.\n\n## Skills\n\n- Go, PostgreSQL\n";
    const r = await lintText(md);
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "experience", "skills"]);
    expect(topBullets(r.document!, "experience")).toHaveLength(2);
  });

  it("reads employers set at the section level, right after their section's title, as its entries", async () => {
    const md = "# Ana\n\n## Experience\n\n## Acme Corp\n\n05/2019 - 08/2021\n\n- Built a billing API in Go for 3 countries.\n\n## Beta Ltd\n\n- Cut build times by 40%.\n\n## Skills\n\n- Go, PostgreSQL\n";
    const r = await lintText(md);
    expect(r.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["experience", "Experience"],
      ["skills", "Skills"],
    ]);
  });
});

describe("section titles in other languages and letter-spaced", () => {
  it("finds a skills section under a Russian heading in an English CV", async () => {
    const r = await lintFile(fixture("layouts/other-language-skills-heading.md"));
    expect(r.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "About Me"],
      ["skills", "Ключевые навыки"],
      ["experience", "Experience"],
    ]);
    expect(r.skills.find((s) => s.id === "csharp")?.sections).toContain("skills");
    expect(r.findings.filter((f) => f.ruleId === "skills-section")).toEqual([]);
  });

  it("knows common section names in the languages CVs are written in", () => {
    const cases: Array<[string, SectionKind]> = [
      ["Berufserfahrung", "experience"],
      ["IT-Kenntnisse", "skills"],
      ["Compétences techniques", "skills"],
      ["Expérience professionnelle", "experience"],
      ["Experiencia laboral", "experience"],
      ["Formação Acadêmica", "education"],
      ["Competenze tecniche", "skills"],
      ["Doświadczenie zawodowe", "experience"],
      ["Опыт работы", "experience"],
      ["Освіта", "education"],
    ];
    for (const [heading, kind] of cases) expect(classifyHeading(heading), heading).toEqual({ kind, how: "name" });
  });

  it("reads titles set with letter spacing whose word gaps were lost", () => {
    expect(classifyHeading("W O R K E X P E R I E N C E")).toEqual({ kind: "experience", how: "name" });
    expect(classifyHeading("S U M M A RY")).toEqual({ kind: "summary", how: "name" });
    expect(classifyHeading("E D U C AT I O N")).toEqual({ kind: "education", how: "name" });
    // Initials and short words are not letter spacing.
    expect(classifyHeading("J R R Tolkien")).toBeNull();
  });
});

describe("a plain-text CV with dotted rules, job lines and a skills part under a title of its own", () => {
  it("finds the skills part from its group labels and reads the job lines as entries, not duties", async () => {
    const d = await readFixture("layouts/plaintext-dotted-rules.txt");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["other", "CONTACT"],
      ["summary", "PERSONAL STATEMENT"],
      ["experience", "WORK EXPERIENCE"],
      ["skills", "TWELVE YEARS OF BUILDING THINGS"],
      ["other", "INTERESTS"],
    ]);
    expect(topBullets(d, "experience")).toEqual([]);
    expect(d.lines.some((l) => /^\.+$/.test(l.text))).toBe(false);
  });
});

describe("list items that are jobs, and lines that finish a sentence", () => {
  it("reads a list of jobs with the duties nested under them: the duties are the bullets", async () => {
    const md = "# Ana\n\n## Experience\n\n- Senior Engineer, Acme (2019 – 2021)\n  - Built a billing API in Go.\n  - Cut build times by 40%.\n- Engineer, Beta (2016 – 2019)\n  - Wrote the deployment scripts.\n\n## Skills\n\n- Go\n";
    const r = await lintText(md);
    expect(topBullets(r.document!, "experience")).toEqual(["Built a billing API in Go.", "Cut build times by 40%.", "Wrote the deployment scripts."]);
  });

  it("keeps a duty that mentions years a duty", async () => {
    const md = "# Ana\n\n## Experience\n\n### Acme\n\n- Ran the 2019 - 2020 migration to Kubernetes.\n- Built a billing API in Go.\n- Cut build times by 40%.\n";
    const r = await lintText(md);
    expect(topBullets(r.document!, "experience")).toHaveLength(3);
  });

  it("reads a nested line that finishes its parent's sentence as a line of the parent", async () => {
    const md = "# Ana\n\n## Experience\n\n- Built a payments service that\n  - handles 2 million requests a day.\n- Led a team of 4:\n  - hired two engineers\n";
    const r = await lintText(md);
    const d = r.document!;
    expect(topBullets(d, "experience")).toEqual(["Built a payments service that handles 2 million requests a day.", "Led a team of 4:"]);
    expect(d.lines.filter((l) => l.kind === "bullet" && l.level === 2).map((l) => l.text)).toEqual(["hired two engineers"]);
  });
});
