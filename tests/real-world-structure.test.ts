import { describe, expect, it } from "vitest";
import { lintText } from "../src/index.js";

// Patterns met in public CVs: job, project and school entries as sub-headings that contain a
// section keyword, a summary paragraph under the name without a heading, labels that join two
// groups, and a plain-text CV pasted into a Markdown code block.

describe("labels that join groups", () => {
  const misgrouped = async (skills: string) => {
    const r = await lintText(`# A\n\n## Experience\n\n- Built things.\n\n## Skills\n\n${skills}\n`);
    return r.findings.filter((f) => f.ruleId === "skills-misgrouped").map((f) => f.message);
  };
  it("checks each part of a joined label and allows what any part allows", async () => {
    expect(await misgrouped("- Databases & Messaging: PostgreSQL, Kafka")).toEqual([]);
    expect(await misgrouped("- Databases: PostgreSQL, Kafka")).toEqual(["'Apache Kafka' (messaging) is listed under 'Databases'; move it to a matching group."]);
    expect(await misgrouped("- Languages / Databases: Java, PostgreSQL, Docker")).toEqual(["'Docker' (containers) is listed under 'Languages / Databases'; move it to a matching group."]);
  });
  it("leaves a label alone when one part is a catch-all", async () => {
    expect(await misgrouped("- Tools & Frameworks: Git, Docker, Linux, Spring Boot")).toEqual([]);
    expect(await misgrouped("- Frameworks & Libraries: Spring Boot, Docker")).toEqual([]);
  });
});

describe("skills the taxonomy used to fold together", () => {
  const duplicates = async (line: string) => {
    const r = await lintText(`# A\n\n## Skills\n\n- ${line}\n`);
    return r.findings.filter((f) => f.ruleId === "duplicate-skills");
  };
  it("does not call Algorithms and Data Structures, or Deep and Machine Learning, repeats", async () => {
    expect(await duplicates("Algorithms, Data Structures, OOP")).toEqual([]);
    expect(await duplicates("Deep Learning, Machine Learning")).toEqual([]);
    expect(await duplicates("Data Structures, DSA")).toHaveLength(1);
  });
  it("reads \"Data Structures\" at the start of a list as the skill, not a \"Data\" label", async () => {
    const r = await lintText("# A\n\n## Skills\n\n- Data Structures, Java\n- Data PostgreSQL, Redis\n");
    expect(r.skills.map((s) => s.id)).toEqual(["data-structures", "java", "postgresql", "redis"]);
  });
  it("reads consistent hashing as distributed systems, not encryption", async () => {
    const r = await lintText("# A\n\n## Experience\n\n- Wrote a thesis on consistent hashing for distributed caches.\n");
    const ids = r.skills.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["distributed-systems", "caching"]));
    expect(ids).not.toContain("encryption");
  });
});
