import { describe, expect, it } from "vitest";
import { isVariant } from "../../src/rules/skill-spelling.js";
import { cv, details, hits } from "./harness.js";

describe("skill-spelling", () => {
  it("passes canonical names and other names that are not misspellings", async () => {
    expect(await hits(cv(), "skill-spelling")).toEqual([]);
    expect(await hits(cv({ skills: "**Languages:** Golang, JS, Java 17\n\n**Platform:** k8s, AWS\n\n**Practices:** code review, problem solving" }), "skill-spelling")).toEqual([]);
  });

  it("flags non-canonical spellings with a fix", async () => {
    const md = cv({ skills: "**Languages:** Javascript, Typescript\n\n**Runtime:** NodeJS\n\n**Databases:** Postgres 15, mongo db, Mysql" });
    const f = await details(md, "skill-spelling");
    expect(f.map((x) => [x.data.written, x.data.name, x.line, x.column, x.fixable])).toEqual([
      ["Javascript", "JavaScript", 11, 16, true],
      ["Typescript", "TypeScript", 11, 28, true],
      ["NodeJS", "Node.js", 13, 14, true],
      ["Postgres", "PostgreSQL", 15, 16, true],
      ["mongo db", "MongoDB", 15, 29, true],
      ["Mysql", "MySQL", 15, 39, true],
    ]);
    expect(f[3]!.fix).toEqual({ line: 15, column: 16, endLine: 15, endColumn: 24, text: "PostgreSQL" });
  });

  it("tells variants from other names", () => {
    expect(isVariant("Javascript", "JavaScript")).toBe(true);
    expect(isVariant("ReactJS", "React")).toBe(true);
    expect(isVariant("Postgres", "PostgreSQL")).toBe(true);
    expect(isVariant("Golang", "Go")).toBe(false);
    expect(isVariant("k8s", "Kubernetes")).toBe(false);
    expect(isVariant("JavaScript", "JavaScript")).toBe(false);
  });
});
