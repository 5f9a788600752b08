import { createRequire } from "node:module";
import { CvlintError, ErrorCodes } from "../errors.js";
import { loadParserBundle } from "./parser-bundle.js";
import type { RawLine } from "../types.js";
import type { ParsedSource } from "./markdown.js";
import { leadingBullet, normalizeGlyphs } from "./text-utils.js";

/** A tiny DOM for mammoth's HTML, which is well-formed and escaped. */
interface El {
  tag: string;
  attrs: string;
  children: Array<El | string>;
}

const VOID = new Set(["br", "img", "hr"]);

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Section Title'] => h2:fresh",
  "p[style-name='Section Heading'] => h2:fresh",
];

/** DOCX → raw lines, through mammoth's HTML (headings from styles, lists, tables, bold runs). */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedSource> {
  // The build's dist/docx.cjs (mammoth and its dependencies in one file, with V8's code cache) when it is there.
  const mammoth = (loadParserBundle("docx") ?? createRequire(import.meta.url)("mammoth")) as typeof import("mammoth");
  let html: string;
  try {
    const res = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true });
    html = res.value;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/encrypt|password/i.test(msg)) throw new CvlintError(ErrorCodes.DOCX_CORRUPT, "is a password-protected Word document; remove the password first");
    throw new CvlintError(ErrorCodes.DOCX_CORRUPT, `is not a readable Word document (${shortReason(msg)})`);
  }
  return htmlToLines(html);
}

function shortReason(msg: string): string {
  if (/end of central directory|zip|corrupt|invalid|Can't find/i.test(msg)) return "the zip container is damaged or incomplete";
  if (/word\/document\.xml|Could not find main document/i.test(msg)) return "it has no word/document.xml";
  return msg.split("\n")[0]!.slice(0, 120);
}

export function parseHtml(html: string): El {
  const root: El = { tag: "#root", attrs: "", children: [] };
  const stack: El[] = [root];
  const re = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.children.push(decodeEntities(m[4]));
      continue;
    }
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      // Close the nearest matching element (tolerates stray closers).
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.tag === tag) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const el: El = { tag, attrs: m[3] ?? "", children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !(m[3] ?? "").trim().endsWith("/")) stack.push(el);
  }
  return root;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    if (k === "nbsp") return "\u00a0";
    if (k.startsWith("#x")) return String.fromCodePoint(parseInt(k.slice(2), 16));
    return String.fromCodePoint(parseInt(k.slice(1), 10));
  });
}

interface Seg {
  text: string;
  bold: boolean;
}

export function htmlToLines(html: string): ParsedSource {
  const root = parseHtml(html);
  const out: RawLine[] = [];
  let paragraph = 0;
  let hrefs: string[] = [];

  function segments(node: El, bold: boolean, acc: Seg[]): void {
    for (const c of node.children) {
      if (typeof c === "string") acc.push({ text: c, bold });
      else if (c.tag === "br") acc.push({ text: "\n", bold });
      else if (c.tag === "ul" || c.tag === "ol" || c.tag === "table") continue; // handled as blocks
      else if (c.tag === "a") {
        segments(c, bold, acc);
        const href = /href="([^"]*)"/.exec(c.attrs)?.[1];
        if (href && !href.startsWith("#")) hrefs.push(decodeEntities(href));
      } else segments(c, bold || c.tag === "strong" || c.tag === "b", acc);
    }
  }

  function emitBlock(segs: Seg[], kind: RawLine["kind"], level: number | undefined, certain: boolean): void {
    paragraph++;
    const blockHrefs = hrefs;
    hrefs = [];
    const text = segs.map((s) => s.text).join("");
    const visible = segs.filter((s) => s.text.trim() !== "");
    const allBold = visible.length > 0 && visible.every((s) => s.bold);
    let first = true;
    for (const part of text.split("\n")) {
      const norm = normalizeGlyphs(part);
      let t = norm.text;
      let k = kind;
      if (k === "paragraph") {
        const b = leadingBullet(t);
        if (b.bullet && t.length > b.cut) {
          t = t.slice(b.cut);
          k = "bullet";
        }
      }
      t = t.replace(/\s+/g, " ").trim();
      if (!t) continue;
      out.push({ text: t, line: 0, paragraph, kind: k, level, certain, blockStart: first, style: { bold: allBold }, hrefs: first ? blockHrefs : [] });
      first = false;
    }
  }

  function isDataTable(table: El): boolean {
    for (const row of elements(table, "tr")) {
      for (const cell of row.children) {
        if (typeof cell === "string") continue;
        const blocks = cell.children.filter((c): c is El => typeof c !== "string");
        if (blocks.length > 1) return false;
        if (blocks.some((b) => b.tag !== "p")) return false;
        if (textOf(cell).length > 120) return false;
      }
    }
    return true;
  }

  function walk(node: El, depth: number): void {
    for (const c of node.children) {
      if (typeof c === "string") {
        if (c.trim()) emitBlock([{ text: c, bold: false }], "paragraph", undefined, false);
        continue;
      }
      if (/^h[1-6]$/.test(c.tag)) {
        const segs: Seg[] = [];
        segments(c, false, segs);
        emitBlock(segs, "heading", Number(c.tag[1]), true);
      } else if (c.tag === "p") {
        const segs: Seg[] = [];
        segments(c, false, segs);
        emitBlock(segs, "paragraph", undefined, false);
      } else if (c.tag === "ul" || c.tag === "ol") {
        for (const li of c.children) {
          if (typeof li === "string" || li.tag !== "li") continue;
          const segs: Seg[] = [];
          segments(li, false, segs);
          emitBlock(segs, "bullet", depth + 1, true);
          for (const sub of li.children) {
            if (typeof sub !== "string" && (sub.tag === "ul" || sub.tag === "ol" || sub.tag === "table")) walk({ tag: "#frag", attrs: "", children: [sub] }, depth + 1);
          }
        }
      } else if (c.tag === "table") {
        if (isDataTable(c)) {
          for (const row of elements(c, "tr")) {
            const cells = row.children.filter((x): x is El => typeof x !== "string");
            const segs: Seg[] = [];
            cells.forEach((cell, i) => {
              if (i > 0) segs.push({ text: " | ", bold: false });
              segments(cell.children.length === 1 && typeof cell.children[0] !== "string" ? (cell.children[0] as El) : cell, false, segs);
            });
            if (segs.map((s) => s.text).join("").replace(/\|/g, "").trim()) emitBlock(segs, "table-row", undefined, true);
          }
        } else {
          // A layout table: read each cell's content as ordinary flow, row by row, cell by cell.
          for (const row of elements(c, "tr")) for (const cell of row.children) if (typeof cell !== "string") walk(cell, depth);
        }
      } else {
        // Containers (li outside a list, fragments, unknown wrappers): their content as flow.
        walk(c, depth);
      }
    }
  }

  walk(root, 0);
  return { lines: out, comments: [] };
}

function elements(node: El, tag: string): El[] {
  const found: El[] = [];
  for (const c of node.children) {
    if (typeof c === "string") continue;
    if (c.tag === tag) found.push(c);
    else if (c.tag === "thead" || c.tag === "tbody" || c.tag === "tfoot") found.push(...elements(c, tag));
  }
  return found;
}

function textOf(node: El): string {
  return node.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}
