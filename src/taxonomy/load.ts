import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type * as z from "../zod.js";
import type { EntryGroups } from "../match/compile.js";
import { CvlintError, keyPath } from "../errors.js";
import { readPrepared, stamp } from "../fingerprint.js";
import { readDataFile } from "../read.js";
import { dataPath } from "../paths.js";
import { KeyedLines } from "./keyed-lines.js";
import { encodeSkills, SkillTable } from "./skill-table.js";
import { CATEGORIES, type Category, type Lexicon, type SkillData, taxonomySchemas } from "./schema.js";

export interface Skill extends SkillData {
  category: Category;
  /** Where the entry was defined, e.g. "taxonomy/skills/databases.json skills[3]". */
  source: string;
}

export interface TaxonomyData {
  skills: Map<string, Skill>;
  lexicon: Lexicon;
  /** Files read, for error messages and caching. */
  files: string[];
  /** Every spelling with its tokens, grouped by first token: computed by the build for the shipped taxonomy. */
  entryGroups?: EntryGroups | KeyedLines;
}


function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

/** A one-line error naming the file and key path, the way vale names the rule file. */
function schemaError(file: string, err: z.core.$ZodError): CvlintError {
  const issue = err.issues[0]!;
  return new CvlintError("TAXONOMY_INVALID", `${shortPath(file)} ${keyPath(issue.path) || "(root)"}: ${issue.message}`);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readDataFile(file);
  } catch (err) {
    throw new CvlintError("TAXONOMY_INVALID", `${shortPath(file)}: ${err instanceof CvlintError ? err.message : `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CvlintError("TAXONOMY_INVALID", `${shortPath(file)}: is not valid JSON (${(err as Error).message})`);
  }
}

