import { pushAll } from "../arrays.js";
import { readInputFile, parseBytes, DEFAULT_READ_OPTIONS, type ReadOptions } from "../parse/index.js";
import { buildDocument } from "../document/build.js";
import { analyze, slug, type Analysis } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { Skill } from "../taxonomy/load.js";
import type { Occurrence } from "../match/matcher.js";
import type { CvDocument } from "../types.js";
import { hasControls, neutralizeControls } from "../parse/controls.js";
import { CvlintError } from "../errors.js";
import { getTaxonomy } from "../taxonomy/index.js";
import { jobCues, type JobCues } from "./cues.js";
import { namedCandidates, namedVariants } from "./named.js";
import { isOrdinaryWord } from "../taxonomy/words.js";
import { hasLetter } from "../match/scan.js";
import { labelKind, readStructure, type Context, type Part, type Structure } from "./structure.js";

/**
 * How much a posting asks for a skill: required; preferred ("a plus", "nice to have"); or part
 * of the team's stated stack ("our stack", "what we build with"), which is context, not a demand.
 */
export type Level = "required" | "preferred" | "stack";

/** technical: a technology or practice; soft: a soft skill; domain: knowledge of a business area ("payment systems"). */
export type RequirementCategory = "technical" | "soft" | "domain";

/** What decided a requirement's level. */
export interface Cue {
  /** heading: the section it is in; label: a line such as "Nice to have:"; phrase: words of its own clause; title: the job title; text: the posting's running text. */
  by: "heading" | "label" | "phrase" | "title" | "text";
  /** The heading, label or phrase as the posting writes it. */
  text: string;
}

/** One thing a posting asks for: a skill, or alternatives of which any will do ("Java or Kotlin"). */
export interface Requirement {
  /** As a reader would say it: "Java or Kotlin". */
  name: string;
  /** Taxonomy ids; a requirement outside the taxonomy has "other:<slug>" (as unknown CV items do). */
  ids: string[];
  names: string[];
  level: Level;
  category: RequirementCategory;
  /** Where the posting says it: 1-based line and column in the posting (for PDF and DOCX, in the text cvlint read). */
  line: number;
  column: number;
  /** Why it got its level, in words: "section \"Requirements\"", "\"is a plus\"". */
  reason: string;
  cue: Cue;
  /** Several skills of which any meets it: alternatives ("Java or Kotlin") or examples of one requirement ("databases, e.g. MySQL"). */
  anyOf: "alternatives" | "examples" | null;
  /** For examples: the requirement they illustrate ("Database design"), when the posting names one. */
  head?: string;
  /** For requirements outside the taxonomy: the spellings a CV is searched for, by id. */
  variants?: Record<string, string[]>;
  /** At the stack level: stated as the team's stack in a section of its own or in a phrase ("we use …"), not only named while describing the work. */
  stated?: "section" | "phrase";
}

export interface JobPosting {
  file: string;
  doc: CvDocument;
  analysis: Analysis;
  /** Every requirement, at all three levels. */
  requirements: Requirement[];
}

/**
 * Read a posting (text, Markdown, PDF or DOCX) and extract what it requires, what it only
 * prefers, and the stack it states. The taxonomy defaults to the built-in one; `bytes` reads the
 * posting from memory (stdin) instead of the file.
 */
export async function readPosting(file: string, tax: CompiledTaxonomy = getTaxonomy(), opts: ReadOptions = DEFAULT_READ_OPTIONS, bytes?: Uint8Array): Promise<JobPosting> {
  let data = bytes;
  try {
    data ??= await readInputFile(file, opts);
    const source = await parseBytes(data, file, opts);
    // Escape sequences and control characters are no words of the posting: blanked (columns kept)
    // before its requirements are read, their parameters ("2J", "0m") are not read as requirements,
    // nor "\x1b[31mPostgreSQL" as "31mPostgreSQL".
    const parsed = source.parsed.lines.some((l) => hasControls(l.text)) ? { ...source.parsed, lines: source.parsed.lines.map((l) => (hasControls(l.text) ? { ...l, text: neutralizeControls(l.text) } : l)) } : source.parsed;
    const doc = buildDocument(file, source.format, parsed, "job");
    const analysis = analyze(doc, tax, "job");
    return { file, doc, analysis, requirements: extractRequirements(analysis, tax) };
  } catch (err) {
    if (err instanceof CvlintError) throw new CvlintError(err.code, `job posting ${file}: ${err.message}`);
    throw err;
  }
}

interface Decision {
  level: Level;
  cue: Cue;
  /** A stack the team states in a section of its own ("Tech stack") or in a phrase ("we use"), as opposed to the work's description. */
  stated?: "section" | "phrase";
}

/** A skill (or a requirement outside the taxonomy) named in a segment, with its place there. */
interface Item {
  id: string;
  name: string;
  category: RequirementCategory;
  /** The taxonomy category, for telling "Kotlin/Spring Boot" (both) from "PostgreSQL/MySQL" (either). */
  kind: string;
  from: number;
  to: number;
  line: number;
  column: number;
  variants?: string[];
  decision?: Decision;
  grouped?: boolean;
}

interface Scope {
  from: number;
  to: number;
  parent: Scope | null;
  decision: Decision | null;
  own: boolean;
}

const RANK: Record<Level, number> = { required: 3, preferred: 2, stack: 1 };

/** The words before a dot that do not end a sentence ("e.g.", "etc.", an initial). */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|vs|incl|esp|approx|ex|sr|jr|no|min|max|ca|resp|dept|inc|ltd)|(?:^|\s)[A-Za-z])$/i;
const CONJUNCTION = /\s(?:but|while|whereas|although|though)\s/gi;
const BARE_REQUIRED = /\b(?:required|must|mandatory|essential)\b/i;
const AND_SEP = /(?:^|[\s(])(?:and|as well as|plus|y|und)(?=[\s)]|$)|&/i;
const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /\w/.test(w)).length;

