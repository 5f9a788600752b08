import { describe, expect, it } from "vitest";
import { lintFile } from "../../src/index.js";
import { fixture } from "../helpers.js";
import { cv, hits } from "./harness.js";

describe("stray-markup", () => {
  it("reports HTML tags a browser-printed PDF shows as text, once, listing the other lines (ADVICE.md's coach)", async () => {
    const r = await lintFile(fixture("layouts/browser-printed-tags.pdf"));
    const f = r.findings.filter((x) => x.ruleId === "stray-markup");
    expect(f.map((x) => [x.messageId, x.line, x.also?.map((p) => p.line)])).toEqual([["printed", 3, [4, 5, 13, 14]]]);
    expect(f[0]!.message).toMatch(/<strong>, <a>, <br>, <b>\) on 6 lines/);
  });

  it("is silent on clean PDFs and on Markdown, whose raw HTML a renderer shows as formatting", async () => {
    const r = await lintFile(fixture("cv/jane-doe-java.pdf"));
    expect(r.findings.filter((x) => x.ruleId === "stray-markup")).toEqual([]);
    expect(await hits(cv({ experience: "- <b>Migrated 40 services</b> to Kubernetes with Terraform.<br>Cut costs by 30%." }), "stray-markup")).toEqual([]);
  });
});
