import { lineStarts } from "./lines.js";
import type { Finding, InputFormat } from "./types.js";

type FixEdit = NonNullable<Finding["fix"]>;

/** Start offset of every line of a text, line breaks (\n, \r\n, \r) kept in the previous line: the one line model (src/lines.ts). */
export const lineOffsets = lineStarts;

/** A skill's name as a list item holds it: no markup, link, code or path characters. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .+#&'’-]*$/u;
/** What may stand before an item: a list marker or label at the start of the line, or a separator. */
const BEFORE = /(?:^\s*(?:(?:[-*+•]|\d{1,3}[.)])\s)?|[:,;|•·(]|\s[-–—]|\s(?:and|&|or)\s|\s\/\s)[*_\s]*$/u;
/** What may stand after it: a version, then a separator or the end of the line. */
const AFTER = /^(?:\s?v?\d+(?:\.\d+)*\+?)?[*_\s]*(?:\.?$|[,;|•·–—)]|(?:and|&|or)\s|\/\s)/u;
/** A bullet that holds one item and nothing else. */
const LONE_BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+[*_]{0,3}[\p{L}\p{N}][\p{L}\p{N} .+#&'’-]*?(?:\s?v?\d+(?:\.\d+)*\+?)?[*_]{0,3}\s*$/u;
/** An item removed with the one separator beside it: ", Postgres", "Postgres, ", " and Go". */
const REMOVED = /^(?:\s*(?:[,;|•·]|\s(?:and|&|or))\s*[\p{L}\p{N}][\p{L}\p{N} .+#&'’-]*?|[\p{L}\p{N}][\p{L}\p{N} .+#&'’-]*?(?:[,;|•·]\s*|\s(?:and|&|or)\s+))$/u;

/**
 * Whether a fix edits one whole item of a list as the source shows it, and nothing else: the
 * replaced text is a plain name between a list marker, label or separator and a separator or the
 * end of the line; a removal takes one item with one separator, or a bullet holding only that item.
 * Never a word inside a longer token, a link's text, a code span, a heading or a sentence: the
 * rules only offer fixes for whole skills-list items, and this is the check on the bytes that
 * --fix will write.
 */
export function safeFix(lines: string[], f: FixEdit): boolean {
  const src = lines[f.line - 1];
  if (src === undefined) return false;
  const text = src.replace(/\r?\n$|\r$/, "");
  // A skills line is short; a longer one is prose, and the patterns below stay linear on short input.
  if (text.length > 400) return false;
  if (f.text === "" && f.column === 1 && f.endColumn === 1 && f.endLine === f.line + 1) return LONE_BULLET.test(text);
  if (f.endLine !== f.line || f.endColumn <= f.column || f.endColumn - 1 > text.length) return false;
  const before = text.slice(0, f.column - 1);
  const old = text.slice(f.column - 1, f.endColumn - 1);
  const after = text.slice(f.endColumn - 1);
  if (f.text === "") {
    if (!REMOVED.test(old)) return false;
    // "Postgres, " from the start of an item; ", Postgres" up to the end of one: never mid-token.
    return /^[\p{L}\p{N}]/u.test(old) ? !/[\p{L}\p{N}.@/_-]$/u.test(before) : !/^[\p{L}\p{N}.@/_-]/u.test(after);
  }
  return NAME.test(old) && NAME.test(f.text) && BEFORE.test(before) && AFTER.test(after);
}

/**
 * Keep the fixes --fix can apply safely. Fixes are offered only for Markdown and text, whose
 * positions are source positions; a PDF, DOCX or JSON Resume is changed in what it was made from.
 * A finding whose fix is not safe keeps its message and is no longer fixable.
 */
export function keepSafeFixes(findings: Finding[], format: InputFormat, source: string | undefined): void {
  let lines: string[] | undefined;
  const safe = (fix: FixEdit): boolean => {
    if ((format !== "markdown" && format !== "text") || source === undefined) return false;
    if (!lines) {
      const starts = lineOffsets(source);
      lines = starts.map((s, i) => source.slice(s, starts[i + 1] ?? source.length));
    }
    return safeFix(lines, fix);
  };
  for (const f of findings) {
    // A finding's other places (the same edit again) carry fixes of their own, checked alike.
    let kept = false;
    for (const p of f.also ?? []) {
      if (p.fix && !safe(p.fix)) p.fix = undefined;
      if (p.fix) kept = true;
    }
    if (f.fix && !safe(f.fix)) f.fix = undefined;
    f.fixable = f.fix !== undefined || kept;
  }
}
