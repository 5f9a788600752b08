/**
 * Passes over a document's structure that no one format's markup decides: what a list item is
 * (a duty, a job, the end of the sentence above it) and what a section of an unknown name holds.
 */
import type { Block, CvDocument, ExtractionQuality, Line, RawLine, Section } from "../types.js";
import { classifyHeading, skillGroupHeading } from "./headings.js";
import { pushAll } from "../arrays.js";
import { cpBefore, cpLen, isLetter, startsLower } from "../match/scan.js";

/** Words a sentence does not end on: a line that ends with one goes on below. */
const OPEN_ENDS = new Set(["a", "an", "the", "and", "or", "of", "to", "for", "with", "in", "on", "by", "at", "from", "that", "which", "who", "including", "using", "via", "into", "such", "as", "than", "across", "between"]);

/**
 * A nested list item that finishes the sentence of the item above it ("- Built a service that" /
 * "  - handles 2 million requests a day") is a line of that item, not an item of its own: the item
 * above ends on a comma or a word a sentence does not end on, and the nested line starts in lower case.
 */
export function joinSentenceContinuations(raws: RawLine[]): RawLine[] {
  let parent: RawLine | null = null;
  let last: RawLine | null = null;
  const out: RawLine[] = [];
  for (const raw of raws) {
    if (raw.kind !== "bullet") {
      parent = last = null;
      out.push(raw);
      continue;
    }
    const level = raw.level ?? 1;
    if (raw.blockStart && parent && last && level === (parent.level ?? 1) + 1 && startsLower(raw.text) && opensOn(last.text)) {
      const joined: RawLine = { ...raw, level: parent.level, blockStart: false };
      out.push(joined);
      last = joined;
      continue;
    }
    if (raw.blockStart) parent = raw;
    last = raw;
    out.push(raw);
  }
  return out;
}

function opensOn(text: string): boolean {
  const t = text.trimEnd();
  if (t.endsWith(",")) return true;
  // The letters at the end (/(\p{L}+)$/u as a scan: the expression is quadratic on a long run of
  // letters that ends in something else, issue 24).
  let i = t.length;
  while (i > 0) {
    const cp = cpBefore(t, i);
    if (cp < 0 || !isLetter(cp)) break;
    i -= cpLen(cp);
  }
  return i < t.length && OPEN_ENDS.has(t.slice(i).toLowerCase());
}

/**
 * A section whose title names no section ("10 Years of Programming Evolution") is a skills section
 * when its parts are labelled as groups of skills: two labels or more ("Languages", "Environment",
 * "Source Code Management", numbered or not), one of them a group that opens a skills list.
 */
export function skillGroupSections(lines: Line[], sections: Section[]): void {
  for (const s of sections) {
    if (s.kind !== "other" || s.heading === null || classifyHeading(s.heading) !== null) continue;
    let labels = 0;
    let opens = false;
    for (let i = s.start + 1; i <= s.end; i++) {
      const l = lines[i]!;
      const text = l.text.replace(/[:：]\s*$/, "").trim();
      if (text.split(/\s+/).length > 5) continue;
      const g = skillGroupHeading(text);
      if (g === null) continue;
      labels++;
      if (g === "open") opens = true;
    }
    if (labels >= 2 && opens) {
      s.kind = "skills";
      s.detectedBy = "its parts are named as groups of skills";
      s.confidence = Math.min(s.confidence, 0.7);
    }
  }
}

/** A span of years: "2014 - 2019", "from 2014 to today", "03/2021 – Present", "2019 – Mar 2021", "since 2018". */
const YEARS = /\b(?:19|20)\d{2}\s*(?:-|–|—|to|until|till)\s*(?:[A-Za-z]{3,9}\.?\s+)?(?:(?:19|20)\d{2}|present|today|now|current|date)\b|\bsince\s+(?:19|20)\d{2}\b/i;

/**
 * In an experience section, a list whose items are jobs ("* 2 years as Front-End Captain at
 * Synthesio from 2014 to today"; "- Senior Engineer, Acme (2019 – 2021)" with the duties nested
 * under it) lists entries, not duties: when two or more of the section's top-level items, and most
 * of them, hold a span of years, those items are entry lines (paragraphs) and the items nested
 * under them are the top-level duties.
 */
