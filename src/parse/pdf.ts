import { createRequire } from "node:module";
import { loadParserBundle } from "./parser-bundle.js";
import { CvlintError, ErrorCodes } from "../errors.js";
import type { BlockKind, RawLine } from "../types.js";
import { structTags, taggedLines, type TaggedItem } from "./pdf-tags.js";
import type { ParsedSource } from "./markdown.js";
import { leadingBullet, normalizeGlyphs } from "./text-utils.js";
import { cpBefore, cpLen, isAlnum, isLetter, isLower, isSpace, startsLower } from "../match/scan.js";
import { classifyHeading, skillGroupHeading } from "../document/headings.js";
import { maxOf, pushAll } from "../arrays.js";

export interface PdfOptions {
  maxPages: number;
  /** Most bytes pdf.js may unpack from the document's streams, together (the build's pdf.js counts them). */
  maxStreamBytes?: number;
  /** Date.now() after which parsing stops with a TIMEOUT error (checked between pages). */
  deadline?: number;
}

/** A text item of a page: its string, baseline origin, width, type size, font and marked-content id. */
type Item = TaggedItem;

interface Seg {
  items: Item[];
  x0: number;
  x1: number;
}

interface Row {
  y: number;
  size: number;
  segs: Seg[];
}

interface PLine {
  text: string;
  x: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  page: number;
  col: number;
  /** Targets of the page's link annotations over this line ("lberger-dev" linking to github.com/lberger-dev). */
  hrefs?: string[];
  /** What a tagged PDF's structure tree says the line is. */
  tag?: { kind: BlockKind; level?: number; start: boolean };
  /** The line is in a tagged PDF's sidebar. */
  aside?: boolean;
  /** A section title set beside the first line of its content, split from it. */
  beside?: boolean;
}

type PdfParseModule = { PDFParse: typeof import("pdf-parse").PDFParse };

/** The part of pdf.js's document proxy cvlint uses (pdf-parse's `load()` returns it). */
interface PdfPage {
  view: number[];
  getTextContent(opts: { includeMarkedContent: boolean }): Promise<{ items: unknown[] }>;
  /** The page's part of the structure tree (tagged PDFs), null without one. */
  getStructTree(): Promise<unknown>;
  cleanup(): void;
  commonObjs?: { has?: (id: string) => boolean; get?: (id: string) => unknown };
}
interface PdfDoc {
  numPages: number;
  /** The catalog's MarkInfo: Marked is true in a tagged PDF. */
  getMarkInfo(): Promise<{ Marked?: boolean } | null>;
  /** The document information dictionary (Producer, Creator). */
  getMetadata(): Promise<{ info?: Record<string, unknown> } | null>;
  getPage(n: number): Promise<PdfPage>;
  /** Annotations of the given types on every page. (Unlike page.getAnnotations, it does not extract the page's text again to find the words under each link.) */
  getAnnotationsByType(types: Set<number>, pageIndexesToSkip: Set<number> | null): Promise<unknown[] | null>;
}
let loaded: Promise<PdfParseModule> | undefined;

/**
 * Load pdf-parse (and pdf.js) once, without the native canvas: pdf.js requires `@napi-rs/canvas`
 * at import time for rendering polyfills that text extraction never uses, and that require costs
 * more than half a second. The polyfilled globals are set to inert stand-ins first, and the
 * require of the canvas package is answered with an empty module for the duration of the import.
 * The build's dist/pdf.cjs (pdf-parse with pdf.js's worker in the same file, and V8's code cache
 * for both) is used when it is there: compiling pdf.js at every PDF was most of a PDF's start.
 */
export function loadPdfParse(): Promise<PdfParseModule> {
  loaded ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
      if (!g[name]) g[name] = class {};
    }
    const require = createRequire(import.meta.url);
    const Module = require("node:module") as { _load: (req: string, ...rest: unknown[]) => unknown };
    const original = Module._load;
    Module._load = function (this: unknown, request: string, ...rest: unknown[]) {
      if (request === "@napi-rs/canvas") return {};
      return original.call(this, request, ...rest);
    };
    try {
      const bundled = loadParserBundle("pdf");
      if (bundled) return bundled as PdfParseModule;
      // pdf-parse's CommonJS build: pdf.js pre-bundled and minified, quicker to load than pdfjs-dist's ES modules.
      return require("pdf-parse") as PdfParseModule;
    } finally {
      Module._load = original;
    }
  })();
  return loaded;
}

/** Default of PdfOptions.maxStreamBytes: a CV's streams unpack to a few MB. */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;

/** Most pieces of text on one page (a page of small type holds a few thousand). */
export const MAX_PAGE_ITEMS = 60_000;

