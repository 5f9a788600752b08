import * as z from "../zod.js";
import { firstIn } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "unknown-skill",
  meta: {
    severity: "info",
    category: "spelling",
    description: "Skills-section items that are in no taxonomy, with a 'did you mean' for likely typos.",
    advice: "Name technologies the way recruiters search for them; a typo hides a skill from keyword search.",
    fixable: false,
    weight: 2,
    messages: {
      didYouMean: "'{item}' is not a known skill: did you mean {suggestion}?",
      unknown: "'{item}' is not in cvlint's taxonomy; if it is a technology, add it with --taxonomy so evidence and tailoring checks cover it.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    for (const s of analysis.skills) {
      if (s.known) continue;
      const o = firstIn(s, "skills");
      if (!o) continue;
      const at = { lineIndex: o.lineIndex, start: o.start, end: o.end };
      if (s.suggestion) report({ messageId: "didYouMean", data: { item: s.name, suggestion: s.suggestion.name }, at, weight: 0.5 });
      else report({ messageId: "unknown", data: { item: s.name }, at, weight: 0 });
    }
  },
});
