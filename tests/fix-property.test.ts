// Properties of --fix over every team fixture in Markdown or text and a seeded set of generated
// Markdown CVs: a fix edits only whole skills-list items, never a line outside the skills lists,
// never lowers the set of skills the CV names, and fixing again changes nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config.js";
import { applyFixes, commonLines, fixToEnd } from "../src/fix.js";
import { lintText } from "../src/index.js";
import type { LintResult } from "../src/types.js";
import { rng } from "../bench/fuzz-core.js";
import { fixture } from "./helpers.js";

const config = defaultConfig();
const lint = (text: string, name: string): Promise<LintResult> => lintText(text, { filePath: name, format: name.endsWith(".txt") ? "text" : "markdown", config });

function teamFixtures(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|markdown|txt)$/.test(f) && f !== "README.md") out.push({ name: p, text: readFileSync(p, "utf8") });
    }
  };
  walk(fixture(""));
  return out;
}

// Names as CVs write them: canonical, variant spellings, aliases, versions, and longer tokens
// that contain a name (packages, files, URLs, hosts).
const NAMES = ["PostgreSQL", "Postgres", "postgres", "Postgres 15", "JavaScript", "Javascript", "javascript", "NodeJS", "Node.js", "TypeScript", "Typescript", "MongoDB", "mongo db", "Mongodb", "MySQL", "Mysql", "Docker", "docker", "Kubernetes", "k8s", "Go", "Golang", "Go (Golang)", "Java", "Java 17", "Java 8", "Spring Boot", "Redis", "Kafka", "RabbitMQ", "Terraform", "AWS", "React", "ReactJS", "GraphQL", "Graphql", "Git", "Jenkins", "Communication"];
const TOKENS = ["node-postgres", "docker-compose.yml", "postgres-exporter", "pg_dump", "mongo-express", "javascript-sdk", "redis.conf", "kafka-clients", "me@postgres.dev", "postgres://db.internal/app", "github.com/ana/postgres-tools", "Dockerfile"];
const LABELS = ["Languages", "Databases", "Tools", "Frameworks", "Cloud & DevOps", "Other"];