export async function parsePdf(bytes: Uint8Array, opts: PdfOptions): Promise<ParsedSource> {
  const { PDFParse } = await loadPdfParse();
  const streams = { used: 0, max: opts.maxStreamBytes ?? MAX_STREAM_BYTES };
  (globalThis as { __cvlintStreamLimit?: typeof streams }).__cvlintStreamLimit = streams;
  const tooMuch = (err: unknown): boolean => /cvlint: PDF streams unpack past the limit/.test(String((err as Error)?.message ?? err)) || streams.used > streams.max;
  const bomb = (): CvlintError => new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a PDF whose streams unpack to more than ${Math.round(streams.max / 1024 / 1024)} MB (a compression bomb?); refused while unpacking`);
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
  });
  try {
    let doc: PdfDoc;
    try {
      // pdf-parse's getText() flattens positions and fonts away; its loader gives the pdf.js document.
      doc = await (parser as unknown as { load(): Promise<PdfDoc> }).load();
    } catch (err) {
      const e = err as { name?: string; message?: string };
      if (tooMuch(err)) throw bomb();
      if (e.name === "PasswordException" || /password/i.test(e.message ?? "")) {
        throw new CvlintError(ErrorCodes.PDF_ENCRYPTED, "is an encrypted PDF that needs a password; export an unprotected copy");
      }
      throw new CvlintError(ErrorCodes.PDF_CORRUPT, `is a damaged PDF that cannot be read (${short(e.message)})`);
    }
    const pages = doc.numPages;
    if (pages > opts.maxPages) {
      throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `has ${pages} pages, more than the limit of ${opts.maxPages} (--max-pages)`);
    }
    const out: RawLine[] = [];
    /** Lines read through a tagged PDF's structure tree, and those of its sidebars (Aside). */
    const fromTree = new Set<RawLine>();
    const aside = new Set<RawLine>();
    const links = await docLinks(doc);
    const emptyPages: number[] = [];
    let columns = false;
    let totalRows = 0;
    let mixedRows = 0;
    let taggedPages = 0;
    /** Fonts found to hold icons (by font id, for the whole document), and how many icon items were left out. */
    const iconFonts = new Map<string, boolean>();
    let iconChars = 0;
    // A tagged PDF (Chromium, Word, LibreOffice with tagging) is read through its structure tree.
    const tagged = (await doc.getMarkInfo().catch(() => null))?.Marked === true;
    for (let p = 1; p <= pages; p++) {
      // pdf.js works through promise chains that can keep timers from firing: check the watchdog here.
      await new Promise((resolve) => setImmediate(resolve));
      if (opts.deadline !== undefined && Date.now() > opts.deadline) {
        throw new CvlintError("TIMEOUT", `took too long to read (stopped at page ${p} of ${pages}); raise --timeout or --max-pages`);
      }
      let page;
      let content;
      let tree: unknown = null;
      try {
        page = await doc.getPage(p);
        content = await page.getTextContent({ includeMarkedContent: tagged });
      } catch (err) {
        if (tooMuch(err)) throw bomb();
        throw new CvlintError(ErrorCodes.PDF_CORRUPT, `is a damaged PDF: page ${p} cannot be read (${short((err as Error).message)})`);
      }
      // Marked-content markers (a tagged page opens and closes one around each run of text) are not text.
      const pieces = tagged ? content.items.filter((it) => typeof (it as { str?: unknown }).str === "string").length : content.items.length;
      if (pieces > MAX_PAGE_ITEMS) {
        throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is a PDF whose page ${p} holds more than ${MAX_PAGE_ITEMS.toLocaleString("en-US")} pieces of text; a CV's page holds a few thousand`);
      }
      if (tagged) {
        try {
          tree = await page.getStructTree();
        } catch {
          tree = null; // a broken tree: the page is read from positions
        }
      }
      const pageW = page.view[2] ?? 612;
      const items: Item[] = [];
      // The marked-content ids open around each item (a tagged PDF ties them to its structure tree).
      const marks: Array<string | undefined> = [];
      for (const it of content.items as Array<Record<string, unknown>>) {
        if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
          marks.push(typeof it.id === "string" ? it.id : marks[marks.length - 1]);
          continue;
        }
        if (it.type === "endMarkedContent") {
          marks.pop();
          continue;
        }
        if (typeof it.str !== "string" || !Array.isArray(it.transform)) continue;
        const t = it.transform as number[];
        // Skip rotated and vertical text (side labels, watermarks).
        if (Math.abs(t[1]!) > 0.01 || Math.abs(t[2]!) > 0.01) continue;
        if (it.str === "" && !(it.hasEOL as boolean)) continue;
        const size = Math.abs(t[3]!) || Number(it.height) || 10;
        const item: Item = { str: it.str, x: t[4]!, y: t[5]!, w: Number(it.width) || 0, size, font: String(it.fontName ?? "") };
        const mcid = marks[marks.length - 1];
        if (mcid !== undefined) item.mcid = mcid;
        items.push(item);
      }
      const fonts = fontNames(page);
      const shown = withoutIcons(items, iconFonts);
      iconChars += items.length - shown.length;
      const tags = tree ? structTags(tree) : null;
      const read = tags ? taggedLines(shown, tags) : null;
      let lines: PLine[];
      if (read) {
        lines = dropPageFurniture(
          read.map((l) => ({ ...lineOf(l.items, fonts), x: l.items[0]!.x, x1: maxOf(l.items, (i) => i.x + i.w), y: l.items[0]!.y, page: p, col: 0, tag: { kind: l.kind, level: l.level, start: l.start }, aside: l.aside })).filter((l) => l.text !== ""),
        );
        taggedPages++;
      } else {
        const laid = layoutPage(shown, p, pageW || 612, fonts);
        lines = laid.lines;
        totalRows += laid.rows;
        mixedRows += laid.mixed;
      }
      placeLinks(lines, links.get(p - 1) ?? []);
      if (lines.some((l) => l.col > 0)) columns = true;
      if (lines.length === 0) emptyPages.push(p);
      pushAll(out, toRawLines(lines, { aside, tree: fromTree }));
      page.cleanup();
    }
    if (out.length === 0 && (await formFieldText(doc))) {
      throw new CvlintError(ErrorCodes.PDF_NO_TEXT, "has its text only in form fields (a filled-in PDF form), which cvlint does not read; print it to a new PDF (which flattens the form) and lint that");
    }
    // A word processor or a browser breaks lines at hyphens and never hyphenates on its own (their
    // defaults): a hyphen at a line's end in their PDFs is the word's own ("small-business").
    const info = (await doc.getMetadata().catch(() => null))?.info ?? {};
    const producer = `${String(info.Producer ?? "")} ${String(info.Creator ?? "")}`;
    const ownHyphens = /\b(?:LibreOffice|OpenOffice|Microsoft|Google Docs|Skia|Chrom(?:e|ium)|WebKit)\b/i.test(producer);
    return { lines: joinHyphenation(aside.size ? sidebarsTogether(out, aside) : out, fromTree, ownHyphens), comments: [], pages, emptyPages, columns, interleavedRatio: totalRows ? mixedRows / totalRows : 0, iconItems: iconChars };
  } finally {
    (globalThis as { __cvlintStreamLimit?: unknown }).__cvlintStreamLimit = undefined;
    await parser.destroy().catch(() => undefined);
  }
}

