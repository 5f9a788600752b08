import { describe, expect, it } from "vitest";
import { lintFile } from "../../src/index.js";
import { fixture } from "../helpers.js";

describe("extraction-quality", () => {
  it("is silent on clean files", async () => {
    const r = await lintFile(fixture("cv/jane-doe-java.pdf"));
    expect(r.findings.filter((f) => f.ruleId === "extraction-quality")).toEqual([]);
  });

  it("names the cause when a page has no text", async () => {
    const r = await lintFile(fixture("layouts/half-scanned.pdf"));
    const f = r.findings.filter((x) => x.ruleId === "extraction-quality");
    expect(f.map((x) => [x.messageId, x.severity])).toEqual([["lowConfidence", "warning"]]);
    expect(f[0]!.message).toMatch(/page 2 has no text layer/);
  });
});
