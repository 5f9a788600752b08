import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("duplicate-skills", () => {
  it("passes when each skill is listed once (one item may carry two spellings)", async () => {
    expect(await hits(cv(), "duplicate-skills")).toEqual([]);
    expect(await hits(cv({ skills: "**Languages:** Go (Golang), Java\n\n**Frameworks:** Spring, Spring Boot" }), "duplicate-skills")).toEqual([]);
  });

  it("reports a skill listed twice, also through an alias, with a fix that removes the item", async () => {
    const md = cv({ skills: "**Languages:** Java, Go, Golang\n\n**Databases:** PostgreSQL, Postgres\n\n- Docker\n- Docker" });
    const f = await details(md, "duplicate-skills");
    expect(f.map((x) => [x.data.written, x.data.name, x.line, x.column, x.data.firstLine])).toEqual([
      ["Golang", "Go", 11, 26, 11],
      ["Postgres", "PostgreSQL", 13, 28, 13],
      ["Docker", "Docker", 16, 3, 15],
    ]);
    expect(f.map((x) => x.fix)).toEqual([
      { line: 11, column: 24, endLine: 11, endColumn: 32, text: "" },
      { line: 13, column: 26, endLine: 13, endColumn: 36, text: "" },
      { line: 16, column: 1, endLine: 17, endColumn: 1, text: "" },
    ]);
  });

  it("reports a list repeated elsewhere as one finding naming every repeat (ADVICE.md: one finding per edit)", async () => {
    const md = cv({ skills: "**Languages:** Java, SQL, Python\n\n**Databases:** PostgreSQL, Redis\n\n**Tech stack:** Java, PostgreSQL, Redis, Docker" });
    const f = await details(md, "duplicate-skills");
    expect(f.map((x) => [x.messageId, x.data.skills, x.line, x.also?.map((p) => [p.line, p.column])])).toEqual([
      ["duplicateMany", "'Java', 'PostgreSQL' and 'Redis'", 15, [[15, 23], [15, 35]]],
    ]);
    expect(f[0]!.message).toBe("'Java', 'PostgreSQL' and 'Redis' repeat skills already listed at lines 11 and 13; list each once.");
  });

  it("only looks at the skills section", async () => {
    expect(await hits(cv({ experience: "- Built Java services and more Java services for 9 teams." }), "duplicate-skills")).toEqual([]);
  });
});

describe("duplicate-skills: only items that are the skill", () => {
  it("a name inside a longer item ('node-postgres', 'Spring Boot (Java)') is not a listing of it", async () => {
    const md = cv({ skills: "**Libraries:** node-postgres, Express\n\n**Databases:** PostgreSQL, MongoDB\n\n**Languages:** Java, Kotlin\n\n**Frameworks:** Spring Boot (Java)" });
    expect(await hits(md, "duplicate-skills")).toEqual([]);
  });

  it("two versions are not a repeat; a repeat in markup is reported without a fix", async () => {
    expect(await hits(cv({ skills: "**Languages:** Java 8, Java 17, SQL" }), "duplicate-skills")).toEqual([]);
    const f = await details(cv({ skills: "**Languages:** Java, SQL\n\n**Tools:** [Java](https://dev.java), Git" }), "duplicate-skills");
    expect(f.map((x) => [x.line, x.fixable])).toEqual([[13, false]]);
  });
});

describe("duplicate-skills: a fix only within one group", () => {
  it("a repeat in another group is reported without a fix (which group keeps it is the author's call), a version is no repeat", async () => {
    const md = cv({ skills: "**Core:** AWS, Python, Docker\n\n**Cloud:** AWS • Azure\n\n**Languages:** Python, Go, Go\n\n**Observability:** Icinga, Icinga 2, Prometheus" });
    const f = await details(md, "duplicate-skills");
    expect(f.map((x) => [x.data.written, x.line, x.fixable])).toEqual([
      ["AWS", 13, false],
      ["Python", 15, false],
      ["Go", 15, true],
    ]);
  });

  it("two wordings of a concept are two things named, not a repeat; the same words again are (a coach's wrong finding)", async () => {
    const md = cv({ skills: "**Languages:** Java, SQL\n\n**Databases:** PostgreSQL, Redis\n\n**Data:** Data modeling, schema design, query tuning" });
    expect(await hits(md, "duplicate-skills")).toEqual([]);
    const again = cv({ skills: "**Languages:** Java, SQL\n\n**Databases:** PostgreSQL, data modeling\n\n**Data:** Data modeling, query tuning" });
    expect((await details(again, "duplicate-skills")).map((x) => [x.data.written, x.data.name])).toEqual([["Data modeling", "Database design"]]);
  });
});