/** Clauses of a segment: sentences, semicolons, "but"/"while" parts. */
function clauseRanges(text: string): Array<[number, number]> {
  const cuts = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === "." || c === ";" || c === "!" || c === "?") && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      if (c === "." && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i))) continue;
      cuts.add(i + 1);
    }
  }
  for (const m of text.matchAll(CONJUNCTION)) cuts.add(m.index);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > start && text.slice(start, cut).trim()) out.push([start, cut]);
    start = cut;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

/** "Strong Python required, Django is a plus": a clause with both kinds of cue is cut at the comma between them. */
function splitMixed(text: string, [from, to]: [number, number], cues: JobCues): Array<[number, number]> {
  const own = text.slice(from, to);
  const pref = cues.preferred.exec(own);
  const req = BARE_REQUIRED.exec(own);
  if (!pref || !req || (req.index >= pref.index && req.index < pref.index + pref[0].length)) return [[from, to]];
  const [a, b] = pref.index < req.index ? [pref.index + pref[0].length, req.index] : [req.index + req[0].length, pref.index];
  const comma = own.slice(a, b).lastIndexOf(",");
  if (comma < 0) return [[from, to]];
  const cut = from + a + comma + 1;
  return [
    [from, cut],
    [cut, to],
  ];
}

/** Parentheses nested deeper than this are read as plain text (a posting nests one or two). */
const MAX_DEPTH = 6;

/**
 * The parenthesised scopes of a clause (nested ones too, up to MAX_DEPTH; an unclosed one runs to
 * the clause's end), with the lookups the extraction makes for each skill in logarithmic time.
 */
class Scopes {
  /** In the order they open. */
  readonly parens: Scope[] = [];
  private readonly children = new Map<Scope, Scope[]>();

  constructor(
    private readonly text: string,
    readonly clause: Scope,
  ) {
    const open: Scope[] = [];
    let skipped = 0;
    for (let i = clause.from; i < clause.to; i++) {
      const c = text.charCodeAt(i);
      if (c === 40 || c === 91) {
        if (open.length >= MAX_DEPTH) {
          skipped++;
          continue;
        }
        const parent = open[open.length - 1] ?? clause;
        const sc: Scope = { from: i + 1, to: clause.to, parent, decision: null, own: false };
        open.push(sc);
        this.parens.push(sc);
        const kids = this.children.get(parent);
        if (kids) kids.push(sc);
        else this.children.set(parent, [sc]);
      } else if (c === 41 || c === 93) {
        if (skipped > 0) skipped--;
        else if (open.length) open.pop()!.to = i;
      }
    }
  }

  /** The innermost scope that holds a place. */
  at(pos: number): Scope {
    let lo = 0;
    let hi = this.parens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.parens[mid]!.from <= pos) lo = mid + 1;
      else hi = mid;
    }
    let sc: Scope | null = lo > 0 ? this.parens[lo - 1]! : this.clause;
    while (sc && sc !== this.clause && !(sc.from <= pos && pos < sc.to)) sc = sc.parent;
    return sc ?? this.clause;
  }

  /** Whether a scope holds a place, in it or in a parenthesis nested in it. */
  holds(scope: Scope, pos: number): boolean {
    for (let sc: Scope | null = this.at(pos); sc; sc = sc.parent) if (sc === scope) return true;
    return false;
  }

  /** A scope's own text: its nested parentheses blanked out, so their cues stay theirs. */
  own(sc: Scope): string {
    let out = "";
    let at = sc.from;
    for (const kid of this.children.get(sc) ?? []) {
      out += this.text.slice(at, kid.from - 1) + " ".repeat(kid.to - kid.from + 2);
      at = kid.to + 1;
    }
    if (at < sc.to) out += this.text.slice(at, sc.to);
    return out.slice(0, sc.to - sc.from);
  }
}

/** The decision a scope's own cue or the nearest enclosing one gives. */
function decisionOf(sc: Scope): Decision | null {
  let s: Scope | null = sc;
  while (s && !s.own && s.parent) s = s.parent;
  return s ? s.decision : null;
}

