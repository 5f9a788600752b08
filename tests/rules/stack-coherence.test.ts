import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("stack-coherence", () => {
  it("passes a coherent stack, and alternatives (Spring Boot with Kotlin)", async () => {
    expect(await hits(cv(), "stack-coherence")).toEqual([]);
    expect(await hits(cv({ skills: "Kotlin, Spring Boot, PostgreSQL, Git, Teamwork", summary: "Kotlin engineer." , experience: "- Built Kotlin services with Spring Boot for 3 teams." }), "stack-coherence")).toEqual([]);
  });

  it("reports a backend framework without its language", async () => {
    const md = cv({ summary: "Engineer.", skills: "Django, PostgreSQL, Kubernetes, Git, Teamwork", experience: "- Built Django services on Kubernetes for 8 teams." });
    const f = await details(md, "stack-coherence");
    // (Kubernetes without Docker is not reported: running Kubernetes is container work, a request
    // the CV meets already; ADVICE.md counts such findings as noise.)
    expect(f.map((x) => [x.data.skill, x.data.base, x.severity])).toEqual([["Django", "Python", "info"]]);
  });

  it("does not ask for what every reader takes as read: a runtime's language, a frontend framework's, a test tool's, a virtualisation concept", async () => {
    const md = cv({ summary: "Engineer.", skills: "Go, Node.js, Angular, Locust, VMware, PostgreSQL, Git, Teamwork", experience: "- Built Go services and a Node.js gateway for 8 teams." });
    expect(await hits(md, "stack-coherence")).toEqual([]);
  });

  it("asks of a framework the skills list names or the work shows twice: not of one named once in passing outside the list, or only in a role long past", async () => {
    // Listed, the framework is a claim a keyword search reads: its language should be there too.
    const listedOnly = cv({ summary: "Engineer.", skills: "Go, Django, PostgreSQL, Git, Teamwork", experience: "- Built Go services on PostgreSQL for 8 teams." });
    expect((await details(listedOnly, "stack-coherence")).map((f) => f.data.base)).toEqual(["Python"]);
    const inPassing = cv({ summary: "Engineer.", skills: "Go, PostgreSQL, Git, Teamwork", experience: "- Built Go services on PostgreSQL for 8 teams.\n- Learned frameworks (Angular, Django) in a weekly study group." });
    expect(await hits(inPassing, "stack-coherence")).toEqual([]);
    const longPast = cv({
      summary: "Engineer.",
      skills: "Go, PostgreSQL, Git, Teamwork",
      experience: "- Built Go services on PostgreSQL for 8 teams.\n\n### Developer, Oldco (2009 – 2012)\n\n- Built Django admin pages for 3 editors.\n- Moved Django apps to PostgreSQL for 2 sites.",
    });
    expect(await hits(longPast, "stack-coherence")).toEqual([]);
    // Named twice in the work, the framework is the candidate's stack even when the list leaves it out.
    const twice = cv({ summary: "Engineer.", skills: "Go, PostgreSQL, Git, Teamwork", experience: "- Built Django services on PostgreSQL for 8 teams.\n- Cut Django page loads by 40% with caching." });
    expect((await details(twice, "stack-coherence")).map((f) => f.data.base)).toEqual(["Python"]);
  });

  it("does not ask for a language the framework's own name holds ('Ruby on Rails')", async () => {
    const md = cv({ summary: "Engineer.", skills: "Ruby on Rails, PostgreSQL, Git, Teamwork", experience: "- Built Ruby on Rails services on PostgreSQL for 8 teams." });
    expect(await hits(md, "stack-coherence")).toEqual([]);
  });

  it("does not ask for SQL next to a database", async () => {
    expect(await hits(cv({ summary: "Engineer.", skills: "Java, MySQL, Spring Boot, Git, Teamwork" }), "stack-coherence")).toEqual([]);
  });
});
