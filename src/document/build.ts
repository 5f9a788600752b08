import type { ParsedSource } from "../parse/markdown.js";
import type { Block, CvDocument, InputFormat, Line, Link, RawLine, Section, SectionKind } from "../types.js";
import { classifyHeading, skillGroupHeading, type HeadingMatch } from "./headings.js";
import { findLinks } from "./links.js";
import { classAt, hasLetter, hasLower, hasTwoUpper, isSpace, LETTER, widthAt } from "../match/scan.js";
import { measureQuality } from "./quality.js";
import { entryItems, gridAcrossPages, joinSentenceContinuations, sectionConfidence, skillGroupSections, unglueAltText } from "./structure.js";

interface Decision {
  heading: boolean;
  match: HeadingMatch | null;
  /** Starts a new section (a heading of section rank), as opposed to a sub-heading inside one. */
  section: boolean;
  detectedBy: string;
  /** How sure the decision is (0..1): markup is sure, a keyword in a line of capitals less so. */
  sure?: number;
}

/** /\p{Lu}.*\p{Lu}/u and not /\p{Ll}/u: two capitals and no small letter. */
const isCaps = (t: string): boolean => hasTwoUpper(t) && !hasLower(t);

/** A line short and plain enough to be a heading if the layout says so. */
function headingShaped(t: string): boolean {
  const text = t.replace(/:$/, "").trim();
  if (text.length < 2 || text.length > 60) return false;
  if (text.split(/\s+/).length > 7) return false;
  if (/[.;,!?]$/.test(text) || /@|https?:|www\.|\d{3,}/.test(text)) return false;
  if ((text.match(/,/g) ?? []).length >= 2) return false;
  return hasLetter(text);
}

/**
 * A "SKILLS: Java, Python" line in text without markup: a section name used as an inline label.
 * Returns the label length when the line should be read as a heading followed by content.
 */
function inlineHeading(raw: RawLine): number {
  const label = inlineLabel(raw.text);
  if (label === null) return 0;
  const match = classifyHeading(label);
  if (!match || match.how !== "name" || !["skills", "summary"].includes(match.kind)) return 0;
  if (match.kind === "skills" && !isCaps(label) && !/skills/i.test(label)) return 0;
  return label.length;
}

/**
 * The label of /^([\p{L} &/]{3,40}?)\s*:\s+\S/u, found by a scan: V8 took about 5 ms of a cold
 * start to compile that expression. tests/headings.test.ts holds the two equal.
 */
export function inlineLabel(text: string): string | null {
  const n = text.length;
  // The run of letters, spaces, & and / at the start, its length in code points, and where it ends without trailing spaces.
  let c = 0;
  let count = 0;
  let third = -1;
  let trimmed = 0; // end of the run without its trailing spaces
  let trimmedCount = 0;
  while (c < n) {
    const u = text.charCodeAt(c);
    if (u !== 32 && u !== 38 && u !== 47 && classAt(text, c) !== LETTER) break;
    c += widthAt(text, c);
    count++;
    if (count === 3) third = c;
    if (u !== 32) {
      trimmed = c;
      trimmedCount = count;
    }
  }
  if (count < 3) return null;
  // Then spaces of any kind, a colon, at least one space and something else.
  let q = c;
  while (q < n && isSpace(text.charCodeAt(q))) q++;
  if (q >= n || text.charCodeAt(q) !== 58) return null;
  let r = q + 1;
  while (r < n && isSpace(text.charCodeAt(r))) r++;
  if (r === q + 1 || r >= n) return null;
  // The lazy group ends at the first place from which only spaces lead to the colon, and at 3 code points at least.
  const end = trimmedCount >= 3 ? trimmed : third;
  if ((trimmedCount >= 3 ? trimmedCount : 3) > 40) return null;
  return text.slice(0, end);
}

