import { describe, expect, it } from "vitest";
import { isVariant } from "../../src/rules/skill-spelling.js";
import { cv, details, hits } from "./harness.js";

describe("skill-spelling", () => {
  it("passes canonical names and other names that are not misspellings", async () => {
    expect(await hits(cv(), "skill-spelling")).toEqual([]);
    expect(await hits(cv({ skills: "**Languages:** Golang, JS, Java 17\n\n**Platform:** k8s, AWS\n\n**Practices:** code review, problem solving" }), "skill-spelling")).toEqual([]);
  });

  it("flags non-canonical spellings with a fix", async () => {
    const md = cv({ skills: "**Languages:** Javascript, Typescript\n\n**Runtime:** NodeJS\n\n**Databases:** Postgres 15, mongo db, Mysql 8" });
    const f = await details(md, "skill-spelling");
    // NodeJS and Postgres are accepted names, not slips (ADVICE.md: accepted variants are noise).
    expect(f.map((x) => [x.data.written, x.data.name, x.line, x.column, x.fixable])).toEqual([
      ["Javascript", "JavaScript", 11, 16, true],
      ["Typescript", "TypeScript", 11, 28, true],
      ["mongo db", "MongoDB", 15, 29, true],
      ["Mysql", "MySQL", 15, 39, true],
    ]);
    expect(f[3]!.fix).toEqual({ line: 15, column: 39, endLine: 15, endColumn: 44, text: "MySQL" });
  });

  it("tells slips from accepted names and other names", () => {
    expect(isVariant("Javascript", "JavaScript")).toBe(true);
    expect(isVariant("MySql", "MySQL")).toBe(true);
    expect(isVariant("mongo db", "MongoDB")).toBe(true);
    // Accepted (ADVICE.md): a JS suffix however written, a clipped name, other separators, a
    // capital on a name styled in lower case.
    expect(isVariant("ReactJS", "React")).toBe(false);
    expect(isVariant("NodeJS", "Node.js")).toBe(false);
    expect(isVariant("Vuejs", "Vue.js")).toBe(false);
    expect(isVariant("Postgres", "PostgreSQL")).toBe(false);
    expect(isVariant("Eclipse", "Eclipse IDE")).toBe(false);
    expect(isVariant("ArgoCD", "Argo CD")).toBe(false);
    expect(isVariant("docker-compose", "Docker Compose")).toBe(true);
    expect(isVariant("Webpack", "webpack")).toBe(false);
    expect(isVariant("Golang", "Go")).toBe(false);
    expect(isVariant("k8s", "Kubernetes")).toBe(false);
    expect(isVariant("JavaScript", "JavaScript")).toBe(false);
  });

  it("reports one spelling once, listing its other places", async () => {
    const md = cv({ skills: "**Languages:** Javascript, Java", experience: "- Built a Javascript SDK used by 40 teams.\n- Rewrote the Javascript build, cutting it from 9 to 2 minutes." });
    const f = await details(md, "skill-spelling");
    expect(f.map((x) => [x.data.written, x.line, x.also?.map((p) => p.line)])).toEqual([["Javascript", 11, [17, 18]]]);
    // --fix rewrites the skills-list item; the places in sentences are shown, not rewritten.
    expect(f[0]!.fix?.text).toBe("JavaScript");
    expect(f[0]!.also!.map((p) => p.fix)).toEqual([undefined, undefined]);
  });

  it("leaves lower-case names in sentences (commands, packages) and parts of longer tokens alone", async () => {
    const md = cv({ experience: "- Automated deploys with git hooks and ansible-pull for 30 servers.\n- Tuned nginx.conf for 2x the throughput." });
    expect(await hits(md, "skill-spelling")).toEqual([]);
  });

  it("says one edit for the names that share it, and leaves a role that ended long ago alone", async () => {
    const md = cv({
      skills: "**Languages:** Java, SQL\n\n**Tools:** Github, Github Actions, Docker\n\n**Frameworks:** Django Rest Framework",
      experience: "- Built a Java payments API with Django Rest Framework clients, 2 million requests a day.\n\n### Developer, Old Bank (2009 – 2013)\n\n- Wrote batch jobs in JAVA on VMWare hosts for 40 branches.",
    });
    const f = await details(md, "skill-spelling");
    expect(f.map((x) => [x.data.written, x.data.name, (x.also ?? []).length])).toEqual([
      ["Github", "GitHub", 1],
      ["Django Rest Framework", "Django REST Framework", 1],
    ]);
  });
});