/** The first index of sorted items whose start is at or after `pos`. */
function firstFrom(items: Item[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.from < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The level a clause's own words give it, if any. */
function cueIn(text: string, ctx: Context | "title", cues: JobCues): Decision | null {
  // One space between words, as the cue tables write them.
  const own = text.replace(/\s+/g, " ");
  const phrase = (level: Level, m: RegExpExecArray | string): Decision => ({ level, cue: { by: "phrase", text: (typeof m === "string" ? m : m[0]).trim() }, ...(level === "stack" ? { stated: "phrase" as const } : {}) });
  const pref = cues.preferred.exec(own);
  if (pref) return phrase("preferred", pref);
  const need = cues.teamNeeds.exec(own);
  const subject = cues.teamSubject.exec(own);
  const stack = cues.stack.exec(own);
  const req = cues.required.exec(own);
  // Benefits and how to apply ask for nothing, unless a clause there asks the candidate for a
  // skill ("If you have strong skills in PHP, send us …"; not "your profile, if you have one").
  if (ctx === "ignored") {
    const asks = /\b(?:skills?|experience|knowledge|background|expertise|proficiency) (?:in|with|of)\b/i.exec(own);
    return asks && /\b(?:you|your|candidate)\b/i.test(own) && !subject ? phrase("required", asks) : null;
  }
  if (ctx === "required" || ctx === "preferred") return (subject || stack) && !need && !req ? phrase("stack", stack ?? subject!) : null;
  if (need) return phrase("required", need);
  if (stack || subject) return phrase("stack", stack ?? subject!);
  if (req) return phrase("required", req);
  return null;
}

function defaultDecision(ctx: Context | "title", heading: string | null, label: boolean, titleText: string): Decision | null {
  const by: Cue["by"] = label ? "label" : "heading";
  switch (ctx) {
    case "title":
      return { level: "required", cue: { by: "title", text: titleText } };
    case "required":
      return { level: "required", cue: { by, text: heading ?? "" } };
    case "preferred":
      return { level: "preferred", cue: { by, text: heading ?? "" } };
    case "stack":
      return { level: "stack", cue: { by, text: heading ?? "" }, stated: "section" };
    case "context":
      return { level: "stack", cue: heading ? { by, text: heading } : { by: "text", text: "the introduction" } };
    case "prose":
      return { level: "required", cue: { by: "text", text: "the posting's text" } };
    default:
      return null;
  }
}

/** A clause as a cue: trimmed, and cut after 80 characters. */
function shorten(clause: string): string {
  const t = clause.trim().replace(/[.;:,]$/, "");
  return t.length > 80 ? `${t.slice(0, 79).trimEnd()}…` : t;
}

/** The reason in words, for the reader (and the JSON's `reason`). */
export function reasonOf(level: Level, cue: Cue): string {
  if (cue.by === "phrase") return `"${cue.text}"`;
  if (cue.by === "title") return "the job title";
  if (cue.by === "text") return cue.text;
  const where = cue.by === "label" ? `label "${cue.text}"` : `section "${cue.text}"`;
  return level === "stack" && cue.by === "heading" ? `mentioned in ${where.replace(/^section /, "")}` : where;
}

/**
 * Required, preferred or stack, for each skill the posting names; examples and alternatives as
 * single requirements; and the requirements outside the taxonomy it names in whole phrases.
 *
 * A skill's level comes from the nearest cue: its own parenthesis, then its clause ("Redis is a
 * plus"; "we use Kafka"; "you have Go"), then a label line or its section (Requirements, Nice to
 * have, Tech stack), then the posting's kind of text: what the introduction, the responsibilities
 * or the company's description name is the team's stack when the posting has requirement
 * sections, and required when it has none (a prose posting). Benefits are ignored.
 */
export function extractRequirements(a: Analysis, tax: CompiledTaxonomy = getTaxonomy(), cues: JobCues = jobCues()): Requirement[] {
  const doc = a.doc;
  const st = readStructure(doc);
  const occByLine = new Map<number, Occurrence[]>();
  const hitOf = new Map(a.skills.map((h) => [h.id, h]));
  for (const h of a.skills) {
    if (!h.known) continue;
    for (const o of h.occurrences) {
      const list = occByLine.get(o.lineIndex);
      if (list) list.push(o);
      else occByLine.set(o.lineIndex, [o]);
    }
  }
  const reqs: Requirement[] = [];
  const promotions: Decision[] = [];
  /** Per bullet block, the decision its own words gave it: nested bullets inherit it. */
  const blockCue = new Map<number, Decision>();
  const parents = parentBullets(doc);
  const titleText = st.title !== null ? doc.lines[st.title]!.text.trim() : "";
  const columns = tableColumns(doc);
  for (const block of doc.blocks) {
    // A table row under a header of levels ("Must have | Nice to have"): each cell on its own.
    const cells = columns.get(block.start);
    if (cells && block.start === block.end) {
      for (const c of cells) readSegment([{ i: block.start, from: c.from, to: c.to }], block.index, c.part ?? undefined);
      continue;
    }
    let seg: Span[] = [];
    const flush = () => {
      if (seg.length) readSegment(seg, block.index);
      seg = [];
    };
    for (let i = block.start; i <= block.end; i++) {
      if (st.labels.has(i)) flush();
      else seg.push({ i, from: 0, to: doc.lines[i]!.text.length });
    }
    flush();
  }

  function readSegment(spans: Span[], blockIndex: number, cellPart?: Part): void {
    const first = spans[0]!.i;
    const part = cellPart ?? st.parts[first]!;
    const ctx: Context | "title" = first === st.title && !cellPart ? "title" : part.context;
    const label = part.headingLine !== null && st.labels.has(part.headingLine);
    let fallback = defaultDecision(ctx, part.heading, label, titleText);
    const parent = parents[blockIndex];
    if (parent !== undefined && blockCue.has(parent)) fallback = blockCue.get(parent)!;
    // The segment's text, and for each line the offset that maps its columns into it.
    const base = new Map<number, number>();
    let text = "";
    for (const sp of spans) {
      base.set(sp.i, text.length - sp.from);
      text += `${doc.lines[sp.i]!.text.slice(sp.from, sp.to)} `;
    }
    text = text.slice(0, -1);
    let items: Item[] = [];
    for (const sp of spans) {
      for (const o of occByLine.get(sp.i) ?? []) {
        if (o.start < sp.from || (o.spill ? false : o.end > sp.to)) continue;
        const skill = hitOf.get(o.skillId)!;
        const from = base.get(sp.i)! + o.start;
        const to = o.spill && base.has(o.spill.lineIndex) ? base.get(o.spill.lineIndex)! + o.spill.end : base.get(sp.i)! + o.end;
        items.push({ id: skill.id, name: skill.name, category: skill.category === "soft-skills" ? "soft" : "technical", kind: skill.category, from, to, line: o.line, column: o.column });
      }
    }
    items = dropDescriptors(items, text, tax);
    /** The posting's line and column of a place in the segment's text. */
    const placeAt = (pos: number): { line: number; column: number } => {
      let line = first;
      for (const sp of spans) if (base.get(sp.i)! + sp.from <= pos) line = sp.i;
      const l = doc.lines[line]!;
      return { line: l.pos.line, column: l.cols[pos - base.get(line)!] ?? l.pos.column };
    };
    items = withSharedHeads(items, text, tax, placeAt);
    let lastDecision: Decision | null = null;
    let next = 0; // the first item not yet in a clause (items are in text order)
    for (const range of clauseRanges(text).flatMap((r) => splitMixed(text, r, cues))) {
      const clause: Scope = { from: range[0], to: range[1], parent: null, decision: null, own: false };
      const scopes = new Scopes(text, clause);
      const own = cueIn(scopes.own(clause), ctx, cues);
      clause.decision = own ?? fallback;
      clause.own = own !== null;
      for (const p of scopes.parens) {
        const mine = cueIn(scopes.own(p), ctx, cues);
        p.own = mine !== null && mine.level !== "stack";
        p.decision = p.own ? mine : null;
      }
      while (next < items.length && items[next]!.from < clause.from) next++;
      const inClause: Item[] = [];
      while (next < items.length && items[next]!.from < clause.to) inClause.push(items[next++]!);
      // Requirements outside the taxonomy, where the clause asks for something.
      const known: Array<[number, number]> = inClause.map((it) => [it.from, it.to]);
      // A list item, or a table cell under a header of levels, that is one phrase.
      const whole = (doc.blocks[blockIndex]!.kind === "bullet" || cellPart !== undefined) && clause.from === 0 && clause.to >= text.trimEnd().length;
      /** The product a parenthesis details, and the taxonomy skill "<product> <name>" if there is one. */
      const partOf = (c: { name: string }, scope: Scope): Skill | undefined => {
        if (scope === clause) return undefined;
        const k = firstFrom(inClause, scope.from) - 1;
        const host = k >= 0 ? inClause[k] : undefined;
        if (!host || host.to > scope.from - 1 || !/^\s*$/.test(text.slice(host.to, scope.from - 1))) return undefined;
        const written = text.slice(host.from, host.to);
        for (const product of [written, written.split(/\s+/).pop()!, host.name]) {
          const skill = listedSkill(`${product} ${c.name}`, tax);
          if (skill) return skill;
        }
        return undefined;
      };
      const mine = [...inClause];
      for (const c of namedCandidates(text, clause.from, clause.to, known, whole, cues, tax)) {
        const where = scopes.at(c.from);
        const d = decisionOf(where);
        if (!d || d.level === "stack" || !slug(c.name)) continue;
        // An ambiguous name in a list of skills is the skill ("Play" beside Spring and Struts), and
        // a name in a product's parenthesis may be a part of it ("Microsoft Azure (App Service, Functions)").
        const skill = listedSkill(c.name, tax) ?? partOf(c, where);
        if (skill) mine.push({ id: skill.id, name: skill.name, category: skill.category === "soft-skills" ? "soft" : "technical", kind: skill.category, from: c.from, to: c.to, ...placeAt(c.from) });
        else if (!c.onlyAsSkill) mine.push({ id: `other:${slug(c.name)}`, name: c.name, category: c.category, kind: "other", from: c.from, to: c.to, ...placeAt(c.from), variants: namedVariants(c.name) });
      }
      mine.sort((x, y) => x.from - y.from);
      // How many items each parenthesis holds, nested ones included.
      const held = new Map<Scope, number>();
      for (const it of mine) {
        const where = scopes.at(it.from);
        it.decision = decisionOf(where) ?? undefined;
        for (let sc: Scope | null = where; sc && sc !== clause; sc = sc.parent) held.set(sc, (held.get(sc) ?? 0) + 1);
      }
      // A parenthesis that holds only a cue ("Kubernetes (a big plus)") speaks of what comes just
      // before it; one that holds a cue and a kind of it ("Automated testing (ideally
      // property-based)") asks for that kind at its own level ("property-based testing").
      const added: Item[] = [];
      for (const p of scopes.parens) {
        if (!p.own || held.has(p)) continue;
        const host = p.parent!;
        const k = firstFrom(mine, p.from) - 1;
        const rest = scopes.own(p).replace(cues.preferred, " ").replace(cues.required, " ").trim();
        if (hasLetter(rest)) {
          const prev = k >= 0 ? mine[k] : undefined;
          if (!prev || prev.to > p.from - 1 || !/^\s*$/.test(text.slice(prev.to, p.from - 1))) continue;
          if (!/^\p{L}+(?:-\p{L}+)+$/u.test(rest) || isOrdinaryWord(rest)) continue;
          const name = `${rest} ${text.slice(prev.from, prev.to).split(/\s+/).pop()!.toLowerCase()}`;
          const kind = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
          added.push({ id: `other:${slug(kind)}`, name: kind, category: "technical", kind: "other", from: p.from, to: p.to, ...placeAt(p.from), variants: namedVariants(kind), decision: p.decision! });
          continue;
        }
        // What it speaks of: back to the last comma or semicolon before it (a few words, not the clause).
        const start = Math.max(host.from, p.from - 200);
        const before = text.slice(start, p.from - 1);
        const sep = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"));
        const from = sep >= 0 ? start + sep + 1 : start === host.from ? host.from : p.from - 1;
        for (let j = k; j >= 0 && mine[j]!.from >= from; j--) if (mine[j]!.to <= p.from) mine[j]!.decision = p.decision!;
      }
      if (added.length) {
        pushAll(mine, added);
        mine.sort((x, y) => x.from - y.from);
      }
      const decided = mine.filter((it) => it.decision);
      // A demand that points at the stated stack ("familiarity with the tools we use (see below)").
      const clauseDecision = clause.decision;
      if (clauseDecision && clauseDecision.level !== "stack" && decided.length === 0 && ctx !== "context" && ctx !== "stack") {
        const ref = cues.stackReference.exec(text.slice(clause.from, clause.to));
        if (ref) promotions.push({ level: clauseDecision.level, cue: { by: "phrase", text: shorten(text.slice(clause.from, clause.to)) } });
      }
      for (const g of groupItems(decided, text, scopes, cues)) reqs.push(toRequirement(g.items, g.anyOf, g.head));
      if (clause.own && clause.decision) lastDecision = clause.decision;
    }
    if (lastDecision && doc.blocks[blockIndex]!.kind === "bullet") blockCue.set(blockIndex, lastDecision);
  }

  let merged = merge(reqs);
  if (promotions.length) {
    const p = promotions[0]!;
    // The stack a section states, when there is one ("see below"), else the one phrases state.
    const stated = merged.some((r) => r.level === "stack" && r.stated === "section") ? "section" : "phrase";
    for (const r of merged) if (r.level === "stack" && r.stated === stated) Object.assign(r, { level: p.level, cue: p.cue, reason: reasonOf(p.level, p.cue) });
    merged = merge(merged);
  }
  // In the posting's order.
  return merged.sort((x, y) => x.line - y.line || x.column - y.column);
}

/**
 * "Git version control", "Kafka messaging": a concept of the product's own kind right after it
 * describes the product and is not asked for apart. And a name inside a longer one is that one's.
 */
function dropDescriptors(items: Item[], text: string, tax: CompiledTaxonomy): Item[] {
  items.sort((x, y) => x.from - y.from || y.to - x.to);
  // "AWS Lambda", "Azure Service Bus": the product asked for, not also its platform (which it
  // implies): a skill named only within another's words is not a requirement of its own.
  const out: Item[] = [];
  let reach = -1; // the farthest end of a kept item so far, and where that item starts
  let reachFrom = -1;
  for (const it of items) {
    const inside = it.to <= reach && reach - reachFrom > it.to - it.from;
    if (inside) continue;
    out.push(it);
    if (it.to > reach) {
      reach = it.to;
      reachFrom = it.from;
    }
  }
  return out.filter((b, k) => {
    const a = out[k - 1];
    return !(a && tax.lexicon.concepts.has(b.id) && !tax.lexicon.concepts.has(a.id) && a.kind === b.kind && /^\s+$/.test(text.slice(a.to, b.from)));
  });
}

/** A word of a list, or a mark between its words. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#.-]*|[^\s\p{L}\p{N}]/gu;
const COORDINATOR = /^(?:,|&|\/|and|or)$/i;
const MAX_SHARERS = 5;

/**
 * "unit, integration and e2e tests", "unit and integration testing", "front-end and back-end
 * development": words joined by commas, "and", "or", "&" or "/" before a skill of two or more words
 * share its last word. Each that makes a taxonomy skill with it ("unit tests") is asked for too,
 * at its own place; words that make none ("fast and reliable tests") are left alone.
 */
function withSharedHeads(items: Item[], text: string, tax: CompiledTaxonomy, placeAt: (pos: number) => { line: number; column: number }): Item[] {
  const added: Item[] = [];
  // Whether a word before items[j] is part of a skill named there (items are in text order, and
  // a skill's name is short: only the few items just before are looked at).
  const taken = (j: number, from: number, to: number) => {
    for (let k = j - 1; k >= 0 && items[k]!.from > from - 200; k--) if (items[k]!.from < to && from < items[k]!.to) return true;
    return false;
  };
  for (let j = 0; j < items.length; j++) {
    const it = items[j]!;
    const words = text.slice(it.from, it.to).split(/\s+/);
    if (words.length < 2) continue;
    const head = words[words.length - 1]!.toLowerCase();
    const start = Math.max(0, it.from - 160);
    const tokens = [...text.slice(start, it.from).matchAll(TOKEN)].map((m) => ({ t: m[0], from: start + m.index, to: start + m.index + m[0].length }));
    // Back from the skill: coordinators (", and" is one), then a word, then again.
    let k = tokens.length - 1;
    for (let n = 0; n < MAX_SHARERS; n++) {
      let joined = false;
      while (k >= 0 && COORDINATOR.test(tokens[k]!.t)) {
        joined = true;
        k--;
      }
      const w = tokens[k];
      if (!joined || !w || !hasLetter(w.t) || COORDINATOR.test(w.t) || taken(j, w.from, w.to)) break;
      const skill = listedSkill(`${w.t} ${head}`, tax);
      if (skill && skill.id !== it.id) added.push({ id: skill.id, name: skill.name, category: skill.category === "soft-skills" ? "soft" : "technical", kind: skill.category, from: w.from, to: w.to, ...placeAt(w.from) });
      k--;
    }
  }
  if (!added.length) return items;
  return [...items, ...added].sort((x, y) => x.from - y.from);
}

let qualified: Map<string, Skill> | undefined;
let qualifiedFor: CompiledTaxonomy | undefined;

/** A taxonomy skill spelled as the item, or as the item and "framework" ("Play" for "Play Framework"). */
function listedSkill(name: string, tax: CompiledTaxonomy): Skill | undefined {
  if (qualifiedFor !== tax) {
    qualified = new Map();
    qualifiedFor = tax;
    for (const { form, skill } of tax.forms) {
      if (!qualified.has(form)) qualified.set(form, skill);
      const words = form.split(" ");
      if (words.length === 2 && words[1] === "framework" && !qualified.has(words[0]!)) qualified.set(words[0]!, skill);
    }
  }
  return qualified!.get(name.toLowerCase());
}

/** A part of a line: a whole line, or a table cell. */
interface Span {
  i: number;
  from: number;
  to: number;
}

/**
 * Tables whose header row names levels ("Must have | Nice to have", "Requirements | Bonus"): for
 * each row below it, its cells and the part each cell's column gives (null for a column the
 * header does not name, such as a column of labels: its cells keep the section's part).
 */
function tableColumns(doc: CvDocument): Map<number, Array<{ from: number; to: number; part: Part | null }>> {
  const out = new Map<number, Array<{ from: number; to: number; part: Part | null }>>();
  const cellsOf = (text: string) => {
    const cells: Array<{ from: number; to: number; text: string }> = [];
    let from = 0;
    for (const m of text.matchAll(/ \| /g)) {
      cells.push({ from, to: m.index, text: text.slice(from, m.index) });
      from = m.index + 3;
    }
    cells.push({ from, to: text.length, text: text.slice(from) });
    return cells;
  };
  for (let i = 0; i < doc.lines.length; i++) {
    const head = doc.lines[i]!;
    if (head.kind !== "table-row" || doc.lines[i - 1]?.kind === "table-row") continue;
    const parts = cellsOf(head.text).map((c) => {
      const kind = labelKind(`${c.text.trim()}:`);
      return kind === "requirements" || kind === "nice-to-have" || kind === "stack" ? kind : null;
    });
    if (!parts.some(Boolean)) continue;
    for (let j = i + 1; j < doc.lines.length && doc.lines[j]!.kind === "table-row"; j++) {
      const cells = cellsOf(doc.lines[j]!.text);
      out.set(
        j,
        cells.map((c, k) => ({
          from: c.from,
          to: c.to,
          part: parts[k] ? { context: parts[k] === "requirements" ? "required" : parts[k] === "nice-to-have" ? "preferred" : "stack", heading: cellsOf(head.text)[k]!.text.trim(), headingLine: i } : null,
        })),
      );
    }
  }
  return out;
}

/** For each nested bullet block, the bullet it hangs from (one pass, with a stack of open levels). */
function parentBullets(doc: CvDocument): Array<number | undefined> {
  const out: Array<number | undefined> = [];
  let stack: number[] = [];
  let section = -1;
  for (const b of doc.blocks) {
    if (b.kind !== "bullet" || b.section !== section) stack = [];
    section = b.section;
    if (b.kind !== "bullet") continue;
    const level = b.level ?? 1;
    while (stack.length && (doc.blocks[stack[stack.length - 1]!]!.level ?? 1) >= level) stack.pop();
    if (level > 1 && stack.length) out[b.index] = stack[stack.length - 1];
    stack.push(b.index);
  }
  return out;
}

function toRequirement(items: Item[], anyOf: Requirement["anyOf"], head: Item | undefined): Requirement {
  const seen = new Set<string>();
  const unique = items.filter((it) => !seen.has(it.id) && seen.add(it.id));
  const d = items[0]!.decision!;
  const category: RequirementCategory = unique.every((it) => it.category === "soft") ? "soft" : unique.some((it) => it.category === "domain") && unique.every((it) => it.category !== "technical") ? "domain" : "technical";
  const variants = unique.filter((it) => it.variants).map((it) => [it.id, it.variants!] as const);
  return {
    name: unique.map((it) => it.name).join(" or "),
    ids: unique.map((it) => it.id),
    names: unique.map((it) => it.name),
    level: d.level,
    category,
    line: items[0]!.line,
    column: items[0]!.column,
    reason: reasonOf(d.level, d.cue),
    cue: d.cue,
    anyOf: unique.length > 1 ? anyOf ?? "alternatives" : null,
    ...(head && unique.length > 1 ? { head: head.name } : {}),
    ...(variants.length ? { variants: Object.fromEntries(variants) } : {}),
    ...(d.level === "stack" && d.stated ? { stated: d.stated } : {}),
  };
}

interface Group {
  items: Item[];
  anyOf: Requirement["anyOf"];
  head?: Item;
}

/**
 * Examples and alternatives of one clause as single requirements:
 * - "database design (e.g. MySQL, Postgres)", "databases such as PostgreSQL, Redis": the examples
 *   and what they illustrate;
 * - "CI/CD (GitLab, GitHub, Jenkins or similar)", "scripting languages (Python, Ruby, Bash)": a
 *   parenthesised list and the skill it details;
 * - "Hadoop, Spark, Kafka, etc.": a list that ends in "etc.";
 * - "Kotlin, Java or Scala", "one of PHP, Java (or Kotlin or Scala), or Ruby", "RabbitMQ o Kafka",
 *   "PostgreSQL/MySQL": alternatives ("Kotlin/Spring Boot", a language and its framework, asks for both).
 * Only skills at the same level join.
 */
function groupItems(items: Item[], text: string, scopes: Scopes, cues: JobCues): Group[] {
  const clause = scopes.clause;
  const groups: Group[] = [];
  const sep = (x: Item, y: Item): string => text.slice(x.to, y.from);
  const listed = (x: Item, y: Item): boolean => x.decision?.level === y.decision?.level && cues.listSep.test(sep(x, y));
  const free = () => items.filter((it) => !it.grouped);
  const take = (g: Item[], anyOf: Requirement["anyOf"], head?: Item) => {
    for (const it of g) it.grouped = true;
    groups.push({ items: g, anyOf, ...(head ? { head } : {}) });
  };
  const scopeOf = (pos: number): Scope => scopes.at(pos);
  /** The list that starts at `start` (within a few words of `at`), in `scope` ("PHP, Java (or Kotlin or Scala), or Ruby" runs through its parenthesis). */
  const listFrom = (at: number, scope: Scope, maxGap: number): Item[] => {
    const list: Item[] = [];
    for (let j = firstFrom(items, at); j < items.length; j++) {
      const it = items[j]!;
      if (it.from >= scope.to) break;
      if (it.grouped || it.to > scope.to || !scopes.holds(scope, it.from)) continue;
      if (list.length === 0) {
        const gap = text.slice(at, it.from);
        if (wordCount(gap) > maxGap || /[.;:]/.test(gap)) return [];
      } else if (!listed(list[list.length - 1]!, it)) break;
      list.push(it);
    }
    return list;
  };
  /** The item just before `at` in `scope` that a list after it details (a few items back at most). */
  const headBefore = (at: number, scope: Scope, maxGap: number): Item | undefined => {
    let h: Item | undefined;
    for (let j = firstFrom(items, at) - 1, seen = 0; j >= 0 && seen < 50; j--, seen++) {
      const it = items[j]!;
      if (it.from < scope.from) break;
      if (!it.grouped && it.to <= at && scopeOf(it.from) === scope) {
        h = it;
        break;
      }
    }
    if (!h) return undefined;
    const gap = text.slice(h.to, at);
    return wordCount(gap) <= maxGap && !/[,;:.]/.test(gap) ? h : undefined;
  };
  // Examples: "e.g.", "such as", "like", "including".
  for (const m of text.slice(clause.from, clause.to).matchAll(cues.examples)) {
    const cs = clause.from + m.index;
    const ce = cs + m[0].length;
    const scope = scopeOf(cs);
    const examples = listFrom(ce, scope, 3);
    if (examples.length === 0) continue;
    const atOpen = scope !== clause && text.slice(scope.from, cs).trim() === "";
    const head = atOpen ? headBefore(scope.from - 1, scope.parent ?? clause, 3) : headBefore(cs, scope, 3);
    const g = head && head.decision?.level === examples[0]!.decision?.level ? [head, ...examples] : examples;
    take(g, "examples", head && g[0] === head ? head : undefined);
  }
  // A parenthesised list: "CI/CD (GitLab, GitHub, Jenkins or similar)", "(Python, Ruby, Bash)".
  const byScope = new Map<Scope, Item[]>();
  for (const it of items) {
    const sc = scopeOf(it.from);
    const list = byScope.get(sc);
    if (list) list.push(it);
    else byScope.set(sc, [it]);
  }
  for (const p of scopes.parens) {
    const inside = (byScope.get(p) ?? []).filter((it) => !it.grouped);
    // "Java (or Kotlin or Scala)": alternatives of the list around it, read with it below.
    if (inside.length === 0 || cues.orJoin.test(text.slice(p.from, inside[0]!.from))) continue;
    const list = listFrom(p.from, p, 2);
    if (list.length !== inside.length) continue;
    if (list.slice(1).some((it, k) => AND_SEP.test(sep(list[k]!, it)))) continue; // "Python (Django and Flask)": all of them
    const head = headBefore(p.from - 1, p.parent ?? clause, 2);
    if (head && head.decision?.level === list[0]!.decision?.level) take([head, ...list], "examples", head);
    else for (const g of alternatives(list, sep, cues)) take(g, g.length > 1 ? "alternatives" : null);
  }
  // "one of …", "any of …", "either …".
  for (const m of text.slice(clause.from, clause.to).matchAll(new RegExp(cues.oneOf.source, "gi"))) {
    const at = clause.from + m.index + m[0].length;
    const list = listFrom(at, scopeOf(at), 2);
    if (list.length >= 2) take(list, "alternatives");
  }
  // Runs of listed items: "…, etc." makes one requirement of them; otherwise alternatives by their joins.
  const rest = free();
  const runs: Item[][] = [];
  for (const it of rest) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && listed(prev, it)) run.push(it);
    else runs.push([it]);
  }
  for (const run of runs) {
    const last = run[run.length - 1]!;
    if (run.length >= 2 && /^\s*(?:,\s*)?etc\b/i.test(text.slice(last.to))) {
      take(run, "examples");
      continue;
    }
    for (const g of alternatives(run, sep, cues)) take(g, g.length > 1 ? "alternatives" : null);
  }
  return groups.sort((x, y) => x.items[0]!.from - y.items[0]!.from);
}

