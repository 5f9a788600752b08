import type { CvDocument, Line } from "../types.js";
import type { CompiledTaxonomy, TrieNode } from "./compile.js";
import { isListLine, type Occurrence } from "./matcher.js";
import { hasAlnum, hasTwoLetters, isLetterDigitName, isSpace, looksTechy, startsUpper } from "./scan.js";
import { misspeltSkill } from "./suggest.js";
import { matchableTokens } from "./tokenize.js";
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import { englishLevel, isOrdinaryWord, isPublicName } from "../taxonomy/words.js";
import { oneOf, trimEndWhile } from "../trim.js";

/** One item of a skills list: "Python (primary)" in "Languages: Python (primary), Go". */
export interface ListItem {
  lineIndex: number;
  start: number;
  end: number;
  text: string;
  /** The category label the item sits under ("Languages"), if the line has one. */
  label: string | null;
  /** Skills named in the item. */
  skillIds: string[];
  /** The item's text that no skill explains, when it reads as a technology name ("Riak"). */
  unknown: { text: string; start: number; end: number } | null;
  /**
   * Skills the item names as readings of one name over shared words ("Serverless
   * Framework/Architecture": Serverless Framework and Serverless architecture), else null.
   */
  alternatives: string[] | null;
}

/**
 * The length of " and ", " & " or " or " (any case) at i, else 0: /^ (?:and|&|or) /i as a scan,
 * as it is asked at every space of every skills line.
 */
export function joinWordAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 32) return 0;
  const c = text.charCodeAt(i + 1);
  if (c === 38) return text.charCodeAt(i + 2) === 32 ? 3 : 0;
  const a = c | 32; // ASCII letters folded to lower case
  if (a === 111) return (text.charCodeAt(i + 2) | 32) === 114 && text.charCodeAt(i + 3) === 32 ? 4 : 0;
  if (a === 97) return (text.charCodeAt(i + 2) | 32) === 110 && (text.charCodeAt(i + 3) | 32) === 100 && text.charCodeAt(i + 4) === 32 ? 5 : 0;
  return 0;
}

/** Split "a, b (c, d); e and f" at top-level separators, keeping offsets. */
function splitItems(text: string, offset: number): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let from = 0;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: offset + from + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (depth > 0) continue;
    let sep = 0;
    if (",;|•·●▪".includes(ch)) sep = 1;
    else if ((ch === "/" || ch === "—" || ch === "–") && text[i - 1] === " " && text[i + 1] === " ") sep = 1;
    else if (ch === " ") sep = joinWordAt(text, i);
    if (sep) {
      push(i);
      from = i + sep;
      i += sep - 1;
    }
  }
  push(text.length);
  return out;
}

/**
 * The label of a skills line and where its items start. `opens`: the line starts its block (a
 * line a list wrapped onto, "Stack | PagerDuty" after "… | ELK", has no label before a separator).
 */
export function labelOf(line: Line, tax?: CompiledTaxonomy, opens = true): { label: string | null; rest: number } {
  if (line.kind === "table-row") {
    const cells = line.text.split(" | ");
    if (cells.length >= 2 && !cells[0]!.includes(",") && cells[0]!.split(/\s+/).length <= 4) {
      return { label: cells[0]!.trim(), rest: cells[0]!.length + 3 };
    }
    return { label: null, rest: 0 };
  }
  const m = /^([^:,()]{1,40}?)\s*:\s*/.exec(line.text);
  if (m && m[0].length < line.text.length) return { label: m[1]!.trim(), rest: m[0].length };
  // A dash between label and list: "Backend – Kotlin, Spring", "Databases - PostgreSQL, Redis".
  const dash = /^([^:,()–—-]{1,40}?)\s+[–—-]\s+(?=\S)/.exec(line.text);
  if (dash && dash[1]!.trim().split(/\s+/).length <= 4) return { label: dash[1]!.trim(), rest: dash[0].length };
  // A label set off by a run of spaces or a tab, as plain-text CVs align them: "Languages   Java, Go".
  const gap = /^([A-Za-z][\w&/+.-]*(?: [\w&/+.-]+){0,2})(?: {2,}|\t+)(?=\S)/.exec(line.text);
  if (gap) return { label: gap[1]!, rest: gap[0].length };
  // A group's name before the first of the list's own separators: "Cloud Platforms • AWS • Azure".
  const sep = tax && opens ? firstSeparator(line.text) : -1;
  if (sep > 0) {
    const head = line.text.slice(0, sep).trim();
    const ws = head.split(/\s+/);
    if (ws.length <= 3 && ws.every((w) => groupWord(w, tax!))) return { label: head, rest: sep + 2 };
  }
  // A label without a colon, as table cells come out of a PDF: "Languages Kotlin, Java, SQL".
  // Or a list set off by spaces alone, as plain-text CVs write it: "Frameworks React Next.js Ember.js".
  const words = line.text.split(" ");
  if (tax && (line.text.includes(",") || (words.length >= 4 && /^[A-Z][^|•·;]*$/.test(line.text)))) {
    const generic = (w: string): boolean => groupWord(w, tax);
    for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
      const head = words.slice(0, k);
      // Group words throughout ("Programming Languages"), or words ending in a plural group word
      // in a list with commas ("Job-related skills Java, Kotlin", Europass's left column).
      const named = k >= 2 && line.text.includes(",") && namesGroup(head);
      if ((head.every(generic) || named) && !startsForm(tax, words, k)) {
        const label = head.join(" ");
        return { label, rest: label.length + 1 };
      }
    }
  }
  return { label: null, rest: 0 };
}

