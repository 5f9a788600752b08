import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("action-verbs", () => {
  it("passes bullets that open with action verbs, in any tense the stemmer knows", async () => {
    expect(await hits(cv(), "action-verbs")).toEqual([]);
    const md = cv({ experience: "- Designing the billing API for 12 teams.\n- Optimised Kafka consumers, halving lag.\n- Build and maintain the CI pipeline in Jenkins.\n- Containerised all services with Docker." });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });

  it("suggests stronger verbs for weak openers", async () => {
    const md = cv({ experience: "- Responsible for the Jenkins build pipeline.\n- Worked on the migration to PostgreSQL 15.\n- Helped the team adopt Docker and Kubernetes.\n- Participated in on-call for 40 services." });
    const f = await details(md, "action-verbs");
    expect(f.map((x) => [x.messageId, x.line, x.column, x.data.opener])).toEqual([
      ["weakOpener", 25, 3, "Responsible for"],
      ["weakOpener", 26, 3, "Worked on"],
      ["weakOpener", 27, 3, "Helped"],
      ["weakOpener", 28, 3, "Participated in"],
    ]);
    expect(f[0]!.data.suggest).toBe("Led, Owned, Ran");
  });

  it("reports bullets that open with something else", async () => {
    const md = cv({ projects: "- Java and Spring Boot application with a MySQL database.\n- The team's internal wiki, rewritten in Markdown." });
    expect((await details(md, "action-verbs")).map((x) => [x.messageId, x.data.word, x.line])).toEqual([
      ["noActionVerb", "Java", 32],
      ["noActionVerb", "The", 33],
    ]);
  });

  it("leaves project name lines, short bullets and other sections alone", async () => {
    const md = cv({ projects: "- ledger-lite — an open-source ledger in Kotlin.\n- Kotlin, gRPC.", extra: "## Certifications\n\n- AWS Certified Developer – Associate (2022)" });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });
});
