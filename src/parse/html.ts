/**
 * Raw HTML inside Markdown, read as a browser shows it: the text of its elements with the source
 * offset of each character, cut into blocks (headings, list items, paragraphs, table rows).
 * READMEs and Jekyll pages keep whole CVs, or their headings, lists in table cells and rows of
 * skill icons, in HTML; CommonMark hands such a part over as one raw block, which a reader that
 * skips raw HTML loses whole.
 *
 * A single pass over the characters (no expression that backtracks): tags and their attributes
 * are scanned, text is collapsed as HTML collapses white space, and the elements that start a
 * block end the text before them. Browsers' leniency is kept where CVs lean on it: an item or a
 * cell left open is closed by the next one.
 */
import { isSpace } from "../match/scan.js";

/** Text taken from the source, with the source offset of each of its UTF-16 units. */
export interface Placed {
  text: string;
  offs: number[];
}

export interface HtmlBlock {
  acc: Placed;
  kind: "heading" | "bullet" | "paragraph" | "table-row";
  level: number | undefined;
  /** Markup made it a heading or an item (not a paragraph that may read as a heading). */
  certain: boolean;
  blockStart: boolean;
}

/** What stays open from one raw HTML block to the next (CommonMark ends a block at a blank line; the browser's elements do not end there). */
export interface HtmlState {
  /** Open lists, innermost last: whether an item is open in each, and whether it has had text yet. */
  lists: Array<{ inItem: boolean; first: boolean }>;
  /** The level of the heading element open, 0 outside one. */
  heading: number;
  /** Open table rows, innermost last. */
  rows: Array<{ acc: Placed; cells: number; blocky: boolean; inCell: boolean }>;
}

export const htmlState = (): HtmlState => ({ lists: [], heading: 0, rows: [] });

/** Elements that start and end a block of text. */
const BLOCK = new Set(
  "address article aside blockquote caption center details dialog dd div dl dt fieldset figcaption figure footer form header hgroup hr main nav p pre section summary table tbody thead tfoot".split(" "),
);
/** Elements whose content is no text of the page. */
const SKIP = new Set(["script", "style", "template", "svg", "head", "title", "noscript"]);

/** Image addresses of skill badges and technology icons: their alt text names the skill. */
export const BADGE = /shields\.io|badgen\.net|skillicons\.dev|devicon|simpleicons|badge/i;

export interface Attr {
  name: string;
  value: string;
  /** Source offset of the value's first character. */
  at: number;
}

/** The attributes of a tag whose name ends at `from`, up to the tag's `>` at `end` (a scan, quotes respected). */
export function attributes(src: string, from: number, end: number): Attr[] {
  const out: Attr[] = [];
  let i = from;
  while (i < end) {
    while (i < end && (isSpace(src.charCodeAt(i)) || src[i] === "/")) i++;
    const n0 = i;
    while (i < end && !isSpace(src.charCodeAt(i)) && src[i] !== "=" && src[i] !== "/" && src[i] !== ">") i++;
    if (i === n0) {
      i++;
      continue;
    }
    const name = src.slice(n0, i).toLowerCase();
    while (i < end && isSpace(src.charCodeAt(i))) i++;
    if (src[i] !== "=") {
      out.push({ name, value: "", at: i });
      continue;
    }
    i++;
    while (i < end && isSpace(src.charCodeAt(i))) i++;
    const q = src[i];
    if (q === '"' || q === "'") {
      const close = src.indexOf(q, i + 1);
      const stop = close < 0 || close > end ? end : close;
      out.push({ name, value: src.slice(i + 1, stop), at: i + 1 });
      i = stop + 1;
    } else {
      const v0 = i;
      while (i < end && !isSpace(src.charCodeAt(i)) && src[i] !== ">") i++;
      out.push({ name, value: src.slice(v0, i), at: v0 });
    }
  }
  return out;
}

/** The offset of the `>` that closes a tag opened before `from`, quotes respected; -1 if none before `to`. */
export function tagEnd(src: string, from: number, to: number): number {
  let q = "";
  for (let i = from; i < to; i++) {
    const c = src[i]!;
    if (q) {
      if (c === q) q = "";
    } else if (c === '"' || c === "'") q = c;
    else if (c === ">") return i;
    else if (c === "<") return -1;
  }
  return -1;
}

const isNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;

/**
 * Reads the raw HTML in src[from, to) into blocks of text. `decode` turns one character reference
 * ("&amp;", "&#8211;") into its text. Links found (`<a href>`) are given to `onLink` with the
 * offset of their address.
 */
export function readHtml(
  src: string,
  from: number,
  to: number,
  state: HtmlState,
  decode: (ref: string) => string,
  onLink: (url: string, at: number) => void,
): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let cur: Placed = { text: "", offs: [] };
  /** The text that ends in an icon's alt text, and its length there. */
  let iconIn: Placed | null = null;
  let iconEnd = -1;
  const row = (): HtmlState["rows"][number] | undefined => state.rows[state.rows.length - 1];

  const push = (acc: Placed, kind: HtmlBlock["kind"], level: number | undefined, certain: boolean, blockStart: boolean): void => {
    let k = 0;
    while (k < acc.text.length && isSpace(acc.text.charCodeAt(k))) k++;
    if (k < acc.text.length) out.push({ acc, kind, level, certain, blockStart });
  };
  /** Ends the text read so far as a block of the kind its open elements make it. */
  const flush = (): void => {
    const acc = cur;
    cur = { text: "", offs: [] };
    const list = state.lists[state.lists.length - 1];
    if (state.heading > 0) push(acc, "heading", state.heading, true, true);
    else if (list?.inItem) {
      const before = out.length;
      push(acc, "bullet", state.lists.length, true, list.first);
      if (out.length > before) list.first = false;
    } else push(acc, "paragraph", undefined, false, true);
  };
  /** A block starts or ends inside a table cell: the row is no row of cells but a layout, and its cells so far are text of their own. */
  const blockInCell = (): void => {
    const r = row();
    if (!r?.inCell || r.blocky) return;
    r.blocky = true;
    const pending = cur;
    cur = r.acc;
    r.acc = { text: "", offs: [] };
    flush();
    cur = pending;
  };
  const space = (at: number): void => {
    const last = cur.text.charCodeAt(cur.text.length - 1);
    if (cur.text.length > 0 && last !== 32 && last !== 10) {
      cur.text += " ";
      cur.offs.push(at);
    }
  };
  const add = (text: string, at: number): void => {
    cur.text += text;
    for (let k = 0; k < text.length; k++) cur.offs.push(at);
  };

  let i = from;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === 60 /* < */) {
      if (src.startsWith("<!--", i)) {
        const close = src.indexOf("-->", i + 4);
        i = close < 0 || close >= to ? to : close + 3;
        continue;
      }
      const closing = src[i + 1] === "/";
      const n0 = closing ? i + 2 : i + 1;
      let n1 = n0;
      while (n1 < to && isNameChar(src.charCodeAt(n1))) n1++;
      const first = src.charCodeAt(n0);
      const named = n1 > n0 && ((first >= 97 && first <= 122) || (first >= 65 && first <= 90));
      const end = named || src[i + 1] === "!" || src[i + 1] === "?" ? tagEnd(src, n1, to) : -1;
      if (end < 0) {
        add("<", i);
        i++;
        continue;
      }
      const name = src.slice(n0, n1).toLowerCase();
      const next = end + 1;
      if (!named) {
        i = next;
        continue;
      }
      if (!closing && SKIP.has(name) && src[end - 1] !== "/") {
        // Past the element's end tag (or to the end of the block when it has none).
        const lower = src.slice(next, to).toLowerCase();
        const close = lower.indexOf(`</${name}`);
        i = close < 0 ? to : tagEnd(src, next + close + 2, to) + 1 || to;
        continue;
      }
      tag(name, closing, n1, end);
      i = next;
      continue;
    }
    if (c === 38 /* & */) {
      let j = i + 1;
      while (j < to && j - i <= 32 && (isNameChar(src.charCodeAt(j)) || src[j] === "#")) j++;
      if (src[j] === ";" && j > i + 1) {
        const text = decode(src.slice(i, j + 1));
        if (text.length === 1 && isSpace(text.charCodeAt(0))) space(i);
        else add(text, i);
        i = j + 1;
        continue;
      }
    }
    if (isSpace(c)) {
      space(i);
      i++;
      continue;
    }
    cur.text += src[i];
    cur.offs.push(i);
    i++;
  }
  return out;

  function tag(name: string, closing: boolean, attrsFrom: number, end: number): void {
    const level = name.length === 2 && name[0] === "h" && name[1]! >= "1" && name[1]! <= "6" ? Number(name[1]) : 0;
    if (name === "br") {
      // A line break within the block.
      cur.text += "\n";
      cur.offs.push(attrsFrom);
      return;
    }
    if (name === "img" && !closing) {
      const attrs = attributes(src, attrsFrom, end);
      const alt = attrs.find((a) => a.name === "alt");
      const srcAttr = attrs.find((a) => a.name === "src");
      const text = alt?.value.trim() ?? "";
      // A skill icon or badge names its skill in its alt text; a row of them is a list of skills.
      if (text && srcAttr && BADGE.test(srcAttr.value)) {
        // Icons side by side are the items of a list: a comma after the one before, at its end.
        if (cur === iconIn && cur.text.trimEnd().length === iconEnd) {
          const after = cur.offs[iconEnd - 1]! + 1;
          cur.text = cur.text.slice(0, iconEnd) + ",";
          cur.offs.length = iconEnd;
          cur.offs.push(after);
        }
        space(attrsFrom);
        const k = alt!.value.indexOf(text);
        for (let m = 0; m < text.length; m++) {
          cur.text += text[m];
          cur.offs.push(alt!.at + k + m);
        }
        iconIn = cur;
        iconEnd = cur.text.length;
        cur.text += " ";
        cur.offs.push(end);
      }
      return;
    }
    if (name === "a" && !closing) {
      const href = attributes(src, attrsFrom, end).find((a) => a.name === "href");
      if (href?.value) onLink(href.value, href.at);
      return;
    }
    if (level > 0) {
      blockInCell();
      flush();
      state.heading = closing ? 0 : level;
      return;
    }
    if (name === "ul" || name === "ol" || name === "dir" || name === "menu") {
      blockInCell();
      flush();
      if (closing) state.lists.pop();
      else state.lists.push({ inItem: false, first: false });
      return;
    }
    if (name === "li") {
      blockInCell();
      flush();
      // An item outside any list is an item of one.
      if (state.lists.length === 0 && !closing) state.lists.push({ inItem: false, first: false });
      const list = state.lists[state.lists.length - 1];
      if (list) {
        list.inItem = !closing;
        list.first = !closing;
      }
      return;
    }
    if (name === "tr") {
      flush();
      if (closing) endRow();
      else {
        state.rows.push({ acc: { text: "", offs: [] }, cells: 0, blocky: false, inCell: false });
      }
      return;
    }
    if (name === "td" || name === "th") {
      const r = row();
      if (!r) {
        flush();
        return;
      }
      if (r.inCell) endCell(r);
      if (!closing) {
        flush();
        r.inCell = true;
      }
      return;
    }
    if (name === "table" && closing) {
      // Rows left open end with their table.
      while (row()) endRow();
      flush();
      return;
    }
    if (BLOCK.has(name)) {
      blockInCell();
      flush();
    }
  }

  function endCell(r: HtmlState["rows"][number]): void {
    r.inCell = false;
    if (r.blocky) {
      flush();
      return;
    }
    const cell = cur;
    cur = { text: "", offs: [] };
    let k = 0;
    while (k < cell.text.length && isSpace(cell.text.charCodeAt(k))) k++;
    if (k === cell.text.length) return;
    if (r.cells++ > 0) {
      const at = cell.offs[k]!;
      r.acc.text += " | ";
      r.acc.offs.push(at, at, at);
    }
    r.acc.text += cell.text;
    for (const off of cell.offs) r.acc.offs.push(off);
  }

  function endRow(): void {
    const r = row();
    if (!r) return;
    if (r.inCell) endCell(r);
    state.rows.pop();
    if (!r.blocky) push(r.acc, "table-row", undefined, true, true);
    else flush();
  }
}