/** Glyphs that open a list item (text-utils' bullets): an icon font's bullet stays, it makes the line a bullet. */
const MARKER = /^(?:[•▪◦‣⁃∙●○■□▫▸►▶➢➤➔→✓✔✗❖◆◇♦⬧⦁]|[\ue000-\uf8ff\u0001-\u0008\u000e-\u001f\u007f-\u009f])$/u;

/**
 * How an item reads as an icon: "strong" for what only an icon font draws (an emoji, or an odd
 * letter or symbol alone: "ž", "Ţ", "×" where a Font Awesome glyph has no proper mapping); "weak"
 * for what an icon font also draws (an icon's name, "calendar-days" or "database", as Font Awesome
 * 6's ligatures map back; a lone ASCII letter or mark; a bullet); null for text.
 */
function iconLike(str: string): "strong" | "weak" | null {
  const t = str.trim();
  if (/^[a-z]+(?:-[a-z]+)*$/.test(t) && t.length <= 24) return "weak";
  if (/^\p{Extended_Pictographic}+$/u.test(t)) return "strong";
  const cps = [...t];
  if (cps.length !== 1) return null;
  const c = cps[0]!;
  if (/\p{N}/u.test(c)) return null;
  // A letter beyond Latin-1 or a symbol alone is a glyph without its proper mapping; an accented
  // letter of Latin-1, a mark or a bullet ("ë", "·", "•") alone may be either.
  if ((c.codePointAt(0)! > 0xff && /\p{L}/u.test(c)) || (/\p{So}/u.test(c) && !MARKER.test(c))) return "strong";
  return "weak";
}

/**
 * Icons set in an icon font (Font Awesome, academicons, emoji) come out of a PDF as odd letters
 * ("ž Python"), emoji, or the icon's name ("screwdriver-wrench Skills", "database Databases"): a
 * font whose every item is such a glyph or name, with an odd glyph or emoji among them and two items
 * or more, holds icons, and its items are left out on every page (a bullet glyph stays: it makes
 * its line a list item). pdf.js gives text items no font names without parsing the page's drawing,
 * so the font is known by what it draws.
 */
export function withoutIcons(items: Item[], verdicts: Map<string, boolean>): Item[] {
  const byFont = new Map<string, Item[]>();
  for (const it of items) {
    if (verdicts.has(it.font) || it.str.trim() === "") continue;
    const list = byFont.get(it.font);
    if (list) list.push(it);
    else byFont.set(it.font, [it]);
  }
  for (const [font, its] of byFont) {
    const kinds = its.map((i) => iconLike(i.str));
    verdicts.set(font, its.length >= 2 && !kinds.includes(null) && kinds.includes("strong"));
  }
  return items.some((i) => verdicts.get(i.font)) ? items.filter((i) => !verdicts.get(i.font) || MARKER.test(i.str.trim())) : items;
}

/**
 * A tagged PDF's sidebar is a flow of its own, drawn page by page beside the main one: its part on
 * page 3 sits in the tree before page 3's main column, which goes on with page 2's last section. The
 * sidebar is read in one piece: where its first part is, when the main column goes on after it on
 * that page (a sidebar set before the content), else at the end.
 */
function sidebarsTogether(lines: RawLine[], aside: Set<RawLine>): RawLine[] {
  const first = lines.findIndex((l) => aside.has(l));
  let end = first;
  while (end < lines.length && aside.has(lines[end]!)) end++;
  const mainAfter = end < lines.length && lines[end]!.page === lines[first]!.page;
  const later = lines.slice(end).filter((l) => aside.has(l));
  const main = lines.slice(end).filter((l) => !aside.has(l));
  return mainAfter ? [...lines.slice(0, end), ...later, ...main] : [...lines.slice(0, first), ...main, ...lines.slice(first, end), ...later];
}

interface PageLink {
  url: string;
  rect: number[];
}

/** pdf.js's AnnotationType.WIDGET (form fields). */
const WIDGET = 20;

