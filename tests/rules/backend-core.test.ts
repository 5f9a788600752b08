import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("backend-core", () => {
  it("passes with a language, a database, a framework and version control", async () => {
    expect(await hits(cv(), "backend-core")).toEqual([]);
  });

  it("counts a language implied by a framework", async () => {
    expect(await hits(cv({ skills: "Django, PostgreSQL, Git, Teamwork" }), "backend-core")).toEqual([]);
  });

  it("names what is missing", async () => {
    const f = await details(cv({ skills: "**Languages:** Go\n\n**Infra:** Docker, Kubernetes" }), "backend-core");
    expect(f.map((x) => [x.messageId, x.line, x.data.missing])).toEqual([["missing", 9, "database, framework or version-control tool"]]);
  });

  it("looks at the whole CV when there is no skills section", async () => {
    expect(await hits(cv({ skills: null }), "backend-core")).toEqual([]);
  });
});
