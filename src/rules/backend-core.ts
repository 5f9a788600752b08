import * as z from "../zod.js";
import { hasSkillsList, headingAt, listedSkills } from "./helpers.js";
import { defineRule } from "./types.js";

const CORE = [
  { category: "languages", name: "programming language" },
  { category: "databases", name: "database" },
  { category: "frameworks", name: "framework" },
  { category: "version-control", name: "version-control tool" },
] as const;

export default defineRule({
  name: "backend-core",
  meta: {
    severity: "warning",
    category: "content",
    description: "The skills name at least one programming language, database, framework and version-control tool.",
    advice: "List languages you are proficient in, database systems, frameworks you have worked with, and version control (Git).",
    fixable: false,
    weight: 12,
    messages: { missing: "The skills name no {missing}; backend roles expect at least one programming language, database, framework and version-control tool." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy }, report) {
    const hasSection = hasSkillsList(analysis.doc);
    // Without a skills section, look at the whole CV (skills-section reports the missing section).
    const skills = hasSection ? listedSkills(analysis) : analysis.skills;
    const cats = new Set<string>(skills.map((s) => s.category));
    for (const s of skills) for (const id of taxonomy.skills.get(s.id)?.implies ?? []) cats.add(taxonomy.skills.get(id)!.category);
    // (A loop into a literal: an empty filter() result has another elements kind, which deoptimizes this.)
    const missing: string[] = [];
    for (const c of CORE) if (!cats.has(c.category)) missing.push(c.name);
    if (missing.length === 0) return;
    const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(", ")} or ${missing[missing.length - 1]}`;
    report({ messageId: "missing", data: { missing: list }, at: headingAt(analysis.doc, "skills"), weight: missing.length / CORE.length });
  },
});
