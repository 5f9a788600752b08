import { RULES } from "../rules/index.js";
import type { LintResult } from "../types.js";
import { showAlso } from "./position.js";

export const xml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** JUnit XML: a test suite per file, a test case per rule (failed when it has errors or warnings). */
export function formatJunit(results: LintResult[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const cases: string[] = [];
    if (r.error) {
      errors++;
      tests++;
      cases.push(`    <testcase classname="${xml(r.file)}" name="read"><error type="${xml(r.error.code)}" message="${xml(r.error.message)}"/></testcase>`);
    } else {
      const ids = RULES.filter((x) => !x.meta.needsJob || r.job).map((x) => x.name);
      // Findings of no rule (a cvlint-disable comment naming an unknown rule) get a case of their own.
      for (const f of r.findings) if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
      for (const id of ids) {
        const fs = r.findings.filter((f) => f.ruleId === id);
        const failing = fs.filter((f) => f.severity !== "info");
        tests++;
        if (failing.length === 0) {
          cases.push(`    <testcase classname="${xml(r.file)}" name="${xml(id)}"/>`);
          continue;
        }
        failures++;
        const body = fs.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}${f.also?.length ? ` (${showAlso(f, null)})` : ""}`).join("\n");
        cases.push(`    <testcase classname="${xml(r.file)}" name="${xml(id)}"><failure type="${failing.some((f) => f.severity === "error") ? "error" : "warning"}" message="${xml(failing[0]!.message)}">${xml(body)}</failure></testcase>`);
      }
    }
    const f = cases.filter((c) => c.includes("<failure")).length;
    const e = cases.filter((c) => c.includes("<error")).length;
    suites.push(`  <testsuite name="${xml(r.file)}" tests="${cases.length}" failures="${f}" errors="${e}">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cvlint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`;
}