function markup(r: () => number, name: string): string {
  const k = r();
  if (k < 0.55) return name;
  if (k < 0.7) return `**${name}**`;
  if (k < 0.78) return `\`${name}\``;
  if (k < 0.86) return `[${name}](https://example.com/${encodeURIComponent(name)})`;
  if (k < 0.93) return `_${name}_`;
  return name;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function items(r: () => number, n: number): string[] {
  return Array.from({ length: n }, () => markup(r, r() < 0.82 ? pick(r, NAMES) : pick(r, TOKENS)));
}

/** A Markdown CV of the shapes real ones take, with the names above in its lists and its prose. */
function generatedCv(seed: number): string {
  const r: () => number = rng(seed);
  const out = ["# Ana Silva", "", `Backend developer · [github.com/ana](https://github.com/ana) · ana@example.com`, ""];
  if (r() < 0.7) out.push("## Summary", "", `Backend developer working with ${pick(r, NAMES)} and ${pick(r, NAMES)}; maintainer of ${pick(r, TOKENS)}.`, "");
  out.push(pick(r, ["## Skills", "## Technical Skills", "## Tech stack"]), "");
  const groups = 1 + Math.floor(r() * 4);
  for (let g = 0; g < groups; g++) {
    const list = items(r, 1 + Math.floor(r() * 5));
    const form = r();
    if (form < 0.35) out.push(`- ${pick(r, LABELS)}: ${list.join(", ")}`);
    else if (form < 0.55) out.push(`**${pick(r, LABELS)}:** ${list.join(", ")}`, "");
    else if (form < 0.7) out.push(...list.map((x) => `- ${x}`));
    else if (form < 0.8) out.push(`| ${pick(r, LABELS)} | ${list.join(", ")} |`);
    else if (form < 0.9) out.push(`${list.join(" · ")}`, "");
    else out.push(`I use ${list.join(" and ")} every day, and ${pick(r, NAMES)} when needed.`, "");
    if (form >= 0.7 && form < 0.8 && (g === groups - 1 || r() < 0.5)) out.push("");
  }
  if (out[out.length - 1] !== "") out.push("");
  out.push("## Experience", "", `### Backend Engineer, Acme (2020 – present)`, "");
  for (let b = 0; b < 2 + Math.floor(r() * 3); b++) {
    out.push(`- Built ${markup(r, pick(r, NAMES))} services with ${pick(r, TOKENS)} and ${markup(r, pick(r, NAMES))} for ${2 + Math.floor(r() * 20)} teams.`);
  }
  if (r() < 0.4) out.push("", `### ${pick(r, NAMES)} migration`, "", `- Moved ${pick(r, NAMES)} to ${pick(r, NAMES)}, see \`${pick(r, TOKENS)}\`.`);
  out.push("");
  return out.join(r() < 0.15 ? "\r\n" : "\n");
}

/** Source lines (1-based) that are skills-list lines: in a skills section and not a heading. */
function skillsListLines(r: LintResult): Set<number> {
  const doc = r.document!;
  const out = new Set<number>();
  for (const l of doc.lines) if (doc.sections[l.section]!.kind === "skills" && l.kind !== "heading") out.add(l.pos.line);
  return out;
}

const ids = (r: LintResult): Set<string> => new Set(r.skills.map((s) => s.id));

async function checkProperties(name: string, text: string): Promise<number> {
  const first = await lint(text, name);
  if (first.error) return 0; // fixtures/bad: nothing to fix

  const listLines = skillsListLines(first);
  const srcLines = text.split(/\r\n|\n|\r/);
  // Each fix is reported, on a skills-list line, and edits exactly what its finding names.
  // (A finding's other places, `also`, carry their own fixes: the same edit again.)
  const placed = first.findings.flatMap((f) => [f, ...(f.also ?? [])].map((p) => ({ f, fix: p.fix })));
  for (const { f, fix } of placed) {
    if (!fix) continue;
    expect(["skill-spelling", "duplicate-skills"], name).toContain(f.ruleId);
    expect(listLines.has(fix.line), `${name}:${fix.line} ${f.ruleId} outside the skills lists`).toBe(true);
    const line = srcLines[fix.line - 1]!;
    // (A repeated list is one finding naming every repeated item: each place removes one of them.)
    const names = f.messageId === "duplicateMany" ? [...String(f.data.skills).matchAll(/'([^']+)'/g)].map((m) => m[1]!) : [String(f.data.written)];
    if (fix.endLine === fix.line) {
      const old = line.slice(fix.column - 1, fix.endColumn - 1);
      // (One finding covers every way the name is misspelt: each place rewrites a spelling of that name.)
      if (f.ruleId === "skill-spelling") expect(old.toLowerCase().replace(/[^a-z0-9+#]/g, ""), `${name}:${fix.line}`).toBe(String(f.data.name).toLowerCase().replace(/[^a-z0-9+#]/g, ""));
      else expect(names.some((n) => old.includes(n)), `${name}:${fix.line} removes '${old}', not one of ${names.join(", ")}`).toBe(true);
    } else expect(names.some((n) => new RegExp(`^[-*+]\\s+[*_]*${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(line.trim())), `${name}:${fix.line}`).toBe(true);
  }
  const { output } = applyFixes(text, placed.flatMap((p) => (p.fix ? [p.fix] : [])));
  const { text: fixed, result } = await fixToEnd(text, first, (t) => lint(t, name));
  if (output === text) expect(fixed, name).toBe(text);
  // Only skills-list lines change: every line of the original outside them is kept, in order.
  const a = text.split(/(?<=\n)/);
  const b = fixed.split(/(?<=\n)/);
  const kept = new Set(commonLines(a, b).map(([x]) => x));
  for (let i = 0; i < a.length; i++) if (!kept.has(i)) expect(listLines.has(i + 1), `${name}:${i + 1} changed outside the skills lists: ${a[i]}`).toBe(true);
  expect(b.length, name).toBeLessThanOrEqual(a.length);
  // The CV names every skill it named before. (An item outside the taxonomy is read as a skill
  // depending on the list around it, "mostly known skills": for those, its words are still there.)
  const after = ids(result);
  for (const s of first.skills) {
    if (s.known) expect(after.has(s.id), `${name}: ${s.id} no longer named after --fix`).toBe(true);
    else for (const o of s.occurrences) expect(fixed, `${name}: '${o.text}' no longer written after --fix`).toContain(o.text);
  }
  // Fixing the fixed text changes nothing.
  expect(result.findings.filter((f) => f.fix), `${name}: fixes left after --fix`).toEqual([]);
  const again = await fixToEnd(fixed, result, (t) => lint(t, name));
  expect(again.text, name).toBe(fixed);
  return fixed === text ? 0 : 1;
}

describe("--fix properties", () => {
  it("on every team fixture in Markdown or text: only reported skills-list items change, no skill is lost, a second fix changes nothing", async () => {
    const files = teamFixtures();
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) await checkProperties(f.name, f.text);
  });

  it("on 200 generated Markdown CVs (seeded): the same, and some of them are fixed", async () => {
    let changed = 0;
    for (let seed = 1; seed <= 200; seed++) changed += await checkProperties(`generated-${seed}.md`, generatedCv(seed));
    // The generator makes fixable CVs: the properties are not met by fixing nothing.
    expect(changed).toBeGreaterThan(50);
  });

  it("the issue's reproduction: only 'Postgres'-style items inside the skills list change", async () => {
    const md = "# Ana Silva\n\nBackend developer. [github.com/ana](https://github.com/ana)\n\n## Skills\n\n- Libraries: node-postgres, Express\n- Databases: PostgreSQL, MongoDB\n- Tools: Postgres, Docker, `postgres://db`\n\n## Experience\n\n- Wrote docker-compose.yml files and a postgres-exporter dashboard for 12 services.\n- Tuned [Postgres](https://www.postgresql.org) and **postgres** replicas.\n";
    const first = await lint(md, "fix-repro.md");
    const { text } = await fixToEnd(md, first, (t) => lint(t, "fix-repro.md"));
    // Postgres repeats PostgreSQL from another group: reported, not removed (which group keeps it is the author's call).
    expect(text).toBe(md);
    expect(first.findings.filter((f) => f.ruleId === "duplicate-skills").map((f) => [f.line, f.fixable])).toEqual([[9, false]]);
    const plain = md.replace("- Tools: Postgres, Docker, `postgres://db`\n", "- Tools: Postgres, Mysql\n");
    const second = await lint(plain, "fix-repro.md");
    expect((await fixToEnd(plain, second, (t) => lint(t, "fix-repro.md"))).text).toBe(plain.replace("- Tools: Postgres, Mysql", "- Tools: Postgres, MySQL"));
    // No finding calls a longer name a misspelling. (Postgres itself is an accepted name, ADVICE.md,
    // so no place is reported at all; Mysql in the second CV is.)
    expect(first.findings.filter((f) => f.ruleId === "skill-spelling")).toEqual([]);
    expect(second.findings.filter((f) => f.ruleId === "skill-spelling").flatMap((f) => [f, ...(f.also ?? [])].map((p) => p.line))).toEqual([9]);
  });
});