/** Where " • ", " · " or " | " first sets a line's items apart, or -1. */
function firstSeparator(text: string): number {
  for (let i = 1; i + 1 < text.length; i++) {
    const c = text[i];
    if ((c === "•" || c === "·" || c === "|") && text[i - 1] === " " && text[i + 1] === " ") return i;
  }
  return -1;
}

/** Last words of a label without a colon that names a group ("Digital skills", "Web technologies"). */
const GROUP_ENDS = new Set(["skills", "competences", "competencies", "tools", "technologies", "languages", "frameworks", "databases", "platforms"]);

/** Up to four plain words that end in a group word: "Job-related skills", "Other language(s)" is not one. */
function namesGroup(words: string[]): boolean {
  return words.length <= 4 && GROUP_ENDS.has(words[words.length - 1]!.toLowerCase()) && words.every((w) => /^[A-Za-z][A-Za-z&/-]*$/.test(w));
}

/** A short line that only names a group: "Job-related skills", "Programming languages:". */
function labelLine(text: string): boolean {
  return !text.includes(",") && /^[A-Z]/.test(text) && namesGroup(text.replace(/:$/, "").split(/\s+/));
}

/** Whether the first k words and the next one begin a skill's name ("Data Structures", "Data Engineering"): then they are not a label. */
function startsForm(tax: CompiledTaxonomy, words: string[], k: number): boolean {
  let node: TrieNode | undefined = tax.root;
  for (let j = 0; j <= k && node; j++) node = node.next.get(trimEndWhile(words[j]!.toLowerCase(), oneOf(",;:.")));
  return node !== undefined;
}

const PROSE_WORDS = new Set(["in", "with", "on", "to", "for", "at", "by", "from", "i", "i'm", "my", "am", "is", "are", "was", "have", "has", "be", "like", "love", "enjoy", "using", "used", "use", "work", "working", "interested", "comfortable", "learning", "currently", "also", "mostly"]);

/**
 * Skills-list items read for unknown technologies and misspellings, per file. A real CV lists 60
 * at most (the corpus: 56); a hostile one hundreds of thousands (issue 24), where reading each
 * (dictionary, public names, edit distances to the taxonomy) took seconds and gave nothing a
 * reader could use.
 */
export const MAX_READ_ITEMS = 2000;

/**
 * Read the items of every skills-section line. An item part that no skill explains is reported
 * as an unknown technology when it reads like a name: one to three words, each capitalised or
 * written like a product (RabbitMQ, k6, Node-RED), not a label, proficiency word, spoken
 * language or filler; in a list that is mostly known skills, a lone lower-case token counts too.
 */
