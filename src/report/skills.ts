import type { ChalkInstance } from "chalk";
import type { Analysis } from "../match/analyze.js";
import { CATEGORIES } from "../taxonomy/schema.js";
import { showPos } from "./position.js";

const SECTION_ORDER = ["skills", "experience", "projects", "summary", "header", "education", "certifications", "other"];

/** `cvlint skills`: the skills found, by category, with the sections each was seen in. */
export function formatSkills(a: Analysis, c: ChalkInstance, explain: boolean): string {
  const out: string[] = [c.bold(a.doc.file) + c.dim(` (${a.doc.format}) · ${a.skills.filter((s) => s.known).length} known skills, ${a.skills.filter((s) => !s.known).length} unknown`)];
  const w = Math.max(...CATEGORIES.map((x) => x.length));
  for (const cat of CATEGORIES) {
    const hits = a.skills.filter((s) => s.category === cat);
    if (hits.length === 0) continue;
    out.push("", c.cyan(cat));
    for (const h of hits) {
      const where = [...h.sections].sort((x, y) => SECTION_ORDER.indexOf(x) - SECTION_ORDER.indexOf(y)).join(", ");
      const flags = [h.known ? "" : c.yellow("not in taxonomy"), h.canonical ? "" : c.yellow("non-canonical spelling"), h.suggestion ? c.yellow(`did you mean ${h.suggestion.name}?`) : ""].filter(Boolean).join(" · ");
      out.push(`  ${h.name.padEnd(Math.max(w, 24))} ${c.dim(where)}${flags ? `  ${flags}` : ""}`);
      if (explain && h.imported) out.push(c.dim(`      ${h.imported}: not a hand-curated entry`));
      if (explain) {
        for (const o of h.occurrences) {
          const pos = showPos({ line: o.line, column: o.column, page: o.page, pageLine: a.doc.lines[o.lineIndex]?.pos.pageLine, paragraph: a.doc.lines[o.lineIndex]?.pos.paragraph }, a.doc.format);
          const how = o.via === "name" ? "canonical name" : `${o.via} "${o.form}"`;
          out.push(c.dim(`      ${pos.padEnd(9)} "${o.text}" in ${o.section} · ${how}${o.context ? ` · ${o.context}` : ""}`));
        }
      }
    }
  }
  if (a.practices.length) {
    out.push("", c.cyan("practices") + c.dim(" (general practices describe the work: not counted as skills)"));
    for (const h of a.practices) {
      const where = [...h.sections].sort((x, y) => SECTION_ORDER.indexOf(x) - SECTION_ORDER.indexOf(y)).join(", ");
      out.push(`  ${h.name.padEnd(Math.max(w, 24))} ${c.dim(where)}`);
    }
  }
  const unknown = a.skills.filter((s) => !s.known).length;
  if (unknown > 0) {
    out.push("", c.dim(`${unknown} item${unknown === 1 ? " is" : "s are"} in no taxonomy (under "other"): evidence and tailoring checks do not cover ${unknown === 1 ? "it" : "them"}; add them with --taxonomy <file> (see README, "Skills and the taxonomy").`));
  }
  return `${out.join("\n")}\n`;
}
