import type { Analysis, SkillHit } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { ListItem } from "../match/items.js";
import type { Occurrence } from "../match/matcher.js";
import type { Block, CvDocument, Line, SectionKind } from "../types.js";
import type { RulesData } from "./data.js";
import { fromFirstLetter, isAlnumUnitAt, isLetterUnitAt, isUpperUnitAt, keepLettersDigits, letterDigitRuns, splitAtNonLetters } from "../match/scan.js";
import { oneOf, trimEndWhile, trimStartWhile } from "../trim.js";

/** Sections of the given kinds. */
export function sectionsOf(doc: CvDocument, ...kinds: SectionKind[]) {
  return doc.sections.filter((s) => kinds.includes(s.kind));
}

/** The heading line of the first section of a kind, for findings about the section as a whole. */
export function headingAt(doc: CvDocument, kind: SectionKind): { lineIndex: number } | undefined {
  const s = doc.sections.find((x) => x.kind === kind);
  return s ? { lineIndex: s.headingLine ?? s.start } : undefined;
}

/**
 * Whether the CV has a skills section with something in it. A skills heading with nothing under
 * it was misread (its list went to the section beside it, or under a rule line): advice on what
 * the list holds would be about a list cvlint did not read.
 */
export function hasSkillsList(doc: CvDocument): boolean {
  return doc.sections.some((s) => s.kind === "skills" && (s.headingLine === null ? s.end >= s.start : s.end > s.headingLine));
}

/** Skills named in the skills section (listed), in order of first listing. */
export function listedSkills(a: Analysis): SkillHit[] {
  return a.skills.filter((s) => s.sections.includes("skills"));
}

export const isTechnical = (s: SkillHit): boolean => s.category !== "soft-skills";

/**
 * Bullet blocks of the given sections (experience, projects). A nested item under a bullet that
 * ends with a colon ("Gave talks on:" / "- service meshes") finishes its parent's sentence: it is
 * part of the parent, not a bullet of its own.
 */
export function bullets(doc: CvDocument, ...kinds: SectionKind[]): Block[] {
  const out: Block[] = [];
  let parent: Block | undefined;
  // The items nested right under the current parent, and where they went in `out`.
  let children: number[] = [];
  const close = (): void => {
    // A lone item under an entry's title ("pyscm Scheme interpreter" / "A subset of Scheme in pure
    // Python") describes the entry: it is not a duty of its own.
    if (parent && children.length === 1 && entryTitle(parent.text)) out.splice(children[0]!, 1);
    children = [];
  };
  for (const b of doc.blocks) {
    if (b.kind !== "bullet" || !kinds.includes(doc.sections[b.section]!.kind)) {
      if (b.kind !== "bullet") {
        close();
        parent = undefined;
      }
      continue;
    }
    const level = b.level ?? 1;
    if (level < 1) continue;
    if (level === 1 || !parent || parent.section !== b.section) {
      close();
      parent = level === 1 ? b : undefined;
    } else if (/:\s*$/.test(parent.text)) continue;
    else if (level === (parent.level ?? 1) + 1) children.push(out.length);
    out.push(b);
  }
  close();
  return out;
}

/** An entry's title rather than a duty: a few words that end no sentence ("pyscm Scheme interpreter", "Acme Corp"). */
const entryTitle = (text: string): boolean => {
  const t = text.trim();
  return t.split(/\s+/).length <= 6 && !/[.!?;:,]$/.test(t);
};

/**
 * A bullet that lists the technologies of a job rather than telling what was done: "Technologies:
 * Java, Spring Boot", "Tech stack: …", "Tools used — …" (a label of the lexicon's group words).
 */
export function techListBullet(text: string, tax: CompiledTaxonomy): boolean {
  const m = /^\W*([A-Za-z][A-Za-z &/-]{0,30}?)\s*[:—–]\s/.exec(text);
  if (!m) return false;
  const words = m[1]!.toLowerCase().split(/[\s&/-]+/).filter((w) => w !== "" && w !== "used" && w !== "and");
  return words.length > 0 && words.length <= 3 && words.every((w) => tax.lexicon.generic.has(w));
}

/** First occurrence of a skill in one of the given sections. */
export function firstIn(s: SkillHit, ...kinds: SectionKind[]) {
  return s.occurrences.find((o) => kinds.includes(o.section));
}


