import * as z from "../zod.js";
import { headingAt, isTechnical, withImplied } from "./helpers.js";
import type { CvDocument } from "../types.js";
import { defineRule } from "./types.js";

const CORE = [
  { category: "languages", name: "programming language" },
  { category: "databases", name: "database" },
  { category: "frameworks", name: "framework" },
  { category: "version-control", name: "version-control tool" },
] as const;

/** Categories of infrastructure work: a CV made mostly of them is a DevOps, SRE or platform CV. */
const INFRA = new Set(["cloud", "containers", "iac", "ci-cd", "observability", "os", "server-side", "security"]);

/** Version control in practice: pull or merge requests, a branching strategy or model, Git Flow, trunk-based development. */
const VC_PRACTICE = /\b(?:pull|merge)[ -]requests?\b|\bbranching (?:strategy|strategies|model|workflow)s?\b|\bgit[ -]?flow\b|\btrunk[ -]based\b/i;

/** Whether experience, projects or the summary show version control in practice. */
function showsVersionControl(doc: CvDocument): boolean {
  for (const line of doc.lines) {
    const kind = doc.sections[line.section]!.kind;
    if ((kind === "experience" || kind === "projects" || kind === "summary") && VC_PRACTICE.test(line.text)) return true;
  }
  return false;
}

/** The code host a link of the CV points to (GitHub, GitLab, Bitbucket), if any. */
function codeHost(doc: CvDocument): string | undefined {
  for (const l of doc.links) {
    const m = /^(?:https?:\/\/)?(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org)\//i.exec(l.url);
    if (m) return m[1]!.toLowerCase() === "github.com" ? "GitHub" : m[1]!.toLowerCase() === "gitlab.com" ? "GitLab" : "Bitbucket";
  }
  return undefined;
}

export default defineRule({
  name: "backend-core",
  meta: {
    severity: "warning",
    category: "content",
    description: "The CV names at least one programming language, database, framework (not asked of an infrastructure CV) and version-control tool.",
    advice: "List languages you are proficient in, database systems, frameworks you have worked with, and version control (Git).",
    fixable: false,
    weight: 12,
    messages: {
      missing: "The CV names no {missing}; backend roles expect at least one programming language, database, framework and version-control tool.",
      gitByHost: "The CV names no version-control tool: your {host} link shows you use Git, but a keyword search for Git does not find it; name Git in the skills section.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, taxonomy }, report) {
    // The whole CV: a database shown in experience but not listed is unlisted-skills' to report.
    const skills = analysis.skills.filter((s) => s.known);
    const cats = new Set<string>(skills.map((s) => s.category));
    for (const id of withImplied(skills.map((s) => s.id), taxonomy)) cats.add(taxonomy.skills.get(id)!.category);
    // An infrastructure CV (DevOps, SRE, platform: mostly cloud, containers, pipelines, monitoring)
    // writes no application code in a framework, and is not asked for one.
    const technical = skills.filter((s) => isTechnical(s) && !taxonomy.lexicon.concepts.has(s.id));
    const infra = technical.filter((s) => INFRA.has(s.category)).length;
    const frameworkExpected = technical.length === 0 || infra / technical.length < 0.5;
    // (A loop into a literal: an empty filter() result has another elements kind, which deoptimizes this.)
    const missing: string[] = [];
    for (const c of CORE) if (!cats.has(c.category) && (c.category !== "frameworks" || frameworkExpected)) missing.push(c.name);
    // A CV whose work shows version control in practice (pull requests reviewed, a branching
    // strategy, Git Flow) meets the request: a reviewer reads Git there, and asking for it is a
    // request the CV already meets (ADVICE.md: noise). A profile link alone does not.
    if (missing.includes("version-control tool") && showsVersionControl(analysis.doc)) missing.splice(missing.indexOf("version-control tool"), 1);
    if (missing.length === 0) return;
    // Only version control is missing, and a GitHub, GitLab or Bitbucket link shows it in use: the
    // edit is the keyword, and the finding says why (a reviewer reads Git there; a search does not).
    const host = missing.length === 1 && missing[0] === "version-control tool" ? codeHost(analysis.doc) : undefined;
    if (host) {
      report({ messageId: "gitByHost", data: { host }, at: headingAt(analysis.doc, "skills"), weight: 1 / CORE.length });
      return;
    }
    const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(", ")} or ${missing[missing.length - 1]}`;
    report({ messageId: "missing", data: { missing: list }, at: headingAt(analysis.doc, "skills"), weight: missing.length / CORE.length });
  },
});