export function buildDocument(file: string, format: InputFormat, parsed: ParsedSource, kind: "cv" | "job" = "cv"): CvDocument {
  const classify = (text: string) => classifyHeading(text, kind);
  const unglued = kind === "cv" ? unglueAltText(parsed.lines) : { lines: parsed.lines, glued: [] };
  const ordered = kind === "cv" && format === "pdf" ? gridAcrossPages(unglued.lines) : unglued.lines;
  const raws = kind === "cv" ? splitInlineHeadings(joinSentenceContinuations(ordered)) : parsed.lines;
  const decisions = decideHeadings(raws, format, classify, kind);

  const lines: Line[] = [];
  const blocks: Block[] = [];
  const sections: Section[] = [];
  // Links outside the text (Markdown front matter) come first, as they stand at the top of the file.
  // (Pushed into a literal, not map(): an empty map() result has another elements kind, which
  // deoptimized the pushes below.)
  const links: Link[] = [];
  for (const l of parsed.links ?? []) links.push({ url: l.url, text: l.url, line: l.line });
  let section: Section = { index: 0, kind: "header", heading: null, headingLine: null, start: 0, end: -1, detectedBy: "start of document", confidence: 1 };
  sections.push(section);
  let block: Block | null = null;
  const sequential = format === "pdf" || format === "docx";

  raws.forEach((raw, i) => {
    const d = decisions[i]!;
    const index = lines.length;
    const lineNo = sequential ? index + 1 : raw.line;
    if (d.heading && d.section) {
      section.end = index - 1;
      section = {
        index: sections.length,
        kind: d.match?.kind ?? "other",
        heading: raw.text.replace(/:$/, "").trim(),
        headingLine: index,
        start: index,
        end: index,
        detectedBy: d.detectedBy,
        confidence: d.sure ?? 1,
      };
      sections.push(section);
    }
    const kind = d.heading ? "heading" : raw.kind === "heading" ? "paragraph" : raw.kind;
    if (!block || raw.blockStart || d.heading || block.kind !== kind || block.kind === "heading" || block.section !== section.index) {
      block = { index: blocks.length, kind, start: index, end: index, text: raw.text, level: raw.level, section: section.index };
      blocks.push(block);
    } else {
      block.end = index;
      block.text += ` ${raw.text}`;
    }
    const cols = raw.cols && raw.cols.length === raw.text.length ? raw.cols : Array.from(raw.text, (_, k) => k + 1);
    lines.push({
      index,
      text: raw.text,
      pos: {
        line: lineNo,
        column: cols[0] ?? 1,
        ...(raw.page !== undefined ? { page: raw.page, pageLine: raw.pageLine } : {}),
        ...(raw.paragraph !== undefined ? { paragraph: raw.paragraph } : {}),
      },
      cols,
      kind,
      block: block.index,
      section: section.index,
      level: raw.level,
    });
    for (const url of raw.hrefs ?? []) links.push({ url, text: raw.text, line: lineNo });
    for (const l of findLinks(raw.text, lineNo)) if (!links.some((x) => x.url === l.url && x.line === lineNo)) links.push(l);
  });
  section.end = lines.length - 1;
  if (kind === "cv") {
    untitledSummary(lines, blocks, sections);
    profileUnderSkillsName(blocks, sections);
    skillGroupSections(lines, sections);
    entryItems(lines, blocks, sections);
  }
  // An empty header section (the document opens with a heading) is dropped.
  if (sections[0]!.end < sections[0]!.start) {
    sections.shift();
    sections.forEach((s, k) => (s.index = k));
    for (const l of lines) l.section -= 1;
    for (const b of blocks) b.section -= 1;
  }
  const quality = measureQuality(lines, unglued.glued.length ? { ...parsed, glued: unglued.glued } : parsed, format);
  if (kind === "cv") sectionConfidence(lines, sections, quality);
  return { file, format, lines, blocks, sections, links, comments: parsed.comments, quality };
}

/** A heading that names a part of the CV rather than an entry in one: short, without dates or separators. */
/** A heading that names a group of a skills section: a skills name or keyword, or group words ("Languages"). */
const skillsGroup = (t: string, m: HeadingMatch): boolean => m.kind === "skills" || skillGroupHeading(t) !== null;
const SKILLS_GROUP: Readonly<HeadingMatch> = Object.freeze({ kind: "skills", how: "keyword" });
const titleLike = (t: string): boolean => t.trim().split(/\s+/).length <= 4 && !/\d|[|,@(]|\s[-–—]\s|\sat\s/i.test(t);
/**
 * An entry's title, not a section's: a degree, role or award joined to its place by "at" or "@"
 * ("B.Sc. Software Engineering at McGill University", "Dean's Honour List at McGill University"),
 * or parts set apart by " | ", or a year. A keyword in it ("University") names the entry's kind,
 * and a layout that sets entry titles large does not make it a section of its own.
 */
const entryTitle = (t: string): boolean => /\s(?:at|@)\s|\s\|\s|\b(?:19|20)\d\d\b/i.test(t);

/** Small words of running prose, which names, titles, contact lines and skill lists rarely hold. */
const PROSE_WORDS = new Set(["a", "an", "the", "and", "with", "of", "in", "to", "for", "on", "who", "that", "by", "from", "at", "as", "my", "i", "am", "is"]);

/** A paragraph that reads as a few sentences about the candidate, not a name, title or contact line. */
function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => hasLetter(w));
  if (words.length < 12) return false;
  let small = 0;
  for (const w of words) if (PROSE_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, ""))) small++;
  // A contact line or a list of items holds an address or separators; a long paragraph of running
  // prose may link a project or two in its sentences (markup printed as text too: "<a href='https://…'>").
  if (/@|https?:|www\.|\|.*\||•.*•|·.*·/.test(text)) return words.length >= 40 && small >= 8;
  return small >= 2;
}

