/**
 * Reading a tagged PDF through its structure tree. Chromium (what Google Docs, Notion, online CV
 * builders and JSON Resume themes print with), Word and LibreOffice (with tagging on) label the
 * parts of the page: headings H1–H6, lists L of items LI with their bullet Lbl, paragraphs P, an
 * Aside for a sidebar, in the order the document was written. Text items are tied to those nodes
 * by their marked-content ids. Read in that order, a heading set in a left column beside an
 * entry ("Work" beside "Data Engineer"), a sidebar and a grid of skill groups come out whole and
 * in place, and list items are bullets even when their bullets are drawn, not written.
 */
import type { BlockKind } from "../types.js";
import { maxOf, pushAll } from "../arrays.js";
import { hasAlnum } from "../match/scan.js";

/** What the structure tree says about one marked-content id. */
export interface Tag {
  /** Position of the content in the tree's reading order. */
  order: number;
  /** Id of the block the content belongs to: a heading, list item, paragraph or table cell, or the nearest element around loose text. */
  block: number;
  role: "heading" | "item" | "paragraph" | "row" | "loose";
  /** Heading level (H1–H6). */
  heading?: number;
  /** List nesting depth (1 = top level) of a list item. */
  depth?: number;
  /** The list item has a label (its bullet or number), drawn or written. */
  marked?: boolean;
  /** The content is the label (bullet glyph, number) of a list item. */
  label?: boolean;
  /** Id of the list a list item is in. */
  list?: number;
  /** The content is in an Aside (a sidebar, a margin column). */
  aside?: boolean;
  /** Id of the table cell of a row's content. */
  cell?: number;
}

interface TreeNode {
  role?: string;
  type?: string;
  id?: string;
  children?: TreeNode[];
}

const HEADING = /^H([1-6])?$/;
/** Structure roles that make a block of their own (PDF 1.7 §14.8.4, PDF 2.0 roles). */
const BLOCKS = new Set(["P", "Caption", "BlockQuote", "Title", "TOCI", "Note", "Index", "BibEntry", "Code", "Quote"]);
/** Deepest tree walked: a real document is a few dozen levels deep at most. */
const MAX_DEPTH = 200;

/**
 * The tags of every marked-content id on a page, from pdf.js's `page.getStructTree()`; null when
 * the tree is missing or holds no structure a reader could use (no heading, list or paragraph).
 */
export function structTags(root: unknown): Map<string, Tag> | null {
  if (!root || typeof root !== "object") return null;
  const tags = new Map<string, Tag>();
  let order = 0;
  let nodes = 0;
  let structured = 0;
  // An explicit stack rather than recursion: a hostile tree may be deep.
  const stack: Array<{ node: TreeNode; ctx: Omit<Tag, "order">; depth: number }> = [{ node: root as TreeNode, ctx: { block: -1, role: "loose" }, depth: 0 }];
  while (stack.length) {
    const { node, ctx, depth } = stack.pop()!;
    if (node.type === "content" && typeof node.id === "string") {
      tags.set(node.id, { ...ctx, order: order++ });
      continue;
    }
    if (!Array.isArray(node.children) || depth > MAX_DEPTH) continue;
    const id = nodes++;
    const role = typeof node.role === "string" ? node.role : "";
    let next: Omit<Tag, "order"> = role === "Aside" ? { ...ctx, aside: true } : ctx;
    const h = HEADING.exec(role);
    if (h && ctx.role !== "item") {
      next = { block: id, role: "heading", heading: Number(h[1] ?? 1), aside: ctx.aside };
      structured++;
    } else if (role === "L") {
      next = { ...ctx, depth: (ctx.depth ?? 0) + 1, list: id };
    } else if (role === "LI") {
      next = { block: id, role: "item", depth: ctx.depth ?? 1, list: ctx.list ?? -1, marked: node.children.some((c) => c.role === "Lbl"), aside: ctx.aside };
      structured++;
    } else if (role === "Lbl") {
      next = { ...ctx, label: true };
    } else if (role === "TR") {
      next = { block: id, role: "row", aside: ctx.aside };
      structured++;
    } else if ((role === "TD" || role === "TH") && ctx.role === "row") {
      next = { ...ctx, cell: id };
    } else if (BLOCKS.has(role) && ctx.role !== "item" && ctx.role !== "heading" && ctx.role !== "row") {
      next = { block: id, role: "paragraph", aside: ctx.aside };
      structured++;
    } else if (ctx.role === "loose" || ctx.block < 0) {
      // Text outside any block (Chromium wraps a <div>'s text in NonStruct): its parent element groups it.
      next = { block: id, role: "loose", aside: next.aside };
    }
    // Children in reverse, so that they come off the stack in document order.
    for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]!, ctx: next, depth: depth + 1 });
  }
  return structured > 0 && tags.size > 0 ? tags : null;
}

/** A text item of the page with the marked-content id it was drawn under. */
export interface TaggedItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  font: string;
  mcid?: string;
}

