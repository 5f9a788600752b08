import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("quantified-achievements", () => {
  it("passes when enough bullets carry a figure", async () => {
    expect(await hits(cv(), "quantified-achievements")).toEqual([]);
  });

  it("counts percentages, money, counts, times and number words; not dates or versions", async () => {
    const figures = cv({ experience: "- Saved $40k a year on hosting.\n- Served 3 million users.\n- Halved build time.\n- Cut latency to 80 ms." });
    expect(await hits(figures, "quantified-achievements")).toEqual([]);
    const datesOnly = cv({ experience: "- Migrated services to Java 17 in March 2021.\n- Upgraded to PostgreSQL 15 and Python 3.11.\n- Built the API between 2019 – 2021.\n- Maintained v2.3.1 of the SDK." });
    const f = await details(datesOnly, "quantified-achievements");
    expect(f.map((x) => [x.messageId, x.line, x.data.count, x.data.total])).toEqual([["fewFigures", 21, 0, 4]]);
    expect(String(f[0]!.data.examples)).toMatch(/^'Migrated services to Java 17 in…', 'Upgraded to PostgreSQL 15 and Python…'/);
  });

  it("has a configurable threshold and skips short experience sections", async () => {
    const md = cv({ experience: "- Built a service.\n- Wrote tests for it.\n- Deployed 4 services." });
    expect(await hits(md, "quantified-achievements")).toEqual([["fewFigures", 21, 4]]);
    expect(await hits(md, "quantified-achievements", { "quantified-achievements": ["warning", { minShare: 0.3 }] })).toEqual([]);
    expect(await hits(cv({ experience: "- Built a service." }), "quantified-achievements")).toEqual([]);
  });
});