/** Whether a PDF's form fields hold text (a form filled in on screen draws nothing into its pages' content). */
async function formFieldText(doc: PdfDoc): Promise<boolean> {
  try {
    const skip = new Set<number>();
    for (let i = LINK_PAGES; i < doc.numPages; i++) skip.add(i);
    const widgets = (await doc.getAnnotationsByType(new Set([WIDGET]), skip)) ?? [];
    return (widgets as Array<{ fieldValue?: unknown }>).some((w) => typeof w.fieldValue === "string" && w.fieldValue.trim() !== "");
  } catch {
    return false;
  }
}

/** pdf.js's AnnotationType.LINK. */
const LINK = 2;

/** Pages whose links are read: a CV's profile links are in its header, and a long document's would cost a walk over every page. */
const LINK_PAGES = 4;

/** The web and mail targets of the link annotations of the first pages, by page index; none when they cannot be read. */
async function docLinks(doc: PdfDoc): Promise<Map<number, PageLink[]>> {
  const byPage = new Map<number, PageLink[]>();
  let annots: unknown[] | null;
  try {
    const skip = new Set<number>();
    for (let i = LINK_PAGES; i < doc.numPages; i++) skip.add(i);
    annots = await doc.getAnnotationsByType(new Set([LINK]), skip);
  } catch {
    return byPage;
  }
  for (const a of (annots ?? []) as Array<Record<string, unknown>>) {
    const url = typeof a.url === "string" ? a.url : typeof a.unsafeUrl === "string" ? a.unsafeUrl : "";
    const rect = a.rect;
    if (!/^(?:https?:|mailto:|www\.)/i.test(url) || !Array.isArray(rect) || rect.length !== 4 || typeof a.pageIndex !== "number") continue;
    const list = byPage.get(a.pageIndex);
    if (list) list.push({ url, rect: rect as number[] });
    else byPage.set(a.pageIndex, [{ url, rect: rect as number[] }]);
  }
  return byPage;
}

/** Give each link to the line it covers: the baseline inside the link's box, the most overlap across. */
function placeLinks(lines: PLine[], links: PageLink[]): void {
  for (const { url, rect } of links) {
    const [x0, y0, x1, y1] = [Math.min(rect[0]!, rect[2]!), Math.min(rect[1]!, rect[3]!), Math.max(rect[0]!, rect[2]!), Math.max(rect[1]!, rect[3]!)];
    let best: PLine | undefined;
    let bestOverlap = 0;
    for (const l of lines) {
      if (l.y < y0 - 1 || l.y > y1 + 1) continue;
      const overlap = Math.min(x1, l.x1) - Math.max(x0, l.x);
      if (overlap > bestOverlap) {
        best = l;
        bestOverlap = overlap;
      }
    }
    if (best) (best.hrefs ??= []).push(url);
  }
}

function short(msg: string | undefined): string {
  return (msg ?? "unknown error").split("\n")[0]!.slice(0, 100);
}

