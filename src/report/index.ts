import type { ChalkInstance } from "chalk";
import type { LintResult } from "../types.js";
import { terminalSafeResults } from "./safe.js";

export type FormatName = "stylish" | "compact" | "json" | "sarif" | "github" | "junit" | "html";

/**
 * Render results in one of the output formats; each reporter is loaded only when used.
 * `indent: false` writes JSON and SARIF on one line (default: indented); `width` wraps stylish
 * messages to a terminal's width. Formats read on a terminal get the results' strings with control
 * characters escaped, in place (src/report/safe.ts).
 */
export async function formatResults(results: LintResult[], format: FormatName = "stylish", opts: { chalk?: ChalkInstance; indent?: boolean; quiet?: boolean; histogram?: boolean; stepSummary?: boolean; width?: number } = {}): Promise<string> {
  switch (format) {
    case "json":
      return (await import("./json.js")).formatJson(results, opts.indent);
    case "sarif":
      return (await import("./sarif.js")).formatSarif(results, opts.indent);
    case "compact":
      return (await import("./compact.js")).formatCompact(terminalSafeResults(results));
    case "github":
      return (await import("./github.js")).formatGithub(terminalSafeResults(results), { stepSummary: opts.stepSummary });
    case "junit":
      return (await import("./junit.js")).formatJunit(results);
    case "html":
      return (await import("./html.js")).formatHtml(results);
    default: {
      const chalk = opts.chalk ?? new (await import("chalk")).Chalk({ level: 0 });
      return (await import("./stylish.js")).formatStylish(terminalSafeResults(results), chalk, { quiet: opts.quiet, histogram: opts.histogram, width: opts.width });
    }
  }
}
