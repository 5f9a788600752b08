import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// Every regular expression literal in src/ and recheck's verdict on it (scripts/check-regexes.mjs).
import { BOUNDED, VERDICTS, regexLiterals, verdict } from "../scripts/check-regexes.mjs";

describe("regular expressions (issue 24): none backtracks super-linearly on input it can meet", () => {
  it("each expression in src/ is safe by recheck, or bounded where it is used (with the reason written down)", async () => {
    const known = JSON.parse(readFileSync(VERDICTS, "utf8")) as Record<string, string>;
    const found = regexLiterals() as Array<{ file: string; line: number; text: string }>;
    expect(found.length).toBeGreaterThan(100);
    const bad: string[] = [];
    for (const { file, line, text } of found) {
      // A new or changed expression is checked now (recheck's native binary; about a second each).
      const v = known[text] ?? (await verdict(text));
      if (v !== "safe" && !(BOUNDED as Record<string, string>)[text]) bad.push(`${file}:${line} ${v} ${text}`);
    }
    expect(bad, "run `node scripts/check-regexes.mjs --write` after rewriting them as scans or bounding their input").toEqual([]);
  }, 300_000);

  it("expressions built from strings (not literals, so not in the list above) are safe by recheck too", async () => {
    // The opaque spans' expression was polynomial while no check saw it: the fuzzer found a
    // 25 KB line that took 3.5 s (issue 24).
    const { opaqueRe } = await import("../src/match/tokenize.js");
    const { DATE_RE } = await import("../src/rules/quantified-achievements.js");
    for (const re of [opaqueRe(), DATE_RE]) expect(await verdict(`/${re.source}/${re.flags}`), re.source).toBe("safe");
  }, 300_000);

  it("recheck finds the quadratic expressions this project had (the checker works)", async () => {
    expect(await verdict("/\\s+$/")).toMatch(/vulnerable/);
    expect(await verdict("/<!--([\\s\\S]*?)-->/g")).toMatch(/vulnerable/);
    expect(await verdict("/^[a-z]+$/i")).toBe("safe");
  }, 60_000);
});
