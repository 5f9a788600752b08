import * as z from "../zod.js";
import { headingAt } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "skills-overload",
  meta: {
    severity: "warning",
    category: "content",
    description: "No keyword stuffing: not too many items overall or under one category.",
    advice: "Tailor the skills to the job and list what you can discuss in an interview; a wall of keywords reads as padding.",
    fixable: false,
    weight: 6,
    messages: {
      tooMany: "The skills section lists {count} items; keep it to about {max} you can discuss in depth.",
      tooManyInGroup: "'{label}' lists {count} items; keep each group to about {max}.",
    },
    options: () => z.strictObject({ maxTotal: z.optional(z.int().check(z.minimum(1))), maxPerGroup: z.optional(z.int().check(z.minimum(1))) }),
    defaults: { maxTotal: 40, maxPerGroup: 15 },
  },
  check({ analysis, options }, report) {
    const items = analysis.items.filter((it) => it.skillIds.length > 0 || it.unknown);
    const count = items.reduce((n, it) => n + Math.max(1, it.skillIds.length), 0);
    if (count > options.maxTotal) {
      report({ messageId: "tooMany", data: { count, max: options.maxTotal }, at: headingAt(analysis.doc, "skills"), weight: Math.min(1, (count - options.maxTotal) / options.maxTotal) });
    }
    const groups = new Map<string, { count: number; lineIndex: number }>();
    for (const it of items) {
      // A group's name is a few words ("Cloud & DevOps"); a sentence or a parenthesis above a list
      // ("(See below for more details)") is not one, and cvlint would be counting some other list.
      if (!it.label || /[()]/.test(it.label) || it.label.split(/\s+/).length > 5) continue;
      const g = groups.get(it.label) ?? { count: 0, lineIndex: it.lineIndex };
      g.count += Math.max(1, it.skillIds.length);
      groups.set(it.label, g);
    }
    for (const [label, g] of groups) {
      if (g.count > options.maxPerGroup) report({ messageId: "tooManyInGroup", data: { label, count: g.count, max: options.maxPerGroup }, at: { lineIndex: g.lineIndex }, weight: 0.5 });
    }
  },
});
