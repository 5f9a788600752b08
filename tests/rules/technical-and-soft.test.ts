import { describe, expect, it } from "vitest";
import { cv, hits } from "./harness.js";

describe("technical-and-soft", () => {
  it("passes when the skills section names both", async () => {
    expect(await hits(cv(), "technical-and-soft")).toEqual([]);
  });

  it("asks for soft skills when there are none", async () => {
    expect(await hits(cv({ skills: "**Languages:** Java, Go\n\n**Databases:** PostgreSQL" }), "technical-and-soft")).toEqual([["noSoft", 9, 4]]);
  });

  it("asks for technical skills when only soft ones are listed", async () => {
    expect(await hits(cv({ skills: "Teamwork, problem solving, communication" }), "technical-and-soft")).toEqual([["noTechnical", 9, 4]]);
  });

  it("says nothing without a skills section (skills-section does)", async () => {
    expect(await hits(cv({ skills: null }), "technical-and-soft")).toEqual([]);
  });
});