/** Real font names ("ABCDEF+LMRoman10-Bold") when pdf.js has them loaded; used to see bold runs. */
function fontNames(page: { commonObjs?: { has?: (id: string) => boolean; get?: (id: string) => unknown } }): (id: string) => string {
  return (id) => {
    try {
      const objs = page.commonObjs;
      if (objs?.has?.(id)) {
        const f = objs.get?.(id) as { name?: string } | undefined;
        return f?.name ?? "";
      }
    } catch {
      // not loaded: no font name
    }
    return "";
  };
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The text of a line's items, spaced where the gaps are, with its type size and whether it is set in bold. */
function lineOf(all: Item[], fontName: (id: string) => string): { text: string; size: number; bold: boolean } {
  let text = "";
  let prevEnd = -Infinity;
  for (const it of all) {
    const gap = it.x - prevEnd;
    if (text && gap > 0.15 * it.size && !/\s$/.test(text) && !/^\s/.test(it.str)) text += " ";
    text += it.str;
    prevEnd = it.x + it.w;
  }
  const boldChars = all.filter((i) => /bold|black|heavy|semibold|demi|\bBX\b|CMBX/i.test(fontName(i.font))).reduce((n, i) => n + i.str.length, 0);
  const chars = all.reduce((n, i) => n + i.str.length, 0);
  return { text: text.replace(/\s+/g, " ").trim(), size: median(all.map((i) => i.size)), bold: chars > 0 && boldChars / chars > 0.8 };
}

/** Rebuild the lines of one page in reading order: rows by baseline, segments by gaps, columns by a gutter. */
export function layoutPage(items: Item[], page: number, pageW: number, fontName: (id: string) => string): { lines: PLine[]; rows: number; mixed: number } {
  const sorted = items.filter((i) => i.str.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - it.y) <= 0.45 * Math.min(row.size, it.size)) {
      row.segs[0]!.items.push(it);
      row.size = Math.max(row.size, it.size);
    } else {
      rows.push({ y: it.y, size: it.size, segs: [{ items: [it], x0: 0, x1: 0 }] });
    }
  }
  // Split each row into segments at wide horizontal gaps, and at the edge of a column of content
  // that labels sit close beside ("Education" set right against "Leipzig University").
  for (const row of rows) row.segs[0]!.items.sort((a, b) => a.x - b.x);
  const edges = contentEdges(rows, pageW);
  for (const row of rows) {
    const its = row.segs[0]!.items;
    const segs: Seg[] = [];
    for (const it of its) {
      const seg = segs[segs.length - 1];
      const gap = seg ? it.x - seg.x1 : 0;
      // (A blank item filling the gap before the content's edge does not close it.)
      const atEdge = seg !== undefined && it.str.trim() !== "" && edges.some((e) => Math.abs(it.x - e) <= 1) && it.x - textEnd(seg) >= 2;
      if (seg && gap < Math.max(1.6 * it.size, 14) && !atEdge) {
        seg.items.push(it);
        seg.x1 = Math.max(seg.x1, it.x + it.w);
      } else {
        segs.push({ items: [it], x0: it.x, x1: it.x + it.w });
      }
    }
    row.segs = segs;
  }
  const found = findGutter(rows, pageW);
  const gutter = found !== null && labelColumn(rows, found) ? null : found;
  const lines: PLine[] = [];
  const mk = (segs: Seg[], row: Row, col: number): PLine => ({ ...lineOf(segs.flatMap((sg) => sg.items), fontName), x: segs[0]!.x0, x1: segs[segs.length - 1]!.x1, y: row.y, page, col });
  let mixed = 0;
  if (gutter === null) {
    // Section titles set beside the first line of their content (two or more on the page, none of
    // them a group label like "Languages" or "Tools" of a skills table) are lines of their own.
    // Inside a skills section, a skills name beside its items is a group's label ("Job-related skills").
    let current: string | undefined;
    const titled = rows.filter((row) => {
      const text = segText(row.segs[0]!);
      const kind = titleBeside(text);
      const label = kind === "skills" && current === "skills";
      if (kind && !label) current = kind;
      else if (row.segs.length === 1) current = classifyHeading(text)?.how === "name" ? classifyHeading(text)!.kind : current;
      return row.segs.length > 1 && kind !== null && !label;
    });
    const split = new Set(titled.length >= 2 ? titled : []);
    for (const row of rows) {
      if (split.has(row)) {
        lines.push({ ...mk([row.segs[0]!], row, 0), beside: true }, mk(row.segs.slice(1), row, 0));
        continue;
      }
      const big = largerTitle(row);
      if (big) {
        lines.push({ ...mk([big.title], row, 0), beside: true }, mk([big.rest, ...row.segs.slice(1)], row, 0));
        continue;
      }
      lines.push(mk(row.segs, row, 0));
      if (row.segs.filter((sg) => segText(sg).split(/\s+/).length >= 3 && !DATEISH.test(segText(sg))).length >= 2) mixed++;
    }
  } else {
    // Regions of rows that do not cross the gutter are read left column first, then right.
    let region: Row[] = [];
    let first = page === 1;
    const flush = (): void => {
      // At the top of the first page, the rows above the first section title are the CV's header
      // (a name on the left, contact links on the right): read row by row, not as columns, or the
      // links would land after the whole left column.
      if (first && region.length > 0) {
        const k = region.findIndex((row) => row.segs.some((s) => classifyHeading(segText(s))?.how === "name"));
        for (const row of region.slice(0, Math.max(k, 0))) {
          const left = row.segs.filter((sg) => sg.x1 <= gutter);
          const right = row.segs.filter((sg) => sg.x0 >= gutter);
          if (left.length) lines.push(mk(left, row, 1));
          if (right.length) lines.push(mk(right, row, 2));
        }
        if (k > 0) region = region.slice(k);
        first = false;
      }
      for (const row of region) {
        const left = row.segs.filter((s) => s.x1 <= gutter);
        if (left.length) lines.push(mk(left, row, 1));
      }
      for (const row of region) {
        const right = row.segs.filter((s) => s.x0 >= gutter);
        if (right.length) lines.push(mk(right, row, 2));
      }
      region = [];
    };
    for (const row of rows) {
      if (row.segs.some((s) => s.x0 < gutter && s.x1 > gutter)) {
        flush();
        lines.push(mk(row.segs, row, 0));
      } else region.push(row);
    }
    flush();
  }
  return { lines: dropPageFurniture(lines.filter((l) => l.text !== "")), rows: rows.length, mixed };
}

/** Where a segment's text ends, blank items left out. */
function textEnd(seg: Seg): number {
  let end = -Infinity;
  for (const it of seg.items) if (it.str.trim() !== "") end = Math.max(end, it.x + it.w);
  return end;
}

/**
 * Left edges of a column of content with labels set close beside it, in the left half of the page:
 * an x where items start in four rows or more, in two or more of them after other text on the row
 * (a title or a date set right against the content, a gap narrower than a segment break).
 */
function contentEdges(rows: Row[], pageW: number): number[] {
  const starts = new Map<number, { rows: number; after: number }>();
  for (const row of rows) {
    const seen = new Set<number>();
    let prev: Item | undefined;
    for (const it of row.segs[0]!.items) {
      if (it.str.trim() === "") continue;
      const key = Math.round(it.x);
      if (key <= pageW * 0.45 && !seen.has(key)) {
        seen.add(key);
        const e = starts.get(key) ?? { rows: 0, after: 0 };
        e.rows++;
        // After a label: text with letters or digits (not a bullet) ending at least 2 pt before.
        if (prev && it.x - (prev.x + prev.w) >= 2 && /[\p{L}\p{N}]{2}/u.test(prev.str)) e.after++;
        starts.set(key, e);
      }
      prev = it;
    }
  }
  const edges: number[] = [];
  for (const [x, e] of starts) {
    // Neighbouring keys (an x that rounds either way) count together.
    const near = [starts.get(x - 1), starts.get(x + 1)];
    const rowsAt = e.rows + near.reduce((n, o) => n + (o?.rows ?? 0), 0);
    const after = e.after + near.reduce((n, o) => n + (o?.after ?? 0), 0);
    if (rowsAt >= 4 && after >= 2) edges.push(x);
  }
  return edges;
}

