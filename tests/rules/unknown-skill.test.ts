import { describe, expect, it } from "vitest";
import { likelyTypo } from "../../src/rules/unknown-skill.js";
import { cv, details, hits } from "./harness.js";

describe("unknown-skill", () => {
  it("passes when every listed item is known", async () => {
    expect(await hits(cv(), "unknown-skill")).toEqual([]);
  });

  it("reports only likely misspellings of known skills, as info", async () => {
    // Tarantool is another product: cvlint's vocabulary is not the candidate's to fix (ADVICE.md).
    const md = cv({ skills: "**Databases:** PostgreSQL, Tarantool, Postgress\n\n**Platform:** Kubernets" });
    const f = await details(md, "unknown-skill");
    expect(f.map((x) => [x.messageId, x.data.item, x.data.suggestion ?? null, x.severity, x.line])).toEqual([
      ["didYouMean", "Postgress", "PostgreSQL", "info", 11],
      ["didYouMean", "Kubernets", "Kubernetes", "info", 13],
    ]);
  });

  it("never takes a real product for a typo of its neighbour", async () => {
    expect(likelyTypo("Kubernets", "Kubernetes")).toBe(true);
    expect(likelyTypo("PostgresSQL", "PostgreSQL")).toBe(true);
    expect(likelyTypo("Aptible", "Ansible")).toBe(false);
    expect(likelyTypo("Superset", "Supertest")).toBe(false);
    expect(likelyTypo("Flash", "Flask")).toBe(false);
    expect(likelyTypo("OpenSSL", "openssh")).toBe(false);
    expect(likelyTypo("Monoliths", "Monolith")).toBe(false);
    const md = cv({ skills: "**Platform:** Aptible, Superset, OpenSSL" });
    expect(await hits(md, "unknown-skill")).toEqual([]);
  });

  it("ignores spoken languages, proficiency and labels", async () => {
    expect(await hits(cv({ skills: "**Languages:** Java (expert), SQL\n\n**Spoken:** English (fluent), German (native)" }), "unknown-skill")).toEqual([]);
  });
});
