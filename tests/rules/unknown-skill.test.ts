import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("unknown-skill", () => {
  it("passes when every listed item is known", async () => {
    expect(await hits(cv(), "unknown-skill")).toEqual([]);
  });

  it("reports unknown technologies as info, with did-you-mean for typos", async () => {
    const md = cv({ skills: "**Databases:** PostgreSQL, Tarantool, Postgress\n\n**Platform:** Kubernets" });
    const f = await details(md, "unknown-skill");
    expect(f.map((x) => [x.messageId, x.data.item, x.data.suggestion ?? null, x.severity, x.line])).toEqual([
      ["unknown", "Tarantool", null, "info", 11],
      ["didYouMean", "Postgress", "PostgreSQL", "info", 11],
      ["didYouMean", "Kubernets", "Kubernetes", "info", 13],
    ]);
  });

  it("ignores spoken languages, proficiency and labels", async () => {
    expect(await hits(cv({ skills: "**Languages:** Java (expert), SQL\n\n**Spoken:** English (fluent), German (native)" }), "unknown-skill")).toEqual([]);
  });
});