export function readSkillItems(doc: CvDocument, occ: Occurrence[], tax: CompiledTaxonomy): ListItem[] {
  const items: ListItem[] = [];
  const byLine = new Map<number, Occurrence[]>();
  const add = (lineIndex: number, o: Occurrence): void => {
    const list = byLine.get(lineIndex);
    if (list) list.push(o);
    else byLine.set(lineIndex, [o]);
  };
  for (const o of occ) {
    add(o.lineIndex, o);
    // The wrapped tail of a name counts on the next line too.
    // (Built field by field, in the matcher's order: a spread would make another hidden class.)
    const sp = o.spill;
    if (sp) add(sp.lineIndex, { skillId: o.skillId, text: o.text, lineIndex: sp.lineIndex, start: 0, end: sp.end, line: o.line, column: o.column, page: o.page, section: o.section, via: o.via, form: o.form, context: o.context, canonical: o.canonical, spill: o.spill });
  }
  for (const section of doc.sections) {
    if (section.kind !== "skills") continue;
    // A label on a line of its own ("Job-related skills" above "Java, Kotlin, …", as table cells
    // come out of Word) labels the lines that follow it.
    let carried: string | null = null;
    // The label in force at the end of the line before: a list wrapped onto the next line (the line
    // ends with a separator or a dangling "Data —") goes on under it.
    let endLabel: string | null = null;
    // Lines of one group (under one heading or label line, or one labelled line and its wrapped
    // tail), whose items are read together: whether the list is mostly known skills is asked of
    // the group, as a PDF or a theme sets two items a line ("Databricks · Unity Catalog").
    let group = 0;
    let lineGroup = -1;
    const pending: Array<{ line: Line; lineItems: ListItem[]; near: (start: number, end: number) => Occurrence[]; group: number }> = [];
    for (let li = section.start; li <= section.end; li++) {
      const line = doc.lines[li]!;
      const prevLine = li > section.start ? doc.lines[li - 1]! : undefined;
      // (A row-by-row layout, moderncv or Europass, sets the wrapped part apart as a paragraph of its
      // own: a line ending with a comma still runs on into it.)
      const runsOn = prevLine !== undefined && wrapsOn(prevLine.text) && (prevLine.block === line.block || (/,\s*$/.test(prevLine.text) && prevLine.kind === "paragraph" && line.kind === "paragraph"));
      const wrapLabel: string | null = endLabel !== null && runsOn ? endLabel : null;
      endLabel = null;
      if (line.kind === "heading" || groupLine(doc, li)) {
        // The section's own heading labels nothing; a group's heading or label line labels its lines.
        carried = li === section.headingLine ? null : groupName(line);
        group++;
        continue;
      }
      const lineOcc = byLine.get(li) ?? [];
      const near = nearFinder(lineOcc);
      const next = li < section.end ? doc.lines[li + 1]! : undefined;
      // (The label may itself be a soft skill, "Communication skills": it stays a skill named in the
      // section, but is not an item the list beside it could repeat.)
      const softOnly = lineOcc.every((o) => tax.skills.get(o.skillId)?.category === "soft-skills");
      if (softOnly && next !== undefined && next.text.includes(",") && labelLine(line.text)) {
        carried = line.text.replace(/:$/, "");
        group++;
        continue;
      }
      const own = labelOf(line, tax, doc.blocks[line.block]?.start === li);
      // (A line with a label of its own is a group of its own, with the tail it wraps into.)
      if (own.label !== null) lineGroup = ++group;
      else if (wrapLabel === null || lineGroup < 0) lineGroup = group;
      const rest = own.rest;
      const parts = splitItems(line.text.slice(rest), rest);
      // A sentence under a group ("Experience with writing API docs in Swagger.") is not one of its items.
      let label: string | null = own.label ?? wrapLabel ?? (carried !== null && !sentence(line.text, parts.length) ? carried : null);
      // (A loop into a literal, not map(): an empty map() result has another elements kind.)
      const lineItems: ListItem[] = [];
      for (let k = 0; k < parts.length; k++) {
        let p = parts[k]!;
        // Groups run on in one line change the label part-way: "Languages: Java, Go | Databases:
        // PostgreSQL", or lines a PDF or DOCX joined ("… Rust, SQL Frameworks — Phoenix, …").
        const inner = innerLabel(p.text, tax);
        if (inner) {
          label = inner.label;
          p = { text: p.text.slice(inner.rest), start: p.start + inner.rest };
        } else {
          const after = parts[k + 1];
          // A label before a dash: between two items, or at the end of a line the list wraps from ("… Absinthe Data —").
          const dangling = after ? null : /\s[–—]$/.exec(p.text);
          const named = dangling ? p.text.slice(0, dangling.index) : p.text;
          const tail = (after && /[–—]|\s-\s/.test(line.text.slice(p.start + p.text.length, after.start))) || dangling ? trailingLabel(named, tax) : null;
          if (tail) {
            const head = named.slice(0, tail.at).trimEnd();
            if (head) pushItem(lineItems, li, { text: head, start: p.start }, label, near);
            label = tail.label;
            continue;
          }
        }
        pushItem(lineItems, li, p, label, near);
      }
      endLabel = label;
      pending.push({ line, lineItems, near, group: lineGroup });
      if (own.label !== null) group++;
    }
    const counts = new Map<number, { all: number; known: number }>();
    for (const { lineItems, group: g } of pending) {
      const c = counts.get(g) ?? { all: 0, known: 0 };
      c.all += lineItems.length;
      for (const i of lineItems) if (i.skillIds.length) c.known++;
      counts.set(g, c);
    }
    const mostly = (all: number, known: number): boolean => all >= 3 && known * 2 >= all;
    for (const { line, lineItems, near, group: g } of pending) {
      const c = counts.get(g)!;
      const mostlyKnown = mostly(lineItems.length, lineItems.filter((i) => i.skillIds.length).length) || mostly(c.all, c.known);
      for (const item of lineItems) {
        // (Past MAX_READ_ITEMS the list is no CV's: its items still name the skills found in them,
        // but are not read for unknown names and misspellings, tens of microseconds each.)
        if (items.length < MAX_READ_ITEMS) {
          item.unknown = leftover(line.text, item, near(item.start, item.end), tax, mostlyKnown);
          readMisspelt(item, line, occ, near(item.start, item.end), tax);
          if (item.label && item.skillIds.length === 0) moduleOfLabel(item, line, occ, tax);
        }
        items.push(item);
      }
    }
  }
  return items;
}

