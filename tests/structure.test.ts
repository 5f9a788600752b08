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
    // "## Technical Stack"; "**Key Projects**" is a part of the job above it. "## Core Strengths"
    // (bullet statements) is the summary.
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "Core Strengths"],
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

describe("icons and images mixed into the text", () => {
  it("leaves out an icon font's glyphs (Font Awesome through XeTeX) and says so", async () => {
    const r = await lintFile(fixture("layouts/icon-font.pdf"));
    const d = r.document!;
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "Summary"],
      ["experience", "Work Experience"],
      ["skills", "Skills"],
      ["education", "Education"],
    ]);
    const skills = d.sections.find((s) => s.kind === "skills")!;
    expect(d.lines.slice(skills.start + 1, skills.end + 1).map((l) => l.text)).toEqual(["Languages: Python, Go, SQL", "Databases: PostgreSQL, Redis, TimescaleDB", "Cloud: AWS, Terraform, Docker, Kubernetes", "Soft skills: Mentoring, Clear writing"]);
    // No odd letter is left where an icon was (XeTeX maps Font Awesome 5 glyphs to letters like "ć", "Ȱ").
    expect(d.lines.map((l) => l.text).join("\n")).not.toMatch(/[\u0100-\u024f]/u);
    expect(d.quality.reasons.join(" ")).toMatch(/icon/);
    expect(d.quality.confidence).toBeLessThan(1);
    expect(d.quality.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("reads 'Pythonimage Dockerimage' (icons' alt text glued to each name) as Python and Docker, with a lower confidence", async () => {
    const r = await lintFile(fixture("layouts/alt-text-glue.txt"));
    const skills = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id);
    expect(skills).toEqual(expect.arrayContaining(["python", "java", "django", "spring-boot", "postgresql", "redis", "docker"]));
    expect(r.skills.some((s) => /image/i.test(s.name))).toBe(false);
    // Positions stay those of the source: "Docker" in "… Redisimage Dockerimage".
    const source = (await import("node:fs")).readFileSync(fixture("layouts/alt-text-glue.txt"), "utf8").split("\n");
    const docker = r.skills.find((s) => s.id === "docker")!.occurrences[0]!;
    expect(source[docker.line - 1]!.slice(docker.column - 1, docker.column - 1 + 6)).toBe("Docker");
    expect(r.document!.quality.reasons.join(" ")).toMatch(/'Pythonimage'/);
    expect(r.document!.quality.confidence).toBeLessThan(1);
  });

  it("keeps words that only end like that", async () => {
    const r = await lintText("# A\n\n## Experience\n\n- Built a silicon wafer tracker with a favicon and a logo.\n");
    expect(r.document!.lines.map((l) => l.text)).toContain("Built a silicon wafer tracker with a favicon and a logo.");
    expect(r.document!.quality.reasons.join(" ")).not.toMatch(/glued/);
  });
});

describe("titles beside their content in PDFs without tags", () => {
  it("splits section titles set in a left column on the line of their first entry", async () => {
    const d = await readFixture("layouts/title-beside.pdf");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "Summary"],
      ["experience", "Experience"],
      ["education", "Education"],
      ["skills", "Skills"],
    ]);
    expect(d.lines.map((l) => l.text)).toContain("Leipzig University, B.Sc. Computer Science, 2019");
  });

  it("splits a title set larger at the start of a table's row, and puts pdfTeX's accents back on their letters", async () => {
    const d = await readFixture("layouts/title-glued.pdf");
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "experience", "education", "skills"]);
    expect(d.lines.map((l) => l.text)).toContain("B.Sc. Computer Science, Gdańsk University of Technology, 2019");
  });

  it("leaves a title it cannot take apart unsure: nothing inside it is advised on, and extraction-quality says why", async () => {
    const r = await lintFile(fixture("layouts/title-glued-caps.pdf"));
    const skills = r.document!.sections.find((s) => s.kind === "skills")!;
    expect(skills.confidence).toBeLessThan(0.5);
    expect(skills.doubt).toMatch(/runs on past the section's name "SKILLS"/);
    const eq = r.findings.filter((f) => f.ruleId === "extraction-quality");
    expect(eq.map((f) => f.messageId)).toEqual(["unsureSections"]);
    const inSkills = r.findings.filter((f) => f.line >= skills.start + 1 && f.line <= skills.end + 1 && f.ruleId !== "extraction-quality");
    expect(inSkills).toEqual([]);
  });
});

describe("a CV without section titles", () => {
  it("is unsure as a whole: no finding about missing sections, extraction-quality names the cause", async () => {
    const body = [
      "Olu Adeyemi",
      "Backend developer in Lagos, olu.adeyemi@example.com",
      "",
      ...Array.from({ length: 20 }, (_, i) => `Built service number ${i + 1} in Go and PostgreSQL for the payments team.\n`),
      "Go, PostgreSQL, Docker, Kafka",
    ].join("\n");
    const r = await lintText(body, { format: "text" });
    expect(r.document!.quality.structure).toBeLessThan(0.5);
    expect(r.findings.map((f) => f.ruleId)).not.toContain("skills-section");
    const eq = r.findings.find((f) => f.ruleId === "extraction-quality")!;
    expect(eq.message).toMatch(/no section titles were found/);
  });
});
