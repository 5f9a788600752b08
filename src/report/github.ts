import { relative, sep } from "node:path";
import type { LintResult, Severity } from "../types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** Escaping of workflow command data and properties, as the Actions toolkit does it. */
export const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function path(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel.startsWith("..") ? file : rel).split(sep).join("/");
}

/** GitHub Actions workflow commands: annotations on the CV's lines in pull requests. */
export function formatGithub(results: LintResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`::error file=${escapeProperty(path(r.file))},title=${escapeProperty(`cvlint/${r.error.code}`)}::${escapeData(r.error.message)}`);
      continue;
    }
    for (const f of r.findings) {
      const props = [`file=${escapeProperty(path(r.file))}`, `line=${f.line}`, `col=${f.column}`];
      if (f.endLine !== undefined) props.push(`endLine=${f.endLine}`, `endColumn=${f.endColumn}`);
      props.push(`title=${escapeProperty(`cvlint/${f.ruleId}`)}`);
      out.push(`::${COMMAND[f.severity]} ${props.join(",")}::${escapeData(f.message)}`);
    }
  }
  return out.length ? `${out.join("\n")}\n` : "";
}
