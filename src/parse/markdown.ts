import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmTable } from "micromark-extension-gfm-table";
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import type { RawLine } from "../types.js";
import { normalizeGlyphs } from "./text-utils.js";

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
  /** PDF only: a multi-column layout was read column by column. */
  columns?: boolean;
  /** PDF only: share of rows with text side by side that could not be split into columns. */
  interleavedRatio?: number;
}

interface Ch {
  ch: string;
  off: number;
}

/**
 * Markdown → raw lines with exact source positions.
 * Block structure comes from micromark (CommonMark + GFM tables + front matter); inline markup
 * (`**Go**`, `` `Kafka` ``, links) is removed from the text while every character keeps its source column.
 */
/** Built once: micromark combines the extensions on every call otherwise. */
let options: Parameters<typeof fromMarkdown>[1] | undefined;

export function parseMarkdown(src: string): ParsedSource {
  options ??= {
    extensions: [frontmatter(["yaml", "toml"]), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(["yaml", "toml"]), gfmTableFromMarkdown()],
  };
  const tree = fromMarkdown(src, options);
  const starts = lineStarts(src);
  const out: RawLine[] = [];
  const hrefs: Array<{ url: string; line: number }> = [];
  const comments: MarkdownComment[] = [];

  const lineOf = lineFinder(starts);

  function inline(nodes: PhrasingContent[], acc: Ch[]): void {
    for (const n of nodes) {
      switch (n.type) {
        case "text":
          mapValue(n.value, n.position?.start.offset ?? 0, n.position?.end.offset ?? 0, acc);
          break;
        case "inlineCode": {
          const s = n.position?.start.offset ?? 0;
          const e = n.position?.end.offset ?? s;
          const at = src.slice(s, e).indexOf(n.value);
          mapValue(n.value, s + Math.max(at, 0), e, acc);
          break;
        }
        case "break":
          acc.push({ ch: "\n", off: n.position?.start.offset ?? 0 });
          break;
        case "link": {
          inline(n.children, acc);
          hrefs.push({ url: n.url, line: lineOf(n.position?.start.offset ?? 0) });
          break;
        }
        case "emphasis":
        case "strong":
        case "delete":
        case "linkReference":
          inline(n.children as PhrasingContent[], acc);
          break;
        default:
          // html, images, footnote references: no CV text.
          break;
      }
    }
  }

  /** Map a node's value onto source offsets, tolerating escapes and entities (value ≠ source slice). */
  function mapValue(value: string, start: number, end: number, acc: Ch[]): void {
    const slice = src.slice(start, end);
    if (slice === value) {
      for (let i = 0; i < value.length; i++) acc.push({ ch: value[i]!, off: start + i });
      return;
    }
    let p = 0;
    for (const ch of value) {
      const found = slice.indexOf(ch, p);
      if (found >= 0 && found - p < 12) {
        acc.push({ ch, off: start + found });
        p = found + ch.length;
      } else {
        acc.push({ ch, off: start + Math.min(p, Math.max(slice.length - 1, 0)) });
      }
    }
  }

  /** Split inline characters into source lines and emit them. */
  function emit(acc: Ch[], kind: RawLine["kind"], level: number | undefined, certain: boolean, firstStartsBlock: boolean): void {
    const groups: Ch[][] = [];
    let cur: Ch[] = [];
    let curLine = -1;
    for (const c of acc) {
      const ln = lineOf(c.off);
      if (c.ch === "\n" || (cur.length > 0 && ln !== curLine)) {
        groups.push(cur);
        cur = [];
      }
      if (c.ch !== "\n") {
        if (cur.length === 0) curLine = ln;
        cur.push(c);
      }
    }
    groups.push(cur);
    let first = true;
    for (const g of groups) {
      let a = 0;
      let b = g.length;
      while (a < b && /\s/.test(g[a]!.ch)) a++;
      while (b > a && /\s/.test(g[b - 1]!.ch)) b--;
      if (a >= b) continue;
      const chars = g.slice(a, b);
      const raw = chars.map((c) => c.ch).join("");
      const norm = normalizeGlyphs(raw);
      const line = lineOf(chars[0]!.off);
      const cols = norm.from.map((i) => chars[i]!.off - starts[lineOf(chars[i]!.off) - 1]! + 1);
      out.push({
        text: norm.text,
        cols,
        line,
        kind,
        level,
        certain,
        blockStart: first ? firstStartsBlock : false,
        hrefs: hrefs.filter((h) => h.line === line).map((h) => h.url),
      });
      first = false;
    }
  }

  function block(node: RootContent | Nodes, depth: number, inItem: { first: boolean } | null): void {
    switch (node.type) {
      case "heading": {
        const acc: Ch[] = [];
        inline(node.children, acc);
        emit(acc, "heading", node.depth, true, true);
        break;
      }
      case "paragraph": {
        const acc: Ch[] = [];
        inline(node.children, acc);
        if (inItem) {
          emit(acc, "bullet", depth, true, inItem.first);
          inItem.first = false;
        } else {
          emit(acc, "paragraph", undefined, false, true);
        }
        break;
      }
      case "list":
        for (const item of node.children) {
          const state = { first: true };
          for (const child of item.children) block(child, depth + 1, child.type === "list" ? null : state);
        }
        break;
      case "table":
        for (const row of node.children) {
          const acc: Ch[] = [];
          row.children.forEach((cell, i) => {
            if (i > 0) acc.push({ ch: " ", off: cell.position?.start.offset ?? 0 }, { ch: "|", off: cell.position?.start.offset ?? 0 }, { ch: " ", off: cell.position?.start.offset ?? 0 });
            inline(cell.children, acc);
          });
          emit(acc, "table-row", undefined, true, true);
        }
        break;
      case "blockquote":
        for (const child of node.children) block(child, depth, inItem);
        break;
      case "html": {
        const m = /^<!--([\s\S]*?)-->\s*$/.exec(node.value.trim());
        if (m) {
          comments.push({
            text: m[1]!.trim(),
            line: node.position?.start.line ?? 0,
            endLine: node.position?.end.line ?? 0,
          });
        }
        break;
      }
      default:
        // code, yaml/toml front matter, thematic breaks, definitions: not CV prose.
        break;
    }
  }

  for (const child of (tree as Root).children) block(child, 0, null);
  // Inline HTML comments inside paragraphs ("text <!-- cvlint-disable-line -->") are found by a scan.
  for (const m of src.matchAll(/<!--([\s\S]*?)-->/g)) {
    const line = lineOf(m.index);
    if (!comments.some((c) => c.line === line)) {
      comments.push({ text: m[1]!.trim(), line, endLine: lineOf(m.index + m[0].length - 1) });
    }
  }
  comments.sort((a, b) => a.line - b.line);
  return { lines: out, comments };
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

export function lineStarts(src: string): number[] {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
