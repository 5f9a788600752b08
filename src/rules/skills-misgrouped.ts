import * as z from "../zod.js";
import type { RulesData } from "./data.js";
import type { CvDocument } from "../types.js";
import { defineRule } from "./types.js";

type LabelRule = RulesData["labels"][number];

/**
 * What a label lets its items be. A label that joins several ("Tools & Frameworks", "Languages /
 * Databases") allows what each of its parts allows, and is not checked at all when one part is a
 * catch-all the table does not list ("Tools", "Platforms", "Other").
 */
export function labelRule(label: string, labels: readonly LabelRule[]): LabelRule | undefined {
  const parts = label.split(/\s*(?:&|\/|,|\+|\band\b)\s*/i).filter((p) => p.trim() !== "");
  if (parts.length <= 1) return labels.find((l) => l.match.test(label));
  const rules: LabelRule[] = [];
  for (const part of parts) {
    const rule = labels.find((l) => l.match.test(part));
    if (!rule) return undefined;
    rules.push(rule);
  }
  if (rules.length === 1) return rules[0];
  return { match: rules[0]!.match, categories: new Set(rules.flatMap((r) => [...r.categories])), alsoIds: new Set(rules.flatMap((r) => [...r.alsoIds])) };
}

export default defineRule({
  name: "skills-misgrouped",
  meta: {
    severity: "warning",
    category: "content",
    description: "Items sit under a category label they belong to (no 'Databases: Kafka', no soft skills under 'Languages:').",
    advice: "Skills grouped by category let a reader find them at a glance; a misfiled skill reads as a misunderstanding of it.",
    fixable: false,
    weight: 4,
    messages: { misgrouped: "'{skill}' ({category}) is listed under '{label}'; move it to a matching group." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy, data }, report) {
    const doc = analysis.doc;
    for (const item of analysis.items) {
      if (!item.label) continue;
      const rule = labelRule(item.label, data.labels);
      if (!rule || mixedGroups(doc, item.lineIndex)) continue;
      for (const id of item.skillIds) {
        // The platform a service's name holds ("Google Cloud SQL" names GCP too) goes where the service goes.
        if (item.skillIds.some((o) => o !== id && (taxonomy.skills.get(o)?.implies ?? []).includes(id))) continue;
        const skill = taxonomy.skills.get(id);
        // (An imported technology without a category from its source, "other", fits any group.)
        if (!skill || skill.category === "other" || rule.categories.has(skill.category) || rule.alsoIds.has(id)) continue;
        // A cloud service ("Amazon RDS" under "Cloud") belongs where what it implies belongs.
        if ((skill.implies ?? []).some((i) => rule.categories.has(taxonomy.skills.get(i)!.category))) continue;
        // The skill where the item names it; a name wrapped from the line before ("Google Cloud" /
        // "Platform") starts there, so the item itself is the place then.
        const o = analysis.skills.find((s) => s.id === id)?.occurrences.find((x) => x.lineIndex === item.lineIndex && x.start >= item.start && x.start < item.end);
        const at = o ? { lineIndex: o.lineIndex, start: o.start, end: o.end } : { lineIndex: item.lineIndex, start: item.start, end: item.end };
        report({ messageId: "misgrouped", data: { skill: skill.name, category: skill.category, label: item.label }, at, weight: 0.34 });
      }
    }
  },
});

/**
 * Whether the group an item sits in may hold another group's items: its heading comes right
 * after a heading whose group is empty ("Linux Operating System" / "Databases" / "PostgreSQL ·
 * RHEL"), or on another page than the item (a column continued on the next page is read after the
 * next group's heading). A layout read that way mixes two groups; their items are not misfiled.
 * (A walk back of at most 30 lines: a group is short.)
 */
function mixedGroups(doc: CvDocument, lineIndex: number): boolean {
  const section = doc.sections[doc.lines[lineIndex]!.section]!;
  for (let k = lineIndex - 1; k > section.start && k >= lineIndex - 30; k--) {
    const l = doc.lines[k]!;
    if (l.kind !== "heading") continue;
    if (l.pos.page !== doc.lines[lineIndex]!.pos.page) return true;
    return k - 1 > section.start && doc.lines[k - 1]!.kind === "heading";
  }
  return false;
}
