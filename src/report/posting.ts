import type { ChalkInstance } from "chalk";
import type { JobPosting, Level, Requirement } from "../job/posting.js";
import { maxOf } from "../arrays.js";
import { describeRequirement } from "../job/describe.js";

const LEVELS: Array<[Level, string, string]> = [
  ["required", "required", "required"],
  ["preferred", "niceToHave", "preferred"],
  ["stack", "stack", "stack (the team's technologies: context, weighed low)"],
];

/** A requirement in the JSON of `cvlint posting` (the fields of the `job` object, less the CV's evidence). */
function requirementJson(r: Requirement) {
  return {
    name: r.name,
    ids: r.ids,
    names: r.names,
    category: r.category,
    line: r.line,
    column: r.column,
    reason: r.reason,
    cue: r.cue,
    anyOf: r.anyOf,
    ...(r.head ? { head: r.head } : {}),
  };
}

/** What `cvlint posting --format json` prints: the sections read, and the requirements by level. */
export function postingJson(p: JobPosting): object {
  const sections = p.doc.sections.map((s) => ({ kind: s.kind, heading: s.heading, line: s.headingLine !== null ? p.doc.lines[s.headingLine]!.pos.line : p.doc.lines[s.start]?.pos.line ?? 1 }));
  const by = Object.fromEntries(LEVELS.map(([level, key]) => [key, p.requirements.filter((r) => r.level === level).sort((a, b) => a.line - b.line || a.column - b.column).map(requirementJson)]));
  return { file: p.file, format: p.doc.format, sections, recognised: p.requirements.length > 0, ...by };
}

/** `cvlint posting FILE`: the posting's sections, then each level's requirements with the line and the cue that decided it. */
export function formatPosting(p: JobPosting, c: ChalkInstance): string {
  const out = [c.underline(p.file)];
  const sections = p.doc.sections.map((s) => (s.heading ? `${s.kind} "${s.heading}"` : s.kind)).join(" · ");
  out.push(c.dim(`  ${p.doc.format} · sections: ${sections || "none found"}`));
  if (p.requirements.length === 0) {
    out.push("", `  ${c.yellow("no skill recognised")}: cvlint finds no technology, practice or requirement it knows in this posting, so a CV gets no match rate against it.`, "");
    return `${out.join("\n")}\n`;
  }
  const w = maxOf(p.requirements, (r) => String(r.line).length);
  for (const [level, , title] of LEVELS) {
    const list = p.requirements.filter((r) => r.level === level).sort((a, b) => a.line - b.line || a.column - b.column);
    if (list.length === 0) continue;
    out.push("", `  ${c.bold(title)} ${c.dim(`(${list.length})`)}`);
    for (const r of list) {
      const kind = r.category === "technical" ? "" : c.dim(` [${r.category}]`);
      const named = r.names.filter((_, k) => r.ids[k]!.startsWith("other:"));
      const outside = named.length === 0 ? "" : c.dim(` (${r.names.length > 1 ? `${named.join(", ")}: ` : ""}not in the taxonomy, searched for by its words)`);
      out.push(`    ${c.dim(`line ${String(r.line).padStart(w)}`)}  ${describeRequirement(r)}${kind}${outside}  ${c.dim(`← ${r.reason}`)}`);
    }
  }
  out.push("");
  return `${out.join("\n")}\n`;
}
