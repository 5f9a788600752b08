import * as z from "../zod.js";

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

/** The schemas of taxonomy files, built on first use. */
export const taxonomySchemas = z.onFirstUse(() => {
  const Id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case: lower-case letters, digits and single hyphens"));
  const Form = z.string().check(z.trim(), z.minLength(1, "must not be empty"));
  const described = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

  const SkillSchema = z.strictObject({
    id: described(Id, "Stable identifier, kebab-case (used in config, JSON output and `implies`)."),
    name: described(Form, "Canonical spelling, as a reviewer wants to read it."),
    aliases: described(z.array(Form), "Other spellings, abbreviations and versions, matched case-insensitively anywhere."),
    implies: described(z.optional(z.array(Id)), "Skills this one implies (Spring Boot → Java)."),
    ambiguous: described(
      z.optional(z.array(Form)),
      "Spellings that are also English or other things (Go, Spring, Oracle): matched with this exact case, and only in a skills list, next to other skills or with a qualifier.",
    ),
    exact: described(z.optional(z.array(Form)), "Spellings matched anywhere, but only with this exact case (REST, SAFe)."),
  });

  const TaxonomyFileSchema = z.strictObject({
    $schema: z.optional(z.string()),
    category: described(z.enum(CATEGORIES), "The category of every skill in this file."),
    skills: z.array(SkillSchema),
  });

  /** Words that are never skills on their own in a skills list (labels, proficiency, spoken languages). */
  const LexiconSchema = z.strictObject({
    $comment: z.optional(z.string()),
    spokenLanguages: z.array(Form),
    proficiency: z.array(Form),
    generic: z.array(Form),
    qualifiers: z.array(Form),
    concepts: z.array(z.string()),
    practices: z.array(z.string()),
  });
  return { SkillSchema, TaxonomyFileSchema, LexiconSchema };
});

export type SkillData = z.infer<ReturnType<typeof taxonomySchemas>["SkillSchema"]>;
export type TaxonomyFile = z.infer<ReturnType<typeof taxonomySchemas>["TaxonomyFileSchema"]>;

/** Words that are never skills on their own in a skills list (labels, proficiency, spoken languages). */
export type Lexicon = z.infer<ReturnType<typeof taxonomySchemas>["LexiconSchema"]>;
