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

// Line breaks, with the spaces around them, as one space, by a scan: the expression that did it
// (spaces, then breaks, then spaces) was quadratic on a long run of spaces.
function oneLine(s: string): string {
  if (!/[\r\n]/.test(s)) return s;
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c !== 10 && c !== 13) {
      i++;
      continue;
    }
    out = (out + s.slice(from, i)).trimEnd() + " ";
    while (i < s.length && s[i]!.trim() === "") i++;
    from = i;
  }
  return out + s.slice(from);
}