/** Occurrences by the index of their line, in the order given. */
export function occurrencesByLine(occ: readonly Occurrence[]): Map<number, Occurrence[]> {
  const byLine = new Map<number, Occurrence[]>();
  for (const o of occ) {
    const list = byLine.get(o.lineIndex);
    if (list) list.push(o);
    else byLine.set(o.lineIndex, [o]);
  }
  return byLine;
}

/** Sections whose "Label: a, b, c" lines name no tools of the candidate's: a profile link, a school, an issuer. */
const NOT_TOOL_LISTS = new Set(["skills", "header", "education", "certifications"]);

/**
 * The unknown technologies of a tool list outside the skills section: a "Label: a, b, c" line in
 * experience or projects ("Tools used: PHP, SlimFramework, Go", "Stack: Kotlin, Ktor, Exposed"),
 * read as a skills list is read (leftover), only when most of its items (three or more) are known
 * skills: such a line is the candidate's stack, not a list of clients, places or people.
 */
export function readToolLineUnknowns(doc: CvDocument, occ: Occurrence[], tax: CompiledTaxonomy): ListItem[] {
  const out: ListItem[] = [];
  let byLine: Map<number, Occurrence[]> | undefined;
  for (const line of doc.lines) {
    const section = doc.sections[line.section]?.kind ?? "other";
    if (NOT_TOOL_LISTS.has(section) || line.kind === "heading" || !isListLine(line, section)) continue;
    byLine ??= occurrencesByLine(occ);
    const lineOcc = byLine.get(line.index);
    if (!lineOcc) continue;
    const near = nearFinder(lineOcc);
    const { label, rest } = labelOf(line, tax, doc.blocks[line.block]?.start === line.index);
    const lineItems: ListItem[] = [];
    for (const p of splitItems(line.text.slice(rest), rest)) pushItem(lineItems, line.index, p, label, near);
    if (lineItems.length < 3 || lineItems.filter((i) => i.skillIds.length).length * 2 < lineItems.length) continue;
    for (const item of lineItems) {
      // (Written like a name only: a lone lower-case word there is as likely a word the line wrapped.)
      item.unknown = leftover(line.text, item, near(item.start, item.end), tax, false);
      if (item.unknown) out.push(item);
    }
  }
  return out;
}

/**
 * `s` with "(…)" and "[…]" remarks blanked to spaces, as s.replace(/\([^)]*\)|\[[^\]]*\]/g, …)
 * would, written as a scan: that expression tried every "(" against the rest of the text, so a
 * long run of unclosed brackets took quadratic time.
 */
export function blankBracketed(s: string): string {
  let out = "";
  let from = 0;
  let i = 0;
  // Past the last ")" (or "]") no "(" (or "[") can close.
  let noParen = false;
  let noSquare = false;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const close = c === 40 && !noParen ? ")" : c === 91 && !noSquare ? "]" : null;
    if (close === null) {
      i++;
      continue;
    }
    const j = s.indexOf(close, i + 1);
    if (j < 0) {
      if (c === 40) noParen = true;
      else noSquare = true;
      i++;
      continue;
    }
    out += s.slice(from, i) + " ".repeat(j + 1 - i);
    from = i = j + 1;
  }
  return out + s.slice(from);
}

/** Whether a list runs on past the end of this line: it ends with a separator, a joining word or a dash. */
function wrapsOn(text: string): boolean {
  return /(?:[,;|–—]|\s-|\s(?:and|or|&))\s*$/.test(text);
}

