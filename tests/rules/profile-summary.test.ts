import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("profile-summary", () => {
  it("passes with a summary that names main skills", async () => {
    expect(await hits(cv(), "profile-summary")).toEqual([]);
    expect(await hits(cv().replace("## Summary", "## About me"), "profile-summary")).toEqual([]);
  });

  it("asks for a summary, naming the skills to put in it", async () => {
    const f = await details(cv({ summary: null }), "profile-summary");
    expect(f.map((x) => [x.messageId, x.line])).toEqual([["missing", 1]]);
    expect(String(f[0]!.data.skills)).toMatch(/Java/);
  });

  it("reports a summary without any main skill", async () => {
    expect(await hits(cv({ summary: "Friendly engineer who loves solving hard problems with great people." }), "profile-summary")).toEqual([["noKeywords", 5, 4]]);
  });
});
