import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/document/build.js";
import { parseMarkdown } from "../src/parse/markdown.js";

const doc = (src: string) => buildDocument("t.md", "markdown", parseMarkdown(src));

describe("Markdown reading", () => {
  it("finds ATX and setext headings and classifies their sections", () => {
    const d = doc("Jane Doe\n========\n\nSummary\n-------\n\nBackend engineer.\n\n## Tech Stack\n\nGo, Rust\n\n### Work History\n\n- Built things\n");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["summary", "Summary"],
      ["skills", "Tech Stack"],
      ["experience", "Work History"],
    ]);
    expect(d.lines[0]).toMatchObject({ text: "Jane Doe", kind: "heading", pos: { line: 1, column: 1 } });
  });

  it("keeps source line and column through inline markup", () => {
    const d = doc("## Skills\n\n**Languages:** `Go`, *Python* and [Kafka](https://kafka.apache.org)\n");
    const line = d.lines.find((l) => l.text.startsWith("Languages"))!;
    expect(line.text).toBe("Languages: Go, Python and Kafka");
    const col = (word: string) => line.cols[line.text.indexOf(word)];
    expect(line.pos.line).toBe(3);
    expect(col("Languages")).toBe(3); // after "**"
    expect(col("Go")).toBe(17); // after "`"
    expect(col("Python")).toBe(23); // after "*"
    expect(col("Kafka")).toBe(36); // after "["
    expect(d.links).toContainEqual(expect.objectContaining({ url: "https://kafka.apache.org", line: 3 }));
  });

  it("reads nested lists as bullets with their depth", () => {
    const d = doc("## Experience\n\n- Acme\n  - Built APIs\n    - in Go\n- Beta\n");
    expect(d.lines.filter((l) => l.kind === "bullet").map((l) => [l.text, l.level, l.pos.line, l.pos.column])).toEqual([
      ["Acme", 1, 3, 3],
      ["Built APIs", 2, 4, 5],
      ["in Go", 3, 5, 7],
      ["Beta", 1, 6, 3],
    ]);
  });

  it("reads tables as rows of cells", () => {
    const d = doc("## Skills\n\n| Category | Skills |\n| --- | --- |\n| Languages | Java, Go |\n");
    const rows = d.lines.filter((l) => l.kind === "table-row");
    expect(rows.map((r) => [r.text, r.pos.line])).toEqual([
      ["Category | Skills", 3],
      ["Languages | Java, Go", 5],
    ]);
    expect(rows[1]!.cols[rows[1]!.text.indexOf("Java")]).toBe(15);
  });

  it("keeps one column per character after an escape and an emoji (a surrogate pair)", () => {
    const src = "- \\*😀 &amp; Kafka\n";
    const line = parseMarkdown(src).lines[0]!;
    expect(line.text).toBe("*😀 & Kafka");
    expect(line.cols).toHaveLength(line.text.length);
    expect(line.cols[line.text.indexOf("Kafka")]).toBe(src.indexOf("Kafka") + 1);
  });

  it("skips front matter, HTML comments and code, but records comments", () => {
    const src = "---\ntitle: CV\n---\n\n# Sam\n\n<!-- cvlint-disable skills-section -->\n\n```\nnot: text\n```\n\n## Skills\n\nJava\n";
    const parsed = parseMarkdown(src);
    expect(parsed.lines.map((l) => l.text)).toEqual(["Sam", "Skills", "Java"]);
    expect(parsed.comments).toEqual([{ text: "cvlint-disable skills-section", line: 7, endLine: 7 }]);
  });

  it("treats the name heading above the sections and job-title sub-headings as non-sections", () => {
    const d = doc("# Jane\n\n## Experience\n\n### Engineer, Acme\n\n- Built\n\n## Skills\n\n- Java\n");
    expect(d.sections.map((s) => s.kind)).toEqual(["header", "experience", "skills"]);
    expect(d.lines.find((l) => l.text === "Engineer, Acme")).toMatchObject({ kind: "heading", section: 1 });
  });

  it("opens an 'other' section for an unknown heading at section level", () => {
    const d = doc("# Jane\n\n## Skills\n\n- Java\n\n## Volunteer Firefighting\n\n- Weekends\n");
    expect(d.sections.map((s) => [s.kind, s.heading])).toEqual([
      ["header", null],
      ["skills", "Skills"],
      ["other", "Volunteer Firefighting"],
    ]);
  });
});
