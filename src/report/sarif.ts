import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { RULES } from "../rules/index.js";
import type { FindingPlace, LintResult, Severity } from "../types.js";
import { jsonDocument } from "./json.js";
import { ruleDocsUrl, TOOL } from "./meta.js";

const LEVEL: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };

/**
 * An artifact's URI: relative to the working directory, where code scanning and the SARIF viewers
 * resolve it (percent-encoded, never starting with a slash: the SARIF Multitool's SARIF1004); a
 * file outside it is an absolute file:// URI, without a uriBaseId. Standard input is "stdin".
 */
export function artifactUri(file: string): string {
  if (file === "<stdin>" || file === "<text>") return file.slice(1, -1);
  const rel = relative(process.cwd(), resolve(file));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return pathToFileURL(resolve(file)).href;
  return rel.split(sep).map(encodeURIComponent).join("/");
}

function region(p: FindingPlace): object {
  return { startLine: p.line, startColumn: p.column, ...(p.endLine !== undefined ? { endLine: p.endLine, endColumn: p.endColumn } : {}) };
}

/**
 * SARIF 2.1.0: every rule once in tool.driver.rules (with help URIs to the rule docs), a result
 * per finding with a physical location (line and column in the extracted text, which is the
 * source for Markdown; PDF page and DOCX paragraph go in properties), and unreadable files as
 * tool execution notifications. The other places of a grouped finding (the same edit again)
 * are its relatedLocations.
 */
export function toSarif(results: LintResult[]): object {
  const used = RULES.filter((r) => results.some((res) => res.findings.some((f) => f.ruleId === r.name)));
  const index = new Map(used.map((r, i) => [r.name, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            informationUri: TOOL.informationUri,
            rules: used.map((r) => ({
              id: r.name,
              shortDescription: { text: r.meta.description },
              fullDescription: { text: `${r.meta.description} ${r.meta.advice}` },
              helpUri: ruleDocsUrl(r.name),
              defaultConfiguration: { level: r.meta.severity === "off" ? "none" : LEVEL[r.meta.severity] },
              properties: { category: r.meta.category, fixable: r.meta.fixable },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: !results.some((r) => r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({
                level: "error",
                message: { text: `${r.error!.message} [${r.error!.code}]` },
                locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(r.file) } } }],
              })),
          },
        ],
        results: results.flatMap((res) =>
          res.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(res.file) },
                  region: region(f),
                },
              },
            ],
            ...(f.also?.length
              ? { relatedLocations: f.also.map((p, i) => ({ id: i + 1, physicalLocation: { artifactLocation: { uri: artifactUri(res.file) }, region: region(p) }, message: { text: "Another place of this finding." } })) }
              : {}),
            ...(f.page !== undefined || f.paragraph !== undefined ? { properties: { ...(f.page !== undefined ? { page: f.page, pageLine: f.pageLine } : {}), ...(f.paragraph !== undefined ? { paragraph: f.paragraph } : {}) } } : {}),
          })),
        ),
      },
    ],
  };
}

export function formatSarif(results: LintResult[], indent = true): string {
  return jsonDocument(toSarif(results), indent);
}
