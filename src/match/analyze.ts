import type { CvDocument, SectionKind } from "../types.js";
import { skillGroupsByContent, type SkillSpans } from "../document/structure.js";
import type { Category } from "../taxonomy/schema.js";
import type { CompiledTaxonomy } from "./compile.js";
import { groupLine, groupName, labelOf, readSkillItems, readToolLineUnknowns, type ListItem } from "./items.js";
import { coordinatedNames } from "./coordinated.js";
import { findOccurrences, lineTokens, type Occurrence } from "./matcher.js";
import { suggestSkill } from "./suggest.js";
import { isPublicName } from "../taxonomy/words.js";
import { matchableTokens, type Token } from "./tokenize.js";

export interface SkillHit {
  id: string;
  name: string;
  category: Category;
  /** False for a skills-list item that is in no taxonomy but reads as a technology. */
  known: boolean;
  /** Sections it was seen in, in document order. */
  sections: SectionKind[];
  occurrences: Occurrence[];
  /** Every occurrence is written as the canonical name. */
  canonical: boolean;
  /** For unknown items: the closest known skill, when one is close ("Kubernets" → Kubernetes). */
  suggestion?: { id: string; name: string };
  /** For a technology imported from public data rather than curated: where from ("imported from Simple Icons"). */
  imported?: string;
}

