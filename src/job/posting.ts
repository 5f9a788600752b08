import { readInputFile, parseBytes, DEFAULT_READ_OPTIONS, type ReadOptions } from "../parse/index.js";
import { buildDocument } from "../document/build.js";
import { analyze, type Analysis } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import type { Occurrence } from "../match/matcher.js";
import type { CvDocument, SectionKind } from "../types.js";
import { CvlintError } from "../errors.js";

export type Level = "required" | "nice";

/** One thing a posting asks for: a skill, or alternatives of which any will do ("Java or Kotlin"). */
export interface Requirement {
  /** As a reader would say it: "Java or Kotlin". */
  name: string;
  ids: string[];
  names: string[];
  level: Level;
  /** Where the posting says it (1-based line in the posting). */
  line: number;
  /** Why it got its level: the section, or a cue like "is a plus". */
  reason: string;
}

export interface JobPosting {
  file: string;
  doc: CvDocument;
  analysis: Analysis;
  requirements: Requirement[];
}

const NICE_CUE = /\b(?:(?:is|are|would be|will be|as) a (?:big |huge )?plus|a plus\b|pluses|nice[- ]to[- ]have|would be nice|bonus|preferred|preferably|ideally|would be great|an advantage|advantageous|desirable|good to have|optional|not required|our (?:tech(?:nology)? )?stack)\b/i;
const REQUIRED_CUE = /\b(?:must|required|requirement|need|needs|expect|expected|\d+\+?\s*(?:years?|yrs)|proficien\w*|strong|solid|expert\w*)\b/i;
/** What joins two skills into alternatives: "or", "/", ", or"… */
const orSep = (between: string): boolean => /^\s*(?:\/|or|,\s*or|or even|or another|or any other|or other|or similar)\s*$/i.test(between);
const commaSep = (between: string): boolean => /^\s*,\s*$/.test(between);

const GROUP_CUE = /\b(?:one of|any of|such as|e\.g\.|for example|like|or similar|or equivalent|or another|or other)\b/i;
const IGNORED: SectionKind[] = ["benefits", "company", "education", "certifications"];

/** Read a posting (text, Markdown, PDF or DOCX) and extract what it requires and what it only prefers. */
export async function readPosting(file: string, tax: CompiledTaxonomy, opts: ReadOptions = DEFAULT_READ_OPTIONS, bytes?: Uint8Array): Promise<JobPosting> {
  let data = bytes;
  try {
    data ??= await readInputFile(file, opts);
    const source = await parseBytes(data, file, opts);
    const doc = buildDocument(file, source.format, source.parsed, "job");
    const analysis = analyze(doc, tax, "job");
    return { file, doc, analysis, requirements: extractRequirements(analysis) };
  } catch (err) {
    if (err instanceof CvlintError) throw new CvlintError(err.code, `job posting ${file}: ${err.message}`);
    throw err;
  }
}

interface Clause {
  text: string;
  /** Offsets of this clause in the block text. */
  from: number;
  to: number;
}

/** Split a block's text into clauses at sentence ends and semicolons. */
function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.;!?](?=\s|$)|\n/g)) {
    out.push({ text: text.slice(from, m.index + 1), from, to: m.index + 1 });
    from = m.index + 1;
  }
  if (from < text.length) out.push({ text: text.slice(from), from, to: text.length });
  return out;
}

/**
 * Required or preferred, for each skill the posting names. The section decides first
 * (Requirements vs Nice to have); inside a clause, cues override it ("experience with AWS is a
 * plus"); skills of a responsibilities or company section only count as preferred when the
 * posting has a requirements section, and benefits are ignored. "X or Y", "one of X, Y, Z" and
 * "X/Y" make alternatives, of which any satisfies the requirement.
 */
