import { describe, expect, it } from "vitest";
import { cv, hits } from "./harness.js";

describe("technical-and-soft", () => {
  it("passes when the skills section names both", async () => {
    expect(await hits(cv(), "technical-and-soft")).toEqual([]);
  });

  it("asks for soft skills when the CV shows none anywhere", async () => {
    const experience = "- Built a Spring Boot payments API in Java that handles 2 million requests a day.\n- Cut PostgreSQL query time by 60% with better indexes.";
    expect(await hits(cv({ skills: "**Languages:** Java, Go\n\n**Databases:** PostgreSQL", experience }), "technical-and-soft")).toEqual([["noSoft", 9, 4]]);
  });

  it("does not ask for a list of soft skills the summary or experience already shows (ADVICE.md: a request met elsewhere)", async () => {
    const experience = "- Mentored 3 junior developers through weekly pairing.\n- Cut PostgreSQL query time by 60% with better indexes.";
    expect(await hits(cv({ skills: "**Languages:** Java, Go\n\n**Databases:** PostgreSQL", experience }), "technical-and-soft")).toEqual([]);
  });

  it("does not ask when the work shows people skills without naming them: collaborating with teams, training newcomers, leading a team", async () => {
    const skills = "**Languages:** Java, Go\n\n**Databases:** PostgreSQL";
    for (const line of ["- Collaborated with cross-functional teams to ship 12 services.", "- Training new team members on the billing code.", "- Helped with the training of new interns.", "- Led a team of five backend engineers."]) {
      const experience = `- Cut PostgreSQL query time by 60% with better indexes.\n${line}`;
      expect(await hits(cv({ skills, experience }), "technical-and-soft")).toEqual([]);
    }
    // A verb without people after it, or people in another clause, shows nothing of the kind.
    const experience = "- Managed DevOps workflows with GitHub Actions. Built dashboards for 3 teams.\n- Worked with multiple web frameworks: Flask, Django.";
    expect(await hits(cv({ skills, experience }), "technical-and-soft")).toEqual([["noSoft", 9, 4]]);
  });

  it("asks for technical skills when only soft ones are listed", async () => {
    expect(await hits(cv({ skills: "Teamwork, problem solving, communication" }), "technical-and-soft")).toEqual([["noTechnical", 9, 4]]);
  });

  it("says nothing without a skills section (skills-section does)", async () => {
    expect(await hits(cv({ skills: null }), "technical-and-soft")).toEqual([]);
  });

  it("finds the technical groups a sidebar sets under headings of their own beside the skills section", async () => {
    // (Markdown reads "## Craft" as a section of its own, as a PDF sidebar's group headings are.)
    const md = "# Dana Miller\n\nBackend Engineer · github.com/danam\n\n## Skills\n\nCommunication, Mentoring\n\n## Craft\n\nJava, Kotlin, Spring Boot\n\n## Experience\n\n### Backend Engineer, Acme (2020 – present)\n\n- Built a Kotlin API serving 40 clinics.\n";
    expect((await hits(md, "technical-and-soft")).map((h) => h[0])).toEqual([]);
  });
});