/** A sentence rather than a list: five words or more, one or two parts, a full stop at the end. */
function sentence(text: string, parts: number): boolean {
  return parts <= 2 && /\.\s*$/.test(text) && text.trim().split(/\s+/).length >= 5;
}

/**
 * A line of a skills section that names the group of the lines under it, rather than listing
 * skills: a heading below the section's own ("### Languages"); a short paragraph of one line,
 * without commas, right above a bullet ("Frameworks", "Cloud / DevOps / Infrastructure" set in
 * bold, as a PDF or a DOCX without heading styles gives sub-headings); or such a bullet with
 * bullets nested under it ("* CI and QA" above "* Tests: JUnit").
 */
export function groupLine(doc: CvDocument, li: number): boolean {
  const line = doc.lines[li]!;
  const section = doc.sections[line.section];
  if (!section || section.kind !== "skills" || li === section.headingLine) return false;
  if (line.kind === "heading") return true;
  if (line.kind !== "paragraph" && line.kind !== "bullet") return false;
  const block = doc.blocks[line.block];
  const next = doc.lines[li + 1];
  if (!block || block.start !== li || block.end !== li || !next || next.section !== line.section || next.kind !== "bullet") return false;
  if (line.kind === "bullet" && (next.level ?? 1) <= (line.level ?? 1)) return false;
  const t = line.text.trim();
  // (A line of items set apart by "·", "•" or "|" lists them: "PostgreSQL · MySQL" over a lone "Redis".)
  return t.length <= 40 && !/[,;.·•|]/.test(t) && t.split(/\s+/).length <= 5;
}

/** The name a group line gives the items under it ("Languages:" → "Languages"). */
export function groupName(line: Line): string {
  return line.text.trim().replace(/:$/, "");
}

/**
 * "Spring Framework: Core, Batch, Integration": an item the taxonomy does not know alone may be a
 * module of the skill in the label, named with its first word ("Spring Batch"). It is then that
 * skill, named here (an occurrence is added for it).
 */
function moduleOfLabel(item: ListItem, line: Line, occ: Occurrence[], tax: CompiledTaxonomy): void {
  // (The item's words, ordinary ones too: "Batch" alone is no product, but "Spring Batch" is.)
  const unknown = item.unknown ?? { text: item.text, start: item.start, end: item.end };
  if (!isLetterDigitName(unknown.text, true)) return;
  const first = /^[A-Za-z][\w.+#-]*/.exec(item.label!);
  let node: TrieNode | undefined = first ? tax.root.next.get(first[0].toLowerCase()) : undefined;
  const toks = matchableTokens(unknown.text);
  // (No word to read, a URL say: the label's first word alone is not a module of itself.)
  if (toks.length === 0) return;
  for (const t of toks) node = node?.next.get(t.norm);
  const entry = node?.entries.find((e) => !e.ambiguous && !e.caseSensitive);
  if (!entry) return;
  const id = entry.skill.id;
  // (Field by field, in the matcher's order: another order would make another hidden class.)
  occ.push({
    skillId: id,
    text: unknown.text,
    lineIndex: line.index,
    start: unknown.start,
    end: unknown.end,
    line: line.pos.line,
    column: line.cols[unknown.start] ?? line.pos.column,
    page: line.pos.page,
    section: "skills",
    via: "alias",
    form: entry.form,
    context: `a module of "${item.label}"`,
    canonical: true,
    spill: undefined,
  });
  if (!item.skillIds.includes(id)) item.skillIds.push(id);
  item.unknown = null;
}

/**
 * "Rabitmq", "SQL (Postgress, ClickHouse)", "Github Actons": a part of a skills-list item (the
 * item, or a part of it between brackets and commas) that reads as a misspelling of one known
 * skill is that skill, as a coach reads it, with the spelling kept as written (its occurrence is
 * `via: "typo"`, which the unknown-skill rule reports). Conservative: one to three words, those
 * that no skill explains neither English words, places, numbers nor list words; one slip from
 * exactly one skill's safe spelling (misspeltSkill); and not itself a name that public data holds
 * (a product the taxonomy leaves out: MinIO is not a misspelt MiniD). A part that names one skill
 * in part ("Github" in "Github Actons") is read whole when the whole is a slip of a longer name.
 */
function readMisspelt(item: ListItem, line: Line, occ: Occurrence[], inside: Occurrence[], tax: CompiledTaxonomy): void {
  const text = line.text;
  let from = item.start;
  for (let i = item.start; i <= item.end; i++) {
    if (i < item.end && !"()[],;".includes(text[i]!)) continue;
    let a = from;
    let b = i;
    from = i + 1;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b - a < 5 || b - a > 60) continue;
    const piece = text.slice(a, b);
    const words = piece.split(/\s+/);
    if (words.length > 3) continue;
    const named: Occurrence[] = [];
    for (const o of inside) if (o.start < b && o.end > a) named.push(o);
    if (named.length > 1 || (named.length === 1 && named[0]!.start <= a && named[0]!.end >= b)) continue;
    // The words no skill explains must read as a name: not words, numbers or list words ("familiar", "3.x").
    let at = a;
    let loose = 0;
    let plain = true;
    for (const w of words) {
      const ws = text.indexOf(w, at);
      at = ws + w.length;
      if (named.some((o) => o.start < at && o.end > ws)) continue;
      loose++;
      const n = w.toLowerCase();
      // (A word as written, not its stem: "Actons" is no plural of the town of Acton.)
      if (NUMBERISH.test(n) || !hasTwoLetters(n) || isOrdinaryWord(n) || tax.lexicon.proficiency.has(n) || tax.lexicon.generic.has(n) || tax.lexicon.spoken.has(n)) plain = false;
    }
    if (!plain || loose === 0 || isPublicName(piece)) continue;
    const hit = misspeltSkill(piece, tax);
    if (!hit || named.some((o) => o.skillId === hit.skill.id)) continue;
    // (The part's own occurrence, "Github" in "Github Actons", gives way to the whole.)
    for (const o of named) {
      const k = occ.indexOf(o);
      if (k >= 0) occ.splice(k, 1);
      const id = item.skillIds.indexOf(o.skillId);
      if (id >= 0 && !occ.some((p) => p.skillId === o.skillId && p.lineIndex === line.index && p.start < item.end && p.end > item.start)) item.skillIds.splice(id, 1);
    }
    // (Field by field, in the matcher's order: another order would make another hidden class.)
    occ.push({
      skillId: hit.skill.id,
      text: piece,
      lineIndex: line.index,
      start: a,
      end: b,
      line: line.pos.line,
      column: line.cols[a] ?? line.pos.column,
      page: line.pos.page,
      section: "skills",
      via: "typo",
      form: hit.form,
      context: `a misspelling of ${hit.skill.name}`,
      canonical: false,
      spill: undefined,
    });
    if (!item.skillIds.includes(hit.skill.id)) item.skillIds.push(hit.skill.id);
    if (item.unknown && item.unknown.start < b && item.unknown.end > a) item.unknown = null;
  }
}

