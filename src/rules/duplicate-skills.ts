import * as z from "../zod.js";
import type { ListItem } from "../match/items.js";
import type { CvDocument } from "../types.js";
import { nearFinder } from "../match/items.js";
import { indexOfItem, isWholeItem, itemAt, itemIsSkill, itemsOfLine, namesList, plainSpan } from "./helpers.js";
import type { Fix, Report } from "./types.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "duplicate-skills",
  meta: {
    severity: "warning",
    category: "spelling",
    description: "No skill is listed twice in the skills section, also under another spelling.",
    advice: "Keep the skills section tight and scannable: each skill once, under its category.",
    fixable: true,
    weight: 4,
    messages: {
      duplicate: "'{written}' repeats {name}, already listed at line {firstLine}.",
      duplicateMany: "{skills} repeat skills already listed at {firstLines}; list each once.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy }, report) {
    const doc = analysis.doc;
    // Repeats are gathered first: a list repeated elsewhere (a second skills section, a "Tech
    // stack" line) is one edit, one finding that names every repeated item.
    const repeats: Array<{ name: string; key: string; firstLine: number; r: Omit<Report, "group"> }> = [];
    let headings: Int32Array | undefined;
    // (Practices listed twice are repeats too: "Data Structures, DSA".)
    for (const s of [...analysis.skills, ...analysis.practices]) {
      const inSkills = s.occurrences.filter((o) => o.section === "skills");
      if (inSkills.length < 2) continue;
      // Items of the skills list that name this skill and nothing else ("Postgres", "Go (Golang)"):
      // a name inside a longer item ("node-postgres", "Spring Boot (Java)") is not a listing of it.
      // (Items found by a binary search per line, and the occurrences inside an item likewise: a
      // long list made scans of every item and occurrence per occurrence quadratic, issue 24.)
      const listed: Array<{ item: ListItem; o: (typeof inSkills)[number] }> = [];
      const seen = new Set<ListItem>();
      const byLine = new Map<number, typeof inSkills>();
      for (const o of inSkills) {
        const list = byLine.get(o.lineIndex);
        if (list) list.push(o);
        else byLine.set(o.lineIndex, [o]);
      }
      const near = new Map<number, (start: number, end: number) => typeof inSkills>();
      for (const o of inSkills) {
        const item = itemAt(analysis, o.lineIndex, o.start);
        if (!item || seen.has(item)) continue;
        let find = near.get(o.lineIndex);
        if (!find) {
          find = nearFinder(byLine.get(o.lineIndex)!);
          near.set(o.lineIndex, find);
        }
        // (Each item judged once: an item that is more than this skill, a line-long one of thousands
        // of names, was read again for each of its names, issue 24.)
        seen.add(item);
        if (itemIsSkill(item, find(item.start, item.end))) listed.push({ item, o });
      }
      const first = listed[0];
      headings ??= headingCounts(doc);
      // A concept or practice has no one spelling: two wordings of it are two things the candidate
      // chose to name ("Data modeling, schema design"). Only the same words again, or its acronym
      // ("Data Structures, DSA"), repeat it; a product's other names do ("Postgres" after "PostgreSQL").
      const concept = taxonomy.lexicon.concepts.has(s.id) || taxonomy.lexicon.practices.has(s.id);
      for (const { item, o } of listed.slice(1)) {
        if (concept && wordsOf(first!.o.text) !== wordsOf(o.text) && !ACRONYM.test(first!.o.text) && !ACRONYM.test(o.text)) continue;
        // "Java 8, Java 17", "Icinga, Icinga 2": versions, kept on purpose.
        if (first!.item.text !== item.text && (/\d/.test(first!.item.text) || /\d/.test(item.text))) continue;
        // Removed only within one group ("Java, Go, Java"; two "- Docker" bullets): which of two
        // groups should keep a skill ("Core Technologies: …" above "Cloud Platforms • AWS") is the
        // author's call, and removing it could leave a group empty.
        // (item is the item at o already: itemAt found it above.)
        const whole = isWholeItem(doc, o, item) && sameGroup(doc, headings, first!.item, item);
        const a = first!.o.lineIndex;
        const b = o.lineIndex;
        // The same edit: the repeats in one block of lines (a paragraph, a bullet) of items first
        // listed in one section, elsewhere than that block; a repeat within its own block stands alone.
        const sameBlock = doc.lines[a]!.block === doc.lines[b]!.block;
        const key = sameBlock ? `own:${b}:${o.start}` : `${doc.lines[a]!.section}>${doc.lines[b]!.block}`;
        repeats.push({
          name: o.text,
          key,
          firstLine: first!.o.line,
          r: {
            messageId: "duplicate",
            data: { written: o.text, name: s.name, firstLine: first!.o.line },
            at: { lineIndex: o.lineIndex, start: o.start, end: o.end },
            fix: whole ? removal(item, itemsOfLine(analysis, item.lineIndex), doc) : undefined,
            weight: 0.25,
          },
        });
      }
    }
    // Group by where the repeats are: all the repeats of one block are one edit when their first
    // listings are in one section too.
    const byBlock = new Map<string, typeof repeats>();
    for (const x of repeats) {
      const list = byBlock.get(x.key);
      if (list) list.push(x);
      else byBlock.set(x.key, [x]);
    }
    for (const [key, list] of byBlock) {
      if (list.length === 1) {
        report({ ...list[0]!.r, group: key });
        continue;
      }
      list.sort((x, y) => x.r.at!.lineIndex - y.r.at!.lineIndex || (x.r.at!.start ?? 0) - (y.r.at!.start ?? 0));
      // (Each name and line once, and at most MAX_NAMED of them: a list repeated thousands of
      // times made a message as long as the file, rendered for every place, issue 24.)
      const lines = [...new Set(list.map((x) => x.firstLine))].sort((x, y) => x - y);
      const more = lines.length > MAX_NAMED ? ` and ${lines.length - MAX_NAMED} more` : "";
      const shown = lines.slice(0, MAX_NAMED);
      const at = lines.length === 1 ? `line ${lines[0]}` : more ? `lines ${shown.join(", ")}${more}` : `lines ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
      const names = [...new Set(list.map((x) => x.name))].map((name) => ({ name }));
      const data = { skills: namesList(names, MAX_NAMED), count: list.length, firstLines: at };
      for (const x of list) report({ ...x.r, messageId: "duplicateMany", data, group: key });
    }
  },
});

/** An acronym: two to six capitals ("DSA", "OOP"). */
const ACRONYM = /^[A-Z]{2,6}$/;

/** A wording's words, for comparing two wordings of a concept ("Unit-testing" = "unit testing"). */
const wordsOf = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, " ").trim();

/** Names (and lines) a message names at most. */
const MAX_NAMED = 12;

/** Two items of one group: on one line, or under one label with no heading between them. */
function sameGroup(doc: CvDocument, headings: Int32Array, a: ListItem, b: ListItem): boolean {
  if (a.lineIndex === b.lineIndex) return true;
  if (a.label !== b.label || doc.lines[a.lineIndex]!.section !== doc.lines[b.lineIndex]!.section) return false;
  // (Headings between them counted by the difference of two running counts: a walk over the lines
  // between the first item and each repeat was quadratic on a long list, issue 24.)
  if (headings[b.lineIndex]! - headings[a.lineIndex + 1]! > 0) return false;
  // Without a label, two bullets of one list; with one, the lines it labels.
  return a.label !== null || (doc.lines[a.lineIndex]!.kind === "bullet" && doc.lines[b.lineIndex]!.kind === "bullet");
}

/** Headings among the lines before each line: headings[k] counts lines 0..k-1 (one more entry, for the end). */
function headingCounts(doc: CvDocument): Int32Array {
  const out = new Int32Array(doc.lines.length + 1);
  for (let k = 0; k < doc.lines.length; k++) out[k + 1] = out[k]! + (doc.lines[k]!.kind === "heading" ? 1 : 0);
  return out;
}

/**
 * Remove an item with one separator next to it ("…, Postgres" or "Postgres, …"), or the bullet
 * that holds it alone; nothing when markup lies inside what would be removed.
 */
function removal(item: ListItem, onLine: ListItem[], doc: CvDocument): Fix | undefined {
  const line = doc.lines[item.lineIndex]!;
  const k = indexOfItem(onLine, item);
  if (onLine.length === 1) {
    // A bullet of its own ("- Postgres"), without a label: the whole line goes.
    const alone = line.kind === "bullet" && !item.label && line.text.trim() === item.text;
    return alone ? { lineIndex: item.lineIndex, start: 0, end: line.text.length, text: "", wholeLine: true } : undefined;
  }
  const [start, end] = k > 0 ? [onLine[k - 1]!.end, item.end] : [item.start, onLine[1]!.start];
  return plainSpan(line, start, end) ? { lineIndex: item.lineIndex, start, end, text: "" } : undefined;
}