/** 'A', 'B' and 'C'; past `max` names, 'A', 'B' and 3 more (a message stays short on a hostile list). */
export function namesList(skills: ReadonlyArray<{ name: string }>, max = Infinity): string {
  const shown = Math.min(skills.length, max);
  let out = "";
  for (let k = 0; k < shown; k++) out += `${k === 0 ? "" : k === skills.length - 1 ? " and " : ", "}'${skills[k]!.name}'`;
  if (shown < skills.length) out += ` and ${skills.length - shown} more`;
  return out;
}

/** Shorten a bullet for a message: its first words. */
export function opening(text: string, words = 6): string {
  const w = text.split(/\s+/);
  return w.length > words ? `${w.slice(0, words).join(" ")}…` : text;
}

/** Whether text[start, end) of a line was written without inline markup inside it: its source columns run on. */
export function plainSpan(line: Line, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (line.cols[i] !== line.cols[i - 1]! + 1) return false;
  return end > start;
}

/** Marks of emphasis that may wrap a whole item in a text CV ("**Go**", "_Kafka_"). */
const wrapped = (s: string): string => trimEndWhile(trimStartWhile(s, oneOf("*_")), oneOf("*_")).trim();

/**
 * Whether an occurrence is only a part of a longer token: "postgres" in "node-postgres",
 * "postgres-exporter", "docker-compose.yml", "postgres://db", "me@postgres.dev". A name joined to
 * letters or digits by a hyphen, dot, underscore or "@" names something else (a package, a file,
 * a host); "Java/Kotlin" is two names, and keeps both.
 */
export function partOfLongerToken(text: string, start: number, end: number): boolean {
  const joiner = (c: string | undefined): boolean => c === "-" || c === "." || c === "_" || c === "@";
  const alnum = (i: number): boolean => isAlnumUnitAt(text, i);
  if (alnum(start - 1) || alnum(end)) return true;
  if (joiner(text[start - 1]) && alnum(start - 2)) return true;
  if (joiner(text[end]) && alnum(end + 1)) return true;
  // A scheme or a path: "postgres://", "/var/lib/postgres".
  if (text[end] === ":" && text[end + 1] === "/") return true;
  return text[start - 1] === "/" && (text[start - 2] === "/" || text[start - 2] === ":" || start === 1 || /\s/.test(text[start - 2]!));
}

/**
 * The skills-list item an occurrence is the whole of ("Postgres", "**Postgres**", "Postgres 15"),
 * written without markup inside it; undefined for a name inside a longer item ("node-postgres",
 * "Postgres exporter"), in a sentence, a heading, or outside the skills section. Only such an item
 * is one --fix may rewrite or remove.
 */
/** Per analysis, its list items by line in order of start (built on first use). */
const itemsByLine = new WeakMap<Analysis, Map<number, ListItem[]>>();

/**
 * The list item of a line that holds offset `at`, by a binary search over the line's items: a
 * scan of every item per occurrence made a long skills list quadratic (issue 24). Items of a line
 * do not overlap, so the last one starting at or before `at` is the only candidate.
 */
