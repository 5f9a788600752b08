import { createRequire } from "node:module";
import { CvlintError, ErrorCodes } from "../errors.js";
import { loadParserBundle } from "./parser-bundle.js";
import type { RawLine } from "../types.js";
import type { ParsedSource } from "./markdown.js";
import { leadingBullet, normalizeGlyphs } from "./text-utils.js";
import { DEFAULT_ZIP_LIMITS, openZip, type ZipLimits } from "./zip.js";
import { pushAll } from "../arrays.js";

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

/** Limits on the XML parts of a DOCX, each far above any CV's (a CV has a few hundred runs and paragraphs). */
export interface DocxLimits extends ZipLimits {
  /** Largest XML part, in bytes (unpacked). */
  maxXmlBytes: number;
  /** Deepest nesting of XML elements. */
  maxDepth: number;
  /** Most text runs (w:r), paragraphs and list items (w:p) and table rows (w:tr) in one part. */
  maxRuns: number;
  maxParagraphs: number;
  maxRows: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = { ...DEFAULT_ZIP_LIMITS, maxXmlBytes: 24 * 1024 * 1024, maxDepth: 128, maxRuns: 100_000, maxParagraphs: 50_000, maxRows: 20_000 };

/**
 * DOCX → raw lines, through mammoth's HTML (headings from styles, lists, tables, bold runs).
 * mammoth reads the archive through cvlint's zip reader (src/parse/zip.ts), each part checked
 * against the limits before mammoth parses it; images are never unpacked (a CV's text is not in them).
 */
export async function parseDocx(bytes: Uint8Array, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<ParsedSource> {
  const zip = openZip(bytes, limits);
  // The build's dist/docx.cjs (mammoth and its dependencies in one file, with V8's code cache) when it is there.
  const mammoth = (loadParserBundle("docx") ?? createRequire(import.meta.url)("mammoth")) as typeof import("mammoth");
  const file = {
    exists: (name: string): boolean => zip.exists(name),
    read: (name: string, encoding?: string): Promise<string | Uint8Array> => {
      try {
        const xml = /\.(?:xml|rels)$/i.test(name);
        const data = xml ? zip.bytes(name, limits.maxXmlBytes, () => xmlTooLarge(name, limits)) : zip.bytes(name);
        if (xml) checkXml(data, name, limits);
        if (encoding === "base64") return Promise.resolve(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64"));
        return Promise.resolve(encoding ? new TextDecoder(encoding).decode(data) : data);
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
  let html: string;
  try {
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));
    const res = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, { styleMap: STYLE_MAP, includeDefaultStyleMap: true, convertImage: noImages });
    html = res.value;
  } catch (err) {
    if (err instanceof CvlintError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    if (/encrypt|password/i.test(msg)) throw new CvlintError(ErrorCodes.DOCX_CORRUPT, "is a password-protected Word document; remove the password first");
    throw new CvlintError(ErrorCodes.DOCX_CORRUPT, `is not a readable Word document (${shortReason(msg)})`);
  }
  return htmlToLines(html);
}

/**
 * Check an XML part before it is parsed, in one pass over its bytes: its size, how deep its
 * elements nest and how many runs, paragraphs and table rows it holds. mammoth builds a tree of
 * the whole part and walks it recursively: 300,000 runs or 40 MB of nested elements took 0.7–1.6 GB
 * or overflowed the stack. Each limit passed is refused with what it was (FILE_TOO_LARGE).
 */
const xmlRefusal = (name: string, what: string): CvlintError => new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a Word document whose ${name} ${what}; a CV is far smaller (refused before parsing)`);
const xmlTooLarge = (name: string, limits: DocxLimits): CvlintError => xmlRefusal(name, `unpacks to more than ${Math.round(limits.maxXmlBytes / 1024 / 1024)} MB`);

export function checkXml(b: Uint8Array, name: string, limits: DocxLimits): void {
  const refuse = (what: string): never => {
    throw xmlRefusal(name, what);
  };
  if (b.length > limits.maxXmlBytes) throw xmlTooLarge(name, limits);
  let depth = 0;
  let runs = 0;
  let paragraphs = 0;
  let rows = 0;
  for (let i = b.indexOf(60); i >= 0 && i < b.length; i = b.indexOf(60, i + 1)) {
    const c = b[i + 1];
    if (c === 47) {
      depth--;
      continue;
    }
    if (c === 63 || c === 33) continue; // <?…?>, <!--…-->, <![CDATA[…]]>
    const end = b.indexOf(62, i + 1);
    if (end < 0) break;
    if (b[end - 1] !== 47 && ++depth > limits.maxDepth) refuse(`nests elements more than ${limits.maxDepth} deep`);
    // w:r, w:p, w:tr followed by a space, "/" or ">".
    if (b[i + 1] === 119 && b[i + 2] === 58) {
      const a = b[i + 3];
      const n = b[i + 4];
      const m = b[i + 5];
      const ends = (x: number | undefined): boolean => x === 32 || x === 47 || x === 62 || x === 9 || x === 10 || x === 13;
      if (a === 114 && ends(n) && ++runs > limits.maxRuns) refuse(`holds more than ${limits.maxRuns.toLocaleString("en-US")} text runs`);
      else if (a === 112 && ends(n) && ++paragraphs > limits.maxParagraphs) refuse(`holds more than ${limits.maxParagraphs.toLocaleString("en-US")} paragraphs or list items`);
      else if (a === 116 && n === 114 && ends(m) && ++rows > limits.maxRows) refuse(`holds more than ${limits.maxRows.toLocaleString("en-US")} table rows`);
    }
    i = end;
  }
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
    else if (c.tag === "thead" || c.tag === "tbody" || c.tag === "tfoot") pushAll(found, elements(c, tag));
  }
  return found;
}

function textOf(node: El): string {
  return node.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}