/**
 * Many CVs open with a paragraph about the candidate under the name and no "Summary" heading.
 * When no section is named as the summary, the first such paragraph of the header starts an
 * untitled summary section that runs to the first heading.
 */
function untitledSummary(lines: Line[], blocks: Block[], sections: Section[]): void {
  const header = sections[0]!;
  if (header.kind !== "header" || sections.some((x) => x.kind === "summary")) return;
  const para = blocks.find((b) => b.section === 0 && b.kind === "paragraph" && isProse(b.text));
  if (!para) return;
  const summary: Section = { index: 1, kind: "summary", heading: null, headingLine: null, start: para.start, end: header.end, detectedBy: "a paragraph about the candidate under the name", confidence: 0.7 };
  header.end = para.start - 1;
  sections.splice(1, 0, summary);
  for (let k = 2; k < sections.length; k++) sections[k]!.index = k;
  for (const l of lines) if (l.section > 0 || l.index >= para.start) l.section += 1;
  for (const b of blocks) if (b.section > 0 || b.start >= para.start) b.section += 1;
}

/**
 * A profile README or a one-page CV may head its profile with a skills word ("## Expertise": "Data
 * Engineer with 5+ years…", then a line of core technologies) and list its skills in a section of
 * their own further on. When the CV has no summary, a skills section that opens with a paragraph
 * about the candidate, beside another skills section, is the summary.
 */
function profileUnderSkillsName(blocks: Block[], sections: Section[]): void {
  if (sections.some((x) => x.kind === "summary")) return;
  const skills = sections.filter((x) => x.kind === "skills");
  if (skills.length < 2) return;
  // Each section's first block after its heading, in one pass (a scan per section was quadratic:
  // 117,000 "## Skills" sections took minutes, issue 24).
  const firstOf = new Map<number, Block>();
  for (const b of blocks) if (b.kind !== "heading" && !firstOf.has(b.section)) firstOf.set(b.section, b);
  for (const s of skills) {
    const first = firstOf.get(s.index);
    if (!first || first.kind !== "paragraph" || !isProse(first.text)) continue;
    s.kind = "summary";
    s.detectedBy = `${s.detectedBy}; it opens with a paragraph about the candidate, and the skills are listed in a section of their own`;
    return;
  }
}

function splitInlineHeadings(lines: RawLine[]): RawLine[] {
  // A document whose sections are marked up (two headings or more that name sections) has its
  // titles already: a "Skills: Java, Go" line in it labels the line's content (a project's stack).
  let named = 0;
  for (const raw of lines) if (raw.kind === "heading" && raw.certain && classifyHeading(raw.text)?.how === "name" && ++named >= 2) return lines;
  const out: RawLine[] = [];
  let inSkills = false;
  for (const raw of lines) {
    if (raw.kind === "heading" || (raw.blockStart && headingShaped(raw.text) && !/:\s/.test(raw.text))) {
      const match = classifyHeading(raw.text);
      if (raw.kind === "heading" || match?.how === "name") inSkills = match?.kind === "skills";
      out.push(raw);
      continue;
    }
    const cut = raw.kind === "paragraph" && raw.blockStart && !inSkills ? inlineHeading(raw) : 0;
    if (!cut) {
      out.push(raw);
      continue;
    }
    const cols = raw.cols ?? Array.from(raw.text, (_, k) => k + 1);
    const rest = raw.text.slice(cut).replace(/^\s*:\s*/, "");
    const restAt = raw.text.length - rest.length;
    out.push({ ...raw, text: raw.text.slice(0, cut), cols: cols.slice(0, cut), kind: "heading", certain: true, level: 99 });
    out.push({ ...raw, text: rest, cols: cols.slice(restAt), kind: "paragraph", blockStart: true, hrefs: raw.hrefs });
    inSkills = classifyHeading(raw.text.slice(0, cut))?.kind === "skills";
  }
  return out;
}

/**
 * Decide which lines are headings and which headings open sections.
 * Markup headings (Markdown, DOCX heading styles) are certain; elsewhere a line is a heading when it
 * is heading-shaped and either names a known section outright or has the layout of one (capitals,
 * bold, larger type, a gap above). Once the known headings are found, other lines set in the same
 * style are section headings too (an "Awards" or "Publications" heading we have no name for).
 */