export function itemAt(a: Analysis, lineIndex: number, at: number): ListItem | undefined {
  let byLine = itemsByLine.get(a);
  if (!byLine) {
    byLine = new Map();
    for (const it of a.items) {
      const list = byLine.get(it.lineIndex);
      if (list) list.push(it);
      else byLine.set(it.lineIndex, [it]);
    }
    for (const list of byLine.values()) list.sort((x, y) => x.start - y.start);
    itemsByLine.set(a, byLine);
  }
  const onLine = byLine.get(lineIndex);
  if (!onLine) return undefined;
  let lo = 0;
  let hi = onLine.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (onLine[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  const item = onLine[lo - 1];
  return item && at < item.end ? item : undefined;
}

/** Where `item` is among its line's items (itemsOfLine), by a binary search on its start. */
export function indexOfItem(onLine: ListItem[], item: ListItem): number {
  let lo = 0;
  let hi = onLine.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (onLine[mid]!.start < item.start) lo = mid + 1;
    else hi = mid;
  }
  return onLine.indexOf(item, lo);
}

/** The items of a line in order of start. */
export function itemsOfLine(a: Analysis, lineIndex: number): ListItem[] {
  if (!itemsByLine.has(a)) itemAt(a, lineIndex, 0);
  return itemsByLine.get(a)!.get(lineIndex) ?? [];
}

export function wholeItem(a: Analysis, o: Occurrence): ListItem | undefined {
  if (o.section !== "skills" || o.spill || a.doc.lines[o.lineIndex]!.kind === "heading") return undefined;
  const item = itemAt(a, o.lineIndex, o.start);
  return item && isWholeItem(a.doc, o, item) ? item : undefined;
}

/** wholeItem, when the item at the occurrence (itemAt) is known already: whether the occurrence is the whole of it. */
export function isWholeItem(doc: CvDocument, o: Occurrence, item: ListItem): boolean {
  if (o.section !== "skills" || o.spill) return false;
  const line = doc.lines[o.lineIndex]!;
  if (line.kind === "heading" || o.end > item.end || wrapped(item.text) !== o.text) return false;
  return plainSpan(line, o.start, o.end);
}

/**
 * Whether a skills-list item names one skill and nothing else: every letter and digit of it is
 * inside an occurrence of that skill ("Go (Golang)", "Java 17"; not "node-postgres").
 */
export function itemIsSkill(item: ListItem, occs: readonly Occurrence[]): boolean {
  const covered = new Uint8Array(item.end - item.start);
  for (const o of occs) {
    if (o.lineIndex !== item.lineIndex || o.end <= item.start || o.start >= item.end) continue;
    for (let i = Math.max(o.start, item.start); i < Math.min(o.end, item.end); i++) covered[i - item.start] = 1;
  }
  for (let i = 0; i < covered.length; i++) if (!covered[i] && isAlnumUnitAt(item.text, i)) return false;
  return true;
}

/** The skills these imply, transitively, with themselves: Spring Boot → Spring Framework → Java. */
export function withImplied(ids: Iterable<string>, tax: CompiledTaxonomy): Set<string> {
  const out = new Set<string>();
  const todo = [...ids];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const i of tax.skills.get(id)?.implies ?? []) if (!out.has(i)) todo.push(i);
  }
  return out;
}

/** A CV for frontend or full-stack work: its headline or summary says so ("Full-Stack Developer"). */
export function frontendWork(doc: CvDocument): boolean {
  for (const section of doc.sections) {
    if (section.kind !== "header" && section.kind !== "summary") continue;
    for (let i = section.start; i <= section.end; i++) if (/\b(?:full[- ]?stack|front[- ]?end)\b/i.test(doc.lines[i]!.text)) return true;
  }
  return false;
}

/**
 * A skill a reader does not need to see shown in experience or listed among the skills: an IDE,
 * an operating system, a data format everyone uses, and on a backend CV a frontend framework (one
 * that builds on a browser language without a server runtime: React, Angular, jQuery) or a host
 * for frontend sites (Vercel).
 */
export function isPeripheral(s: { id: string; category: string }, tax: CompiledTaxonomy, data: RulesData, frontendCv: boolean): boolean {
  const p = data.peripheral;
  if (p.categories.has(s.category as never) || p.ids.has(s.id)) return true;
  if (frontendCv) return false;
  if (p.frontendIds.has(s.id)) return true;
  if (s.category !== "frameworks") return false;
  const base = withImplied([s.id], tax);
  let browser = false;
  for (const id of base) {
    if (p.serverRuntimes.has(id)) return false;
    if (p.browserLanguages.has(id)) browser = true;
  }
  return browser;
}

/** A name as a key for comparing wordings: letters, digits, + and # only, in lower case ("SpringData-JPA" → "springdatajpa"). */
const wordingKey = (s: string): string => keepLettersDigits(s.toLowerCase());

/**
 * Listed skills that experience or projects name in a wording the matcher did not take there:
 * run together or hyphenated ("SQLServer", "SpringData-JPA"), singular or plural ("Github Action"
 * for GitHub Actions), or a name that is also an English word ("from Chef to Ansible", "the Packer
 * build"), which the matcher only takes in a skills list. The candidate listed the skill, so their
 * own use of its name is the evidence; a name that is an English word counts only with its capital
 * and inside a sentence (not a line's first word), and names of fewer than three letters only as
 * the matcher finds them. Linear: one map lookup per window of up to four words of each line.
 */
