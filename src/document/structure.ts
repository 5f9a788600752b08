/**
 * Passes over a document's structure that no one format's markup decides: what a list item is
 * (a duty, a job, the end of the sentence above it) and what a section of an unknown name holds.
 */
import type { Block, Line, RawLine, Section } from "../types.js";
import { classifyHeading, skillGroupHeading } from "./headings.js";
import { cpBefore, cpLen, isLetter } from "../match/scan.js";

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
    if (raw.blockStart && parent && last && level === (parent.level ?? 1) + 1 && /^\p{Ll}/u.test(raw.text) && opensOn(last.text)) {
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
