import type { ChalkInstance } from "chalk";
import type { LintResult } from "../types.js";

export type FormatName = "stylish" | "json" | "sarif" | "github" | "junit" | "html";

/** Render results in one of the output formats; each reporter is loaded only when used. */
export async function formatResults(results: LintResult[], format: FormatName = "stylish", opts: { chalk?: ChalkInstance } = {}): Promise<string> {
  switch (format) {
    case "json":
      return (await import("./json.js")).formatJson(results);
    case "sarif":
      return (await import("./sarif.js")).formatSarif(results);
    case "github":
      return (await import("./github.js")).formatGithub(results);
    case "junit":
      return (await import("./junit.js")).formatJunit(results);
    case "html":
      return (await import("./html.js")).formatHtml(results);
    default: {
      const chalk = opts.chalk ?? new (await import("chalk")).Chalk({ level: 0 });
      return (await import("./stylish.js")).formatStylish(results, chalk);
    }
  }
}