export function namedInWork(a: Analysis, skills: readonly SkillHit[]): Set<string> {
  const byKey = new Map<string, Array<{ id: string; english: boolean }>>();
  for (const s of skills) {
    const english = s.occurrences.some((o) => o.via === "ambiguous");
    const keys = new Set<string>([wordingKey(s.name)]);
    for (const o of s.occurrences) if (o.section === "skills") keys.add(wordingKey(o.form)).add(wordingKey(o.text.replace(/\s*v?\d+(?:\.\d+)*\+?$/, "")));
    for (const k of keys) {
      if (k.length < 3) continue;
      for (const v of [k, k.endsWith("s") ? k.slice(0, -1) : `${k}s`]) {
        const list = byKey.get(v);
        if (list) list.push({ id: s.id, english });
        else byKey.set(v, [{ id: s.id, english }]);
      }
    }
  }
  const out = new Set<string>();
  if (byKey.size === 0) return out;
  const doc = a.doc;
  for (const line of doc.lines) {
    const kind = doc.sections[line.section]!.kind;
    if ((kind !== "experience" && kind !== "projects") || line.kind === "heading") continue;
    const words = letterDigitRuns(line.text);
    for (let i = 0; i < words.length; i++) {
      let key = "";
      for (let j = i; j < Math.min(i + 4, words.length); j++) {
        // Words of one name are joined by at most a space or a hyphen.
        if (j > i && !/^[\s-]?$/.test(line.text.slice(words[j - 1]!.index + words[j - 1]!.text.length, words[j]!.index))) break;
        key += words[j]!.text.toLowerCase();
        const hits = byKey.get(key);
        if (!hits) continue;
        const start = words[i]!.index;
        const end = words[j]!.index + words[j]!.text.length;
        if (partOfLongerToken(line.text, start, end)) continue;
        const capitalised = isUpperUnitAt(line.text, start);
        const inSentence = i > 0 && !/[.!?:]\s*$/.test(line.text.slice(0, start));
        for (const h of hits) if (!h.english || (capitalised && inSentence)) out.add(h.id);
      }
    }
  }
  return out;
}

/** Words by which a candidate says they only know a skill a little. */
const HEDGE = /\b(?:familiar|familiarity|beginner|exposure|exposed|elementary|notions?|basic (?:knowledge|understanding)|some (?:knowledge|experience))\b/i;

/**
 * Whether the skills list already marks a listed skill as one the candidate knows a little: by
 * its group's label ("Familiar: …"), a phrase before it on its line ("Familiar with AWS services –
 * S3, Lambda"), or a qualifier right after it, possibly wrapped onto the next line ("Go (familiar)").
 * Asking for evidence of such a skill repeats what the candidate said.
 */
export function hedged(a: Analysis, o: Occurrence): boolean {
  const item = itemAt(a, o.lineIndex, o.start);
  if (item?.label && HEDGE.test(item.label)) return true;
  const text = a.doc.lines[o.lineIndex]!.text;
  const before = text.slice(0, o.start);
  const open = before.lastIndexOf("(");
  if (HEDGE.test(open > before.lastIndexOf(")") ? before.slice(0, open) : before.replace(/\([^()]*\)/g, ""))) return true;
  let after = text.slice(o.end);
  if (after.trim() === "") after = a.doc.lines[o.lineIndex + 1]?.text ?? "";
  const q = /^[\s\d.+x]*[([]([^)\]]*)[)\]]/.exec(after);
  return q !== null && HEDGE.test(q[1]!);
}

/**
 * Sections that list skills: the skills sections, and the sections of unrecognised kind beside
 * them that name skills. A sidebar that sets each group of its skills list under a heading of its
 * own ("Programming", "Data", "PHP") gives one section per group, and only those whose heading
 * reads as a skills heading are of kind skills; their neighbours in the same run of sections are
 * groups of the same list, not something else.
 */
export function skillListSections(a: Analysis): Set<number> {
  const doc = a.doc;
  const named = new Set<number>();
  for (const s of a.skills) if (s.known) for (const o of s.occurrences) named.add(doc.lines[o.lineIndex]!.section);
  const out = new Set<number>();
  for (let i = 0; i < doc.sections.length; ) {
    if (doc.sections[i]!.kind !== "skills" && doc.sections[i]!.kind !== "other") {
      i++;
      continue;
    }
    let j = i;
    while (j < doc.sections.length && (doc.sections[j]!.kind === "skills" || doc.sections[j]!.kind === "other")) j++;
    let hasSkills = false;
    for (let k = i; k < j; k++) if (doc.sections[k]!.kind === "skills") hasSkills = true;
    for (let k = i; k < j; k++) if (doc.sections[k]!.kind === "skills" || (hasSkills && named.has(k))) out.add(k);
    i = j;
  }
  return out;
}

