import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("unlisted-skills", () => {
  it("passes when experience uses only listed skills (or what they imply)", async () => {
    expect(await hits(cv(), "unlisted-skills")).toEqual([]);
  });

  it("reports technologies used in experience and projects but not listed, as info", async () => {
    const md = cv({ experience: "- Built a Kafka pipeline in Java feeding PostgreSQL, handling 5,000 events/s.", projects: "- Wrote a Redis-backed rate limiter in Java." });
    const f = await details(md, "unlisted-skills");
    expect(f.map((x) => [x.data.skill, x.data.section, x.severity, x.line])).toEqual([
      ["Apache Kafka", "experience", "info", 25],
      ["Redis", "projects", "info", 29],
    ]);
  });

  it("does not ask to list concepts or soft skills", async () => {
    const md = cv({ experience: "- Built microservices with JWT authentication and caching; mentored 2 developers in Java." });
    expect((await details(md, "unlisted-skills")).map((f) => f.data.skill)).toEqual(["JWT"]);
  });
});
