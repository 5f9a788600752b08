import { describe, expect, it } from "vitest";
import { lintText } from "../src/index.js";

// Summaries the reader used to miss: a "Core Strengths" section of bullet statements, a profile
// README that heads its profile with a skills word, and a long paragraph under the name that links
// a project in its sentences.

const kinds = async (md: string) => (await lintText(md)).document!.sections.map((s) => [s.kind, s.heading]);
const ruleIds = async (md: string) => (await lintText(md)).findings.map((f) => f.ruleId);

describe("a section of strengths stated in bullets", () => {
  const cv = [
    "## Core Strengths",
    "- Backend development: seven years of Kotlin and Java, building payment services on Spring Boot",
    "- System design: led the move of a billing monolith to event-driven services on Kafka",
    "",
    "## Skills",
    "- Languages: Kotlin, Java, SQL",
    "- Data: PostgreSQL, Kafka, Redis",
    "",
    "## Experience",
    "### Backend Engineer, Lumen (2019 – 2024)",
    "- Built a billing service in Kotlin and Spring Boot that handles 2 million invoices a month.",
    "",
  ].join("\n");

  it("is the summary", async () => {
    expect(await kinds(cv)).toEqual([
      ["summary", "Core Strengths"],
      ["skills", "Skills"],
      ["experience", "Experience"],
    ]);
    expect(await ruleIds(cv)).not.toContain("profile-summary");
  });
});

describe("a profile README that heads its profile with a skills word", () => {
  const cv = [
    "# Ana Souza | Data Engineer",
    "",
    "## Expertise",
    "",
    "**Data Engineer** with 6+ years of experience building batch and streaming pipelines for retail and logistics teams.",
    "",
    "**Core Technologies**: AWS, Snowflake • Apache Spark, Airflow • Python, SQL",
    "",
    "## Projects",
    "### Orders Lakehouse",
    "Moved order events from nightly dumps into Delta tables with Spark and Airflow.",
    "",
    "## Technology Stack",
    "",
    "**Cloud** • AWS • Azure",
    "",
    "**Programming** • Python • SQL • Scala",
    "",
  ].join("\n");

  it("reads the paragraph about the candidate as the summary when the skills have a section of their own", async () => {
    expect(await kinds(cv)).toEqual([
      ["header", null],
      ["summary", "Expertise"],
      ["projects", "Projects"],
      ["skills", "Technology Stack"],
    ]);
    expect(await ruleIds(cv)).not.toContain("profile-summary");
  });

  it("reads a group's name before the list's own separator as its label", async () => {
    const r = await lintText(cv);
    expect(r.analysis!.items.find((i) => i.text === "Scala")?.label).toBe("Programming");
    expect(r.findings.map((f) => f.ruleId)).not.toContain("skills-categorized");
  });

  it("keeps a skills section that opens with a sentence when it is the only one", async () => {
    const only = cv.slice(0, cv.indexOf("## Technology Stack"));
    expect((await kinds(only)).map(([k]) => k)).toEqual(["header", "skills", "projects"]);
  });
});

describe("a long paragraph under the name that links a project in its sentences", () => {
  const cv = [
    "Sam Okoro",
    "",
    "Staff engineer who has spent ten years building payment systems in Elixir and Ruby, from small startups to a company of 900 people. I started <a href='https://example.com/bench'>a benchmarking library</a> that is used by many teams, and I like to mentor engineers, run the planning of a team and keep the on-call load low for everyone in the department.",
    "",
    "- sam@example.com",
    "",
    "EXPERIENCE",
    "",
    "- Led the rewrite of the payouts service in Elixir, cutting failed payouts by 40%.",
    "",
  ].join("\n");

  it("is the summary, a contact line is not", async () => {
    const r = await lintText(cv, { format: "text" });
    const summary = r.document!.sections.find((s) => s.kind === "summary");
    expect(summary?.detectedBy).toBe("a paragraph about the candidate under the name");
    expect(r.findings.map((f) => f.ruleId)).not.toContain("profile-summary");
    const contact = await lintText("Sam Okoro\n\n- sam@example.com | https://example.com | +1 555 0100 | Lagos, Nigeria | open to remote work\n\nEXPERIENCE\n\n- Led the rewrite of the payouts service.\n", { format: "text" });
    expect(contact.document!.sections.some((s) => s.kind === "summary")).toBe(false);
  });
});
