import type { SourcePos } from "../types.js";

/** A position as a person reads it: "12:3" for Markdown and text, "p2:l14" for PDF, "¶7" for DOCX. */
export function showPos(pos: SourcePos, format: string | null): string {
  if (format === "pdf" && pos.page !== undefined) return `p${pos.page}:l${pos.pageLine ?? pos.line}`;
  if (format === "docx" && pos.paragraph !== undefined) return `¶${pos.paragraph}`;
  return `${pos.line}:${pos.column}`;
}