/**
 * A section's name set in larger type at the start of a row, close beside smaller text ("Skills"
 * beside "Infrastructure as Code" in a table's first row): the title, apart from the rest.
 */
function largerTitle(row: Row): { title: Seg; rest: Seg } | null {
  const its = row.segs[0]!.items.filter((i) => i.str.trim() !== "");
  if (its.length < 2) return null;
  let k = 1;
  while (k < its.length && Math.abs(its[k]!.size - its[0]!.size) < 0.01) k++;
  if (k >= its.length) return null;
  const head = its.slice(0, k);
  const tail = its.slice(k);
  const text = head.map((i) => i.str).join(" ").trim();
  if (classifyHeading(text)?.how !== "name" || head[0]!.size < 1.08 * median(tail.map((i) => i.size))) return null;
  if (tail[0]!.x - (head[k - 1]!.x + head[k - 1]!.w) < 2) return null;
  const seg = (items: Item[]): Seg => ({ items, x0: items[0]!.x, x1: maxOf(items, (i) => i.x + i.w) });
  return { title: seg(head), rest: seg(tail) };
}

/** The kind of section a segment names as its title: a section's name, not "other" and not a group of skills ("Languages", "Tools"). */
function titleBeside(text: string): string | null {
  const m = classifyHeading(text);
  return m?.how === "name" && m.kind !== "other" && skillGroupHeading(text) === null ? m.kind : null;
}

/**
 * A left column of section titles, dates and labels beside the content (a CV laid out as a table,
 * like Europass in Word) is not a sidebar: there the section titles are all on the left and the
 * right holds none, and reading the columns one after the other would put every title before
 * any content. Such a page is read row by row.
 */
function labelColumn(rows: Row[], gutter: number): boolean {
  let left = 0;
  let right = 0;
  for (const row of rows) {
    if (row.segs.some((s) => s.x0 < gutter && s.x1 > gutter)) continue;
    const l = row.segs.filter((s) => s.x1 <= gutter).map(segText).join(" ");
    const r = row.segs.filter((s) => s.x0 >= gutter).map(segText).join(" ");
    if (l && classifyHeading(l)?.how === "name") left++;
    if (r && classifyHeading(r)?.how === "name") right++;
  }
  return left >= 2 && right === 0;
}

const DATEISH = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*)?(?:\d{1,2}[/.])?\d{2,4}\s*(?:[-–—]|to)?\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*)?(?:\d{1,2}[/.])?(?:\d{2,4}|present|now|current|today)?$|^[A-Z][a-z]+(?:,\s*[A-Z]{2}|,\s*[A-Z][a-z]+)?$/i;

/**
 * A gutter is an x position, away from the page edges, with a run of consecutive rows that do not
 * cross it and have real text (not just dates or places) on both sides in at least three rows.
 * Rows that cross it (a name or summary above the columns) are read whole, in place.
 */
function findGutter(rows: Row[], pageW: number): number | null {
  if (rows.length < 6) return null;
  // Per row, once: the leftmost end and the rightmost start of its real (not date-like) text, so
  // that each of the ~200 candidate gutters costs a pass over the segments' edges and no calls (a
  // cold start runs this in V8's interpreter, where it took several milliseconds per page).
  const n = rows.length;
  const realEnd = new Float64Array(n).fill(Infinity);
  const realStart = new Float64Array(n).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (const sg of rows[i]!.segs) {
      if (DATEISH.test(segText(sg))) continue;
      if (sg.x1 < realEnd[i]!) realEnd[i] = sg.x1;
      if (sg.x0 > realStart[i]!) realStart[i] = sg.x0;
    }
  }
  let bestScore = 0;
  let bestXs: number[] = [];
  for (let x = Math.round(pageW * 0.15); x <= pageW * 0.85; x += 2) {
    let score = 0;
    let left = 0;
    let right = 0;
    for (let i = 0; i < n; i++) {
      const segs = rows[i]!.segs;
      let crossed = false;
      for (let k = 0; k < segs.length && !crossed; k++) crossed = segs[k]!.x0 < x - 1 && segs[k]!.x1 > x + 1;
      if (crossed) {
        score = Math.max(score, Math.min(left, right));
        left = 0;
        right = 0;
        continue;
      }
      if (realEnd[i]! <= x) left++;
      if (realStart[i]! >= x) right++;
    }
    score = Math.max(score, Math.min(left, right));
    if (score < 3) continue;
    if (score > bestScore) {
      bestScore = score;
      bestXs = [x];
    } else if (score === bestScore && bestXs[bestXs.length - 1] === x - 2) {
      bestXs.push(x);
    }
  }
  return bestXs.length ? bestXs[Math.floor(bestXs.length / 2)]! : null;
}

function segText(s: Seg): string {
  return s.items.map((i) => i.str).join(" ").trim();
}

/**
 * Page numbers, "Page 1 of 2" and copyright footers at the top or bottom of a page are not CV
 * content: a template's footer ("November 21, 2026 © European Union, 2002 – 2026 | … Page 1 / 2",
 * Europass) was read into the last section.
 */