/** A run of items read as one line, with what the tree says it is. */
export interface TaggedLine {
  items: TaggedItem[];
  kind: BlockKind;
  /** Heading level or list depth. */
  level?: number;
  /** The line starts a block (a heading, a list item, a paragraph); false: it continues one. */
  start: boolean;
  /** The line is in a sidebar (an Aside). */
  aside?: boolean;
}

/**
 * Lines of a tagged page in the tree's reading order, or null when too little of the page's text
 * is tied to the tree to trust it (then the page is laid out from positions alone).
 */
export function taggedLines(items: TaggedItem[], tags: Map<string, Tag>): TaggedLine[] | null {
  // Items in reading order: by their content's place in the tree; an item outside the tree (an
  // artifact: a page header, a drawn bullet's text) keeps its place after the item drawn before it.
  let chars = 0;
  let tied = 0;
  const keyed: Array<{ it: TaggedItem; tag: Tag | undefined; key: number; seq: number }> = [];
  let last = -1;
  items.forEach((it, seq) => {
    const tag = it.mcid !== undefined ? tags.get(it.mcid) : undefined;
    const n = it.str.trim().length;
    chars += n;
    if (tag) {
      tied += n;
      last = tag.order;
    }
    if (tag?.label) return; // a list item's bullet or number: the item's kind says it
    if (it.str.trim() === "") return;
    keyed.push({ it, tag, key: tag ? tag.order : last + 0.5, seq });
  });
  if (chars === 0 || tied / chars < 0.8) return null;
  placeLabels(keyed);
  keyed.sort((a, b) => a.key - b.key || a.seq - b.seq);

  // Pieces: consecutive items of one block.
  interface Piece {
    tag: Tag | undefined;
    items: TaggedItem[];
    chip: boolean;
    /** Chips of one list or one run of headings share a group. */
    group: number;
    /** The table cell of each item of a row. */
    cells?: Array<number | undefined>;
  }
  const pieces: Piece[] = [];
  for (const k of keyed) {
    const p = pieces[pieces.length - 1];
    if (p && p.tag?.block === k.tag?.block && (k.tag !== undefined || p.tag === undefined)) {
      p.items.push(k.it);
      p.cells?.push(k.tag?.cell);
    } else pieces.push({ tag: k.tag, items: [k.it], chip: false, group: -1, ...(k.tag?.role === "row" ? { cells: [k.tag.cell] } : {}) });
  }
  // List items without a bullet: a list whose items share rows is a row of chips (keyword tags,
  // contact links); a list of one item per row is a list all the same, set without bullets (an
  // indented list of highlights). A run of three or more headings of one level with nothing
  // between them is chips too (a sidebar's keywords set as h6): a heading heads something. So is
  // a run of two that a heading of a higher rank ends ("Laravel", "Yii2" under "PHP" before the
  // next group's heading): neither heads anything. (Two at the foot of a page head what the next
  // page begins with: a grid's row cut by the page break.)
  const firsts = new Map<number, TaggedItem[]>();
  for (const p of pieces) if (p.tag?.role === "item" && !p.tag.marked) firsts.set(p.tag.list ?? -1, [...(firsts.get(p.tag.list ?? -1) ?? []), p.items[0]!]);
  const rowOfChips = new Set<number>();
  for (const [list, its] of firsts) if (its.some((it, k) => k > 0 && sameBaseline(its[k - 1]!, it))) rowOfChips.add(list);
  for (const p of pieces) {
    if (p.tag?.role !== "item" || p.tag.marked || !rowOfChips.has(p.tag.list ?? -1)) continue;
    p.chip = true;
    p.group = p.tag.list ?? -1;
  }
  for (let i = 0; i < pieces.length; ) {
    const level = pieces[i]!.tag?.heading;
    let j = i;
    while (j < pieces.length && level !== undefined && pieces[j]!.tag?.heading === level && words(pieces[j]!.items) <= 12) j++;
    const after = pieces[j]?.tag?.heading;
    if (j - i >= 3 || (j - i === 2 && level !== undefined && after !== undefined && after < level)) {
      for (let k = i; k < j; k++) {
        pieces[k]!.chip = true;
        pieces[k]!.group = -2 - i;
      }
    }
    i = Math.max(j, i + 1);
  }

  const out: TaggedLine[] = [];
  let prev: { piece: Piece; line: TaggedLine; x1: number; y: number; size: number } | null = null;
  for (const piece of pieces) {
    let first = true;
    let row: TaggedItem[] = [];
    // A heading, a chip or a table row is one line however it wraps; a row's cells are set apart by "|".
    const whole = piece.chip || piece.tag?.role === "heading" || piece.tag?.role === "row";
    let cell = piece.tag?.cell;
    const flush = (): void => {
      if (!row.length) return;
      const y = row[0]!.y;
      const size = maxOf(row, (r) => r.size);
      const x0 = row[0]!.x;
      const x1 = maxOf(row, (r) => r.x + r.w);
      // Chips, loose text and separators beside one another on a row make one line ("Data
      // Developer" "at" "New Jersey Devils"; "Skills:" "SvelteKit" "·" "Postgres"); a far gap (a
      // date set right) starts another. Headings, bullets and paragraphs keep lines of their own.
      const sameRow = prev !== null && Math.abs(prev.y - y) <= 0.45 * Math.min(prev.size, size) && x0 >= prev.x1 - 1;
      const gap = prev ? x0 - prev.x1 : Infinity;
      const bare = !row.some((r) => hasAlnum(r.str));
      if (prev && sameRow && inline(prev.piece) && (inline(piece) || bare) && gap < Math.max((piece.chip && prev.piece.chip ? 4 : 1.6) * size, 14)) {
        const text = prev.line.items.map((i) => i.str).join("").trimEnd();
        if (piece.chip && prev.piece.chip && !SEPARATOR.test(text)) prev.line.items.push({ ...row[0]!, str: " · ", w: 0 });
        pushAll(prev.line.items, row);
        // A row a separator outside the tree opens ("· SSL/TLS Certificates", a chip wrapped onto
        // a row of its own) is in the sidebar its chip is in.
        if (piece.tag?.aside) prev.line.aside = true;
        prev = { ...prev, x1, y };
      } else {
        const tag = piece.tag;
        const line: TaggedLine = piece.chip
          ? { items: row, kind: "paragraph", start: true }
          : tag?.role === "row"
            ? { items: row, kind: "table-row", start: true }
          : tag?.role === "heading"
            ? { items: row, kind: "heading", level: tag.heading, start: first }
            : tag?.role === "item"
              ? { items: row, kind: "bullet", level: tag.depth ?? 1, start: first }
              : { items: row, kind: "paragraph", start: first };
        if (tag?.aside) line.aside = true;
        out.push(line);
        prev = { piece, line, x1, y, size };
      }
      first = false;
      row = [];
    };
    for (const [k, it] of piece.items.entries()) {
      const r = row[row.length - 1];
      const itCell = piece.cells?.[k];
      if (r && itCell !== cell) {
        row.push({ ...it, str: " | ", w: 0 });
        cell = itCell;
        row.push(it);
        continue;
      }
      // A new baseline, or a step back to the left, starts a new row of the piece.
      if (r && (!sameBaseline(r, it) || it.x < r.x - 1)) {
        if (whole) row.push({ ...it, str: " ", w: 0 });
        else flush();
      }
      row.push(it);
    }
    flush();
  }
  return out;
}

