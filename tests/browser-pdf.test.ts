import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";
import type { CvDocument } from "../src/types.js";
import { fixture, readFixture, topBullets } from "./helpers.js";

// PDFs printed by Chromium from web pages (JSON Resume themes, online builders, Google Docs) are
// tagged: cvlint reads them through their structure tree (headings, lists, sidebars).


const linesOf = (d: CvDocument, heading: string): string[] => {
  const s = d.sections.find((x) => x.heading === heading)!;
  return d.lines.slice(s.start, s.end + 1).map((l) => l.text);
};

describe("a browser PDF with a sidebar of keyword chips, continued on page 2", () => {
  it("reads the sidebar in one piece and the main column's sections whole", async () => {
    const d = await readFixture("layouts/browser-sidebar.pdf");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "About"],
      ["skills", "Backend Development"],
      ["other", "Languages"],
      ["other", "Interests"],
      ["other", "Volunteering"],
      ["summary", "Summary"],
      ["experience", "Experience"],
      ["education", "Education"],
    ]);
    // Employers are set as <h3> like the section titles: they are entries of Experience, and the
    // last one goes on over the page break, after the sidebar's part on page 2.
    const work = topBullets(d, "experience");
    expect(work).toHaveLength(11);
    expect(work[0]).toBe("Designed a shipment-tracking service in Kotlin and Spring Boot that handles 12 million events a day.");
    expect(work).toContain("Documented the build process of three client projects.");
    expect(linesOf(d, "Volunteering")).toEqual(["Volunteering", "Mentor at a local coding school", "Organiser of a Kotlin user group", "Speaker at two regional meetups"]);
  });

  it("reads <h6> keyword chips as items of a row, not as headings", async () => {
    const d = await readFixture("layouts/browser-sidebar.pdf");
    const skills = linesOf(d, "Backend Development");
    expect(skills).toContain("Kotlin · Spring Boot");
    expect(skills).toContain("Test-driven development (JUnit, Testcontainers)");
    expect(d.lines.filter((l) => l.kind === "heading" && l.level === 6)).toEqual([]);
    const r = await lintFile(fixture("layouts/browser-sidebar.pdf"));
    for (const id of ["kotlin", "spring-boot", "kafka", "grpc", "terraform"]) expect(r.skills.find((s) => s.id === id)?.sections, id).toContain("skills");
  });
});

describe("a browser PDF with letter-spaced titles and a title beside its content", () => {
  it("finds the sections, with the title in the left column apart from the job beside it", async () => {
    const d = await readFixture("layouts/browser-columns.pdf");
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "summary", "skills", "experience", "projects", "education"]);
    const work = d.sections.find((s) => s.kind === "experience")!;
    expect(d.lines[work.start]!.text).toBe("Work");
  });

  it("reads bullets drawn by the page and a list set without bullets alike", async () => {
    const d = await readFixture("layouts/browser-columns.pdf");
    expect(topBullets(d, "experience")).toEqual([
      "Built a self-service deployment pipeline on Argo CD and Helm used by 14 teams.",
      "Cut the monthly AWS bill by 22% by right-sizing Kubernetes node pools.",
      "Rolled out OpenTelemetry tracing across 30 Go services.",
      "Wrote the incident process and ran 12 game days.",
      "Developed Python ingestion services that load 2 TB of events a day into PostgreSQL.",
      "Migrated batch jobs from cron hosts to Kubernetes CronJobs.",
      "Added Prometheus alerts that cut the time to detect outages from 20 to 4 minutes.",
    ]);
  });

  it("reads a grid of skill groups group by group, keywords joined by their separators", async () => {
    const d = await readFixture("layouts/browser-columns.pdf");
    const skills = d.sections.find((s) => s.kind === "skills")!;
    const text = d.lines.slice(skills.start, skills.end + 1).map((l) => l.text);
    expect(text.slice(0, 4)).toEqual(["S K I L L S", "Languages", "Go · Python · Bash · SQL", "Cloud & Infrastructure"]);
    // A project's "Skills:" label beside its keywords is one line of the project, not a section.
    const projects = d.sections.find((s) => s.kind === "projects")!;
    expect(d.lines.slice(projects.start, projects.end + 1).map((l) => l.text)).toContain("Skills: Go · Kubernetes · GitHub Actions");
    const r = await lintFile(fixture("layouts/browser-columns.pdf"));
    expect(r.findings.filter((f) => f.ruleId === "skills-misgrouped")).toEqual([]);
  });
});

describe("a browser PDF whose stylesheet writes a 'Skills:' label before each job's and project's keywords", () => {
  // The label is generated content outside the structure tree, and the page draws it apart from
  // the keywords it labels (before the next section's title): read in drawing order, each
  // project's "Skills:" was a skills section of its own that took the project in.
  it("reads the label on its row, as a line of its entry", async () => {
    const d = await readFixture("layouts/browser-entry-labels.pdf");
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "summary", "skills", "experience", "projects", "education"]);
    expect(linesOf(d, "P R O J E C T S")).toEqual([
      "P R O J E C T S",
      "ledger-check",
      "Skills: Go · SQLite · GitHub Actions",
      "A command-line tool that reconciles two ledgers line by line; 150 stars on GitHub.",
      "kafka-replay",
      "Skills: Rust · Apache Kafka",
      "Replays a Kafka topic into a test cluster at a chosen speed, for load tests.",
    ]);
    expect(linesOf(d, "W O R K E X P E R I E N C E")).toContain("Skills: Kotlin · Spring Boot · Apache Kafka · PostgreSQL");
  });

  it("takes an entry's stack as evidence of use, not as the CV's skills list", async () => {
    const r = await lintFile(fixture("layouts/browser-entry-labels.pdf"));
    const rust = r.skills.find((s) => s.id === "rust")!;
    expect(rust.sections).toEqual(["projects"]);
    expect(r.findings.filter((f) => f.ruleId === "duplicate-skills")).toEqual([]);
    const evidenced = r.findings.filter((f) => f.ruleId === "skills-evidenced").map((f) => f.message).join(" ");
    expect(evidenced).not.toMatch(/Rust|Kafka/);
  });
});

describe("a browser PDF whose entries' titles are set larger than the body, as 'Degree at School'", () => {
  it("keeps an entry title holding a section word ('B.Sc. … at Northfield University', 'Provost Scholarship at …') inside its section", async () => {
    const d = await readFixture("layouts/browser-entry-titles.pdf");
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "skills", "experience", "education", "other"]);
    const awards = d.sections[4]!;
    expect(d.lines.slice(awards.start, awards.end + 1).map((l) => l.text)).toEqual(expect.arrayContaining(["Dean's List at Northfield University", "Provost Scholarship at Northfield University"]));
  });
});
