import { z } from "zod";

/** Skill categories, after the articles' backend core plus what backend postings ask for today. */
export const CATEGORIES = [
  "languages",
  "databases",
  "frameworks",
  "apis",
  "server-side",
  "middleware",
  "messaging",
  "version-control",
  "cloud",
  "security",
  "build-tools",
  "containers",
  "ci-cd",
  "iac",
  "observability",
  "testing",
  "os",
  "architecture",
  "practices",
  "tools",
  "frontend",
  "soft-skills",
  "other",
] as const;

export type Category = (typeof CATEGORIES)[number];

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case: lower-case letters, digits and single hyphens");
const Form = z.string().trim().min(1, "must not be empty");

export const SkillSchema = z
  .object({
    id: Id.describe("Stable identifier, kebab-case (used in config, JSON output and `implies`)."),
    name: Form.describe("Canonical spelling, as a reviewer wants to read it."),
    aliases: z.array(Form).describe("Other spellings, abbreviations and versions, matched case-insensitively anywhere."),
    implies: z.array(Id).optional().describe("Skills this one implies (Spring Boot → Java)."),
    ambiguous: z
      .array(Form)
      .optional()
      .describe("Spellings that are also English or other things (Go, Spring, Oracle): matched with this exact case, and only in a skills list, next to other skills or with a qualifier."),
    exact: z.array(Form).optional().describe("Spellings matched anywhere, but only with this exact case (REST, SAFe)."),
  })
  .strict();

export const TaxonomyFileSchema = z
  .object({
    $schema: z.string().optional(),
    category: z.enum(CATEGORIES).describe("The category of every skill in this file."),
    skills: z.array(SkillSchema),
  })
  .strict();

export type SkillData = z.infer<typeof SkillSchema>;
export type TaxonomyFile = z.infer<typeof TaxonomyFileSchema>;

/** Words that are never skills on their own in a skills list (labels, proficiency, spoken languages). */
export const LexiconSchema = z
  .object({
    $comment: z.string().optional(),
    spokenLanguages: z.array(Form),
    proficiency: z.array(Form),
    generic: z.array(Form),
    qualifiers: z.array(Form),
    concepts: z.array(z.string()),
  })
  .strict();

export type Lexicon = z.infer<typeof LexiconSchema>;