function dropPageFurniture(lines: PLine[]): PLine[] {
  const furniture = /^(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$/i;
  const footer = /\bpage\s*\d{1,3}\s*(?:of|\/)\s*(?:\d{1,3}|\?\?)\s*$|©|\(c\)\s*\d{4}/i;
  return lines.filter((l, i) => !((i < 2 || i >= lines.length - 2) && (furniture.test(l.text) || footer.test(l.text))));
}

/** The page's lines as raw lines; those read through the structure tree are added to `tree`, those of a sidebar to `aside`. */
function toRawLines(lines: PLine[], { aside, tree }: { aside: Set<RawLine>; tree: Set<RawLine> }): RawLine[] {
  const out: RawLine[] = [];
  const heights: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.col === b.col && a.y > b.y) heights.push(a.y - b.y);
  }
  const lineH = median(heights) || 12;
  const colRight = new Map<number, number>();
  for (const l of lines) colRight.set(l.col, Math.max(colRight.get(l.col) ?? 0, l.x1));
  let pageLine = 0;
  // Where the bullets of the current list start, one x per level: a bullet indented past the one
  // before it is nested under it ("• CI and QA" above "– Tests: JUnit").
  let listXs: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const prev = lines[i - 1];
    pageLine++;
    const norm = normalizeGlyphs(l.text);
    let text = norm.text;
    const b = leadingBullet(text);
    if (b.bullet) text = text.slice(b.cut);
    // Icons (private use) go; a symbol glyph without a Unicode mapping (a control character, as
    // pdflatex's \textbullet without glyphtounicode) separates items like the bullet it is.
    text = composeAccents(text);
    // A NUL is a glyph without any mapping (a dotted leader's dots): nothing to read.
    text = text.replace(/[\ue000-\uf8ff\u0000]/g, " ").replace(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g, " • ").replace(/\s+/g, " ").trim();
    if (!text) continue;
    const gap = prev && prev.col === l.col && prev.y > l.y ? (prev.y - l.y) / lineH : 3;
    const prevRaw = out[out.length - 1];
    // A line continues the previous block when it follows closely, at the same or a hanging indent,
    // and the previous line ran (nearly) to the right edge of the column.
    const right = colRight.get(l.col) ?? l.x1;
    // A list item's wrapped line sits at the item's text, right of its bullet (a hanging indent):
    // it goes on from the line above even where a long next word left that line short ("… into
    // 9 Go" / "microservices communicating over gRPC …", as Word and LibreOffice set it), unless
    // the line above ended a sentence and this one opens another.
    const hanging =
      prev !== undefined &&
      prevRaw?.kind === "bullet" &&
      l.x > prev.x + 4 &&
      l.x < prev.x + 40 &&
      (startsLower(text) || !/[.!?]["”')]?$/.test(prev.text.trimEnd()));
    const prevFull = prev
      ? (prev.x1 >= right - Math.max(40, (right - prev.x) * 0.12) && prev.text.split(/\s+/).length >= 4) || /(?:,|\band|\bor|\bwith)$/.test(prev.text) || hanging
      : false;
    const continues =
      !b.bullet &&
      !l.beside &&
      prev !== undefined &&
      prevRaw !== undefined &&
      prev.col === l.col &&
      gap < 1.45 &&
      Math.abs(prev.size - l.size) < 0.6 &&
      prevFull &&
      !/[:]$/.test(prevRaw.text) &&
      !/^[A-Z][\w /&+.-]{1,30}:\s/.test(text) &&
      (prevRaw.kind === "bullet" ? l.x > prev.x - 2 : Math.abs(l.x - prev.x) < 3 || l.x < prev.x);
    let level: number | undefined;
    if (l.tag) {
      // The structure tree says what the line is; a written bullet in a paragraph still makes a bullet.
      const kind = l.tag.kind === "paragraph" && b.bullet ? "bullet" : l.tag.kind;
      const raw: RawLine = {
        text,
        line: 0,
        page: l.page,
        pageLine,
        kind,
        ...(kind === "heading" ? { certain: true } : {}),
        level: kind === "heading" ? l.tag.level : kind === "bullet" ? (l.tag.level ?? 1) : undefined,
        blockStart: l.tag.start || (b.bullet && l.tag.kind === "paragraph"),
        style: { size: l.size, bold: l.bold, gapAbove: gap, x: l.x },
        hrefs: l.hrefs,
      };
      out.push(raw);
      tree.add(raw);
      if (l.aside) aside.add(raw);
      continue;
    }
    if (b.bullet) {
      if (prevRaw?.kind !== "bullet" || prev === undefined || prev.col !== l.col) listXs = [l.x];
      else {
        while (listXs.length > 1 && l.x < listXs[listXs.length - 1]! - 4) listXs.pop();
        if (l.x > listXs[listXs.length - 1]! + 6) listXs.push(l.x);
        else if (l.x < listXs[0]! - 4) listXs = [l.x];
      }
      level = listXs.length;
    }
    out.push({
      text,
      line: 0,
      page: l.page,
      pageLine,
      kind: b.bullet || (continues && prevRaw?.kind === "bullet") ? "bullet" : "paragraph",
      level,
      blockStart: !continues,
      style: { size: l.size, bold: l.bold, gapAbove: gap, x: l.x, ...(l.beside ? { beside: true } : {}) },
      hrefs: l.hrefs,
    });
  }
  return out;
}