export function extractRequirements(a: Analysis): Requirement[] {
  const doc = a.doc;
  const hasRequirements = doc.sections.some((s) => s.kind === "requirements");
  const occ = a.skills.filter((s) => s.known).flatMap((s) => s.occurrences);
  const byBlock = new Map<number, Occurrence[]>();
  for (const o of occ) {
    const b = doc.lines[o.lineIndex]!.block;
    byBlock.set(b, [...(byBlock.get(b) ?? []), o]);
  }
  const reqs: Requirement[] = [];
  for (const block of doc.blocks) {
    const found = byBlock.get(block.index);
    if (!found) continue;
    const section = doc.sections[block.section]!;
    if (IGNORED.includes(section.kind)) continue;
    // The block's text and where each of its lines starts in it.
    const starts: number[] = [];
    let text = "";
    for (let i = block.start; i <= block.end; i++) {
      starts[i] = text.length;
      text += `${doc.lines[i]!.text}${i < block.end ? " " : ""}`;
    }
    const at = (o: Occurrence) => ({ from: starts[o.lineIndex]! + o.start, to: starts[o.lineIndex]! + o.end });
    const sorted = [...found].sort((x, y) => at(x).from - at(y).from);
    for (const c of clauses(text)) {
      const inClause = sorted.filter((o) => at(o).from >= c.from && at(o).from < c.to);
      if (inClause.length === 0) continue;
      let level: Level;
      let reason: string;
      const nice = NICE_CUE.exec(c.text);
      if (nice) {
        level = "nice";
        reason = `"${nice[0]}"`;
      } else if (section.kind === "nice-to-have") {
        level = "nice";
        reason = `section "${section.heading}"`;
      } else if (section.kind === "requirements") {
        level = "required";
        reason = `section "${section.heading}"`;
      } else if ((section.kind === "header" && (block.index === 0 || !hasRequirements)) || (block.index === 0 && block.kind === "heading" && !IGNORED.includes(section.kind))) {
        level = "required";
        reason = block.index === 0 ? "the job title" : "the posting's text";
      } else if (REQUIRED_CUE.test(c.text) && !hasRequirements) {
        level = "required";
        reason = `"${REQUIRED_CUE.exec(c.text)![0]}"`;
      } else if (hasRequirements) {
        level = "nice";
        reason = `mentioned in "${section.heading ?? section.kind}"`;
      } else {
        level = "required";
        reason = "the posting's text";
      }
      // Alternatives: neighbours joined by "or" or "/", or every skill after "one of", "such as"…
      const groupFrom = GROUP_CUE.exec(c.text);
      const groups: Occurrence[][] = [];
      const seps = inClause.map((o, k) => (k === 0 ? "" : text.slice(at(inClause[k - 1]!).to, at(o).from)));
      /** "Node.js, Python, or Java": commas that lead, through commas only, to an "or" join alternatives too. */
      const commaToOr = (k: number): boolean => {
        let j = k;
        while (j < seps.length && commaSep(seps[j]!)) j++;
        return j < seps.length && j > k && orSep(seps[j]!);
      };
      const category = (o: Occurrence): string | undefined => a.skills.find((s) => s.id === o.skillId)?.category;
      inClause.forEach((o, k) => {
        const prev = groups[groups.length - 1];
        const between = seps[k]!;
        // "PostgreSQL/MySQL" offers a choice; "Kotlin/Spring Boot" (a language and its framework) asks for both.
        const slashBoth = prev !== undefined && /^\s*\/\s*$/.test(between) && category(prev[prev.length - 1]!) !== category(o);
        const joined =
          prev !== undefined &&
          !slashBoth &&
          (orSep(between) ||
            (commaSep(between) && commaToOr(k)) ||
            (groupFrom !== null && c.from + groupFrom.index < at(prev[0]!).from && /^\s*(?:,|,?\s*or|\/)\s*$/i.test(between)));
        if (joined) prev.push(o);
        else groups.push([o]);
      });
      for (const g of groups) {
        const ids = [...new Set(g.map((o) => o.skillId))];
        const names = ids.map((id) => a.skills.find((s) => s.id === id)!.name);
        reqs.push({ name: names.join(" or "), ids, names, level, line: g[0]!.line, reason });
      }
    }
  }
  return merge(reqs);
}

/** One entry per skill set: the strongest level wins, and a skill required alone absorbs the alternatives that contain it. */
function merge(reqs: Requirement[]): Requirement[] {
  const out: Requirement[] = [];
  const key = (r: Requirement) => [...r.ids].sort().join("|");
  for (const r of reqs) {
    const same = out.find((x) => key(x) === key(r));
    if (same) {
      if (r.level === "required" && same.level === "nice") Object.assign(same, { level: "required", reason: r.reason, line: r.line });
      continue;
    }
    out.push({ ...r });
  }
  // A skill also offered as one of alternatives at the same level ("Java" in the title, "Java or
  // Kotlin" in the requirements): the alternatives say what is really asked. A required skill
  // that is only a preferred alternative elsewhere stays required on its own.
  // Preferred alternatives that contain a skill required on its own go first; only the alternatives
  // that stay cover a skill (else "Spring Boot" in the stack, covered by "Kotlin or Spring Boot",
  // would vanish with it).
  const kept = out.filter((r) => r.ids.length === 1 || !out.some((x) => x.ids.length === 1 && r.ids.includes(x.ids[0]!) && x.level === "required" && r.level === "nice"));
  const covered = (single: Requirement) => kept.some((g) => g.ids.length > 1 && g.ids.includes(single.ids[0]!) && g.level === single.level);
  return kept.filter((r) => r.ids.length > 1 || !covered(r));
}