/**
 * Text outside the tree that labels what follows it on its row goes in just before it. A theme's
 * label drawn by CSS ("ul.keywords::before { content: 'Skills: ' }" before a project's keywords)
 * is generated content with no tag, and Chromium may draw it apart from the text it labels (in the
 * content stream before the next section's heading): kept in drawing order, a project's "Skills:"
 * became a section title of its own that took the project's keywords and the next project in. An
 * untied item whose row goes on, right after it, with tied text takes that text's place in the
 * reading order. Tied items are looked up by row and by x (sorted, a binary search): linear enough
 * for a page of tens of thousands of items.
 */
function placeLabels(keyed: Array<{ it: TaggedItem; tag: Tag | undefined; key: number }>): void {
  if (!keyed.some((k) => k.tag === undefined)) return;
  const ROW = 4;
  const rows = new Map<number, Array<{ it: TaggedItem; order: number }>>();
  for (const k of keyed) {
    if (!k.tag) continue;
    const r = Math.floor(k.it.y / ROW);
    const list = rows.get(r);
    if (list) list.push({ it: k.it, order: k.tag.order });
    else rows.set(r, [{ it: k.it, order: k.tag.order }]);
  }
  for (const list of rows.values()) list.sort((a, b) => a.it.x - b.it.x);
  for (const k of keyed) {
    if (k.tag || !hasAlnum(k.it.str)) continue;
    const end = k.it.x + k.it.w;
    const reach = Math.max(1.6 * k.it.size, 14);
    let best: { it: TaggedItem; order: number } | undefined;
    const r = Math.floor(k.it.y / ROW);
    for (let q = r - 1; q <= r + 1; q++) {
      const list = rows.get(q);
      if (!list) continue;
      // The first tied item of the row that starts at the label's end or after it.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.it.x < end - 1) lo = mid + 1;
        else hi = mid;
      }
      for (let m = lo; m < list.length && list[m]!.it.x - end < reach; m++) {
        const c = list[m]!;
        if (!sameBaseline(c.it, k.it)) continue;
        if (!best || c.it.x < best.it.x) best = c;
        break;
      }
    }
    if (best) k.key = best.order - 0.5;
  }
}

const sameBaseline = (a: TaggedItem, b: TaggedItem): boolean => Math.abs(a.y - b.y) <= 0.45 * Math.min(a.size, b.size);

/** Pieces that share a row with their neighbours: chips and text outside any block. */
const inline = (p: { tag: Tag | undefined; chip: boolean }): boolean => p.chip || p.tag === undefined || p.tag.role === "loose";

/** A line that ends in a separator already ("Databricks ·"). */
const SEPARATOR = /[·•|,;/–—-]$/;

function words(items: TaggedItem[]): number {
  return items
    .map((i) => i.str)
    .join(" ")
    .split(/\s+/)
    .filter(Boolean).length;
}
