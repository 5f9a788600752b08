import { DamerauLevenshteinDistance } from "natural/lib/natural/distance/levenshtein_distance.js";
import type { CompiledTaxonomy } from "./compile.js";

/**
 * "Did you mean": the known skill whose spelling is closest to `text`, when it is close enough
 * to be a typo (one edit for short words, two for longer ones, same first letter). Never a match:
 * the item stays unknown, the suggestion is only shown.
 */
export function suggestSkill(text: string, tax: CompiledTaxonomy): { id: string; name: string } | undefined {
  const q = text.toLowerCase();
  if (q.length < 4) return undefined;
  const limit = q.length <= 6 ? 1 : 2;
  let best: { d: number; id: string; name: string } | undefined;
  for (const { form, skill } of tax.forms) {
    if (form[0] !== q[0] || Math.abs(form.length - q.length) > limit) continue;
    const d = DamerauLevenshteinDistance(q, form);
    if (d <= limit && (!best || d < best.d)) best = { d, id: skill.id, name: skill.name };
  }
  return best && { id: best.id, name: best.name };
}