/**
 * The occurrences of a line that overlap [start, end), found by a binary search over them in order
 * of start: a line can hold thousands of items, and a scan of all its occurrences per item made
 * such a line quadratic (issue 24).
 */
export function nearFinder(lineOcc: readonly Occurrence[]): (start: number, end: number) => Occurrence[] {
  const sorted = lineOcc.length > 1 ? [...lineOcc].sort((a, b) => a.start - b.start) : lineOcc;
  let longest = 0;
  for (const o of sorted) longest = Math.max(longest, o.end - o.start);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < start - longest) lo = mid + 1;
      else hi = mid;
    }
    const out: Occurrence[] = [];
    for (let k = lo; k < sorted.length && sorted[k]!.start < end; k++) if (sorted[k]!.end > start) out.push(sorted[k]!);
    return out;
  };
}

/**
 * An item, split first where a slash or a plus joins names ("Socket.io/Mocha/Chai", "Nacos +
 * Apollo"): each name is an item of its own. A slash or plus inside a skill's name ("CI/CD",
 * "C++", "TCP/IP") does not split it, nor one in a version ("Java 8+") or a URL.
 */
function pushItem(out: ListItem[], lineIndex: number, p: { text: string; start: number }, label: string | null, near: (start: number, end: number) => Occurrence[]): void {
  const end = p.start + p.text.length;
  // (In order of start, walked once with the parts: an item can hold thousands of names.)
  const inside = near(p.start, end);
  let j = 0;
  let from = 0;
  let shared = false;
  const push = (to: number) => {
    const raw = p.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) return;
    const a = p.start + from + lead;
    const b = a + text.length;
    while (j < inside.length && inside[j]!.end <= a) j++;
    const ids: string[] = [];
    for (let k = j; k < inside.length && inside[k]!.start < b; k++) if (inside[k]!.end > a && !ids.includes(inside[k]!.skillId)) ids.push(inside[k]!.skillId);
    out.push({ lineIndex, start: a, end: b, text, label, skillIds: ids, unknown: null, alternatives: shared ? ids.slice() : null });
    shared = false;
  };
  if (!p.text.includes("://")) {
    let k = 0;
    for (let i = 0; i < p.text.length; i++) {
      const ch = p.text[i]!;
      if (ch !== "/" && ch !== "+") continue;
      const at = p.start + i;
      while (k < inside.length && inside[k]!.end <= at) k++;
      if (k < inside.length && inside[k]!.start <= at) continue;
      if (ch === "/" && sharesWords(inside, k, at)) {
        shared = true;
        continue;
      }
      const before = p.text[i - 1] ?? "";
      const after = p.text[i + 1] ?? "";
      // "+" joins two names ("Python + Django", "Ruby+Rails"), not "C++", "C#+", "8+" or a trailing one.
      // Nor a count's ("87k+ LOC", "10x+").
      if (ch === "+" && (!/[\p{L}\s]/u.test(before) || !/[\p{L}\s]/u.test(after) || before === "+" || after === "+" || /(?:^|\s)\d+\p{L}?$/u.test(p.text.slice(0, i)))) continue;
      push(i);
      from = i + 1;
    }
  }
  push(p.text.length);
}

