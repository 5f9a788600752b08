import * as z from "../zod.js";
import { hasLetter, hasLetterPair } from "../match/scan.js";
import { headingAt, listedSkills, skillListSections } from "./helpers.js";
import { defineRule } from "./types.js";
import type { CvDocument } from "../types.js";

export default defineRule({
  name: "skills-categorized",
  meta: {
    severity: "warning",
    category: "structure",
    description: "With more than a handful of skills, they are grouped under labelled categories.",
    advice: "Group skills by category: 'Programming Languages: Java, Python – Database Management: SQL, MongoDB'.",
    fixable: false,
    weight: 8,
    messages: {
      ungrouped: "{count} skills are listed without categories; group them under labels such as 'Languages:', 'Databases:', 'Frameworks:', 'Cloud:'.",
      phrases: "{count} items of the skills list are phrases, not skills ({examples}); name the skill in a word or two and tell the rest in experience.",
    },
    options: () => z.strictObject({ minSkills: z.optional(z.int().check(z.minimum(1))), minGroupedShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))) }),
    defaults: { minSkills: 9, minGroupedShare: 0.5 },
  },
  check({ analysis, options }, report) {
    const doc = analysis.doc;
    // Items written as phrases ("Run and moderate meetings such as Retrospectives"): a reader
    // scanning for skills finds sentences. One finding, naming the first few.
    const phrases = phraseItems(doc, skillListSections(analysis));
    if (phrases.length >= 2) {
      const shown = phrases.slice(0, 3).map((p) => `'${p.text}'`);
      const examples = phrases.length > 3 ? `${shown.join(", ")}, …` : shown.join(", ");
      report({ messageId: "phrases", data: { count: phrases.length, examples }, at: phrases[0]!, weight: 0.5 });
    }
    const listed = listedSkills(analysis).length;
    if (listed < options.minSkills) return;
    const items = analysis.items;
    if (items.length === 0) return;
    // Grouped: a label on the line ("Languages: …", a table's first cell), a sub-heading inside the
    // skills section, a parent bullet that names the group, a short line naming no skill above the
    // items ("Data Platform" over "Snowflake, Oracle"), or words before an item's first skill that
    // a column sets apart without a colon ("Databases PostgreSQL, MySQL"). Each group is keyed by
    // where its name is, so that the groups can be counted.
    const named = new Map<number, number>();
    for (const s of [...analysis.skills, ...analysis.practices]) for (const o of s.occurrences) if (!named.has(o.lineIndex) || named.get(o.lineIndex)! > o.start) named.set(o.lineIndex, o.start);
    // (What lies above each line of its section, found in one pass: a walk back from every item
    // to its section's start was quadratic on a long list, issue 24.)
    const above = linesAbove(doc, named);
    const groupOf = (it: (typeof items)[number]): string | undefined => {
      if (it.label) return `label:${it.label}`;
      const line = doc.lines[it.lineIndex]!;
      const first = named.get(it.lineIndex);
      if (first !== undefined && first > it.start && first < it.end) {
        const lead = words(line.text.slice(it.start, first));
        if (lead >= 1 && lead <= 3) return `lead:${it.lineIndex}`;
      }
      const a = above[it.lineIndex]!;
      if (line.kind === "bullet") {
        const p = a.parent[(line.level ?? 1) - 1] ?? -1;
        if (p >= 0 && p > a.marker) return `parent:${p}`;
      }
      return a.marker >= 0 ? `marker:${a.marker}` : undefined;
    };
    const groups = new Set<string>();
    let grouped = 0;
    for (const it of items) {
      const g = groupOf(it);
      if (g === undefined) continue;
      grouped++;
      groups.add(g);
    }
    // Several lists side by side (SKILLS / SOFT SKILLS, a sidebar's groups under headings of their
    // own), or three groups or more somewhere in the list: the candidate groups already.
    if (skillListSections(analysis).size >= 3 || groups.size >= 3 || grouped / items.length >= options.minGroupedShare) return;
    report({ messageId: "ungrouped", data: { count: listed }, at: headingAt(doc, "skills") });
  },
});

/** Words of two letters or more in a text. */
const words = (t: string): number => t.split(/\s+/).filter((w) => hasLetterPair(w)).length;

