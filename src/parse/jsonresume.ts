import { CvlintError, ErrorCodes } from "../errors.js";
import type { RawLine } from "../types.js";
import type { ParsedSource } from "./markdown.js";
import { lineFinder, lineStarts } from "./markdown.js";

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});

/** Whether parsed JSON has the shape of a JSON Resume (jsonresume.org). */
export function isJsonResume(v: unknown): boolean {
  const o = obj(v);
  return ["basics", "work", "skills", "education", "projects"].some((k) => k in o) && (typeof o.basics === "object" || Array.isArray(o.work) || Array.isArray(o.skills));
}

/**
 * JSON Resume → raw lines in the usual CV order (header, summary, skills, experience, projects,
 * education, certifications, languages), each character placed at the source line and column of
 * the JSON string it came from, so findings point into resume.json.
 */
export function parseJsonResume(src: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (err) {
    throw new CvlintError(ErrorCodes.UNSUPPORTED_FORMAT, `is not valid JSON (${(err as Error).message})`);
  }
  if (!isJsonResume(data)) throw new CvlintError(ErrorCodes.UNSUPPORTED_FORMAT, "is JSON but not a JSON Resume (no basics, work or skills)");
  const starts = lineStarts(src);
  const lineOf = lineFinder(starts);
  let cursor = 0;
  /** Where a string value (or key) stands in the source, searched forward from the last one found. */
  const locate = (value: string, asKey = false): number => {
    const needle = JSON.stringify(value) + (asKey ? ":" : "");
    let at = src.indexOf(needle, cursor);
    if (at < 0 && asKey) at = src.indexOf(JSON.stringify(value), cursor);
    if (at < 0) at = src.indexOf(needle);
    if (at < 0) return -1;
    cursor = at + 1;
    return at + 1; // after the opening quote
  };
  const out: RawLine[] = [];
  /** One line made of string pieces (each located in the source) and literal separators. */
  const emit = (pieces: Array<string | { v: string }>, kind: RawLine["kind"], opts: Partial<RawLine> = {}) => {
    let text = "";
    const offs: number[] = [];
    let last = 0;
    for (const p of pieces) {
      if (typeof p === "string") {
        text += p;
        for (let i = 0; i < p.length; i++) offs.push(last);
        continue;
      }
      const at = locate(p.v);
      const escaped = JSON.stringify(p.v).slice(1, -1) === p.v;
      for (let i = 0; i < p.v.length; i++) offs.push(at < 0 ? last : escaped ? at + i : at);
      text += p.v;
      if (at >= 0) last = at + (escaped ? p.v.length : 0);
    }
    if (!text.trim()) return;
    const first = offs.find((o) => o > 0) ?? 0;
    const line = lineOf(first);
    const cols = offs.map((o) => (lineOf(o) === line ? o - starts[line - 1]! + 1 : 1));
    out.push({ text, cols, line, kind, blockStart: true, ...opts });
  };
  const heading = (title: string, key: string, level = 2) => {
    const at = locate(key, true);
    const line = at < 0 ? 1 : lineOf(at);
    out.push({ text: title, cols: Array.from(title, () => (at < 0 ? 1 : at - starts[line - 1]!)), line, kind: "heading", certain: true, level, blockStart: true });
  };
  const paragraphs = (v: unknown, kind: RawLine["kind"] = "paragraph") => {
    const s = str(v);
    if (!s) return;
    // A multi-line string: one raw line per line of text, all placed at the string.
    for (const part of s.split(/\n+/)) emit([{ v: part }], kind);
  };
  const d = obj(data);
  const basics = obj(d.basics);
  if (str(basics.name)) emit([{ v: str(basics.name)! }], "heading", { certain: true, level: 1 });
  if (str(basics.label)) emit([{ v: str(basics.label)! }], "paragraph");
  const contact = [basics.email, basics.phone, basics.url].map(str).filter((x): x is string => Boolean(x));
  if (contact.length) emit(contact.flatMap((c, i) => (i ? [" · ", { v: c }] : [{ v: c }])), "paragraph", { hrefs: contact.filter((c) => /^https?:/.test(c)) });
  for (const p of arr(basics.profiles).map(obj)) {
    const url = str(p.url);
    const net = str(p.network);
    if (url || net) emit([...(net ? [{ v: net }, ": "] : []), ...(url ? [{ v: url }] : [])], "paragraph", { hrefs: url ? [url] : [] });
  }
  if (str(basics.summary)) {
    heading("Summary", "summary");
    paragraphs(basics.summary);
  }
  const skills = arr(d.skills).map(obj);
  if (skills.length) {
    heading("Skills", "skills");
    for (const s of skills) {
      const kw = arr(s.keywords).map(str).filter((x): x is string => Boolean(x));
      const name = str(s.name);
      const pieces: Array<string | { v: string }> = [];
      if (name) pieces.push({ v: name });
      if (name && kw.length) pieces.push(": ");
      kw.forEach((k, i) => pieces.push(...(i ? [", ", { v: k }] : [{ v: k }])));
      emit(pieces, "bullet", { level: 1 });
    }
  }
  const section = (key: string, title: string, item: (o: Json) => void) => {
    const list = arr(d[key]).map(obj);
    if (!list.length) return;
    heading(title, key);
    list.forEach(item);
  };
  const dates = (o: Json) => {
    const a = str(o.startDate);
    const b = str(o.endDate);
    if (a) return [" (", { v: a }, " – ", ...(b ? [{ v: b }] : ["present"]), ")"];
    return b ? [" (", { v: b }, ")"] : [];
  };
  section("work", "Experience", (w) => {
    const head: Array<string | { v: string }> = [];
    if (str(w.position)) head.push({ v: str(w.position)! });
    if (str(w.name) ?? str(w.company)) head.push(...(head.length ? [", "] : []), { v: (str(w.name) ?? str(w.company))! });
    emit([...head, ...dates(w)], "heading", { certain: true, level: 3 });
    paragraphs(w.summary);
    for (const h of arr(w.highlights)) paragraphs(h, "bullet");
  });
  section("projects", "Projects", (p) => {
    if (str(p.name)) emit([{ v: str(p.name)! }], "heading", { certain: true, level: 3 });
    paragraphs(p.description);
    for (const h of arr(p.highlights)) paragraphs(h, "bullet");
    const kw = arr(p.keywords).map(str).filter((x): x is string => Boolean(x));
    if (kw.length) emit(["Tech: ", ...kw.flatMap((k, i) => (i ? [", ", { v: k }] : [{ v: k }]))], "paragraph");
  });
  section("education", "Education", (e) => {
    const parts = [e.studyType, e.area, e.institution].map(str).filter((x): x is string => Boolean(x));
    emit([...parts.flatMap((p, i) => (i ? [", ", { v: p }] : [{ v: p }])), ...dates(e)], "paragraph");
  });
  section("certificates", "Certifications", (c) => emit([...(str(c.name) ? [{ v: str(c.name)! }] : []), ...(str(c.issuer) ? [" — ", { v: str(c.issuer)! }] : [])], "bullet", { level: 1 }));
  section("languages", "Languages", (l) => emit([...(str(l.language) ? [{ v: str(l.language)! }] : []), ...(str(l.fluency) ? [" (", { v: str(l.fluency)! }, ")"] : [])], "paragraph"));
  return { lines: out, comments: [] };
}
