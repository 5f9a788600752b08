import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("skills-evidenced", () => {
  it("passes when every listed technical skill shows in experience or projects", async () => {
    expect(await hits(cv(), "skills-evidenced")).toEqual([]);
  });

  it("counts a skill implied by one used in experience (SQL through PostgreSQL)", async () => {
    const md = cv({ skills: "**Languages:** Java, SQL\n\n**Databases:** PostgreSQL", experience: "- Built a Spring Boot service on PostgreSQL for 40 clinics." });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("names each listed skill nobody can see used, where it is listed", async () => {
    const md = cv({ skills: "**Languages:** Java, Scala\n\n**Messaging:** RabbitMQ\n\n**Soft skills:** Teamwork" });
    expect((await details(md, "skills-evidenced")).map((f) => [f.data.skill, f.line, f.column])).toEqual([
      ["Scala", 11, 22],
      ["RabbitMQ", 13, 16],
    ]);
  });

  it("gives one finding per skills line, naming every unused skill on it", async () => {
    const md = cv({ skills: "**Languages:** Java, Scala, Kotlin, Groovy\n\n**Messaging:** RabbitMQ" });
    const found = await details(md, "skills-evidenced");
    expect(found.map((f) => [f.line, f.column, f.data.skills ?? f.data.skill])).toEqual([
      [11, 22, "'Scala', 'Kotlin' and 'Groovy'"],
      [13, 16, "RabbitMQ"],
    ]);
    expect(found[0]!.message).toBe("'Scala', 'Kotlin' and 'Groovy' are listed but not shown in experience or projects; add bullets where you used them, or drop them.");
    expect(found[0]!.endColumn).toBe(43); // the end of "Groovy"
  });

  it("counts projects as evidence, and unknown listed items too", async () => {
    const md = cv({ skills: "**Databases:** PostgreSQL, Tarantool", projects: "- Built a queue on Tarantool for 1,000 jobs a second." });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("says nothing without experience or projects", async () => {
    expect(await hits(cv({ experience: null }), "skills-evidenced")).toEqual([]);
  });
});
