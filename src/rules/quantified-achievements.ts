import * as z from "../zod.js";
import type { Analysis } from "../match/analyze.js";
import { isAsciiWordUnit } from "../match/scan.js";
import type { Block } from "../types.js";
import { entries, headingAt, opening, techListBullet } from "./helpers.js";
import { defineRule } from "./types.js";

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
export const DATE_RE = new RegExp(String.raw`\b(?:${MONTHS})[a-z]*\.?\s+\d{4}\b|\b(?:19|20)\d\d\s*[-\u2013\u2014/]\s*(?:(?:19|20)\d\d|present|now|current|today)\b|\b\d{1,2}/\d{4}\b`, "gi");
export const YEAR_RE = /(?<![$€£\d.,])\b(?:19[5-9]\d|20[0-4]\d)\b(?!\s*%|[.,]\d)/g;
export const SEMVER_RE = /\bv?\d+\.\d+\.\d+\b/g;
/** Terms written with a digit that count nothing: "2D and 3D games", "B2B", "IPv6", "x86", "P2P", "5G". */
export const DIGIT_TERMS = /\b(?:[23]d|[345]g|[48]k|x86|x64|arm64|aarch64|ipv[46]|p2p|b2b|b2c|b2g|c2c|e2e|m2m|h2|l[1-7])\b/gi;
/** Words that carry a figure: /\b(?:two|three|…|hundreds?|…|doubl(?:e|ed|ing)|…|half)\b/i as a set of whole words. */
const NUMBER_WORDS = new Set(
  "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens twice double doubled doubling triple tripled tripling halved halving half".split(" "),
);

/** A number word standing as a whole word (letters, digits and _ around it make another word). */
function hasNumberWord(text: string): boolean {
  for (let i = 0; i < text.length; ) {
    if (!isAsciiWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isAsciiWordUnit(text.charCodeAt(j))) j++;
    if (j - i >= 3 && j - i <= 9 && NUMBER_WORDS.has(text.slice(i, j).toLowerCase())) return true;
    i = j;
  }
  return false;
}

/** The length of the longest run of ASCII digits. */
function digitRun(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Whether a line carries a figure once dates, versions and years are taken out. Each expression
 * needs digits, and dates and years four in a row: a line without them skips the expression, which
 * V8 would otherwise compile at its first use (DATE_RE alone costs about half a millisecond).
 */
export function carriesFigure(text: string): boolean {
  const run = digitRun(text);
  if (run === 0) return hasNumberWord(text);
  let t = run >= 4 ? text.replace(DATE_RE, " ") : text;
  t = t.replace(DIGIT_TERMS, " ");
  if (t.includes(".")) t = t.replace(SEMVER_RE, " ");
  if (run >= 4) t = t.replace(YEAR_RE, " ");
  return digitRun(t) > 0 || hasNumberWord(t);
}

/** Whether a bullet carries a figure (%, money, counts, time, scale), not a date or a version. */
export function hasFigure(block: Block, analysis: Analysis, spans: Map<number, Array<[number, number]>> = skillSpans(analysis)): boolean {
  for (let i = block.start; i <= block.end; i++) {
    // Versions written after a skill ("Java 17", "Python 3.11") are part of the skill, not a figure.
    if (carriesFigure(blank(analysis.doc.lines[i]!.text, spans.get(i)))) return true;
  }
  return false;
}

/** Where each line names a skill or a practice ("12-factor"): [start, end) spans by line index. */
function skillSpans(analysis: Analysis): Map<number, Array<[number, number]>> {
  const spans = new Map<number, Array<[number, number]>>();
  for (const s of [...analysis.skills, ...analysis.practices]) {
    for (const o of s.occurrences) {
      const list = spans.get(o.lineIndex);
      if (list) list.push([o.start, o.end]);
      else spans.set(o.lineIndex, [[o.start, o.end]]);
    }
  }
  return spans;
}

/** The text with each span turned into as many spaces (spans may overlap or run past the end). */
function blank(text: string, spans: Array<[number, number]> | undefined): string {
  if (!spans) return text;
  const sorted = spans.length === 1 ? spans : [...spans].sort((a, b) => a[0] - b[0]);
  let out = "";
  let pos = 0;
  for (const [start, end] of sorted) {
    const from = Math.max(pos, start);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    out += text.slice(pos, from) + " ".repeat(to - from);
    pos = to;
  }
  return out + text.slice(pos);
}

export default defineRule({
  name: "quantified-achievements",
  meta: {
    severity: "warning",
    category: "evidence",
    description: "Enough experience bullets carry a figure: a percentage, money, a count, a time or a scale.",
    advice: "Providing concrete examples and quantifiable achievements can further strengthen your backend developer CV.",
    fixable: false,
    weight: 10,
    messages: {
      fewFigures: "Only {count} of {total} experience bullets carry a figure ({share}%); aim for {target}%+. Quantify, for example: {examples}.",
    },
    options: () => z.strictObject({ minShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))), minBullets: z.optional(z.int().check(z.minimum(1))) }),
    defaults: { minShare: 0.4, minBullets: 3 },
  },
  check({ analysis, options, taxonomy }, report) {
    // "Technologies: Java, Spring Boot" under a job lists its stack; it is not an achievement to quantify.
    const list = entries(analysis.doc, "experience").filter((b) => !techListBullet(b.text, taxonomy));
    if (list.length < options.minBullets) return;
    const spans = skillSpans(analysis);
    const without = list.filter((b) => !hasFigure(b, analysis, spans));
    const count = list.length - without.length;
    const share = count / list.length;
    if (share >= options.minShare) return;
    report({
      messageId: "fewFigures",
      data: {
        count,
        total: list.length,
        share: Math.round(share * 100),
        target: Math.round(options.minShare * 100),
        examples: without.slice(0, 3).map((b) => `'${opening(b.text)}'`).join(", "),
      },
      at: headingAt(analysis.doc, "experience"),
      weight: (options.minShare - share) / options.minShare,
    });
  },
});