/** "Kotlin/Spring Boot", "Python/Django", ".NET/C#": a language and a framework, both asked for (not a choice). */
function languageAndFramework(a: Item, b: Item): boolean {
  const kinds = new Set([a.kind, b.kind]);
  return kinds.has("languages") && (kinds.has("frameworks") || kinds.has("server-side"));
}

/**
 * Alternatives in a run of listed skills: "Kotlin, Java or Scala" and "Scala/Java, Node/TypeScript,
 * Python, Ruby, or Rust" are one choice; "Java, Python and Go" three requirements; a slash offers
 * a choice ("PostgreSQL/MySQL", "SQL/NoSQL") except between a language and a framework ("Kotlin/Spring Boot").
 */
function alternatives(run: Item[], sep: (x: Item, y: Item) => string, cues: JobCues): Item[][] {
  const out: Item[][] = [];
  // Cut at "and" first: each part is a choice of its own.
  const parts: Item[][] = [[run[0]!]];
  for (let k = 1; k < run.length; k++) {
    const s = sep(run[k - 1]!, run[k]!);
    if (AND_SEP.test(s) && !cues.orJoin.test(s)) parts.push([run[k]!]);
    else parts[parts.length - 1]!.push(run[k]!);
  }
  for (const part of parts) {
    const seps = part.slice(1).map((it, k) => sep(part[k]!, it));
    // "A, B, or C": a list that ends in "or" is one choice.
    if (seps.length && cues.orJoin.test(seps[seps.length - 1]!) && seps.every((s) => /^[\s,/()[\]]*$/.test(s) || cues.orJoin.test(s))) {
      out.push(part);
      continue;
    }
    let cur: Item[] = [part[0]!];
    part.slice(1).forEach((it, k) => {
      const s = seps[k]!;
      const prev = cur[cur.length - 1]!;
      const slashChoice = /^\s*\/\s*$/.test(s) && !languageAndFramework(prev, it);
      if (cues.orJoin.test(s) || slashChoice) cur.push(it);
      else {
        out.push(cur);
        cur = [it];
      }
    });
    out.push(cur);
  }
  return out;
}