/**
 * Whether the slash at `at` joins two readings of one name (matcher.ts sharedHeads): the name
 * before it ends there, and the word after it is a skill whose spelling is that name's other
 * words with it ("Serverless Framework/Architecture"). `k`: the first of `inside` (in order of
 * start) that ends after `at`.
 */
function sharesWords(inside: readonly Occurrence[], k: number, at: number): boolean {
  const after = inside[k];
  if (!after || after.start !== at + 1 || /\s/.test(after.text)) return false;
  for (let b = k - 1; b >= 0 && b >= k - 4; b--) {
    const o = inside[b]!;
    if (o.end !== at) continue;
    const words = o.text.split(/\s+/);
    if (words.length >= 2 && `${words.slice(0, -1).join(" ")} ${after.text}`.toLowerCase() === after.form.toLowerCase()) return true;
  }
  return false;
}

/** One to three capitalised words that name a group: the lexicon's group words, or words ending in one ("Job-related skills"). */
function groupLabel(words: string[], tax: CompiledTaxonomy): boolean {
  if (words.length === 0 || words.length > 3 || !/^[A-Z]/.test(words[0]!)) return false;
  return words.every((w) => groupWord(w, tax)) || namesGroup(words);
}

/** One of the lexicon's group words ("Languages", "Cloud &"), or a joining "&" or "/". */
function groupWord(w: string, tax: CompiledTaxonomy): boolean {
  return tax.lexicon.generic.has(w.toLowerCase().replace(/[&/]$/, "")) || w === "&" || w === "/";
}

/** "Databases: PostgreSQL" inside a list: the label and where the item after it starts. */
function innerLabel(text: string, tax: CompiledTaxonomy): { label: string; rest: number } | null {
  const m = /^([A-Z][A-Za-z&/ -]{0,30}?)\s*:\s+(?=\S)/.exec(text);
  return m && groupLabel(m[1]!.trim().split(/\s+/), tax) ? { label: m[1]!.trim(), rest: m[0].length } : null;
}

/** A word that is a skill's whole name ("SQL", "Rust"), and not one of the lexicon's group words. */
function namesSkill(word: string, tax: CompiledTaxonomy): boolean {
  const w = word.toLowerCase();
  return !tax.lexicon.generic.has(w) && (tax.root.next.get(w)?.entries.length ?? 0) > 0;
}

/** "Frameworks" before a dash ("… SQL Frameworks — Phoenix"): the group label at the end of an item, and where it starts. */

function trailingLabel(text: string, tax: CompiledTaxonomy): { label: string; at: number } | null {
  const words = text.split(/\s+/);
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const tail = words.slice(words.length - k);
    // "… Rust, SQL Frameworks —": a skill before the group word is the last item, not the label's.
    if (k > 1 && namesSkill(tail[0]!, tax)) continue;
    if (groupLabel(tail, tax)) {
      const label = tail.join(" ");
      return { label, at: text.length - label.length };
    }
  }
  return null;
}

/** A version, a number, a year, a date or a grade: never a name ("3.12", "2.x", "v2", "03/2021", "A+", "/5", "4.0"). */
const NUMBERISH = /^(?:v?\d+(?:[./]\d+)*(?:\.x)?\+?|\d+(?:st|nd|rd|th)|[a-f][+-]?|\/\d+|\d+\/|q[1-4]|h[12]|\d+k|\d+%|\d+x)$/i;

/** A grade's name ("GPA 3.9/4"). */
const GRADE = /^c?gpa$/;

