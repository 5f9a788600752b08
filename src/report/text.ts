import type { ChalkInstance } from "chalk";
import type { CvDocument } from "../types.js";
import { showPos } from "./position.js";
import { maxOf } from "../arrays.js";

/** `cvlint text`: every line cvlint read, with its position, block kind and section. */
export function formatDocumentText(doc: CvDocument, c: ChalkInstance): string {
  const q = doc.quality;
  const out: string[] = [];
  out.push(c.bold(`${doc.file}`) + c.dim(` (${doc.format}${doc.format === "pdf" ? `, ${q.pages} page${q.pages === 1 ? "" : "s"}${q.columns ? ", columns detected" : ""}` : ""}, extraction confidence ${q.confidence.toFixed(2)})`));
  for (const r of q.reasons) out.push(c.yellow(`  ! ${r}`));
  out.push("");
  out.push(c.bold("sections"));
  for (const s of doc.sections) {
    const first = doc.lines[s.start];
    const last = doc.lines[s.end];
    const span = first && last ? `${showPos(first.pos, doc.format)}–${showPos(last.pos, doc.format)}` : "";
    const sure = s.confidence.toFixed(2);
    out.push(`  ${s.kind.padEnd(14)} ${(s.heading ? `"${s.heading}"` : "(no heading)").padEnd(34)} ${c.dim(span)}  ${s.confidence < 0.5 ? c.yellow(sure) : c.dim(sure)}  ${c.dim(s.detectedBy)}`);
    if (s.doubt) out.push(c.yellow(`    ! ${s.doubt}`));
  }
  out.push("");
  const posW = maxOf(doc.lines, (l) => showPos(l.pos, doc.format).length);
  let lastSection = -1;
  for (const l of doc.lines) {
    if (l.section !== lastSection) {
      const s = doc.sections[l.section]!;
      out.push(c.cyan(`── ${s.kind}${s.heading ? `: ${s.heading}` : ""} ──`));
      lastSection = l.section;
    }
    const kind = `${l.kind}${l.level !== undefined && l.level < 99 ? ` ${l.level}` : ""}`;
    const cont = doc.blocks[l.block]!.start !== l.index ? "+" : " ";
    out.push(`${c.dim(showPos(l.pos, doc.format).padStart(posW))}  ${c.dim(kind.padEnd(11))}${cont} ${l.kind === "heading" ? c.bold(l.text) : l.text}`);
  }
  if (doc.links.length) {
    out.push("", c.bold("links"));
    for (const k of doc.links) out.push(`  ${String(k.line).padStart(posW)}  ${k.url}`);
  }
  return `${out.join("\n")}\n`;
}

/** Machine-readable form of `cvlint text --format json`. */
export function documentJson(doc: CvDocument): object {
  return {
    file: doc.file,
    format: doc.format,
    quality: doc.quality,
    sections: doc.sections.map((s) => ({
      kind: s.kind,
      heading: s.heading,
      line: doc.lines[s.headingLine ?? s.start]?.pos.line ?? 1,
      start: doc.lines[s.start]?.pos.line,
      end: doc.lines[s.end]?.pos.line,
      detectedBy: s.detectedBy,
      confidence: s.confidence,
      ...(s.doubt ? { doubt: s.doubt } : {}),
    })),
    lines: doc.lines.map((l) => ({ ...l.pos, kind: l.kind, level: l.level, section: doc.sections[l.section]?.kind, blockStart: doc.blocks[l.block]?.start === l.index, text: l.text })),
    links: doc.links,
  };
}