/**
 * For each line, what the lines between its section's first line and it hold (both left out):
 * the nearest heading or group title (a short line naming no skill, not ending like a list:
 * "Data Platform"), -1 for none; and parent[L - 1], the nearest bullet above of a depth lower
 * than L (the parent of a bullet of depth L), -1 for none.
 */
function linesAbove(doc: CvDocument, named: ReadonlyMap<number, number>): Array<{ marker: number; parent: number[] }> {
  const DEPTHS = 8;
  const out: Array<{ marker: number; parent: number[] }> = new Array(doc.lines.length);
  for (const s of doc.sections) {
    let marker = -1;
    // last[d]: the nearest bullet of depth d + 1 so far.
    const last: number[] = new Array(DEPTHS).fill(-1);
    for (let k = s.start; k <= s.end && k < doc.lines.length; k++) {
      const parent: number[] = new Array(DEPTHS).fill(-1);
      for (let d = 1; d < DEPTHS; d++) parent[d] = Math.max(parent[d - 1]!, last[d - 1]!);
      out[k] = { marker, parent };
      if (k === s.start) continue;
      const l = doc.lines[k]!;
      if (l.kind === "heading") marker = k;
      else if (!named.has(k) && words(l.text) >= 1 && words(l.text) <= 4 && !/[,;.]\s*$/.test(l.text)) marker = k;
      if (l.kind === "bullet") last[Math.min(DEPTHS, l.level ?? 1) - 1] = k;
    }
  }
  for (let k = 0; k < out.length; k++) out[k] ??= { marker: -1, parent: new Array(8).fill(-1) };
  return out;
}

/** Small words that make a phrase, not a name ("such as", "for", "the"); "and" and "or" only join two names. */
const JOINERS = new Set("a an as at between by for from in into of on such the to using with".split(" "));

/**
 * The items of the skills list written as phrases: the parts of a line between separators (after
 * its label), outside parentheses, of five to ten words with a small joining word in lower case
 * among them ("Run and moderate meetings such as Retrospectives"). A long product name has no such
 * word ("Amazon Elastic Kubernetes Service"); a part with a sentence's end inside, or longer, is
 * prose a layout put there, not an item.
 */
function phraseItems(doc: CvDocument, lists: Set<number>): Array<{ lineIndex: number; start: number; end: number; text: string }> {
  const out: Array<{ lineIndex: number; start: number; end: number; text: string }> = [];
  for (const line of doc.lines) {
    if (!lists.has(line.section) || doc.sections[line.section]!.kind !== "skills" || line.kind === "heading") continue;
    // A part a PDF wrapped onto the next line of its block goes on there, up to its first separator.
    const next = doc.lines[line.index + 1];
    const wrapped = next && next.block === line.block && !/[,;•·|]\s*$/.test(line.text) ? next.text.split(/[,;•·|]/)[0]! : "";
    const text = line.text;
    const colon = text.indexOf(":");
    let from = colon >= 0 && colon < 40 ? colon + 1 : 0;
    let depth = 0;
    for (let i = from; i <= text.length; i++) {
      const c = text[i];
      if (c === "(" || c === "[") depth++;
      else if ((c === ")" || c === "]") && depth > 0) depth--;
      if (i < text.length && (depth > 0 || !",;•·|".includes(c!))) continue;
      const own = text.slice(from, i);
      const part = i === text.length && wrapped ? `${own.trimEnd()} ${wrapped.trim()}` : own;
      const start = from + (own.length - own.trimStart().length);
      if (isPhrase(part)) out.push({ lineIndex: line.index, start, end: start + own.trim().length, text: part.trim() });
      from = i + 1;
    }
  }
  return out;
}

function isPhrase(part: string): boolean {
  // (Text in parentheses or brackets left out by a scan.)
  let bare = "";
  let depth = 0;
  for (const c of part) {
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (depth === 0) bare += c;
    if (depth > 0) bare += " ";
  }
  if (/[.!?](?:\s|$)/.test(bare.trim().slice(0, -1))) return false;
  const w = bare.split(/\s+/).filter((x) => hasLetter(x));
  return w.length >= 5 && w.length <= 10 && w.some((x) => JOINERS.has(x));
}
