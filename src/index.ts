/** cvlint's public API. No commander, no colours: see src/cli.ts for the command line. */
export { lintFile, lintBytes, lintText, type LintOptions } from "./lint.js";
export { buildDocument } from "./document/build.js";
export { classifyHeading } from "./document/headings.js";
export { formatJson, toJson } from "./report/json.js";
export { formatResults, type FormatName } from "./report/index.js";
export { readPosting, extractRequirements, type JobPosting, type Requirement, type Level, type RequirementCategory, type Cue } from "./job/posting.js";
export { matchJob, type JobMatch, type RequirementMatch, type Shown } from "./job/match.js";
export { loadConfigFile, resolveConfig, type ResolvedConfig } from "./config.js";
export { CvlintError, ErrorCodes } from "./errors.js";
export type * from "./types.js";