/** Case-insensitive key of a form: tokens folded the way the matcher folds them. */
export function formKey(form: string): string {
  return form
    .toLowerCase()
    .replace(/[-\u2010-\u2013]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The skill files shipped in taxonomy/skills/, one per category. */
export function builtinFiles(): string[] {
  const dir = dataPath("taxonomy/skills");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Load, validate and merge taxonomy files. Built-in files come first; user files (`--taxonomy`)
 * may add skills or replace a built-in one by using its id. Errors name the file and key path:
 * `taxonomy/skills/databases.json skills[3].aliases[1]: "pg" is already used by postgresql (taxonomy/skills/databases.json skills[0])`.
 */
export function loadTaxonomy(userFiles: string[] = []): TaxonomyData {
  if (userFiles.length === 0) {
    const pre = prevalidated();
    if (pre) return pre;
  }
  return validateAndLoad(userFiles);
}

/** The end of an imported skill's source when its name reads as ordinary words ("Processing"). */
export const IMPORTED_WORD = "; its name is also a word";

/** Whether a skill was imported from public data rather than curated. */
export const isImported = (skill: Skill): boolean => skill.source.startsWith("imported from");

/** Technologies imported from public data by the build (scripts/vocabulary.js). */
export const VOCABULARY = "dist/vocabulary.json";

/** The shipped data files that dist/taxonomy.validated.json is made from. */
function sourceFiles(): string[] {
  const files = [...builtinFiles(), dataPath("taxonomy/lexicon.json")];
  return existsSync(dataPath(VOCABULARY)) ? [...files, dataPath(VOCABULARY)] : files;
}

/**
 * The imported technologies, validated like a taxonomy file's skills. They come after the curated
 * and the user's entries, which win: an imported entry whose id or any spelling another entry
 * already has is left out (the build leaves out those the curated taxonomy spells).
 */
function addImported(skills: Map<string, Skill>, userSkills: Skill[]): void {
  const file = dataPath(VOCABULARY);
  if (!existsSync(file)) return;
  const data = readJson(file) as { sources?: unknown; skills?: unknown };
  const list = Array.isArray(data.skills) ? (data.skills as Array<Record<string, unknown>>) : [];
  // A user's alias that is an imported technology's name maps that product onto another: refused, naming both.
  const importedNames = new Map<string, Record<string, unknown>>();
  for (const raw of list) if (typeof raw.name === "string") importedNames.set(formKey(raw.name), raw);
  for (const s of userSkills) {
    s.aliases.forEach((a, i) => {
      const other = importedNames.get(formKey(a));
      if (other && other.id !== s.id && formKey(s.name) !== formKey(a)) {
        throw new CvlintError("TAXONOMY_INVALID", `${s.source}.aliases[${i}]: "${a}" is another product, ${String(other.name)} (${String(other.id)}, imported from ${String(other.source)}), not ${s.name}: make it a skill of its own and relate the two with "implies"`);
      }
    });
  }
  const taken = new Set<string>();
  for (const s of skills.values()) for (const f of [s.name, ...s.aliases, ...(s.ambiguous ?? []), ...(s.exact ?? [])]) taken.add(formKey(f));
  list.forEach((raw, i) => {
    const { category, source, word, ...rest } = raw;
    const parsed = taxonomySchemas().SkillSchema.safeParse(rest);
    const where = `${VOCABULARY} skills[${i}]`;
    if (!parsed.success) throw schemaError(file, parsed.error);
    if (typeof category !== "string" || !(CATEGORIES as readonly string[]).includes(category)) throw new CvlintError("TAXONOMY_INVALID", `${where}.category: not a category`);
    const s = parsed.data;
    const forms = [s.name, ...s.aliases, ...(s.ambiguous ?? []), ...(s.exact ?? [])];
    if (skills.has(s.id) || forms.some((f) => taken.has(formKey(f)))) return;
    for (const f of forms) taken.add(formKey(f));
    // (The source says whether the name reads as ordinary words: the matcher takes such a name only as a skills-list item.)
    skills.set(s.id, { ...s, category: category as Category, source: `imported from ${typeof source === "string" ? source : "public data"}${word === true ? IMPORTED_WORD : ""}` });
  });
}


export const PREVALIDATED = "dist/taxonomy.validated.json";
/** The prepared skills and spellings (skill-table.ts, compile.ts encodeGroups): the skills' length, then both (the second padded to a multiple of 4). */
export const PREPARED_TABLES = "dist/taxonomy.tables";

/**
 * The built-in taxonomy as validated at build time (`npm run build` writes it): loading it skips
 * the zod and cross-file checks, which cost more than the rest of a Markdown lint. Any edit to
 * the data files changes the fingerprint and brings the full validation back, and so does a
 * tables file of another length than the one recorded with it.
 */
function prevalidated(): TaxonomyData | null {
  const raw = readPrepared<{ tables: number; lexicon: Lexicon; files: string[] }>(dataPath(PREVALIDATED), sourceFiles());
  if (!raw || typeof raw.tables !== "number") return null;
  let tables: Buffer;
  try {
    tables = readFileSync(dataPath(PREPARED_TABLES));
  } catch {
    return null;
  }
  if (tables.length !== raw.tables) return null;
  const skillsLength = tables.readUInt32LE(0);
  return { skills: new SkillTable(tables.subarray(4, 4 + skillsLength)), lexicon: raw.lexicon, files: raw.files, entryGroups: new KeyedLines(tables.subarray(alignedEnd(skillsLength))) };
}

/** Where the spellings' table starts in the tables file: after the skills' length and the skills, at a multiple of 4. */
const alignedEnd = (skillsLength: number): number => (4 + skillsLength + 3) & ~3;

function validateAndLoad(userFiles: string[]): TaxonomyData {
  const skills = new Map<string, Skill>();
  const userSkills: Skill[] = [];
  const files = [...builtinFiles(), ...userFiles];
  for (const file of files) {
    const isUser = userFiles.includes(file);
    const parsed = taxonomySchemas().TaxonomyFileSchema.safeParse(readJson(file));
    if (!parsed.success) throw schemaError(file, parsed.error);
    parsed.data.skills.forEach((s, i) => {
      const source = `${shortPath(file)} skills[${i}]`;
      const prev = skills.get(s.id);
      if (prev && !isUser) throw new CvlintError("TAXONOMY_INVALID", `${source}.id: "${s.id}" is already defined in ${prev.source}`);
      const skill = { ...s, category: parsed.data.category, source };
      skills.set(s.id, skill);
      if (isUser) userSkills.push(skill);
    });
  }
  addImported(skills, userSkills);
  validateCrossFile(skills);
  const lexFile = dataPath("taxonomy/lexicon.json");
  const lex = taxonomySchemas().LexiconSchema.safeParse(readJson(lexFile));
  if (!lex.success) throw schemaError(lexFile, lex.error);
  return { skills, lexicon: lex.data, files };
}

/** No spelling claimed by two skills, every `implies` known, no skill implying itself. */
export function validateCrossFile(skills: Map<string, Skill>): void {
  const ci = new Map<string, { id: string; where: string }>();
  const cs = new Map<string, { id: string; where: string }>();
  for (const s of skills.values()) {
    const exactish = new Set([...(s.ambiguous ?? []), ...(s.exact ?? [])].map((f) => f.toLowerCase()));
    const claim = (map: Map<string, { id: string; where: string }>, key: string, where: string) => {
      const other = map.get(key);
      if (other && other.id !== s.id) {
        // An alias that is another skill's name maps that product onto this one.
        const product = other.where.endsWith(".name") && !where.endsWith(".name") ? `, the name of another product: make "${s.name}" imply it instead` : "";
        throw new CvlintError("TAXONOMY_INVALID", `${where}: "${key}" is already used by ${other.id} (${other.where})${product}`);
      }
      map.set(key, { id: s.id, where });
    };
    if (!exactish.has(s.name.toLowerCase())) claim(ci, formKey(s.name), `${s.source}.name`);
    s.aliases.forEach((a, i) => claim(ci, formKey(a), `${s.source}.aliases[${i}]`));
    (s.ambiguous ?? []).forEach((a, i) => claim(cs, a, `${s.source}.ambiguous[${i}]`));
    (s.exact ?? []).forEach((a, i) => claim(cs, a, `${s.source}.exact[${i}]`));
    (s.implies ?? []).forEach((id, i) => {
      if (!skills.has(id)) throw new CvlintError("TAXONOMY_INVALID", `${s.source}.implies[${i}]: "${id}" is not a known skill id`);
      if (id === s.id) throw new CvlintError("TAXONOMY_INVALID", `${s.source}.implies[${i}]: a skill cannot imply itself`);
    });
  }
  // A case-sensitive form must not also be claimed case-insensitively by another skill.
  for (const [form, owner] of cs) {
    const other = ci.get(formKey(form));
    if (other && other.id !== owner.id) throw new CvlintError("TAXONOMY_INVALID", `${owner.where}: "${form}" is already used by ${other.id} (${other.where})`);
  }
}

/** What `npm run build` stores in dist/taxonomy.validated.json and dist/taxonomy.tables (after a full validation). */
export function prevalidatedFiles(groups: (skills: Iterable<Skill>) => Buffer): { json: string; tables: Buffer } {
  const data = validateAndLoad([]);
  const skills = encodeSkills(data.skills.values());
  const length = Buffer.alloc(4);
  length.writeUInt32LE(skills.length, 0);
  // The spellings' table starts at a multiple of 4, so that its slots are read in place (KeyedLines).
  const tables = Buffer.concat([length, skills, Buffer.alloc(alignedEnd(skills.length) - 4 - skills.length), groups(data.skills.values())]);
  const json = JSON.stringify({ fingerprint: stamp(sourceFiles()), tables: tables.length, lexicon: data.lexicon, files: data.files.map((f) => f.slice(f.lastIndexOf("taxonomy"))) });
  return { json, tables };
}