/**
 * One entry per skill set, at the strongest level it is asked for. A skill asked for alone is
 * dropped from weaker requirements that also offer it, and the title's skill from alternatives
 * that offer it at the same level ("Java" in the title, "Java or Kotlin" in the requirements);
 * the stack keeps only what the posting does not ask for otherwise, and no soft skills.
 */
/** For each id, the requirements that name it. */
function holdersOf(list: Requirement[]): Map<string, Requirement[]> {
  const m = new Map<string, Requirement[]>();
  for (const r of list) {
    for (const id of r.ids) {
      const l = m.get(id);
      if (l) l.push(r);
      else m.set(id, [r]);
    }
  }
  return m;
}

/**
 * The team's stack says what it uses: "Terraform/Crossplane", "Git/CircleCI" there are both tools,
 * not a choice, so a stack item of alternatives is each of them (a CV is matched against each).
 */
function splitStackAlternatives(reqs: Requirement[]): Requirement[] {
  const out: Requirement[] = [];
  for (const r of reqs) {
    if (r.level !== "stack" || r.anyOf !== "alternatives" || r.ids.length < 2) {
      out.push(r);
      continue;
    }
    for (let k = 0; k < r.ids.length; k++) {
      const id = r.ids[k]!;
      const name = r.names[k]!;
      const one: Requirement = { ...r, name, ids: [id], names: [name], anyOf: null };
      delete one.head;
      delete one.variants;
      const v = r.variants?.[id];
      if (v) one.variants = { [id]: v };
      out.push(one);
    }
  }
  return out;
}

