import type { Skill } from "./load.js";
import { KeyedLines, keyedLinesBytes } from "./keyed-lines.js";

/*
 * The shipped skills as the build stores them (dist/taxonomy.tables): a line per skill, fields
 * separated by tabs, list items by U+001F, looked up by id through the table's hash index
 * (keyed-lines.ts). A lint looks at a few dozen skills, each decoded the first time it is asked
 * for; a start neither parses nor indexes the other 2,800.
 */

const FIELD = "\t";
const ITEM = "\u001f";
/** An optional list: absent is "", present is this mark followed by its items (so [] stays []). */
const PRESENT = "=";

function list(items: string[] | undefined): string {
  return items === undefined ? "" : PRESENT + items.join(ITEM);
}

function unlist(text: string): string[] | undefined {
  if (text === "") return undefined;
  return text.length === 1 ? [] : text.slice(1).split(ITEM);
}

export function encodeSkills(skills: Iterable<Skill>): Buffer {
  const lines: string[] = [];
  for (const s of skills) {
    const fields = [s.id, s.name, s.aliases.join(ITEM), list(s.implies), list(s.ambiguous), list(s.exact), s.category, s.source];
    for (const f of [s.id, s.name, s.category, s.source, ...s.aliases, ...(s.implies ?? []), ...(s.ambiguous ?? []), ...(s.exact ?? [])]) {
      if (/[\t\n\u001f]/.test(f)) throw new Error(`taxonomy text ${JSON.stringify(f)} cannot be stored: it holds a tab, a line break or U+001F`);
    }
    lines.push(fields.join(FIELD));
  }
  return keyedLinesBytes(lines);
}

/** A skill as validateAndLoad makes it: the same keys in the same order, optional lists only when present. */
function decodeSkill(line: string): Skill {
  // Fields by index: destructuring would allocate through the iterator protocol while V8 interprets this.
  const f = line.split(FIELD);
  const aliases = f[2]!;
  const skill: Partial<Skill> = { id: f[0]!, name: f[1]!, aliases: aliases === "" ? [] : aliases.split(ITEM) };
  const imp = unlist(f[3]!);
  if (imp) skill.implies = imp;
  const amb = unlist(f[4]!);
  if (amb) skill.ambiguous = amb;
  const ex = unlist(f[5]!);
  if (ex) skill.exact = ex;
  skill.category = f[6] as Skill["category"];
  skill.source = f[7]!;
  return skill as Skill;
}

/**
 * The skills by id, decoded on first use. `get` and `has` decode at most the one skill; anything
 * that walks the whole table (size, iteration) decodes the rest first, in the stored order, keeping
 * the objects already handed out.
 */
export class SkillTable extends Map<string, Skill> {
  /** The stored lines, until everything is decoded (then null). */
  #lines: KeyedLines | null;

  constructor(encoded: Buffer) {
    super();
    this.#lines = new KeyedLines(encoded);
  }

  override get(id: string): Skill | undefined {
    const known = super.get(id);
    if (known !== undefined || this.#lines === null) return known;
    const line = this.#lines.get(id);
    if (line === undefined) return undefined;
    const skill = decodeSkill(line);
    super.set(id, skill);
    return skill;
  }

  override has(id: string): boolean {
    return super.has(id) || (this.#lines?.has(id) ?? false);
  }

  override get size(): number {
    this.decodeAll();
    return super.size;
  }

  override keys(): MapIterator<string> {
    this.decodeAll();
    return super.keys();
  }

  override values(): MapIterator<Skill> {
    this.decodeAll();
    return super.values();
  }

  override entries(): MapIterator<[string, Skill]> {
    this.decodeAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, Skill]> {
    return this.entries();
  }

  override forEach(fn: (value: Skill, key: string, map: Map<string, Skill>) => void, thisArg?: unknown): void {
    this.decodeAll();
    super.forEach(fn, thisArg);
  }

  override set(id: string, skill: Skill): this {
    this.decodeAll();
    return super.set(id, skill);
  }

  override delete(id: string): boolean {
    this.decodeAll();
    return super.delete(id);
  }

  override clear(): void {
    this.#lines = null;
    super.clear();
  }

  /** Decode every line not decoded yet, and put all skills in stored order, keeping the objects handed out. */
  private decodeAll(): void {
    const lines = this.#lines;
    if (lines === null) return;
    this.#lines = null;
    const handedOut = new Map<string, Skill>(super.entries());
    super.clear();
    for (const line of lines.lines()) {
      const id = line.slice(0, line.indexOf(FIELD));
      super.set(id, handedOut.get(id) ?? decodeSkill(line));
    }
  }
}
