import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";
import { parseJsonResume } from "../src/parse/jsonresume.js";
import { cli, fixture } from "./helpers.js";

describe("JSON Resume input", () => {
  it("reads basics, summary, skills, work, education into the usual sections", async () => {
    const r = await lintFile(fixture("cv/ravi-kumar.resume.json"));
    expect(r.error).toBeNull();
    expect(r.format).toBe("jsonresume");
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "summary", "skills", "experience", "education", "other"]);
    const ids = r.skills.map((s) => s.id);
    for (const id of ["java", "spring-boot", "kafka", "kafka-streams", "postgresql", "kubernetes", "helm", "mentoring"]) expect(ids).toContain(id);
    expect(r.skills.find((s) => s.id === "java")!.sections).toEqual(["header", "summary", "skills", "experience"]);
  });

  it("places every finding and skill at its line and column in resume.json", async () => {
    const src = readFileSync(fixture("cv/ravi-kumar.resume.json"), "utf8").split("\n");
    const r = await lintFile(fixture("cv/ravi-kumar.resume.json"));
    const kotlin = r.skills.find((s) => s.id === "kotlin")!.occurrences[0]!;
    expect(src[kotlin.line - 1]!.slice(kotlin.column - 1, kotlin.column - 1 + 6)).toBe("Kotlin");
    const weak = r.findings.find((f) => f.ruleId === "action-verbs")!;
    expect(src[weak.line - 1]!.slice(weak.column - 1)).toMatch(/^Responsible for the PostgreSQL/);
  });

  it("refuses JSON that is not a JSON Resume, and directories only pick resume.json files", () => {
    expect(() => parseJsonResume('{"name": "x"}')).toThrow(/not a JSON Resume/);
    const r = cli(["--format", "json", "fixtures/cv"]);
    const files = JSON.parse(r.stdout).results.map((x: { file: string }) => x.file);
    expect(files).toContain("fixtures/cv/ravi-kumar.resume.json");
    expect(files.some((f: string) => f.endsWith(".skills.json"))).toBe(false);
  });
});