export function entryItems(lines: Line[], blocks: Block[], sections: Section[]): void {
  for (const s of sections) {
    if (s.kind !== "experience") continue;
    const tops = blocks.filter((b) => b.section === s.index && b.kind === "bullet" && (b.level ?? 1) === 1);
    const entries = tops.filter((b) => YEARS.test(b.text));
    if (entries.length < 2 || entries.length < 0.6 * tops.length) continue;
    const isEntry = new Set(entries.map((b) => b.index));
    let under = false;
    for (const b of blocks) {
      if (b.section !== s.index) continue;
      if (isEntry.has(b.index)) {
        b.kind = "paragraph";
        b.level = undefined;
        for (let i = b.start; i <= b.end; i++) {
          lines[i]!.kind = "paragraph";
          lines[i]!.level = undefined;
        }
        under = true;
        continue;
      }
      if (b.kind !== "bullet" || (b.level ?? 1) === 1) {
        if (b.kind === "bullet") under = false;
        continue;
      }
      if (!under) continue;
      b.level = b.level! - 1;
      for (let i = b.start; i <= b.end; i++) lines[i]!.level = b.level;
    }
  }
}

/** Runs of letters, digits and "+#." (the words a glued ending is looked for in): a single class, linear. */
const WORDS = /[A-Za-z0-9+#.]+/g;
const ENDINGS = ["image", "icon", "logo"] as const;

/** A word with an image's alt text or an icon's name glued to its end ("Pythonimage", "Dockerlogo"): its stem, ending and place. */
function* gluedWords(text: string): Generator<{ at: number; stem: string; ending: string }> {
  for (const m of text.matchAll(WORDS)) {
    let end = m[0].length;
    while (end > 0 && m[0].charCodeAt(end - 1) === 46) end--; // trailing full stops
    const word = m[0].slice(0, end);
    for (const ending of ENDINGS) {
      if (!word.endsWith(ending) || word.length === ending.length) continue;
      const stem = word.slice(0, -ending.length);
      if (/[A-Z0-9+#]/.test(stem)) yield { at: m.index, stem, ending };
    }
  }
}

/**
 * Skill icons whose alt text or name is extracted after each word ("Pythonimage Dockerimage") glue
 * a word to every name. Glue is told from a word that ends so by its repetition: the same ending
 * on two words or more that carry a capital, a digit or a sign ("Python", "K8s", "C#"). The ending
 * is cut off (the characters keep their source columns) and the words are returned for the
 * quality report.
 */
export function unglueAltText(raws: RawLine[]): { lines: RawLine[]; glued: string[] } {
  const stems = new Map<string, Set<string>>();
  for (const r of raws) for (const g of gluedWords(r.text)) (stems.get(g.ending) ?? stems.set(g.ending, new Set()).get(g.ending)!).add(g.stem);
  const endings = new Set([...stems].filter(([, s]) => s.size >= 2).map(([e]) => e));
  if (endings.size === 0) return { lines: raws, glued: [] };
  const glued: string[] = [];
  const lines = raws.map((r) => {
    let text = "";
    const cols: number[] = [];
    const from = r.cols ?? Array.from(r.text, (_, k) => k + 1);
    let at = 0;
    for (const g of gluedWords(r.text)) {
      if (!endings.has(g.ending)) continue;
      const cut = g.at + g.stem.length;
      text += r.text.slice(at, cut);
      pushAll(cols, from.slice(at, cut));
      at = cut + g.ending.length;
      glued.push(g.stem + g.ending);
    }
    if (at === 0) return r;
    text += r.text.slice(at);
    pushAll(cols, from.slice(at));
    return { ...r, text, cols };
  });
  return { lines, glued };
}

/** Below this, a section (or, for findings about the whole CV, the sections as a whole) is too unsure to advise on. */
export const MIN_SECTION_CONFIDENCE = 0.5;

/** A word that joins a title's parts into one title. */
const CONNECTOR = /^(?:&|and|or|\/|\||\+|-|–|—|of|in|at|for|with|on|by|to|\(.*)$/i;

/** The first words of a title that name a section on their own ("Education" of "Education Coventry University"). */
function namedPrefix(heading: string): string | null {
  const words = heading.trim().split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const head = words.slice(0, n).join(" ");
    // "Personal Projects & Products", "Skills and Tools", "Experience in Fintech": one title.
    if (classifyHeading(head)?.how === "name") return CONNECTOR.test(words[n]!) ? null : head;
  }
  return null;
}

/**
 * How sure the reader is of each section and of the sections as a whole. A section starts from how
 * its title was found (set when it was made) and follows the extraction's confidence; a title that
 * only begins with a section's name, glued to the text beside it ("Education Coventry University",
 * "Skills IAC and Configuration", a column read across), is unsure. A CV of twenty lines or more
 * with no section title, or with none that names a known section, is unsure as a whole: the
 * reasons go into the quality report, which extraction-quality shows.
 */
export function sectionConfidence(lines: Line[], sections: Section[], quality: ExtractionQuality): void {
  for (const s of sections) {
    let c = s.confidence * quality.confidence;
    if (s.heading !== null && s.headingLine !== null && s.detectedBy.startsWith("section keyword")) {
      const head = namedPrefix(s.heading);
      if (head !== null) {
        c *= 0.5;
        s.doubt = `its title "${s.heading}" runs on past the section's name "${head}" (a title glued to the text beside it)`;
      }
    }
    s.confidence = Math.round(c * 100) / 100;
  }
  const titled = sections.filter((s) => s.heading !== null);
  let structure = 1;
  if (lines.length >= 20 && titled.length === 0) {
    structure = 0.3;
    quality.reasons.push("no section titles were found");
  } else if (lines.length >= 20 && titled.length >= 2 && titled.every((s) => s.kind === "other")) {
    structure = 0.4;
    quality.reasons.push("no section title names a part of a CV cvlint knows (experience, skills, education…)");
  }
  const unsure = sections.filter((s) => s.doubt !== undefined && s.confidence < 0.5);
  for (const s of unsure.slice(0, 3)) quality.reasons.push(`the ${s.kind} section is unsure: ${s.doubt}`);
  quality.structure = structure;
}

/** Where a line names known skills: [start, end) spans of its text, by line index. */
export type SkillSpans = Map<number, Array<[number, number]>>;

/** Items of a list line: split at "·", ",", ";", "|", "•" outside brackets, as a sidebar or a chip row sets them. */
function listItems(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (i < text.length && (depth > 0 || !",;|•·●▪".includes(ch!))) continue;
    if (text.slice(from, i).trim()) out.push([from, i]);
    from = i + 1;
  }
  return out;
}

/** An item longer than this many words is a phrase or a sentence, not a skill's name. */
const ITEM_WORDS = 6;

/** How many list items a section's lines under its heading hold, and how many of them name a known skill. */
function groupContent(doc: CvDocument, s: Section, spans: SkillSpans): { items: number; known: number } {
  let items = 0;
  let known = 0;
  for (let i = s.start; i <= s.end; i++) {
    const line = doc.lines[i]!;
    // Headings under the group's own are levels ("Expert", "Advanced"), not items.
    if (i === s.headingLine || line.kind === "heading") continue;
    const hits = spans.get(i) ?? [];
    for (const [a, b] of listItems(line.text)) {
      items++;
      if (line.text.slice(a, b).trim().split(/\s+/).length > ITEM_WORDS) continue;
      if (hits.some(([x, y]) => x < b && y > a)) known++;
    }
  }
  return { items, known };
}

/**
 * Skills set as groups under headings of their own, with no "Skills" heading above them (a
 * sidebar's "Javascript", "Data", "Tools / Misc", as JSON Resume themes and online builders print
 * them): a section whose heading names no other part of a CV and whose lines are mostly list
 * items that name known skills is a group of skills. Neighbouring groups are one skills section,
 * untitled (each group heading labels its items), or the skills section a named skills heading
 * right above them opens; a group alone is a skills section under its own heading. A group of
 * spoken languages or interests names no known skill and stays where it is. True when a section changed.
 */
export function skillGroupsByContent(doc: CvDocument, spans: SkillSpans): boolean {
  const { sections } = doc;
  // A group: a section of no known name whose items mostly name known skills, or one whose heading
  // already names a group of skills ("Databases", "Soft Skills"; not a whole "Skills" section).
  const named = (s: Section): boolean => s.heading === null || s.headingLine === null || classifyHeading(s.heading)?.how === "name";
  const isGroup = sections.map((s) => {
    if (s.kind === "skills") return !named(s);
    if (s.kind !== "other" || s.heading === null || s.headingLine === null) return false;
    const { items, known } = groupContent(doc, s, spans);
    return known >= 1 && known >= items / 2;
  });
  // Between two groups, a section of a few short items is a group too, one the taxonomy has no
  // names for ("Blockchain": "Hyperledger Fabric"), or one a keyword misnamed ("SSL/TLS Certificates").
  const short = (s: Section): boolean => {
    if (s.headingLine === null || (s.kind !== "other" && !(s.detectedBy.startsWith("section keyword") && s.kind !== "experience"))) return false;
    for (let i = s.start; i <= s.end; i++) {
      const text = doc.lines[i]!.text;
      if (i !== s.headingLine && listItems(text).some(([x, y]) => text.slice(x, y).trim().split(/\s+/).length > 4)) return false;
    }
    return true;
  };
  for (let k = 1; k < sections.length; k++) {
    if (isGroup[k] || !isGroup[k - 1]) continue;
    let e = k;
    while (e < sections.length && e - k < 2 && !isGroup[e] && short(sections[e]!)) e++;
    if (e > k && isGroup[e]) for (let j = k; j < e; j++) isGroup[j] = true;
  }
  if (!isGroup.some((g, k) => g && sections[k]!.kind === "other")) return false;
  let changed = false;
  for (let a = sections.length - 1; a >= 0; a--) {
    if (!isGroup[a]) continue;
    let b = a;
    while (a > 0 && isGroup[a - 1]) a--;
    // A named skills section right above the groups opens them ("Skills" above "Javascript", "PHP").
    const opener = a > 0 && sections[a - 1]!.kind === "skills" && named(sections[a - 1]!) && sections[a - 1]!.heading !== null ? a - 1 : a;
    const run = sections.slice(opener, b + 1);
    if (!run.some((s) => s.kind !== "skills")) continue;
    if (run.length === 1) {
      // (Alone, a heading another part of a CV goes by, "Languages", may be just that.)
      const { known } = groupContent(doc, run[0]!, spans);
      if (known < 3 || classifyHeading(run[0]!.heading!) !== null) continue;
      run[0]!.kind = "skills";
      run[0]!.detectedBy = "its lines are known skills";
      changed = true;
      continue;
    }
    const first = run[0]!;
    // A keyword's line that a section word made a title ("SSL/TLS Certificates", a chip wrapped onto
    // a row of its own) heads nothing in the list: it is one of its items.
    for (const s of run) {
      if (s === first || s.headingLine === null || s.end !== s.headingLine) continue;
      const line = doc.lines[s.headingLine]!;
      if (line.kind !== "heading" || line.level !== undefined) continue;
      line.kind = "paragraph";
      const block = doc.blocks[line.block]!;
      if (block.start === line.index && block.end === line.index) block.kind = "paragraph";
    }
    // As sure as its least sure group.
    const confidence = Math.min(...run.map((s) => s.confidence));
    const merged: Section =
      opener < a
        ? { ...first, end: sections[b]!.end, detectedBy: `${first.detectedBy}, with the groups under it`, confidence }
        : { index: a, kind: "skills", heading: null, headingLine: null, start: first.start, end: sections[b]!.end, detectedBy: "groups of known skills under headings of their own", confidence };
    sections.splice(opener, run.length, merged);
    const gone = run.length - 1;
    for (const l of doc.lines) if (l.section > opener) l.section = l.section <= b ? opener : l.section - gone;
    for (const x of doc.blocks) if (x.section > opener) x.section = x.section <= b ? opener : x.section - gone;
    changed = true;
    a = opener;
  }
  if (changed) sections.forEach((s, k) => (s.index = k));
  return changed;
}

/**
 * A grid of groups (skill groups set two or three to a row, as a browser prints a CSS grid) that a
 * page break cuts through a row: each group's lines go on at the top of the next page in its own
 * column, read there before the next row's headings, so a left group's items would land under the
 * group to its right ("RHEL · CentOS" under "Databases" beside "Linux"). A line at the top of a
 * page, before its first heading, belongs to the group of the last row above whose heading is
 * set in its column (the nearest heading left of it), and moves up to the end of that group.
 */
export function gridAcrossPages(raws: RawLine[]): RawLine[] {
  let out = raws;
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.page === out[i - 1]!.page) continue;
    // The last row's headings: the headings of the page's last heading level, latest per column.
    const heads: number[] = [];
    let level: number | undefined;
    for (let k = i - 1; k >= 0 && out[k]!.page === out[i - 1]!.page; k--) {
      const r = out[k]!;
      if (r.kind !== "heading" || !r.certain || r.style?.x === undefined) continue;
      level ??= r.level;
      if (r.level !== level) break;
      if (heads.some((h) => Math.abs(out[h]!.style!.x! - r.style!.x!) < 3)) break;
      heads.unshift(k);
    }
    if (heads.length < 2) continue;
    const last = heads[heads.length - 1]!;
    const moves = new Map<number, RawLine[]>();
    for (let t = i; t < out.length && out[t]!.kind !== "heading" && out[t]!.page === out[i]!.page; t++) {
      const x = out[t]!.style?.x;
      if (x === undefined) break;
      let owner: number | undefined;
      for (const h of heads) if (out[h]!.style!.x! <= x + 2 && (owner === undefined || out[h]!.style!.x! > out[owner]!.style!.x!)) owner = h;
      if (owner === undefined || owner === last) continue;
      moves.set(owner, [...(moves.get(owner) ?? []), out[t]!]);
    }
    if (moves.size === 0) continue;
    const moved = new Set([...moves.values()].flat());
    const next: RawLine[] = [];
    for (let k = 0; k < out.length; k++) {
      if (moved.has(out[k]!)) continue;
      // A group's lines go in before the next heading of the row.
      const h = heads.indexOf(k);
      if (h > 0) for (const [owner, lines] of moves) if (heads.indexOf(owner) === h - 1) pushAll(next, lines);
      next.push(out[k]!);
    }
    out = next;
  }
  return out;
}