function merge(all: Requirement[]): Requirement[] {
  const reqs = splitStackAlternatives(all);
  const key = (r: Requirement) => [...r.ids].sort().join("|");
  const byKey = new Map<string, Requirement>();
  const out: Requirement[] = [];
  for (const r of reqs) {
    const k = key(r);
    const same = byKey.get(k);
    if (!same) {
      const copy = { ...r };
      byKey.set(k, copy);
      out.push(copy);
    } else if (RANK[r.level] > RANK[same.level]) Object.assign(same, { level: r.level, cue: r.cue, reason: r.reason, line: r.line, column: r.column, anyOf: r.anyOf, ...(r.head ? { head: r.head } : {}) });
  }
  /** For each id, the strongest level of a requirement of several skills that offers it. */
  const strongestGroup = (list: Requirement[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of list) if (r.ids.length > 1) for (const id of r.ids) m.set(id, Math.max(m.get(id) ?? 0, RANK[r.level]));
    return m;
  };
  /** For each id, the strongest level of any requirement that names it. */
  const strongest = (list: Requirement[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of list) for (const id of r.ids) m.set(id, Math.max(m.get(id) ?? 0, RANK[r.level]));
    return m;
  };
  const singles = new Map<string, Requirement>();
  for (const r of out) if (r.ids.length === 1) singles.set(r.ids[0]!, r);
  const groups = strongestGroup(out);
  const demanded = (r: Requirement, id: string, m: Map<string, Requirement[]>) => (m.get(id) ?? []).some((x) => x !== r && RANK[x.level] > 1);
  const holders = holdersOf(out);
  const kept: Requirement[] = [];
  /** For each id, the strongest level of examples that illustrate it ("AWS (EC2, S3)"). */
  const illustrated = new Map<string, number>();
  for (const r of out) if (r.anyOf === "examples" && r.head === r.names[0]) illustrated.set(r.ids[0]!, Math.max(illustrated.get(r.ids[0]!) ?? 0, RANK[r.level]));
  for (const r of out) {
    if (r.ids.length === 1) {
      const covered = (groups.get(r.ids[0]!) ?? 0) >= RANK[r.level];
      if (covered && (r.cue.by === "title" || r.level === "stack")) continue;
      // "AWS: experience with Amazon Web Services (EC2, S3)": asked for once, with its examples.
      if ((illustrated.get(r.ids[0]!) ?? 0) >= RANK[r.level]) continue;
      if (r.level === "stack" && r.category === "soft") continue;
      kept.push(r);
      continue;
    }
    // Offers of a group that are asked for more strongly alone leave it.
    const keep = r.ids.map((id, k) => ({ id, name: r.names[k]! })).filter(({ id }) => !(singles.has(id) && RANK[singles.get(id)!.level] > RANK[r.level] && singles.get(id)!.cue.by !== "title"));
    if (keep.length === 0) continue;
    // A stack group that one demand offers whole is that demand's.
    if (r.level === "stack" && (holders.get(keep[0]!.id) ?? []).some((x) => x !== r && RANK[x.level] > 1 && keep.every(({ id }) => x.ids.includes(id)))) continue;
    const variants = r.variants ? Object.fromEntries(Object.entries(r.variants).filter(([id]) => keep.some((k) => k.id === id))) : undefined;
    kept.push({
      ...r,
      ids: keep.map((k) => k.id),
      names: keep.map((k) => k.name),
      name: keep.map((k) => k.name).join(" or "),
      anyOf: keep.length > 1 ? r.anyOf : null,
      ...(variants && Object.keys(variants).length ? { variants } : { variants: undefined }),
    });
  }
  // Drop the stack entries a demand already covers (every skill of it asked for), and undefined fields.
  const asked = strongest(kept.filter((r) => r.level !== "stack"));
  const keptHolders = holdersOf(kept);
  return kept
    .filter((r) => r.level !== "stack" || !r.ids.every((id) => asked.has(id)) || !(r.ids.length === 1 ? demanded(r, r.ids[0]!, keptHolders) : (keptHolders.get(r.ids[0]!) ?? []).some((x) => x !== r && RANK[x.level] > 1 && r.ids.every((id) => x.ids.includes(id)))))
    .map((r) => {
      if (r.variants === undefined) delete r.variants;
      if (r.head !== undefined && !r.names.includes(r.head)) delete r.head;
      return r;
    });
}
