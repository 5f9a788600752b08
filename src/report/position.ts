import type { Finding, SourcePos } from "../types.js";

/** A position as a person reads it: "12:3" for Markdown and text, "p2:l14" for PDF, "¶7" for DOCX. */
export function showPos(pos: SourcePos, format: string | null): string {
  if (format === "pdf" && pos.page !== undefined) return `p${pos.page}:l${pos.pageLine ?? pos.line}`;
  if (format === "docx" && pos.paragraph !== undefined) return `¶${pos.paragraph}`;
  return `${pos.line}:${pos.column}`;
}

/** The other places of a grouped finding, for a message: "also at 14:3, 40:1 and 3 more" (empty when none). */
export function showAlso(f: Finding, format: string | null, max = 4): string {
  const also = f.also;
  if (!also || also.length === 0) return "";
  const shown = also.slice(0, max).map((p) => showPos(p, format));
  const more = also.length - shown.length;
  return `also at ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
