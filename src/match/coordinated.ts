import type { CvDocument, SectionKind } from "../types.js";
import type { CompiledTaxonomy } from "./compile.js";
import type { Occurrence } from "./matcher.js";
import { occurrencesByLine, ordinary } from "./items.js";
import { hasUpperRun, isLetterLedName, looksTechy } from "./scan.js";
import { slipOf } from "./suggest.js";
import type { Token } from "./tokenize.js";

/** A name the taxonomy lacks, joined in a sentence to a skill it knows ("Prometheus and Alertmanager"). */
export interface CoordinatedName {
  lineIndex: number;
  start: number;
  end: number;
  text: string;
  section: SectionKind;
  /** The known skill it is joined to. */
  skillId: string;
}

/** Tokens that join two names of one kind: "Redis/Valkey", "Terraform and Terragrunt", "Kafka, Debezium". */
const JOINS = new Set([",", "/", "&", "and", "or", "+"]);

/** Sections whose names are no tools of the candidate's (skills lists are read as lists). */
const NOT_PROSE = new Set<SectionKind>(["skills", "header", "education", "certifications"]);

/**
 * Names the taxonomy lacks in prose, found by the company they keep: a word written like a name
 * (capitalised or camelCase, not in capitals only, not a word, place, month or inflection by the
 * word lists, not a lexicon word) that is joined by a comma, slash, "&", "and" or "or" to a skill
 * the matcher found ("Prometheus and Alertmanager", "Redis/Valkey", "Terraform and Terragrunt").
 * A join puts two things of a kind side by side; a name at the start of a sentence or next to
 * no skill ("at Initech") is left alone. Markup left in the text ("<b>Kafka</b>") and brackets
 * are looked through. Acronyms are not read: SLA, KPI and the like are written the same way.
 */
export function coordinatedNames(doc: CvDocument, tokens: Token[][], occ: Occurrence[], tax: CompiledTaxonomy): CoordinatedName[] {
  const out: CoordinatedName[] = [];
  let byLine: Map<number, Occurrence[]> | undefined;
  for (const line of doc.lines) {
    const section = doc.sections[line.section]?.kind ?? "other";
    if (NOT_PROSE.has(section) || line.kind === "heading") continue;
    byLine ??= occurrencesByLine(occ);
    const lineOcc = byLine.get(line.index);
    if (!lineOcc) continue;
    const toks = tokens[line.index]!;
    // The skill a token is part of, by token; and the tokens read, markup and brackets left out.
    const known: Array<string | null> = [];
    const seq: number[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      let id: string | null = null;
      for (const o of lineOcc) if (o.start <= t.start && o.end >= t.end) id = o.skillId;
      known.push(id);
      if (t.text === "<") {
        // "<b>", "</strong>": up to the closing ">" within a few tokens.
        let j = i + 1;
        while (j < toks.length && j <= i + 3 && toks[j]!.text !== ">") j++;
        if (j < toks.length && toks[j]!.text === ">") {
          for (let k = i + 1; k <= j; k++) known.push(null);
          i = j;
          continue;
        }
      }
      if (t.text === "(" || t.text === ")") continue;
      seq.push(i);
    }
    for (let p = 0; p < seq.length; p++) {
      const i = seq[p]!;
      const t = toks[i]!;
      if (known[i] !== null || !t.word || !nameLike(t.text, tax)) continue;
      // One name is one token: "Apache Alertmanager" is not read in part.
      const before = p > 0 ? toks[seq[p - 1]!]! : undefined;
      const after = p + 1 < seq.length ? toks[seq[p + 1]!]! : undefined;
      if ((before && before.word && known[seq[p - 1]!] === null && nameLike(before.text, tax)) || (after && after.word && known[seq[p + 1]!] === null && nameLike(after.text, tax))) continue;
      let skillId: string | null = null;
      if (p >= 2 && JOINS.has(toks[seq[p - 1]!]!.norm)) skillId = known[seq[p - 2]!]!;
      if (skillId === null && p + 2 < seq.length && JOINS.has(toks[seq[p + 1]!]!.norm)) skillId = known[seq[p + 2]!]!;
      if (skillId === null) continue;
      // A frontend library's, an editor's or a chat tool's neighbour is of their kind, not a backend skill.
      if (!backendCompany(skillId, tax)) continue;
      // "Cillium", "MongodDB": one slip from a known name is its misspelling, no product of its own.
      if (nearKnown(t.text, tax)) continue;
      out.push({ lineIndex: line.index, start: t.start, end: t.end, text: t.text, section, skillId });
    }
  }
  return out;
}

/** Categories whose names keep no backend skill's company: frontend, editors and chat tools, soft skills, practices. */
const OTHER_KINDS = new Set(["frontend", "tools", "soft-skills", "practices"]);

/**
 * Whether a skill's neighbours are likely backend tools: not of OTHER_KINDS, and not a framework
 * built on a browser language without Node.js (React, AngularJS: taxonomy/rules.json's
 * peripheral browserLanguages and serverRuntimes draw the same line for the rules).
 */
function backendCompany(id: string, tax: CompiledTaxonomy): boolean {
  const skill = tax.skills.get(id);
  if (!skill || OTHER_KINDS.has(skill.category)) return false;
  const implies = skill.implies ?? [];
  return !(skill.category === "frameworks" && (implies.includes("javascript") || implies.includes("typescript")) && !implies.includes("nodejs"));
}

/** Whether a known spelling of the same first letter is one slip from `text` (suggest.ts slipOf). */
function nearKnown(text: string, tax: CompiledTaxonomy): boolean {
  const q = text.toLowerCase();
  // (A version glued to a known name, "Jinja2", is that name's version, not a slip.)
  let cut = q.length;
  while (cut > 0 && q.charCodeAt(cut - 1) >= 48 && q.charCodeAt(cut - 1) <= 57) cut--;
  const bare = q.slice(0, cut);
  for (let len = q.length - 2; len <= q.length + 2; len++) {
    for (const f of tax.formIndex.get(`${q[0]}:${len}`) ?? []) if (f.form !== bare && slipOf(text, f.form)) return true;
  }
  return false;
}

/** "mod_perl", "node_exporter": a module or tool named after a known skill, its words joined by underscores. */
function moduleName(text: string, tax: CompiledTaxonomy): boolean {
  if (text.length > 30 || !/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(text)) return false;
  return text.split("_").some((part) => part.length >= 2 && (tax.root.next.get(part)?.entries.some((e) => e.tokens.length === 1 && !e.ambiguous) ?? false));
}

/** Written like a product's name and none of the word lists' words: "Alertmanager", "GenServer", "Valkey", "mod_perl". */
function nameLike(text: string, tax: CompiledTaxonomy): boolean {
  if (moduleName(text, tax)) return true;
  if (text.length < 3 || text.length > 30 || !looksTechy(text) || !isLetterLedName(text)) return false;
  // In capitals only ("SLA", "ETL", "KPI"): an acronym, as often a business term as a tool.
  if (hasUpperRun(text, text.length)) return false;
  const n = text.toLowerCase();
  if (tax.lexicon.generic.has(n) || tax.lexicon.proficiency.has(n) || tax.lexicon.spoken.has(n) || tax.lexicon.qualifiers.has(n)) return false;
  return !ordinary(n);
}
