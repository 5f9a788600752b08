import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

const names = "Java, Kotlin, Scala, Groovy, Python, Go, Rust, C, C++, C#, Ruby, PHP, Perl, Elixir, Erlang, Haskell, Lua, Dart, Swift, TypeScript".split(", ");

describe("skills-overload", () => {
  it("passes a focused list", async () => {
    expect(await hits(cv(), "skills-overload")).toEqual([]);
  });

  it("reports one group stuffed with keywords", async () => {
    const f = await details(cv({ skills: `**Languages:** ${names.join(", ")}\n\n**Soft skills:** Teamwork` }), "skills-overload");
    expect(f.map((x) => [x.messageId, x.data.label, x.data.count, x.line])).toEqual([["tooManyInGroup", "Languages", 20, 11]]);
  });

  it("reports too many items overall, with configurable limits", async () => {
    const lines = ["Databases: PostgreSQL, MySQL, Redis, MongoDB, Cassandra, Elasticsearch, DynamoDB, SQLite, MariaDB, Neo4j", "Cloud: AWS, Azure, GCP, Heroku, Docker, Kubernetes, Terraform, Ansible, Helm, Jenkins", `Languages: ${names.slice(0, 12).join(", ")}`, "Testing: JUnit, pytest, Jest, Mockito, Cypress, Selenium, RSpec, PHPUnit, xUnit, NUnit"];
    const md = cv({ skills: lines.join("\n\n") });
    expect((await details(md, "skills-overload")).map((x) => [x.messageId, x.data.count])).toEqual([["tooMany", 42]]);
    expect(await hits(md, "skills-overload", { "skills-overload": ["warning", { maxTotal: 60 }] })).toEqual([]);
  });
});
