import type { LintResult } from "../types.js";

/** The JSON contract of DESIGN.md: one document, results in input order. */
export function toJson(results: LintResult[]): object {
  return {
    version: 1,
    results: results.map(({ document: _doc, analysis: _analysis, source: _source, pages: _pages, ...r }) => r),
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
  };
}

export function formatJson(results: LintResult[]): string {
  return `${JSON.stringify(toJson(results), null, 2)}\n`;
}
