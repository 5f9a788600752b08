import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintText } from "../src/index.js";
import { bulletsBySection, fixture, readFixture, topBullets } from "./helpers.js";

// Raw HTML in Markdown (README profiles, Jekyll pages, whole CVs in HTML) read as a browser shows
// it. layouts/html-cv.md is team-written; layouts/html-cv.browser.pdf is the page Chromium prints
// of it (scripts/make-fixtures.sh).

describe("a CV kept in raw HTML inside Markdown", () => {
  it("reads its headings, lists in table cells, nested items and links, at their source positions", async () => {
    const d = await readFixture("layouts/html-cv.md");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "Summary"],
      ["skills", "Skills"],
      ["experience", "Experience"],
      ["education", "Education"],
    ]);
    expect(topBullets(d, "experience")).toEqual([
      "Rebuilt the shipment tracking API in Go, cutting p99 latency from 900 ms to 120 ms.",
      "Moved nightly batch imports to Kafka consumers",
      "Led three engineers through the move from EC2 to ECS.",
      "Wrote the card settlement service in Python and Django REST Framework.",
      "Added contract tests that caught 30 breaking changes before release.",
      "Maintained the PHP invoicing tools and their MySQL reports.",
    ]);
    const nested = d.lines.find((l) => l.text === "with idempotent writes to PostgreSQL")!;
    expect([nested.kind, nested.level]).toEqual(["bullet", 2]);
    // Two items on one source line keep their own columns.
    const added = d.lines.find((l) => l.text.startsWith("Added contract tests"))!;
    const wrote = d.lines.find((l) => l.text.startsWith("Wrote the card"))!;
    expect(added.pos.line).toBe(wrote.pos.line);
    expect(added.pos.column).toBeGreaterThan(wrote.pos.column + wrote.text.length);
    // Entities decoded, the job line of a layout table kept with its dates as a line below it.
    expect(d.lines.map((l) => l.text)).toEqual(expect.arrayContaining(["Senior Backend Engineer, Tisza Freight", "2021 – present", "Backend engineer in Szeged · GitHub · ines.varga@example.com"]));
    expect(d.links.map((l) => l.url)).toContain("https://github.com/ines-varga-example");
  });

  it("reads a row of skill icons as a list of the skills their alt text names", async () => {
    const r = await lintText(readFileSync(fixture("layouts/html-cv.md"), "utf8"));
    const listed = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id);
    expect(listed).toEqual(expect.arrayContaining(["python", "go", "postgresql", "docker", "kafka", "git"]));
    const go = r.skills.find((s) => s.id === "go")!.occurrences.find((o) => o.section === "skills")!;
    expect(go.text).toBe("Go");
    expect(go.line).toBe(13);
  });

  it("gives the sections and bullets of the page a browser prints of it", async () => {
    const md = bulletsBySection(await readFixture("layouts/html-cv.md"));
    expect(bulletsBySection(await readFixture("layouts/html-cv.browser.pdf"))).toEqual(md);
  });

  it("closes what browsers close: an item or a cell left open, a row of cells, and skips scripts and comments", async () => {
    const md = [
      "# Ola Berg",
      "",
      "<h2>Experience</h2>",
      "<p>Platform Engineer, Fjord Data, 2020 &ndash; 2024</p>",
      "<ul>",
      "<li>Built the ingestion service in Go",
      "<li>Cut cloud costs by 20&nbsp;% with spot instances <!-- a note to self -->",
      "</ul>",
      "<script>document.write('<li>not text</li>')</script>",
      "",
      "<h2>Skills</h2>",
      "<table>",
      "<tr><td><b>Languages</b></td><td>Go, Python</td></tr>",
      "<tr><td><b>Data</b><td>PostgreSQL, Kafka",
      "</table>",
      "",
      "Line one of a paragraph<br>and its second line.",
      "",
    ].join("\n");
    const d = (await lintText(md)).document!;
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "experience", "skills"]);
    expect(topBullets(d, "experience")).toEqual(["Built the ingestion service in Go", "Cut cloud costs by 20 % with spot instances"]);
    const rows = d.lines.filter((l) => l.kind === "table-row").map((l) => l.text);
    expect(rows).toEqual(["Languages | Go, Python", "Data | PostgreSQL, Kafka"]);
    expect(d.lines.some((l) => l.text.includes("not text"))).toBe(false);
    const broken = d.lines.filter((l) => l.pos.line === 17).map((l) => l.text);
    expect(broken).toEqual(["Line one of a paragraph", "and its second line."]);
  });
});