/**
 * A word that is ordinary text rather than a product's name: an English word (SCOWL, in any case),
 * a place, a month or a day, or an inflection of one ("Architected", "Monoliths"), or a compound
 * of such words ("in-between", "web-based").
 */
export function ordinary(word: string): boolean {
  const w = word.toLowerCase().replace(/[’']s$/, "");
  if (isOrdinaryWord(w)) return true;
  if (/[-–]/.test(w)) return w.split(/[-–]+/).every((part) => part === "" || ordinary(part));
  if (/^[a-z]+(?:ed|ing|s)$/.test(w)) {
    const root = PorterStemmer.stem(w);
    if (root !== w && (isOrdinaryWord(root) || isOrdinaryWord(`${root}e`))) return true;
  }
  return false;
}

/**
 * The item as an unknown technology, or null. Only a whole item that reads as a product's name
 * counts: it names no known skill (no word is cut out of a longer item), it is one to three words
 * once remarks in parentheses and versions are set aside ("Nextflow 23 (pipelines)"), and none
 * of them is an English word, a verb, a place, a month, a date, a grade, a number, a label or
 * proficiency word, or a spoken language. Each is written like a name (RabbitMQ, k6, Node-RED);
 * in a list that is mostly known skills, a lone lower-case word counts too ("pgsync"). When in
 * doubt, it is not a skill.
 */
function leftover(text: string, item: ListItem, occ: Occurrence[], tax: CompiledTaxonomy, mostlyKnown: boolean): ListItem["unknown"] {
  if (item.skillIds.length > 0) return null;
  // A name is a few words: an item of more than 120 characters is not one (and the passes below
  // need not run over a line-long item, issue 24).
  if (item.end - item.start > 120) return null;
  for (const o of occ) if (o.start < item.end && o.end > item.start) return null;
  let s = text.slice(item.start, item.end);
  s = blankBracketed(s);
  s = s.replace(/[*_`"“”()[\]]/g, " ");
  // (A namespace's "::" joins one name: "Test::Unit", "Mojo::Base".)
  const words = [...s.matchAll(/[^\s,.:;!?]+(?:(?:\.|::)[^\s,.:;!?]+)*/gu)].filter((w) => hasAlnum(w[0]));
  if (words.length === 0 || words.length > 4) return null;
  // A count first is a quantity of something, not a name: "87k+ LOC", "3 AWS certifications".
  if (NUMBERISH.test(words[0]![0].replace(/\+$/, "")) && /^\d/.test(words[0]![0])) return null;
  // Prose in a skills section ("Interested in clean architecture", "Comfortable with Git").
  if (words.length >= 2 && words.some((w) => PROSE_WORDS.has(w[0].toLowerCase()))) return null;
  const kept = words.filter((w) => !NUMBERISH.test(w[0]) && !/^[-–—/&+]+$/.test(w[0]));
  if (kept.length === 0 || kept.length > 3) return null;
  let wordCount = 0;
  for (const w of kept) {
    const n = w[0].toLowerCase();
    if (tax.lexicon.proficiency.has(n) || tax.lexicon.generic.has(n) || tax.lexicon.spoken.has(n)) return null;
    if (!hasTwoLetters(n) || GRADE.test(n)) return null;
    if (ordinary(n)) wordCount++;
  }
  // Words are a name only as a brand's, in a list of known skills: "Unity Catalog", "Delta Lake"
  // (capitalised, the first a name public data holds and not one of SCOWL's commonest words:
  // "Terminal Hacker" is none; "Data Modeling" is no brand), or one word that is no common one
  // ("Prefect", "Graphite"; not "Batch": SCOWL's levels 10 and 20 are everyday words).
  if (wordCount > 0 && !(mostlyKnown && isPublicName(kept[0]![0]) && kept.every((w) => startsUpper(w[0])) && (englishLevel(kept[0]![0]) ?? 60) >= (kept.length > 1 ? 20 : 35))) return null;
  const first = kept[0]!;
  const last = kept[kept.length - 1]!;
  const start = item.start + first.index;
  const end = item.start + last.index + last[0].length;
  const name = text.slice(start, end);
  // A place of several words ("Long Beach", "British Columbia").
  if (kept.length > 1 && isOrdinaryWord(name)) return null;
  const techy = kept.every((w) => looksTechy(w[0]));
  // (A lone word of letters, digits and the marks of names: "pgsync", not "¨Infrastructure".)
  const lone = kept.length === 1 && mostlyKnown && kept[0]![0].length <= 20 && isLetterDigitName(kept[0]![0], false);
  if (!techy && !lone) return null;
  return { text: name, start, end };
}
