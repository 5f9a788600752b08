import type { LintResult } from "../types.js";
import { showAlso } from "./position.js";

/**
 * One line per finding, `file:line:col: severity message [rule]`, as compilers write them: for
 * grep, editors' error lists (Vim's errorformat, Emacs compilation mode) and long folder runs. An
 * unreadable file is one line at 1:1 with its error code. `line` is the extracted line for PDF and
 * DOCX, as in JSON.
 */
export function formatCompact(results: LintResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${r.file}:1:1: error ${oneLine(r.error.message)} [${r.error.code}]`);
      continue;
    }
    for (const f of r.findings) {
      const also = showAlso(f, null);
      out.push(`${r.file}:${f.line}:${f.column}: ${f.severity} ${oneLine(f.message)}${also ? ` (${also})` : ""} [${f.ruleId}]`);
    }
  }
  return out.length ? `${out.join("\n")}\n` : "";
}

const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, " ");
