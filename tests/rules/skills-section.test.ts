import { describe, expect, it } from "vitest";
import { cv, hits } from "./harness.js";

describe("skills-section", () => {
  it("passes with a Skills section, or one under another usual name", async () => {
    expect(await hits(cv(), "skills-section")).toEqual([]);
    expect(await hits(cv().replace("## Skills", "## Tech Stack"), "skills-section")).toEqual([]);
    expect(await hits(cv().replace("## Skills", "## Core Competencies"), "skills-section")).toEqual([]);
  });

  it("reports a CV without one, at the top, as an error", async () => {
    expect(await hits(cv({ skills: null }), "skills-section")).toEqual([["missing", 1, 1]]);
  });
});
