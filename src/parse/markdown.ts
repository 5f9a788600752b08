import MarkdownIt from "markdown-it";
import { isSpace } from "../match/scan.js";
import type { RawLine } from "../types.js";
import { findLinks } from "../document/links.js";
import { parseText } from "./text.js";
import { hasSpecialGlyphs, normalizeGlyphs } from "./text-utils.js";
import { pushAll } from "../arrays.js";
import { lineStarts, toLf } from "../lines.js";
import { attributes, BADGE, htmlState, readHtml, type Placed } from "./html.js";

type Token = ReturnType<MarkdownIt["parse"]>[number];

export interface MarkdownComment {
  /** The comment's text without `<!--` and `-->`, trimmed. */
  text: string;
  line: number;
  endLine: number;
}

export interface ParsedSource {
  lines: RawLine[];
  comments: MarkdownComment[];
  /** PDF only: page count and pages without text. */
  pages?: number;
  emptyPages?: number[];
  /** Links outside the text read (Markdown front matter: `github: https://github.com/x`). */
  links?: Array<{ url: string; line: number }>;
  /** PDF only: a multi-column layout was read column by column. */
  columns?: boolean;
  /** PDF only: share of rows with text side by side that could not be split into columns. */
  interleavedRatio?: number;
  /** PDF only: text items of icon fonts left out (icon glyphs and icon names). */
  iconItems?: number;
  /** Words found glued to an image's alt text or icon name ("Pythonimage"), as they were. */
  glued?: string[];
}

const placed = (): Placed => ({ text: "", offs: [] });

/** Fence info strings that mark a block as plain text rather than code. */
const PLAIN_INFO = /^(?:text|txt|plain|plaintext|plain-text)$/i;

/** One parser for the process: CommonMark with GFM tables and raw HTML (for comments), no typography. */
let parser: MarkdownIt | undefined;
/** The same without emphasis and strikethrough, whose marks it reads as text. */
let literalParser: MarkdownIt | undefined;

/** Emphasis marks a Markdown CV may hold and have read as emphasis (a CV has a few hundred). */
export const MAX_EMPHASIS_MARKS = 50_000;

/** The "*", "_" and "~" of a text: each may open or close emphasis. */
function emphasisMarks(src: string): number {
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 42 || c === 95 || c === 126) n++;
  }
  return n;
}

/** YAML/TOML front matter at the start of a file, fences included. */
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The source with its front matter blanked out, keeping every offset (and so every line and column) in place. */
function blankFrontMatter(src: string, front: string): string {
  return front ? front.replace(/[^\r\n]/g, " ") + src.slice(front.length) : src;
}

/** URLs in the front matter (contact details that resume templates keep as metadata), with their lines. */
function frontMatterLinks(front: string): Array<{ url: string; line: number }> {
  const out: Array<{ url: string; line: number }> = [];
  front.split("\n").forEach((text, k) => {
    for (const l of findLinks(text, k + 1)) out.push({ url: l.url, line: l.line });
  });
  return out;
}

/** A raw `<hr>` or `<br>` alone on its line. */
const LONE_BREAK = /^[ \t]*<(?:hr|br)(?:\s[^<>]*)?\/?>[ \t]*$/i;

/**
 * "## Skills", then "<hr>", then the list: CommonMark starts an HTML block at such a line (rule 6
 * for `<hr>`, 7 for `<br>`), which runs to the next blank line and swallows the text under it as
 * raw HTML, though a browser shows that text. The source with those lines blanked to spaces
 * (every offset kept, so lines and columns stay those of the source), when there are any: the
 * text after them then reads as the Markdown it is. Null when no HTML block starts that way.
 */
function blankLoneBreaks(src: string, tokens: Token[], starts: number[]): string | null {
  const lineText = (k: number): string => src.slice(starts[k]!, (starts[k + 1] ?? src.length + 1) - 1);
  // (The pieces are joined once at the end: a copy of the source per line was quadratic.)
  const pieces: string[] = [];
  let from = 0;
  for (const t of tokens) {
    if (t.type !== "html_block" || !t.map) continue;
    let k = t.map[0];
    // Only a block with more than its breaks: a rule alone between paragraphs swallows nothing.
    while (k < t.map[1] && LONE_BREAK.test(lineText(k))) k++;
    if (k === t.map[0] || k >= t.map[1]) continue;
    for (let j = t.map[0]; j < k; j++) {
      const a = starts[j]!;
      const b = a + lineText(j).length;
      pieces.push(src.slice(from, a), " ".repeat(b - a));
      from = b;
    }
  }
  if (pieces.length === 0) return null;
  pieces.push(src.slice(from));
  return pieces.join("");
}