/** Spacing accents and the combining marks they stand for. */
const ACCENTS: Record<string, string> = { "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303", "\u00a8": "\u0308", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u00af": "\u0304", "\u02da": "\u030a", "\u02dd": "\u030b", "\u02d9": "\u0307" };

/**
 * A letter that pdfTeX built from an accent and a letter (OT1 fonts: "Gda´nsk", "Dvoˇr´ak") comes
 * out of the PDF as the spacing accent, then the letter: they are put back together ("Gdańsk").
 */
export function composeAccents(text: string): string {
  if (!/[\u00b4\u02c6\u02dc\u00a8\u02c7\u02d8\u00af\u02da\u02dd\u02d9]/.test(text)) return text;
  // Inside a word, or before a small letter: an icon drawn as "¨" before a title ("¨Infrastructure") stays apart.
  return text.replace(/(\p{L}?)([\u00b4\u02c6\u02dc\u00a8\u02c7\u02d8\u00af\u02da\u02dd\u02d9])(\p{L})/gu, (all, before: string, accent: string, letter: string) => {
    if (!before && !/\p{Ll}/u.test(letter)) return all;
    const composed = (letter + ACCENTS[accent]!).normalize("NFC");
    return composed.length === 1 ? before + composed : all;
  });
}

/** Second halves that make a real compound ("event-driven"), so the hyphen at a line end is kept. */
const COMPOUND_TAILS = new Set(
  "driven based oriented end side time level scale first free like aware facing native ready stack source tier grade term specific critical friendly intensive safe proof known wide house party management service services system systems owned making learning solving processing focused centric heavy rich related quality world class hand minded".split(" "),
);

/**
 * Join words hyphenated across lines of one block: "micro-" + "services" → "microservices". A
 * browser or a word processor breaks lines at hyphens and never hyphenates on its own: in lines read
 * through a structure tree (their PDFs), or in a PDF they made (`ownHyphens`, by its producer), a
 * hyphen at a line's end is the word's own ("post-mortems").
 */
function joinHyphenation(lines: RawLine[], tree: Set<RawLine>, ownHyphens: boolean): RawLine[] {
  // Words seen elsewhere in the document decide first: "order-management" written whole on
  // another line keeps its hyphen; "PostgreSQL" seen whole joins "Post-" + "greSQL".
  // Built at the first line that ends in a hyphen (most PDFs have none), before any line changes.
  let words: Set<string> | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (b.blockStart || !endsInWordHyphen(a.text)) continue;
    const m = continuation(b.text);
    if (!m) continue;
    const head = lastWord(a.text).slice(0, -1).toLowerCase();
    const tail = m[1].toLowerCase();
    if (!words) {
      words = new Set();
      for (const l of lines) addWords(l.text.toLowerCase(), words);
    }
    const keepHyphen = ownHyphens || tree.has(a) || words.has(`${head}-${tail}`) ? true : words.has(head + tail) ? false : COMPOUND_TAILS.has(tail) || (head.length >= 4 && words.has(head));
    a.text = (keepHyphen ? a.text : a.text.slice(0, -1)) + m[1] + m[2];
    b.text = b.text.slice(m[0].length);
  }
  return lines.filter((l) => l.text.trim() !== "");
}

/*
 * Scans for the dehyphenation, each equal to the Unicode expression in its comment
 * (tests/pdf-layout.test.ts): making and compiling those cost about two milliseconds of a PDF's start.
 */

/** /\p{L}{2}-$/u.test(s): the line ends in two letters and a hyphen ("Post-"). */
export function endsInWordHyphen(s: string): boolean {
  if (!s.endsWith("-")) return false;
  const a = cpBefore(s, s.length - 1);
  if (a < 0 || !isLetter(a)) return false;
  const b = cpBefore(s, s.length - 1 - cpLen(a));
  return b >= 0 && isLetter(b);
}

/** /[\p{L}\p{N}-]+-$/u.exec(s)?.[0] on a line that ends in a hyphen: its last word, hyphen included. */
export function lastWord(s: string): string {
  let i = s.length;
  while (i > 0) {
    const cp = cpBefore(s, i);
    if (cp !== 45 && !isAlnum(cp)) break;
    i -= cpLen(cp);
  }
  return s.slice(i);
}

/** /^(\p{Ll}[\p{L}\p{N}]*)([.,;:)]?)\s{0,}/u.exec(s): the word that ends a hyphenated one, a mark after it, and the space. */
export function continuation(s: string): [string, string, string] | null {
  if (s.length === 0) return null;
  const first = s.codePointAt(0)!;
  if (!isLower(first)) return null;
  let i = cpLen(first);
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (!isAlnum(cp)) break;
    i += cpLen(cp);
  }
  const mark = i < s.length && ".,;:)".includes(s[i]!) ? i + 1 : i;
  let end = mark;
  while (end < s.length && isSpace(s.charCodeAt(end))) end++;
  return [s.slice(0, end), s.slice(0, i), s.slice(i, mark)];
}

/** Add s.match(/[\p{L}\p{N}][\p{L}\p{N}-]{0,}/gu) to a set: words, with inner hyphens. */
export function addWords(s: string, into: Set<string>): void {
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    if (!isAlnum(cp)) {
      i += cpLen(cp);
      continue;
    }
    let j = i + cpLen(cp);
    while (j < s.length) {
      const c = s.codePointAt(j)!;
      if (c !== 45 && !isAlnum(c)) break;
      j += cpLen(c);
    }
    into.add(s.slice(i, j));
    i = j;
  }
}
