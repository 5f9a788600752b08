import { describe, expect, it } from "vitest";
import { lintFile, lintText } from "../src/index.js";
import type { CvDocument } from "../src/types.js";
import { fixture } from "./helpers.js";

// Skills set as groups under headings of their own with no "Skills" heading above them, as JSON
// Resume sidebar themes print them: the groups are one skills section, each heading a label.

const sectionsOf = (d: CvDocument): Array<[string, string | null]> => d.sections.map((s) => [s.kind, s.heading]);

describe("a browser PDF whose sidebar holds skill groups named after technologies", () => {
  it("reads the groups as one skills section and leaves spoken languages and interests alone", async () => {
    const r = await lintFile(fixture("layouts/browser-skill-groups.pdf"));
    const d = r.document!;
    expect(sectionsOf(d)).toEqual([
      ["header", null],
      ["summary", "About"],
      ["skills", null],
      ["other", "Languages"],
      ["other", "Interests"],
      ["summary", "Summary"],
      ["experience", "Experience"],
      ["education", "Education"],
    ]);
    const skills = d.sections.find((s) => s.kind === "skills")!;
    const headings = d.lines.slice(skills.start, skills.end + 1).filter((l) => l.kind === "heading").map((l) => l.text);
    expect(headings).toEqual(["Java", "Data", "Go", "Tools / Misc"]);
    // A group of two keywords is a row of them, not two headings.
    expect(d.lines.map((l) => l.text)).toContain("Gin · gRPC");
  });

  it("lists every group's skills under its group, so rules that read the list see them", async () => {
    const r = await lintFile(fixture("layouts/browser-skill-groups.pdf"));
    const items = r.analysis!.items;
    const labelOf = (text: string) => items.find((i) => i.text === text)?.label;
    expect(labelOf("Spring Boot")).toBe("Java");
    expect(labelOf("PostgreSQL")).toBe("Data");
    expect(labelOf("gRPC")).toBe("Go");
    expect(labelOf("Jenkins")).toBe("Tools / Misc");
    for (const id of ["spring-boot", "postgresql", "kafka", "grpc", "docker", "jenkins"]) expect(r.skills.find((s) => s.id === id)?.sections, id).toContain("skills");
    const ids = r.findings.map((f) => f.ruleId);
    expect(ids).not.toContain("skills-categorized");
    expect(r.findings.filter((f) => f.ruleId === "technical-and-soft" && /no technical skills/.test(f.message))).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === "unlisted-skills")).toEqual([]);
  });
});

describe("the same shape in Markdown", () => {
  const cv = [
    "# Jan Kowal",
    "Backend developer",
    "",
    "## Summary",
    "Backend developer with six years of order and billing services.",
    "",
    "## Java",
    "- Spring Boot, Hibernate, Maven",
    "",
    "## Data",
    "- PostgreSQL, Redis, Apache Kafka",
    "",
    "## Hobbies",
    "- Sailing, chess",
    "",
    "## Experience",
    "### Backend Developer, Amberline (2019 – 2024)",
    "- Built an order service in Spring Boot and PostgreSQL for 3 million orders a month.",
    "",
  ].join("\n");

  it("joins neighbouring groups of known skills into one skills section, each heading labelling its items", async () => {
    const r = await lintText(cv);
    expect(sectionsOf(r.document!)).toEqual([
      ["header", null],
      ["summary", "Summary"],
      ["skills", null],
      ["other", "Hobbies"],
      ["experience", "Experience"],
    ]);
    expect(r.analysis!.items.find((i) => i.text === "Redis")?.label).toBe("Data");
  });

  it("leaves a section alone whose lines name no known skill", async () => {
    const r = await lintText(cv.replace("- PostgreSQL, Redis, Apache Kafka", "- Walking the dog, reading").replace("- Spring Boot, Hibernate, Maven", "- Gardening"));
    expect(r.document!.sections.some((s) => s.kind === "skills")).toBe(false);
  });
});

describe("a browser PDF whose two-column skills grid a page break cuts through a row", () => {
  it("reads each group's keywords at the top of the next page under that group, not the one beside it", async () => {
    const r = await lintFile(fixture("layouts/browser-skill-grid.pdf"));
    const d = r.document!;
    const skills = d.sections.find((s) => s.kind === "skills")!;
    const text = d.lines.slice(skills.start, skills.end + 1).map((l) => l.text);
    expect(text.slice(5, 11)).toEqual(["Operating Systems", "RHEL · Ubuntu · Debian", "FreeBSD · Alpine Linux", "Databases", "PostgreSQL · MySQL", "Redis"]);
    // The lines of page 2 keep their place on the page.
    expect(d.lines[skills.start + 6]!.pos).toMatchObject({ page: 2, pageLine: 1 });
    const labelOf = (name: string) => r.analysis!.items.find((i) => i.text === name)?.label;
    expect(labelOf("RHEL")).toBe("Operating Systems");
    expect(labelOf("Alpine Linux")).toBe("Operating Systems");
    expect(labelOf("Redis")).toBe("Databases");
    expect(r.findings.filter((f) => f.ruleId === "skills-misgrouped")).toEqual([]);
  });
});

describe("a sidebar of skill groups whose keywords wrap over rows", () => {
  it("reads a keyword wrapped onto a row of its own as an item of its group, not as a title", async () => {
    // "SSL/TLS Certificates" holds a section word and sits alone on its row: it heads nothing.
    const r = await lintFile(fixture("layouts/browser-chip-wrap.pdf"));
    const d = r.document!;
    expect(sectionsOf(d)).toEqual([
      ["header", null],
      ["summary", "About"],
      ["skills", null],
      ["summary", "Summary"],
      ["experience", "Experience"],
      ["education", "Education"],
    ]);
    const line = d.lines.find((l) => l.text.includes("SSL/TLS Certificates"))!;
    expect([d.sections[line.section]!.kind, line.kind]).toEqual(["skills", "paragraph"]);
    expect(r.skills.find((s) => s.id === "tls")?.sections).toContain("skills");
    expect(r.findings.filter((f) => f.ruleId === "unlisted-skills")).toEqual([]);
  });
});
