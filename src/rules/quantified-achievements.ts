import * as z from "../zod.js";
import type { Analysis } from "../match/analyze.js";
import type { Block } from "../types.js";
import { bullets, headingAt, opening } from "./helpers.js";
import { defineRule } from "./types.js";

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE_RE = new RegExp(String.raw`\b(?:${MONTHS})[a-z]*\.?\s+\d{4}\b|\b(?:19|20)\d\d\s*[-\u2013\u2014/]\s*(?:(?:19|20)\d\d|present|now|current|today)\b|\b\d{1,2}/\d{4}\b`, "gi");
const YEAR_RE = /(?<![$€£\d.,])\b(?:19[5-9]\d|20[0-4]\d)\b(?!\s*%|[.,]\d)/g;
const SEMVER_RE = /\bv?\d+\.\d+\.\d+\b/g;
const NUMBER_WORDS = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|twice|doubl(?:e|ed|ing)|tripl(?:e|ed|ing)|halv(?:ed|ing)|half)\b/i;

/** Whether a bullet carries a figure (%, money, counts, time, scale), not a date or a version. */
export function hasFigure(block: Block, analysis: Analysis, spans: Map<number, Array<[number, number]>> = skillSpans(analysis)): boolean {
  for (let i = block.start; i <= block.end; i++) {
    const line = analysis.doc.lines[i]!;
    // Versions written after a skill ("Java 17", "Python 3.11") are part of the skill, not a figure.
    const text = blank(line.text, spans.get(i)).replace(DATE_RE, " ").replace(SEMVER_RE, " ").replace(YEAR_RE, " ");
    if (/\d/.test(text) || NUMBER_WORDS.test(text)) return true;
  }
  return false;
}

/** Where each line names a skill: [start, end) spans by line index. */
function skillSpans(analysis: Analysis): Map<number, Array<[number, number]>> {
  const spans = new Map<number, Array<[number, number]>>();
  for (const s of analysis.skills) {
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
  check({ analysis, options }, report) {
    const list = bullets(analysis.doc, "experience");
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
