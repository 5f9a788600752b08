export const TOOL = { name: "cvlint", version: "0.1.0", informationUri: "https://github.com/cvlint/cvlint" };

/** Where a rule's documentation lives (the docs/rules pages shipped with the project). */
export function ruleDocsUrl(id: string): string {
  // A cvlint-disable comment naming no rule is reported by the engine, not a rule: the README says how comments work.
  if (id === "cvlint-disable") return `${TOOL.informationUri}#configuration`;
  return `${TOOL.informationUri}/blob/main/docs/rules/${id}.md`;
}