/**
 * Markdown → raw lines with exact source positions.
 * Block structure comes from markdown-it (CommonMark + GFM tables; front matter blanked first);
 * inline markup (`**Go**`, `` `Kafka` ``, links) is removed from the text while every character
 * keeps its source column, recovered by walking the source of each block alongside its tokens.
 */
export function parseMarkdown(text: string): ParsedSource {
  parser ??= new MarkdownIt({ html: true, linkify: false, typographer: false });
  // Line breaks as "\n" (src/lines.ts): lines and columns stay those of the source, bare "\r" and
  // "\r\n" included, which is how markdown-it numbers lines too.
  const input = toLf(text);
  const front = FRONT_MATTER.exec(input)?.[0] ?? "";
  let src = blankFrontMatter(input, front);
  const frontLinks = front ? frontMatterLinks(front) : [];
  // (A text of more emphasis marks than any CV's is read with its marks as text: markdown-it makes
  // a token and a delimiter of each, and 1,300,000 of them needed more than a worker's heap, issue 24.)
  const md = emphasisMarks(src) > MAX_EMPHASIS_MARKS ? (literalParser ??= new MarkdownIt({ html: true, linkify: false, typographer: false }).disable(["emphasis", "strikethrough"])) : parser;
  let tokens = md.parse(src, {});
  const starts = lineStarts(src);
  const unbroken = blankLoneBreaks(src, tokens, starts);
  if (unbroken !== null) {
    src = unbroken;
    tokens = md.parse(src, {});
  }
  const lineOf = lineFinder(starts);
  const out: RawLine[] = [];
  const comments: MarkdownComment[] = [];
  const hrefs: Array<{ url: string; line: number }> = [];

  /** Place a piece of text at its source offsets, searching forward from `cursor`; returns the new cursor. */
  function place(text: string, cursor: number, end: number, acc: Placed): number {
    // Within a window after the cursor: the markup between two pieces of text is short (link targets
    // are stepped over), and a search to the end of the source per piece was quadratic.
    const win = src.slice(cursor, Math.min(end, cursor + 2 * text.length + 1024)).indexOf(text);
    const whole = win < 0 ? -1 : cursor + win;
    if (whole >= 0 && whole + text.length <= end) {
      acc.text += text;
      for (let i = 0; i < text.length; i++) acc.offs.push(whole + i);
      return whole + text.length;
    }
    // Escapes and entities make the text differ from its source ("\*", "&amp;"): char by char.
    let p = cursor;
    for (const ch of text) {
      // (Looked for within the next 12 characters only: an indexOf over the rest of the source per
      // character was quadratic on a paragraph of entities, issue 24.)
      const near = src.slice(p, Math.min(end, p + 12 + ch.length)).indexOf(ch);
      const found = near < 0 ? -1 : p + near;
      acc.text += ch;
      if (found >= 0 && found < end && found - p < 12) {
        for (let k = 0; k < ch.length; k++) acc.offs.push(found + k);
        p = found + ch.length;
      } else {
        const at = Math.min(p, Math.max(end - 1, 0));
        for (let k = 0; k < ch.length; k++) acc.offs.push(at);
      }
    }
    return p;
  }

  /** The characters of an inline token, each with its source offset. */
  function inline(tok: Token, region?: [number, number], from?: number): Placed {
    const acc = placed();
    const [s, e] = tok.map ?? region ?? [0, 0];
    let cursor = Math.max(starts[s] ?? 0, from ?? 0);
    const end = starts[e] ?? src.length;
    for (const c of tok.children ?? []) {
      switch (c.type) {
        case "text":
          if (c.content) cursor = place(c.content, cursor, end, acc);
          break;
        case "code_inline":
          cursor = place(c.content, cursor, end, acc);
          break;
        case "softbreak":
        case "hardbreak": {
          const nl = src.indexOf("\n", cursor);
          acc.text += "\n";
          acc.offs.push(nl >= 0 ? nl : cursor);
          cursor = nl >= 0 ? nl + 1 : cursor;
          break;
        }
        case "link_open": {
          const href = c.attrGet("href");
          if (href) hrefs.push({ url: href, line: lineOf(cursor) });
          if (c.markup === "autolink") cursor = src.indexOf("<", cursor) + 1 || cursor;
          break;
        }
        case "link_close": {
          // Step over "](url "title")" or "][ref]" or the autolink's ">".
          const rest = src.slice(cursor, end);
          const m = c.markup === "autolink" ? /^>/.exec(rest) : /^\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)|^\]\[[^\]]*\]|^\]/.exec(rest);
          if (m) cursor += m[0].length;
          break;
        }
        case "image": {
          // A badge or skill icon (![Java](https://img.shields.io/…), devicon, skillicons) names the
          // skill in its alt text, which is read; other images (a photo) are not text.
          const m = /!\[([^\]]*)\]\(([^)]*)\)/.exec(src.slice(cursor, end));
          if (!m) break;
          const alt = m[1]!.trim();
          const altAt = cursor + m.index + 2 + m[1]!.indexOf(alt);
          if (alt && c.content === alt && BADGE.test(m[2]!)) place(alt, altAt, end, acc);
          cursor += m.index + m[0].length;
          break;
        }
        case "html_inline": {
          // A raw <br> breaks the line, a skill icon's <img> names its skill; other tags are no text.
          const at = src.slice(cursor, Math.min(end, cursor + 1024)).indexOf(c.content);
          if (at < 0) break;
          const tagAt = cursor + at;
          const tagEnd = tagAt + c.content.length;
          const name = /^<([A-Za-z][A-Za-z0-9]*)/.exec(c.content)?.[1]?.toLowerCase();
          if (name === "br") {
            acc.text += "\n";
            acc.offs.push(tagAt);
          } else if (name === "img") {
            const attrs = attributes(src, tagAt + 4, tagEnd - 1);
            const alt = attrs.find((a) => a.name === "alt");
            const text = alt?.value.trim() ?? "";
            if (text && BADGE.test(attrs.find((a) => a.name === "src")?.value ?? "")) {
              if (acc.text.length > 0 && !isSpace(acc.text.charCodeAt(acc.text.length - 1))) {
                acc.text += " ";
                acc.offs.push(tagAt);
              }
              place(text, alt!.at, tagEnd, acc);
            }
          } else if (name === "a") {
            const href = attributes(src, tagAt + 2, tagEnd - 1).find((a) => a.name === "href");
            if (href?.value) hrefs.push({ url: href.value, line: lineOf(href.at) });
          }
          cursor = tagEnd;
          break;
        }
        default:
          // emphasis and strong markers: no text.
          break;
      }
    }
    return acc;
  }

  /** Split placed text into source lines (at line breaks and where the source line changes) and emit them. */
  function emit(acc: Placed, kind: RawLine["kind"], level: number | undefined, certain: boolean, firstStartsBlock: boolean): void {
    const { text: s, offs } = acc;
    let first = true;
    const flush = (a: number, b: number): void => {
      while (a < b && isSpace(s.charCodeAt(a))) a++;
      while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
      if (a >= b) return;
      const raw = s.slice(a, b);
      const line = lineOf(offs[a]!);
      const col = (i: number): number => offs[i]! - starts[lineOf(offs[i]!) - 1]! + 1;
      let text = raw;
      const cols: number[] = [];
      if (hasSpecialGlyphs(raw)) {
        const norm = normalizeGlyphs(raw);
        text = norm.text;
        for (const i of norm.from) cols.push(col(a + i));
      } else {
        // Every character of [a, b) is on source line `line` (the loop below cuts where it changes).
        const lineStart = starts[line - 1]!;
        for (let i = a; i < b; i++) cols.push(offs[i]! - lineStart + 1);
      }
      const lineHrefs: string[] = [];
      for (const h of hrefs) if (h.line === line) lineHrefs.push(h.url);
      out.push({
        text,
        cols,
        line,
        kind,
        level,
        certain,
        blockStart: first ? firstStartsBlock : false,
        hrefs: lineHrefs,
      });
      first = false;
    };
    let from = 0;
    let curLine = -1;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) === 10) {
        flush(from, i);
        from = i + 1;
        continue;
      }
      const ln = lineOf(offs[i]!);
      if (i > from && ln !== curLine) {
        flush(from, i);
        from = i;
      }
      if (i === from) curLine = ln;
    }
    flush(from, s.length);
  }

  /** Code blocks that are not marked as plain text, to be read as text if nothing else has any. */
  const held: Array<{ map: [number, number]; fenced: boolean }> = [];
  /**
   * The lines of a code block read as plain text, at their source lines and columns: the fence
   * lines themselves are left out (a fence without its closing line runs to the end).
   */
  function codeAsText([from, to]: [number, number], fenced: boolean): RawLine[] {
    const first = fenced ? from + 1 : from;
    const closed = fenced && to - 1 > from && /^\s*(?:`{3,}|~{3,})\s*$/.test(src.slice(starts[to - 1], starts[to] ?? src.length));
    const last = closed ? to - 1 : to;
    if (last <= first) return [];
    const body = src.slice(starts[first], starts[last] ?? src.length);
    return parseText(body).lines.map((l) => ({ ...l, line: l.line + first }));
  }

  const html = htmlState();
  const decode = (ref: string): string => parser!.utils.unescapeAll(ref);
  let depth = 0;
  const items: Array<{ first: boolean }> = [];
  let row: Placed | null = null;
  let rowMap: [number, number] = [0, 0];
  let rowCursor = 0;
  let cells = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        depth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        depth--;
        break;
      case "list_item_open":
        items.push({ first: true });
        break;
      case "list_item_close":
        items.pop();
        break;
      case "heading_open": {
        const inl = tokens[i + 1];
        if (inl?.type === "inline") emit(inline(inl), "heading", Number(t.tag.slice(1)), true, true);
        i++;
        break;
      }
      case "paragraph_open": {
        const inl = tokens[i + 1];
        if (inl?.type !== "inline") break;
        const item = items[items.length - 1];
        if (item) {
          emit(inline(inl), "bullet", depth, true, item.first);
          item.first = false;
        } else {
          emit(inline(inl), "paragraph", undefined, false, true);
        }
        i++;
        break;
      }
      case "tr_open":
        row = placed();
        rowMap = (t.map as [number, number] | null) ?? rowMap;
        rowCursor = starts[rowMap[0]] ?? 0;
        cells = 0;
        break;
      case "inline":
        if (row) {
          // A table cell: " | " between cells, placed at the cell's start.
          // Cells have no line map of their own: read them from the row's line, left to right.
          const cell = inline(t, rowMap, rowCursor);
          const lastOff = cell.offs[cell.offs.length - 1];
          if (lastOff !== undefined) rowCursor = lastOff + 1;
          if (cells++ > 0) {
            const at = cell.offs[0] ?? starts[t.map?.[0] ?? 0] ?? 0;
            row.text += " | ";
            row.offs.push(at, at, at);
          }
          row.text += cell.text;
          for (const off of cell.offs) row.offs.push(off);
        }
        break;
      case "tr_close":
        if (row) emit(row, "table-row", undefined, true, true);
        row = null;
        break;
      case "html_block": {
        const m = /^<!--([\s\S]*?)-->\s*$/.exec(t.content.trim());
        if (m && t.map) comments.push({ text: m[1]!.trim(), line: t.map[0] + 1, endLine: t.map[1] });
        else if (t.map) {
          // Raw HTML is read as a browser shows it: headings, items, paragraphs and rows.
          const blocks = readHtml(src, starts[t.map[0]]!, starts[t.map[1]] ?? src.length, html, decode, (url, at) => hrefs.push({ url, line: lineOf(at) }));
          for (const b of blocks) emit(b.acc, b.kind, b.level, b.certain, b.blockStart);
        }
        break;
      }
      case "fence":
      case "code_block":
        if (t.map) {
          if (PLAIN_INFO.test(t.info.trim())) pushAll(out, codeAsText(t.map as [number, number], t.type === "fence"));
          else held.push({ map: t.map as [number, number], fenced: t.type === "fence" });
        }
        break;
      default:
        // rules, blockquote markers: no CV prose.
        break;
    }
  }
  // Code is not CV prose, except a CV kept whole in a code block (a plain-text CV pasted into a
  // README): when nothing else holds text, the blocks are read as plain text.
  if (out.length === 0) for (const h of held) pushAll(out, codeAsText(h.map, h.fenced));
  // A document kept whole in its front matter (a careers page's posting, a CV as site data): the
  // front matter's lines are read as plain text ("requirements:" and its "- …" items).
  if (out.length === 0 && front) {
    const body = front.slice(front.indexOf("\n") + 1, front.lastIndexOf("\n", front.length - 2) + 1);
    pushAll(out, parseText(body).lines.map((l) => ({ ...l, line: l.line + 1 })));
  }
  // HTML comments inside paragraphs ("text <!-- cvlint-disable-line -->") are found by a scan.
  // (A scan rather than /<!--([\s\S]*?)-->/g, which tried every opener against the rest of the
  // text: many "<!--" without a "-->" took quadratic time. The lines that hold a comment are a set.)
  const commented = new Set<number>();
  for (const c of comments) commented.add(c.line);
  for (let open = src.indexOf("<!--"); open >= 0; ) {
    const close = src.indexOf("-->", open + 4);
    if (close < 0) break;
    const line = lineOf(open);
    if (!commented.has(line)) {
      commented.add(line);
      comments.push({ text: src.slice(open + 4, close).trim(), line, endLine: lineOf(close + 2) });
    }
    open = src.indexOf("<!--", close + 3);
  }
  comments.sort((a, b) => a.line - b.line);
  return frontLinks.length ? { lines: out, comments, links: frontLinks } : { lines: out, comments };
}

/** offset → 1-based line, by binary search over line starts; most lookups hit the previous line first. */
export function lineFinder(starts: number[]): (offset: number) => number {
  let last = 1;
  return (off) => {
    if (off >= starts[last - 1]! && off < (starts[last] ?? Infinity)) return last;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    last = lo + 1;
    return last;
  };
}

export { lineStarts } from "../lines.js";
