import { describe, expect, it } from "vitest";
import { cv, hits } from "./harness.js";

describe("portfolio-link", () => {
  it("passes with a GitHub, GitLab or portfolio link", async () => {
    expect(await hits(cv(), "portfolio-link")).toEqual([]);
    expect(await hits(cv({ header: "dana@example.com · [Portfolio](https://dana.dev)" }), "portfolio-link")).toEqual([]);
    expect(await hits(cv({ header: "dana@example.com · gitlab.com/dana" }), "portfolio-link")).toEqual([]);
  });

  it("reports a CV with only an e-mail and LinkedIn", async () => {
    expect(await hits(cv({ header: "dana@example.com · linkedin.com/in/dana" }), "portfolio-link")).toEqual([["missing", 1, 1]]);
  });

  it("finds the links of a raw HTML header in Markdown (<a href=…>GitHub</a>)", async () => {
    const md = cv({ header: '<p>\n  <a href="mailto:dana@example.com">dana@example.com</a> |\n  <a href="https://github.com/danam/">GitHub</a>\n</p>' });
    expect(await hits(md, "portfolio-link")).toEqual([]);
  });
});
