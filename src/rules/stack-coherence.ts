import * as z from "../zod.js";
import { defineRule } from "./types.js";

/** Implied skills worth naming when missing: the language or runtime a framework runs on, containers under Kubernetes. */
const CHECKED_CATEGORIES = new Set(["languages", "containers"]);
const CHECKED_IDS = new Set(["nodejs", "dotnet"]);
/** Only these kinds of skill need their base named: a database implies SQL without anyone writing it. */
const IMPLYING_CATEGORIES = new Set(["frameworks", "testing", "build-tools", "containers"]);

export default defineRule({
  name: "stack-coherence",
  meta: {
    severity: "info",
    strictSeverity: "warning",
    category: "content",
    description: "The stack hangs together: no framework without its language (Spring Boot without Java), no Kubernetes without containers.",
    advice: "Backend developers should be proficient in the language behind their framework (Spring for Java, Django for Python, Express for Node.js).",
    fixable: false,
    weight: 3,
    messages: { missingBase: "'{skill}' is named but {base} is not; name the {kind} it builds on." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy, data }, report) {
    const present = new Set(analysis.skills.map((s) => s.id));
    const reported = new Set<string>();
    for (const s of analysis.skills) {
      const skill = taxonomy.skills.get(s.id);
      if (!IMPLYING_CATEGORIES.has(s.category)) continue;
      for (const base of skill?.implies ?? []) {
        const b = taxonomy.skills.get(base)!;
        if (!CHECKED_CATEGORIES.has(b.category) && !CHECKED_IDS.has(base)) continue;
        if (present.has(base) || (data.alternatives.get(base) ?? []).some((alt) => present.has(alt)) || reported.has(base)) continue;
        reported.add(base);
        const o = s.occurrences[0]!;
        report({
          messageId: "missingBase",
          data: { skill: s.name, base: b.name, kind: b.category === "languages" ? "language" : b.category === "containers" ? "container tooling" : "runtime" },
          at: { lineIndex: o.lineIndex, start: o.start, end: o.end },
          weight: 0.5,
        });
      }
    }
  },
});
