import { resolveConfig } from "../../src/config.js";
import { lintText } from "../../src/index.js";
import type { Finding } from "../../src/types.js";

export interface CvParts {
  header?: string;
  summary?: string | null;
  skills?: string | null;
  experience?: string | null;
  projects?: string | null;
  extra?: string;
}

/** A small but realistic Markdown CV; pass null to leave a section out. */
export function cv(p: CvParts = {}): string {
  const parts = [`# Dana Miller\n\n${p.header ?? "Backend Engineer · dana@example.com · github.com/danam"}`];
  if (p.summary !== null) parts.push(`## Summary\n\n${p.summary ?? "Backend engineer building payment APIs in Java and Spring Boot on PostgreSQL."}`);
  if (p.skills !== null) parts.push(`## Skills\n\n${p.skills ?? "**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot\n\n**Databases:** PostgreSQL\n\n**Tools:** Git, Docker\n\n**Soft skills:** Communication, Mentoring"}`);
  if (p.experience !== null) {
    parts.push(
      `## Experience\n\n### Backend Engineer, Acme (2020 – present)\n\n${
        p.experience ??
        "- Built a Spring Boot payments API in Java that handles 2 million requests a day.\n- Cut PostgreSQL query time by 60% with better indexes.\n- Packaged services with Docker and reviewed code in Git pull requests for 5 engineers.\n- Mentored 3 junior developers through weekly pairing."
      }`,
    );
  }
  if (p.projects !== null && p.projects !== undefined) parts.push(`## Projects\n\n${p.projects}`);
  if (p.extra) parts.push(p.extra);
  return `${parts.join("\n\n")}\n`;
}

/** Lint Markdown with the recommended preset plus rule settings; no config file lookup. */
export async function lint(md: string, rules: Record<string, unknown> = {}): Promise<Finding[]> {
  const config = resolveConfig({ rules }, null);
  const r = await lintText(md, { config });
  if (r.error) throw new Error(r.error.message);
  return r.findings;
}

/** The findings of one rule as [messageId, line, column]. */
export async function hits(md: string, ruleId: string, rules: Record<string, unknown> = {}): Promise<Array<[string, number, number]>> {
  return (await lint(md, rules)).filter((f) => f.ruleId === ruleId).map((f) => [f.messageId, f.line, f.column]);
}

/** The findings of one rule with their data. */
export async function details(md: string, ruleId: string, rules: Record<string, unknown> = {}): Promise<Finding[]> {
  return (await lint(md, rules)).filter((f) => f.ruleId === ruleId);
}
