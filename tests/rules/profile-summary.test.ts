import { describe, expect, it } from "vitest";
import { lintFile } from "../../src/index.js";
import { fixture } from "../helpers.js";
import { cv, details, hits } from "./harness.js";

describe("profile-summary", () => {
  it("passes with a summary that names main skills", async () => {
    expect(await hits(cv(), "profile-summary")).toEqual([]);
    expect(await hits(cv().replace("## Summary", "## About me"), "profile-summary")).toEqual([]);
  });

  it("asks for a summary, naming the skills to put in it", async () => {
    const f = await details(cv({ summary: null }), "profile-summary");
    expect(f.map((x) => [x.messageId, x.line])).toEqual([["missing", 1]]);
    expect(String(f[0]!.data.skills)).toMatch(/Java/);
  });

  it("reports a summary without any main skill", async () => {
    const summary = "Friendly engineer who loves solving hard problems with great people. I have shipped products for banks and shops, and I care about quality, clear writing and teams that learn.";
    expect(await hits(cv({ summary }), "profile-summary")).toEqual([["noKeywords", 5, 4]]);
  });

  it("does not take a quotation or one line that names no skill for a summary (ADVICE.md)", async () => {
    const quote = await details(cv({ summary: "“Simplicity is prerequisite for reliability.” — Edsger W. Dijkstra" }), "profile-summary");
    expect(quote.map((x) => [x.messageId, x.data.what, x.line])).toEqual([["notSummary", "a quotation", 5]]);
    const oneLine = await details(cv({ summary: "Friendly engineer who loves solving hard problems with great people." }), "profile-summary");
    expect(oneLine.map((x) => [x.messageId, x.data.what])).toEqual([["notSummary", "one line that names no skill"]]);
    expect(oneLine[0]!.message).toMatch(/^The summary is one line that names no skill, not a profile: write two or three lines on who you are and your main skills \(.*Java/);
  });

  it("names technologies as the main skills, not practices or peripheral items", async () => {
    const f = await details(cv({ summary: null, skills: "**Languages:** Java, SQL\n\n**Practices:** Scrum, Code review\n\n**Tools:** IntelliJ IDEA, Git" }), "profile-summary");
    expect(String(f[0]!.data.skills)).not.toMatch(/Scrum|IntelliJ/);
  });

  it("accepts a summary that names a skill the CV shows, even one that is not among the most named", async () => {
    const md = cv({ summary: "Developer writing software mostly for Linux servers, with 8 years on payment systems.", skills: "**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot\n\n**Databases:** PostgreSQL\n\n**OS:** Linux" });
    expect(await hits(md, "profile-summary")).toEqual([]);
  });

  it("still asks when the summary names only a technology the CV shows nowhere else", async () => {
    const md = cv({ summary: "Developer with a long love of UNIX and web services, and 8 years on payment systems." });
    expect((await hits(md, "profile-summary")).map((h) => h[0])).toEqual(["noKeywords"]);
  });

  it("takes a paragraph of prose under the name for a summary even when the reader did not (a PDF whose summary prints HTML tags)", async () => {
    const r = await lintFile(fixture("layouts/browser-printed-tags.pdf"));
    expect(r.findings.filter((f) => f.ruleId === "profile-summary")).toEqual([]);
  });

  it("does not take a sidebar's 'About' block of contact details for a summary (macchiato-like themes; a coach's wrong finding)", async () => {
    const about = cv({ summary: "Seattle WA\n\ndana@example.com\n\n+1 555 0100\n\ndanam.dev" }).replace("## Summary", "## About");
    expect((await details(about, "profile-summary")).map((f) => f.messageId)).toEqual(["missing"]);
    // With a profile further on, that is the summary judged.
    const both = about.replace("## Skills", "## Summary\n\nBackend engineer building payment APIs in Java and Spring Boot on PostgreSQL.\n\n## Skills");
    expect(await hits(both, "profile-summary")).toEqual([]);
  });
});