/** A role's dates: "2012 – 2015", "Mar 2016 – Jul 2016", "03/2019 - present", "2016-06-06 – 2016-10-31"; group 2 is the year it ended. */
const ROLE_DATES = /\b((?:19|20)\d\d)(?:[-/.]\d\d?){0,2}\b[^\d\n]{0,12}?(?:[-–—]|\bto\b|\buntil\b)\s*(?:[A-Za-z]{3,9}\.?\s+|\d{1,2}[/.])?((?:19|20)\d\d|present|now|current|today|ongoing)\b/gi;

/** Whether a line dates a role: a range of years, "Mar 2016 – Jul 2016", "2019 – present". */
export function datesRole(text: string): boolean {
  ROLE_DATES.lastIndex = 0;
  return ROLE_DATES.test(text);
}

/**
 * Lines of experience and projects in roles that ended long ago: more than five years before the
 * CV's latest date (a role still held counts as that date). A line belongs to the role whose
 * dates come last before it in its section; lines before any dates belong to no dated role.
 */
export function staleLines(doc: CvDocument, years = 5): Set<number> {
  const { roleEnd, latest } = roleEnds(doc);
  const out = new Set<number>();
  for (const [lineIndex, end] of roleEnd) if (end < latest - years) out.add(lineIndex);
  return out;
}

/**
 * Lines of experience in a traineeship (a role whose dates, the title lines just above them or
 * the short line right under them name one of `words`: "Software Engineering Intern",
 * "Internship"), when the CV has another role
 * too: a student's CV made of internships has them as its work.
 */
export function traineeLines(doc: CvDocument, words: ReadonlySet<string>): Set<number> {
  const { roleEnd, roleOf } = roleEnds(doc);
  const trainee = new Map<number, boolean>();
  for (const d of new Set(roleOf.values())) {
    if (doc.sections[doc.lines[d]!.section]!.kind !== "experience") continue;
    let found = false;
    for (let i = d; i >= 0 && i >= d - 3 && !found; i--) {
      const line = doc.lines[i]!;
      // The title lines above the dates, up to the last line of the role before.
      if (line.section !== doc.lines[d]!.section || (i < d && (line.kind === "bullet" || datesRole(line.text)))) break;
      found = splitAtNonLetters(line.text.toLowerCase()).some((w) => words.has(w));
    }
    // Or the title set right under the dates, as themes print it ("05/2017 – 08/2018" over
    // "Software Developer Intern"): a short line, no bullet, no sentence.
    const under = doc.lines[d + 1];
    if (!found && under && under.section === doc.lines[d]!.section && under.kind !== "bullet" && under.text.trim().split(/\s+/).length <= 6 && !/[.!?]$/.test(under.text.trim())) {
      found = splitAtNonLetters(under.text.toLowerCase()).some((w) => words.has(w));
    }
    trainee.set(d, found);
  }
  const out = new Set<number>();
  if (![...trainee.values()].some((t) => !t)) return out;
  for (const [lineIndex, d] of roleOf) if (trainee.get(d) && roleEnd.has(lineIndex)) out.add(lineIndex);
  return out;
}

/**
 * Lines of experience in a role that ended before the CV's latest: its dates end with a year
 * ("2019 – 2022") below the latest role's end (a role still held, "2022 – present", is the
 * latest). The latest role is left out even when it has ended: a candidate between jobs may
 * write it either way.
 */
export function endedRoleLines(doc: CvDocument): Set<number> {
  const { roleEnd } = roleEnds(doc);
  let last = 0;
  for (const [lineIndex, end] of roleEnd) if (doc.sections[doc.lines[lineIndex]!.section]!.kind === "experience") last = Math.max(last, end);
  const out = new Set<number>();
  for (const [lineIndex, end] of roleEnd) if (Number.isFinite(end) && end < last && doc.sections[doc.lines[lineIndex]!.section]!.kind === "experience") out.add(lineIndex);
  return out;
}