function decideHeadings(raws: RawLine[], format: InputFormat, classifyHeading: (text: string) => HeadingMatch | null, kind: "cv" | "job"): Decision[] {
  const sizes = raws.flatMap((r) => (r.style?.size ? Array<number>(Math.min(r.text.length, 200)).fill(r.style.size) : []));
  sizes.sort((a, b) => a - b);
  const body = sizes.length ? sizes[Math.floor(sizes.length / 2)]! : 0;
  const big = (r: RawLine): boolean => body > 0 && (r.style?.size ?? 0) > body * 1.12;

  const cues = (r: RawLine): string[] => {
    const c: string[] = [];
    if (isCaps(r.text)) c.push("capitals");
    if (r.style?.bold) c.push("bold");
    if (big(r)) c.push("larger type");
    if (/:$/.test(r.text)) c.push("colon");
    if (r.style?.beside) c.push("beside its content");
    return c;
  };

  const out: Decision[] = raws.map((r, i) => {
    if (r.kind === "heading" && r.certain) {
      const by = { markdown: "markdown heading", docx: "heading style", jsonresume: "JSON Resume key", text: "underlined heading", pdf: "heading" }[format];
      return { heading: true, match: classifyHeading(r.text), section: true, detectedBy: by, sure: 1 };
    }
    if (r.kind !== "paragraph" || !r.blockStart || !headingShaped(r.text)) return { heading: false, match: null, section: false, detectedBy: "" };
    const match = classifyHeading(r.text);
    const next = raws[i + 1];
    const alone = !next || next.blockStart;
    if (match?.how === "name" && (alone || cues(r).length > 0)) {
      return { heading: true, match, section: true, detectedBy: `section name${cues(r).length ? ` (${cues(r).join(", ")})` : ""}`, sure: cues(r).length ? 0.95 : 0.85 };
    }
    if (match && cues(r).some((c) => c !== "colon") && !entryTitle(r.text)) {
      return { heading: true, match, section: true, detectedBy: `section keyword (${cues(r).join(", ")})`, sure: 0.75 };
    }
    // A posting's sections are often short lines of their own, set in bold in Markdown ("**What you
    // will be doing**"), which leaves no style to go by: a keyword there is enough.
    if (match && kind === "job" && alone && r.text.split(/\s+/).length <= 7 && !/[.,;]\s*$/.test(r.text)) {
      return { heading: true, match, section: true, detectedBy: "section keyword (a line of its own)", sure: 0.7 };
    }
    return { heading: false, match: null, section: false, detectedBy: "" };
  });

  // The style of the recognised section headings, to find the ones we have no name for.
  const known = out.map((d, i) => (d.heading && d.match && !raws[i]!.certain ? raws[i]! : null)).filter((r): r is RawLine => r !== null);
  if (known.length >= 2) {
    const sig = (r: RawLine): string => `${isCaps(r.text)}|${r.style?.bold ?? false}|${big(r) ? Math.round((r.style?.size ?? 0) * 2) : "body"}`;
    const counts = new Map<string, number>();
    for (const r of known) counts.set(sig(r), (counts.get(sig(r)) ?? 0) + 1);
    const [topSig, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const distinctive = topSig !== "false|false|body";
    if (distinctive && n >= 2) {
      // A known name set like body text ("Leadership" in a list of soft skills) is not a heading
      // when the document's real headings have a distinctive style.
      raws.forEach((r, i) => {
        const d = out[i]!;
        if (d.heading && !r.certain && sig(r) !== topSig && !cues(r).some((c) => c !== "colon")) out[i] = { heading: false, match: null, section: false, detectedBy: "" };
      });
      // Only after the first recognised section: the name in capitals at the top is not a heading.
      const firstKnown = out.findIndex((d, i) => d.heading && d.match !== null && !raws[i]!.certain);
      raws.forEach((r, i) => {
        const d = out[i]!;
        if (i < firstKnown || d.heading || r.kind !== "paragraph" || !r.blockStart || !headingShaped(r.text) || r.certain) return;
        if (sig(r) === topSig && (r.style?.gapAbove ?? 2) >= 1.2) {
          out[i] = { heading: true, match: null, section: true, detectedBy: "same style as the other section headings", sure: 0.8 };
        }
      });
    }
  }

  // Markup headings: those deeper than the section level are sub-headings (job titles, project names).
  const sectionLevel = markupSectionLevel(raws, out);
  if (sectionLevel !== null) {
    let seenSection = false;
    let current: SectionKind | undefined;
    // Inside an entry (after a job's, school's or project's own heading) a line that only looks
    // like a heading ("**Key Projects**" under a job) is a part of the entry, not a new section.
    let inEntry = false;
    // A section title followed at once by a heading of its own level has its entries set at that
    // level ("Experience", then "Thomson Reuters", "National Bank" as h3, in a theme that sets
    // employers as large as titles): up to the next heading that names a section, they are entries.
    let entriesAt: number | null = null;
    raws.forEach((r, i) => {
      const d = out[i]!;
      if (!d.heading) return;
      if (entriesAt !== null && r.certain && r.level === entriesAt && d.match?.how !== "name") {
        d.section = false;
        d.detectedBy = "entry heading";
        inEntry = true;
        return;
      }
      if (r.certain && r.level !== undefined && r.level <= sectionLevel) entriesAt = null;
      if (!r.certain || r.level === undefined || r.level === 99) {
        if (d.section && inEntry) {
          d.section = false;
          d.detectedBy = "sub-heading inside an entry";
          return;
        }
        if (d.section) {
          seenSection = true;
          current = d.match?.kind;
        }
        return;
      }
      // One level down sit job titles, project names and schools ("### Project Engineer, Wipro |
      // 2020", "### San Jose State University"): there a heading opens a section when it is a
      // section's name ("### Skills" under "## Profile"), or has a keyword of another section and
      // reads as a title rather than an entry (no dates, no "|" or "," between parts).
      // Under a skills heading, one level down sit its groups ("#### Languages", "#### Tools",
      // "#### Soft skills"): they stay in the skills section.
      // Inside an entry, they are parts of it ("#### Highlights" under a job).
      const oneDown =
        r.level === sectionLevel + 1 &&
        d.match !== null &&
        !inEntry &&
        !(current === "skills" && skillsGroup(r.text, d.match)) &&
        (d.match.how === "name" || (d.match.kind !== current && titleLike(r.text)));
      if (d.match && (r.level <= sectionLevel || oneDown)) {
        seenSection = true;
        current = d.match.kind;
        inEntry = false;
        const next = raws[i + 1];
        if (r.level === sectionLevel && next?.kind === "heading" && next.certain && next.level === r.level && classifyHeading(next.text)?.how !== "name") entriesAt = r.level;
        return;
      }
      if (r.level > sectionLevel) d.section = false;
      // Above the first section, headings that name none are the name and title at the top.
      else if (!seenSection) d.section = false;
      else {
        seenSection = true;
        current = undefined;
        inEntry = false;
      }
      if (!d.section) {
        d.detectedBy = "sub-heading";
        if (seenSection && r.level > sectionLevel) inEntry = true;
      }
    });
  }
  // A heading we have no name for that names a group of skills ("## Web Frameworks" after
  // "## Programming Languages", "### Back End" on a page of skills) continues the skills section
  // before it, or opens one.
  let current: SectionKind | undefined;
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (!d.heading || !d.section) continue;
    const group = d.match === null ? skillGroupHeading(raws[i]!.text) : null;
    if (group !== null && current === "skills") {
      d.section = false;
      d.detectedBy = "group of the skills section";
      continue;
    }
    if (group === "open") {
      d.match = SKILLS_GROUP;
      d.sure = Math.min(d.sure ?? 1, 0.8);
    }
    current = d.match?.kind;
  }
  return out;
}

/**
 * The heading level that sections are set at, when the format marks levels (Markdown, DOCX heading
 * styles, a tagged PDF's H1–H6): the highest level at which two headings or more are section names
 * ("## Work Experience", "## Additional Information", above "### Programming Languages" and
 * "### DiDi Technology Co., Ltd."). Failing that, the level most headings that name or mention a
 * section are at. Null when no marked heading names a section.
 */
function markupSectionLevel(raws: RawLine[], out: Decision[]): number | null {
  const named = new Map<number, number>();
  const matched = new Map<number, number>();
  raws.forEach((r, i) => {
    const d = out[i]!;
    if (!d.heading || !d.match || !r.certain || r.level === undefined || r.level === 99) return;
    matched.set(r.level, (matched.get(r.level) ?? 0) + 1);
    if (d.match.how === "name") named.set(r.level, (named.get(r.level) ?? 0) + 1);
  });
  if (matched.size === 0) return null;
  const twice = [...named.entries()].filter(([, n]) => n >= 2).map(([l]) => l);
  if (twice.length) return Math.min(...twice);
  const most = Math.max(...matched.values());
  return Math.min(...[...matched.entries()].filter(([, c]) => c === most).map(([l]) => l));
}

export type { SectionKind };