export interface Analysis {
  doc: CvDocument;
  skills: SkillHit[];
  /**
   * General practices a CV names (clean code, caching, virtualization, data engineering): by the
   * definition of backend skills cvlint follows (languages, frameworks, data stores, tools,
   * platforms, and the named methods Microservices, NoSQL, TDD and CI/CD), they are not skills,
   * listed or not, so they are not in `skills`; a posting that asks for one still finds them here.
   * (A posting's practices are requirements like any other skill: in `skills`.)
   */
  practices: SkillHit[];
  items: ListItem[];
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[+]/g, "p")
    .replace(/#/g, "sharp")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Find the skills a CV (or a posting) names, where, and how; and read its skills list items. */
export function analyze(doc: CvDocument, tax: CompiledTaxonomy, kind: "cv" | "job" = "cv"): Analysis {
  const tokens = lineTokens(doc);
  let found = findOccurrences(doc, tax, tokens);
  // Sections the reader could not name by their headings but whose lines list known skills (a
  // sidebar's "Javascript", "Data" groups) are the skills section: then the names are found again
  // as a skills list's (where an ambiguous name counts).
  if (kind === "cv" && skillGroupsByContent(doc, skillSpans(found, tax))) found = findOccurrences(doc, tax, tokens);
  const occ = dropLabels(doc, found, tax);
  namePlatforms(occ, tax);
  const items = readSkillItems(doc, occ, tax);
  const hits = new Map<string, SkillHit>();
  for (const o of occ) {
    const s = tax.skills.get(o.skillId)!;
    let h = hits.get(s.id);
    if (!h) {
      h = { id: s.id, name: s.name, category: s.category, known: true, sections: [], occurrences: [], canonical: true };
      if (s.source.startsWith("imported from")) h.imported = s.source;
      hits.set(s.id, h);
    }
    h.occurrences.push(o);
  }
  // Unknown technologies of the skills list and of tool lists elsewhere, and where else the CV names them.
  const toolLines = readToolLineUnknowns(doc, occ, tax);
  for (const item of toolLines.length ? [...items, ...toolLines] : items) {
    if (!item.unknown) continue;
    const name = item.unknown.text;
    const id = `other:${slug(name)}`;
    if (!slug(name)) continue;
    let h = hits.get(id);
    if (!h) {
      // (A name public data holds is another product, not a misspelling: MinIO is not MiniD.)
      const suggestion = isPublicName(name) ? undefined : suggestSkill(name, tax);
      h = { id, name, category: "other", known: false, sections: [], occurrences: [], canonical: true, ...(suggestion ? { suggestion } : {}) };
      hits.set(id, h);
    }
    const line = doc.lines[item.lineIndex]!;
    h.occurrences.push({
      skillId: id,
      text: name,
      lineIndex: line.index,
      start: item.unknown.start,
      end: item.unknown.end,
      line: line.pos.line,
      column: line.cols[item.unknown.start] ?? line.pos.column,
      page: line.pos.page,
      section: doc.sections[line.section]?.kind ?? "other",
      via: "name",
      form: name,
      context: line.section === undefined || doc.sections[line.section]?.kind === "skills" ? "unknown item of a skills list" : "unknown item of a tool list",
      canonical: true,
      spill: undefined,
    });
  }
  // Names the taxonomy lacks, joined in a sentence to a skill it knows ("Prometheus and Alertmanager").
  // (Where each such name is already, as a set: a name joined thousands of times was a scan of its places per place, issue 24.)
  const placed = new Map<SkillHit, Set<string>>();
  for (const c of coordinatedNames(doc, tokens, occ, tax)) {
    const id = `other:${slug(c.text)}`;
    if (!slug(c.text)) continue;
    let h = hits.get(id);
    if (!h) {
      h = { id, name: c.text, category: "other", known: false, sections: [], occurrences: [], canonical: true };
      hits.set(id, h);
    }
    // (A tool list's item is there already.)
    let at = placed.get(h);
    if (!at) placed.set(h, (at = new Set(h.occurrences.map((o) => `${o.lineIndex}:${o.start}`))));
    if (at.has(`${c.lineIndex}:${c.start}`)) continue;
    at.add(`${c.lineIndex}:${c.start}`);
    const line = doc.lines[c.lineIndex]!;
    h.occurrences.push({
      skillId: id,
      text: c.text,
      lineIndex: c.lineIndex,
      start: c.start,
      end: c.end,
      line: line.pos.line,
      column: line.cols[c.start] ?? line.pos.column,
      page: line.pos.page,
      section: c.section,
      via: "name",
      form: c.text,
      context: `named with ${tax.skills.get(c.skillId)?.name ?? c.skillId}`,
      canonical: true,
      spill: undefined,
    });
  }
  findUnknownElsewhere(doc, tokens, [...hits.values()].filter((h) => !h.known));
  for (const h of hits.values()) {
    const occs = h.occurrences;
    // Most skills are named once, or in order already: V8's sort copies the array even then.
    if (!inOrder(occs)) occs.sort(byPlace);
    const sections: SectionKind[] = [];
    let canonical = true;
    for (let i = 0; i < occs.length; i++) {
      const o = occs[i]!;
      if (!sections.includes(o.section)) sections.push(o.section);
      if (!o.canonical) canonical = false;
    }
    h.sections = sections;
    h.canonical = canonical;
  }
  const skills: SkillHit[] = [];
  const practices: SkillHit[] = [];
  for (const h of [...hits.values()].sort((a, b) => byPlace(a.occurrences[0]!, b.occurrences[0]!))) {
    (kind === "cv" && h.known && tax.lexicon.practices.has(h.id) ? practices : skills).push(h);
  }
  return { doc, skills, practices, items };
}

/** Where each line names a technical skill (soft skills are no sign of a skills list). */
function skillSpans(occ: Occurrence[], tax: CompiledTaxonomy): SkillSpans {
  const spans: SkillSpans = new Map();
  for (const o of occ) {
    if (tax.skills.get(o.skillId)?.category === "soft-skills") continue;
    const list = spans.get(o.lineIndex);
    if (list) list.push([o.start, o.end]);
    else spans.set(o.lineIndex, [[o.start, o.end]]);
  }
  return spans;
}

/**
 * "AWS EKS", "Azure Functions", "GCP Pub/Sub": a service written with its cloud platform's name
 * names the platform too (the service implies it), so the platform gets an occurrence of its own
 * there. Only a cloud platform: "Docker Compose" is not also Docker, nor "Spring Boot" Spring.
 */
function namePlatforms(occ: Occurrence[], tax: CompiledTaxonomy): void {
  const n = occ.length;
  for (let k = 0; k < n; k++) {
    const o = occ[k]!;
    const implied = tax.skills.get(o.skillId)?.implies;
    if (!implied) continue;
    for (const id of implied) {
      const platform = tax.skills.get(id);
      if (!platform || platform.category !== "cloud") continue;
      const forms = [platform.name, ...platform.aliases, ...(platform.exact ?? [])];
      const prefix = forms.find((f) => o.text.length > f.length && o.text.toLowerCase().startsWith(f.toLowerCase()) && /^[\s-]/.test(o.text.slice(f.length)));
      if (!prefix) continue;
      // (Canonical: the platform is written as part of the service's name, which is no place for a spelling fix.)
      occ.push({ ...o, skillId: id, text: o.text.slice(0, prefix.length), end: o.start + prefix.length, via: "alias", form: prefix, context: `the platform of ${o.text}`, canonical: true, spill: undefined });
    }
  }
}

const byPlace = (a: Occurrence, b: Occurrence): number => a.lineIndex - b.lineIndex || a.start - b.start;

function inOrder(occs: Occurrence[]): boolean {
  for (let i = 1; i < occs.length; i++) if (byPlace(occs[i - 1]!, occs[i]!) > 0) return false;
  return true;
}

/**
 * A category label of a skills line ("Cloud & DevOps:", "APIs & Messaging:") names the group,
 * not a skill the candidate lists; only a label that is itself one skill ("Java: Spring, JPA") counts,
 * and not one of the lexicon's group words ("DevOps:", "Security:", "Testing:"). A heading inside
 * the skills section ("### Monitoring / Observability") is such a label for the lines under it.
 */
function dropLabels(doc: CvDocument, occ: Occurrence[], tax: CompiledTaxonomy): Occurrence[] {
  const labels = new Map<number, ReturnType<typeof labelOf>>();
  // "Java: Spring, JPA" lists Java; "DevOps: Docker, Jenkins" and "Security: OAuth2" name a group.
  const listsItself = (o: Occurrence, label: string): boolean => o.text === label && !tax.lexicon.generic.has(label.toLowerCase());
  return occ.filter((o) => {
    if (o.section !== "skills") return true;
    const line = doc.lines[o.lineIndex]!;
    if (groupLine(doc, o.lineIndex)) return listsItself(o, groupName(line));
    let l = labels.get(o.lineIndex);
    if (!l) labels.set(o.lineIndex, (l = labelOf(line, tax, doc.blocks[line.block]?.start === o.lineIndex)));
    const { label, rest } = l;
    if (!label || o.start >= rest) return true;
    return listsItself(o, label);
  });
}

/**
 * An unknown technology listed in the skills section also counts where experience names it.
 * (The names are looked up by their first word, one look-up per word of each line: a scan of every
 * unknown name at every word was the product of the two counts, issue 24.)
 */
function findUnknownElsewhere(doc: CvDocument, tokens: Token[][], unknown: SkillHit[]): void {
  if (unknown.length === 0) return;
  // (With where each is named already, a tool list's item: a set, as a name can be found
  // thousands of times, and a scan of its places per place found would be quadratic.)
  const byFirst = new Map<string, Array<{ h: SkillHit; toks: string[]; named: Set<string> }>>();
  for (const h of unknown) {
    const toks: string[] = [];
    for (const t of matchableTokens(h.name)) toks.push(t.norm);
    if (toks.length === 0) continue;
    const named = new Set<string>();
    for (const o of h.occurrences) named.add(`${o.lineIndex}:${o.start}`);
    const list = byFirst.get(toks[0]!);
    if (list) list.push({ h, toks, named });
    else byFirst.set(toks[0]!, [{ h, toks, named }]);
  }
  if (byFirst.size === 0) return;
  for (const line of doc.lines) {
    const section = doc.sections[line.section]?.kind ?? "other";
    if (section === "skills") continue;
    const toks = tokens[line.index]!;
    for (let i = 0; i < toks.length; i++) {
      const candidates = byFirst.get(toks[i]!.norm);
      if (!candidates) continue;
      for (const { h, toks: want, named } of candidates) {
        if (i + want.length > toks.length) continue;
        let same = true;
        for (let k = 1; k < want.length && same; k++) same = toks[i + k]!.norm === want[k];
        if (!same) continue;
        const start = toks[i]!.start;
        // (A tool list's own item is there already.)
        if (named.has(`${line.index}:${start}`)) continue;
        const end = toks[i + want.length - 1]!.end;
        h.occurrences.push({
          skillId: h.id,
          text: line.text.slice(start, end),
          lineIndex: line.index,
          start,
          end,
          line: line.pos.line,
          column: line.cols[start] ?? line.pos.column,
          page: line.pos.page,
          section,
          via: "name",
          form: h.name,
          context: "same words as an unknown skills-list item",
          canonical: true,
          spill: undefined,
        });
      }
    }
  }
}
