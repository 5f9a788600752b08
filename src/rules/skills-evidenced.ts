import * as z from "../zod.js";
import { firstIn, frontendWork, hedged, isPeripheral, isTechnical, itemAt, listedSkills, namedInWork, namesList, sectionsOf, withImplied } from "./helpers.js";
import type { Analysis } from "../match/analyze.js";
import type { CompiledTaxonomy } from "../match/compile.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "skills-evidenced",
  meta: {
    severity: "warning",
    category: "evidence",
    description: "Each technical skill listed appears in experience or projects.",
    advice: "Showcase a combination of technical expertise and hands-on experience: providing concrete examples further strengthens your CV.",
    fixable: false,
    weight: 10,
    messages: {
      unsupported: "'{skill}' is listed but not shown in experience or projects; add a bullet where you used it, or drop it.",
      unsupportedMany: "{skills} are listed but not shown in experience or projects; add bullets where you used them, or drop them.",
    },
    options: () => z.strictObject({ ignoreCategories: z.optional(z.array(z.string())) }),
    defaults: { ignoreCategories: ["soft-skills", "practices", "architecture", "tools", "os", "version-control"] },
  },
  check({ analysis, taxonomy, data, options }, report) {
    const doc = analysis.doc;
    if (sectionsOf(doc, "experience", "projects").length === 0) return;
    // Shown: named in experience or projects, in any wording the matcher knows, or implied by a
    // skill named there (Spring Boot shows Java), in any role, however old.
    const used = analysis.skills.filter((s) => s.known && s.sections.some((k) => k === "experience" || k === "projects"));
    const frontendCv = frontendWork(doc);
    // Asked for: technologies (not concepts, which bullets show by themselves, nor peripheral
    // items), and not those the list itself says the candidate only knows a little ("Go (familiar)").
    const listed = listedSkills(analysis).filter(
      (s) =>
        s.known &&
        isTechnical(s) &&
        !options.ignoreCategories.includes(s.category) &&
        !taxonomy.lexicon.concepts.has(s.id) &&
        !isPeripheral(s, taxonomy, data, frontendCv) &&
        !hedged(analysis, firstIn(s, "skills")!),
    );
    // Also shown: a listed skill whose own name the bullets write in a way the matcher leaves
    // there ("SQLServer", "Github Action", "from Chef to Ansible").
    const evidenced = withImplied([...used.map((s) => s.id), ...namedInWork(analysis, listed)], taxonomy);
    // Also shown: a provider's service a bullet describes by its provider and its kind on one line
    // ("AWS serverless infrastructure" is AWS Lambda, "NoSQL tables on AWS" DynamoDB): a listed
    // skill that implies a cloud provider and a concept, both named on one line of the work.
    for (const id of describedByParts(analysis, taxonomy, listed)) evidenced.add(id);
    // Also shown: a skill the list names as one reading of an item whose other reading is a
    // concept the work shows ("Serverless Framework/Architecture" beside serverless architecture
    // in a bullet): the item claims the kind of work, which the bullets show.
    for (const s of listed) {
      if (evidenced.has(s.id)) continue;
      const o = firstIn(s, "skills")!;
      const alt = itemAt(analysis, o.lineIndex, o.start)?.alternatives;
      if (alt?.some((id) => id !== s.id && evidenced.has(id) && (taxonomy.lexicon.concepts.has(id) || taxonomy.lexicon.practices.has(id)))) evidenced.add(s.id);
    }
    // One finding per group of the skills list (its label, or the section when it has none): a
    // group of twenty unused skills is one thing to fix, and CI annotations stay readable.
    const groups = new Map<string, Array<{ name: string; lineIndex: number; start: number; end: number }>>();
    for (const s of listed) {
      if (evidenced.has(s.id)) continue;
      const o = firstIn(s, "skills")!;
      const item = itemAt(analysis, o.lineIndex, o.start);
      const key = item?.label ? `label:${item.label}` : `section:${doc.lines[o.lineIndex]!.section}`;
      const group = groups.get(key);
      const place = { name: s.name, lineIndex: o.lineIndex, start: o.start, end: o.end };
      if (group) group.push(place);
      else groups.set(key, [place]);
    }
    // When most of the list is unused (more than three groups of it), pruning the list is the one
    // edit: one finding for the whole list rather than one a group.
    if (groups.size > 3) {
      const all = [...groups.values()].flat();
      groups.clear();
      groups.set("list", all);
    }
    for (const [key, skills] of groups) {
      const weight = 1 / listed.length;
      const data: Record<string, string | number> = skills.length === 1 ? { skill: skills[0]!.name } : { skills: namesList(skills), count: skills.length };
      for (const s of skills) report({ messageId: skills.length === 1 ? "unsupported" : "unsupportedMany", data, at: { lineIndex: s.lineIndex, start: s.start, end: s.end }, weight, group: key });
    }
  },
});

/**
 * Listed skills that imply a cloud provider and a concept (AWS Lambda: AWS and Serverless) whose
 * provider and concept a line of experience or projects names together.
 */
function describedByParts(a: Analysis, tax: CompiledTaxonomy, listed: ReadonlyArray<{ id: string }>): Set<string> {
  const out = new Set<string>();
  const wanted = new Map<string, { provider: string; concept: string }>();
  for (const s of listed) {
    const implies = tax.skills.get(s.id)?.implies ?? [];
    if (implies.length !== 2) continue;
    const provider = implies.find((i) => tax.skills.get(i)?.category === "cloud" && !tax.lexicon.concepts.has(i) && (tax.skills.get(i)?.implies ?? []).length === 0);
    const concept = implies.find((i) => i !== provider && (tax.lexicon.concepts.has(i) || tax.lexicon.practices.has(i)));
    if (provider && concept) wanted.set(s.id, { provider, concept });
  }
  if (wanted.size === 0) return out;
  const byLine = new Map<number, Set<string>>();
  for (const s of [...a.skills, ...a.practices]) {
    for (const o of s.occurrences) {
      if (o.section !== "experience" && o.section !== "projects") continue;
      const ids = byLine.get(o.lineIndex);
      if (ids) ids.add(s.id);
      else byLine.set(o.lineIndex, new Set([s.id]));
    }
  }
  for (const ids of byLine.values()) for (const [id, w] of wanted) if (ids.has(w.provider) && ids.has(w.concept)) out.add(id);
  return out;
}
