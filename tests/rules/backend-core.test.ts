import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("backend-core", () => {
  it("passes with a language, a database, a framework and version control", async () => {
    expect(await hits(cv(), "backend-core")).toEqual([]);
  });

  it("counts a language implied by a framework", async () => {
    expect(await hits(cv({ skills: "Django, PostgreSQL, Git, Teamwork" }), "backend-core")).toEqual([]);
  });

  it("names what is missing from the whole CV", async () => {
    const f = await details(cv({ summary: "Backend engineer.", skills: "**Languages:** Go, Python", experience: "- Built a Go service handling 2 million requests a day." }), "backend-core");
    expect(f.map((x) => [x.messageId, x.line, x.data.missing])).toEqual([["missing", 9, "database, framework or version-control tool"]]);
  });

  it("counts what the experience shows (listing it is unlisted-skills' advice)", async () => {
    const f = await details(cv({ skills: "**Languages:** Go, Python", experience: "- Built a Go service on PostgreSQL with Gin, handling 2 million requests a day; all of it in Git." }), "backend-core");
    expect(f).toEqual([]);
  });

  it("does not ask an infrastructure CV for a framework", async () => {
    const md = cv({ summary: "Platform engineer.", skills: "**Cloud:** AWS, Terraform\n\n**Containers:** Docker, Kubernetes\n\n**Monitoring:** Prometheus, Grafana\n\n**Languages:** Go, Bash", experience: "- Ran 40 Kubernetes clusters on AWS with Terraform, kept in Git." });
    expect((await details(md, "backend-core")).map((x) => x.data.missing)).toEqual(["database"]);
  });

  it("looks at the whole CV when there is no skills section", async () => {
    expect(await hits(cv({ skills: null }), "backend-core")).toEqual([]);
  });

  it("takes pull requests or a branching strategy in the work as version control shown; a profile link alone asks for the keyword, saying why", async () => {
    const shown = cv({ skills: "**Languages:** Go\n\n**Databases:** PostgreSQL\n\n**Frameworks:** Gin", experience: "- Reviewed 300 pull requests and set the team's branching strategy for 12 Go services." });
    expect(await hits(shown, "backend-core")).toEqual([]);
    const linkOnly = cv({ summary: "Backend engineer. [github.com/ana](https://github.com/ana)", skills: "**Languages:** Go\n\n**Databases:** PostgreSQL\n\n**Frameworks:** Gin", experience: "- Built a Go service handling 2 million requests a day." });
    const f = await details(linkOnly, "backend-core");
    expect(f.map((x) => [x.messageId, x.data.host])).toEqual([["gitByHost", "GitHub"]]);
    expect(f[0]!.message).toMatch(/your GitHub link shows you use Git, but a keyword search for Git does not find it/);
  });
});
