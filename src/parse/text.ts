import { splitLines } from "../lines.js";
import type { RawLine } from "../types.js";
import type { ParsedSource } from "./markdown.js";
import { leadingBullet, normalizeGlyphs } from "./text-utils.js";

/**
 * Plain text → raw lines. Blank lines separate blocks; leading bullet glyphs and indentation make
 * bullets; a line underlined with === or --- is a heading. Columns are source columns.
 */
export function parseText(src: string): ParsedSource {
  const rows = splitLines(src);
  const out: RawLine[] = [];
  let prevBlank = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const next = rows[i + 1];
    if (/^\s*$/.test(row)) {
      prevBlank = true;
      continue;
    }
    // A rule of dots ("......", as plain-text CVs draw them under titles) separates; it is not text.
    if (/^\s*\.{5,}\s*$/.test(row)) {
      prevBlank = true;
      continue;
    }
    // Setext-style underline: the previous line was the heading.
    if (/^\s*(=+|-{3,}|_{3,})\s*$/.test(row)) {
      const last = out[out.length - 1];
      if (last && last.line === i && !prevBlank) {
        last.kind = "heading";
        last.certain = true;
        last.level = row.trim().startsWith("=") ? 1 : 2;
      }
      prevBlank = true;
      continue;
    }
    const norm = normalizeGlyphs(row);
    const indent = /^\s*/.exec(norm.text)![0].length;
    const b = leadingBullet(norm.text);
    const cut = b.bullet ? b.cut : indent;
    let text = norm.text.slice(cut);
    let from = norm.from.slice(cut);
    // (trimEnd, not text.replace(/\s+$/, ""), which is quadratic in a long run of inner spaces.)
    const trimmed = text.trimEnd();
    from = from.slice(0, trimmed.length);
    text = trimmed;
    const isUnderlined = next !== undefined && /^\s*(=+|-{3,})\s*$/.test(next) && !b.bullet;
    const continuation = !prevBlank && !b.bullet && indent > 0 && out.length > 0 && out[out.length - 1]!.kind === "bullet";
    out.push({
      text,
      cols: from.map((k) => k + 1),
      line: i + 1,
      kind: b.bullet || continuation ? "bullet" : "paragraph",
      level: b.bullet ? 1 + Math.floor(indent / 2) : undefined,
      blockStart: prevBlank || b.bullet || isUnderlined || !continuation,
    });
    prevBlank = false;
  }
  markParagraphStarts(out);
  return { lines: out, comments: [] };
}

/**
 * In text without markup, consecutive non-bullet lines are one paragraph only when they read as
 * wrapped prose; short lines ("Java, Python" / "Acme Corp — 2020") stay separate blocks.
 */
function markParagraphStarts(lines: RawLine[]): void {
  for (let i = 1; i < lines.length; i++) {
    const cur = lines[i]!;
    const prev = lines[i - 1]!;
    if (cur.kind !== "paragraph" || prev.kind !== "paragraph" || cur.line !== prev.line + 1) continue;
    const wrapped = prev.text.length >= 60 && !/[.:;!?]$/.test(prev.text) && /^[a-z(]/.test(cur.text);
    cur.blockStart = !wrapped;
  }
}
