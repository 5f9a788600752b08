import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("work-experience", () => {
  it("passes a CV with a work experience section", async () => {
    expect(await hits(cv(), "work-experience")).toEqual([]);
  });

  it("tells a CV without work experience so, and points it at its projects (ADVICE.md)", async () => {
    const md = cv({ experience: null, projects: "### ledger-lite\n\n- A double-entry ledger in Go with PostgreSQL storage." });
    const f = await details(md, "work-experience");
    expect(f.map((x) => [x.messageId, x.line, x.severity])).toEqual([["withProjects", 21, "warning"]]);
    expect(f[0]!.message).toMatch(/no work experience section.*your projects are the evidence/);
  });

  it("asks for one or the other when there are neither", async () => {
    expect(await hits(cv({ experience: null }), "work-experience")).toEqual([["none", 1, 1]]);
  });

  it("says nothing when dated roles show an experience section it did not recognise", async () => {
    const md = cv({ experience: null, extra: "## Where I have worked\n\n### Backend Engineer, Acme (2019 – present)\n\n- Built the billing API." });
    expect(await hits(md, "work-experience")).toEqual([]);
  });

  it("is not silenced by a date that dates no role ('Last updated: December 2024')", async () => {
    const md = cv({ experience: null, projects: "### ledger-lite\n\n- A double-entry ledger in Go with PostgreSQL storage.", extra: "## Contact\n\nLast updated: December 2024" });
    expect((await hits(md, "work-experience")).map((h) => h[0])).toEqual(["withProjects"]);
  });

  it("tells a CV whose role at the top says nothing about the work so (a coach's advice no finding gave)", async () => {
    const older = "### Developer, Globex (2016 – 2020)\n\n- Built a Kafka pipeline in Java for 12 teams.\n- Cut report time by 40% with PostgreSQL indexes.";
    const placeholder = cv({ experience: `- Details forthcoming.\n\n${older}` });
    const f = await details(placeholder, "work-experience");
    expect(f.map((x) => [x.messageId, x.line])).toEqual([["emptyRole", 23]]);
    expect(f[0]!.message).toBe(
      "The role at the top of your experience (Backend Engineer, Acme (2020 – present)) says nothing about what you do there; give it two or three bullets on what you build, with which skills, and a figure.",
    );
    // A role with no line under it at all, too; one with a duty is fine, and so is an old role left bare.
    expect((await hits(cv({ experience: older }), "work-experience")).map((h) => h[0])).toEqual(["emptyRole"]);
    expect(await hits(cv({ experience: `- Built the billing API in Java.\n\n### Intern, Initech (2014 – 2015)` }), "work-experience")).toEqual([]);
    // A CV whose roles all lack duties is another problem (a layout read wrong, or a list of titles).
    expect(await hits(cv({ experience: "### Developer, Globex (2016 – 2020)" }), "work-experience")).toEqual([]);
  });
});
