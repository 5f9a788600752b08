import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, fixture } from "./helpers.js";

describe("cvlint CLI", () => {
  it("prints exactly one JSON document for PDF, DOCX, Markdown and text together", () => {
    const files = ["cv/jane-doe-java.pdf", "cv/jane-doe-java.docx", "cv/jane-doe-java.md", "cv/sam-lee-python.txt"].map(fixture);
    const r = cli(["--format", "json", ...files]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.results.map((x: { format: string }) => x.format)).toEqual(["pdf", "docx", "markdown", "text"]);
    for (const res of json.results) {
      expect(Object.keys(res)).toEqual(["file", "format", "error", "score", "sections", "skills", "findings", "errorCount", "warningCount"]);
      expect(res.sections.map((s: { kind: string }) => s.kind)).toContain("skills");
    }
    expect(json.results[2].sections).toContainEqual({ kind: "skills", heading: "Technical Skills", line: 12 });
  });

  it("reads piped standard input when no file is given, and '-'", () => {
    const md = readFileSync(fixture("cv/maria-garcia-go.md"));
    for (const args of [["--format", "json"], ["--format", "json", "-"]]) {
      const r = cli(args, { input: md });
      expect(r.code).toBe(0);
      const res = JSON.parse(r.stdout).results[0];
      expect(res).toMatchObject({ file: "<stdin>", format: "markdown", error: null });
      expect(res.sections.map((s: { heading: string }) => s.heading)).toEqual([null, "Profile", "Tech Stack", "Work History", "Education", "Languages"]);
    }
  });

  it("reads a PDF from standard input by its bytes", () => {
    const r = cli(["text", "-", "--format", "json"], { input: readFileSync(fixture("cv/sam-lee-python.pdf")) });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe("pdf");
    expect(doc.sections.map((s: { kind: string }) => s.kind)).toEqual(["header", "summary", "skills", "experience", "education"]);
  });

  it("detects a mislabelled file from its bytes", () => {
    // A DOCX named .md and a PDF named .txt are still read as what they are.
    const r = cli(["--format", "json", fixture("layouts/misnamed-docx.md"), fixture("layouts/misnamed-pdf.txt")]);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((x: { format: string }) => x.format)).toEqual(["docx", "pdf"]);
    expect(r.code).toBe(0);
  });

  it("`cvlint text` shows each line with its position, block kind and section", () => {
    const r = cli(["text", fixture("cv/alex-kim-table.md")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s*skills\s+"Skills"\s+10:4–20:3\s+1\.00\s+markdown heading$/m);
    expect(r.stdout).toMatch(/^16:3\s+table-row\s+Databases \| Microsoft SQL Server, Azure Cosmos DB$/m);
    expect(r.stdout).toMatch(/^26:3\s+bullet 1\s+Designed ASP\.NET Core REST APIs/m);
  });

  it("shows PDF positions as page and line", () => {
    const r = cli(["text", fixture("cv/jane-doe-java.word.pdf")]);
    expect(r.stdout).toMatch(/^\s*p2:l\d+\s+heading\s+Certifications$/m);
  });

  it("stylish output lists files and sections", () => {
    const r = cli([fixture("cv/tom-brown-noskills.md")]);
    expect(r.code).toBe(1); // skills-section is an error
    expect(r.stdout).toMatch(/^ {2}1:1 +error +No dedicated skills section found.* skills-section$/m);
    expect(r.stdout).toContain("sections: header · experience \"Experience\" · education \"Education\" · other \"Interests\"");
  });

  it("refuses to run with no input and a terminal, with exit 2", () => {
    const r = cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: cvlint/);
  });
});