/**
 * The year each line of experience and projects belongs to a role until (Infinity: still held),
 * for lines after a role's dates in their section; and the CV's latest date (a role still held
 * counts as that date).
 */
function roleEnds(doc: CvDocument): { roleEnd: Map<number, number>; roleOf: Map<number, number>; latest: number } {
  const ends: Array<[number, number]> = [];
  let latest = 0;
  for (const line of doc.lines) {
    const kind = doc.sections[line.section]!.kind;
    if (kind !== "experience" && kind !== "projects") continue;
    let end = 0;
    for (const m of line.text.matchAll(ROLE_DATES)) {
      const y = /^\d/.test(m[2]!) ? Number(m[2]) : Infinity;
      end = Math.max(end, y);
      latest = Math.max(latest, Number(m[1]), Number.isFinite(y) ? y : 0);
    }
    if (end > 0) ends.push([line.index, end]);
  }
  const roleEnd = new Map<number, number>();
  // The line holding the dates of each line's role.
  const roleOf = new Map<number, number>();
  let k = -1;
  let end = Infinity;
  for (const line of doc.lines) {
    while (k + 1 < ends.length && ends[k + 1]![0] <= line.index) end = ends[++k]![1];
    const section = doc.sections[line.section]!;
    // Dates of a role in another section do not reach this one.
    if (k < 0 || doc.lines[ends[k]![0]]!.section !== line.section) continue;
    if (section.kind === "experience" || section.kind === "projects") {
      roleEnd.set(line.index, end);
      roleOf.set(line.index, ends[k]![0]);
    }
  }
  return { roleEnd, roleOf, latest };
}

/** Words of a text (runs of non-spaces). */
const wordCount = (t: string): number => t.split(/\s+/).filter((w) => w !== "").length;

/**
 * The entries of experience (or projects) a coach reads as bullets: the bullets, and in an
 * experience section without any, its prose entries (proseEntries). (A project told in a
 * paragraph is a description, not a list of duties.)
 */
export function entries(doc: CvDocument, ...kinds: SectionKind[]): Block[] {
  const prose = kinds.includes("experience") ? proseEntries(doc, "experience") : [];
  return prose.length === 0 ? bullets(doc, ...kinds) : [...bullets(doc, ...kinds), ...prose].sort((x, y) => x.start - y.start);
}

/**
 * In a section of the given kinds that has no bullet at all, its prose entries, one duty a line or
 * a paragraph ("Ansible AWX rollout and automation." / "Worked on services, written in Go, that
 * …"): a paragraph that ends a sentence or runs to twelve words or more, and starts one (after a
 * heading, a role's short title or dates, or a paragraph that ended a sentence). A line a PDF broke
 * in the middle of a sentence does not start one; role titles, employers and dates are too short,
 * end no sentence, or date the role ("05/'24 - Present").
 */
export function proseEntries(doc: CvDocument, ...kinds: SectionKind[]): Block[] {
  const out: Block[] = [];
  const withBullets = new Set<number>();
  for (const b of doc.blocks) if (b.kind === "bullet") withBullets.add(b.section);
  let prev: Block | undefined;
  for (const b of doc.blocks) {
    const section = doc.sections[b.section]!;
    if (kinds.includes(section.kind) && !withBullets.has(b.section) && b.kind === "paragraph") {
      const text = b.text.trimEnd();
      const words = wordCount(text);
      const ends = /[.!?]["”')]?$/.test(text);
      const before = prev?.text.trimEnd() ?? "";
      const dated = (t: string): boolean => datesRole(t) || /\b(?:present|current|ongoing)\b|[’']\d\d\b/i.test(t);
      const starts =
        !prev || prev.section !== b.section || prev.kind === "heading" || /[.!?]["”')]?$/.test(before) || (wordCount(before) <= 6 && !/[,;:]$/.test(before)) || dated(before);
      if (starts && !dated(text) && ((ends && words >= 4) || words >= 12)) out.push(b);
    }
    prev = b;
  }
  return out;
}

/** Whether a line of the work opens with one of `openers` ("Learned", "Studied", "Exposure to"): it names what the candidate learned, not what they did. */
export function learningLine(text: string, openers: readonly string[]): boolean {
  const t = fromFirstLetter(text).toLowerCase();
  return openers.some((w) => t.startsWith(w) && !isLetterUnitAt(t, w.length));
}
