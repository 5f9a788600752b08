import { IMPORTED_WORD, type Skill, type TaxonomyData } from "../taxonomy/load.js";
import type { Lexicon } from "../taxonomy/schema.js";
import { KeyedLines, keyedLinesBytes } from "../taxonomy/keyed-lines.js";
import { tokenize } from "./tokenize.js";

export type Via = "name" | "alias" | "exact" | "ambiguous";

export interface Entry {
  skill: Skill;
  /** The form as written in the taxonomy. */
  form: string;
  /** Token texts of the form, for case-sensitive comparison. */
  tokens: string[];
  via: Via;
  caseSensitive: boolean;
  /** Counts only with context (a skills list, a neighbouring skill, a qualifier). */
  ambiguous: boolean;
}

export interface TrieNode {
  next: TrieEdges;
  entries: Entry[];
}

/** A node's children by lower-case token (a Map, or the lazily built root). */
export interface TrieEdges {
  get(token: string): TrieNode | undefined;
  readonly size: number;
}

/** A spelling of a skill, before it is put into the trie: [skill id, form, via, case-sensitive, ambiguous, tokens]. */
export type EntrySpec = [string, string, Via, boolean, boolean, string[]];

/** Spellings grouped by their first token, lower case. */
export type EntryGroups = Record<string, EntrySpec[]>;

const VIA_CODE: Record<Via, string> = { name: "n", alias: "a", exact: "e", ambiguous: "m" };
const VIA_OF: Record<string, Via> = { n: "name", a: "alias", e: "exact", m: "ambiguous" };

/**
 * The groups as the build stores them with the taxonomy (dist/taxonomy.tables): a line per
 * spelling, tab-separated (first token, id, form, via, case-sensitive, ambiguous, tokens joined
 * by a space, or nothing when the form is its only token), looked up by first token through a
 * hash index (keyed-lines.ts). A group is decoded only when a text has its first token.
 */
export function encodeGroups(groups: EntryGroups): Buffer {
  const lines: string[] = [];
  for (const [first, specs] of Object.entries(groups)) {
    for (const [id, form, via, cs, amb, tokens] of specs) {
      if (/[\t\n]/.test(form) || tokens.some((t) => /\s/.test(t))) throw new Error(`taxonomy form ${JSON.stringify(form)} cannot be stored: it holds a tab or a line break`);
      const toks = tokens.length === 1 && tokens[0] === form ? "" : tokens.join(" ");
      lines.push([first, id, form, VIA_CODE[via], cs ? "1" : "0", amb ? "1" : "0", toks].join("\t"));
    }
  }
  return keyedLinesBytes(lines);
}

/*
 * Decoding runs once per first token a CV meets, while V8 still interprets it: fields are read by
 * index, as array destructuring goes through the iterator protocol and allocates an object per
 * element until the code is optimized.
 */
function decodeGroup(text: string): EntrySpec[] {
  const specs: EntrySpec[] = [];
  for (const line of text.split("\n")) {
    const f = line.split("\t");
    const form = f[2]!;
    const toks = f[6]!;
    specs.push([f[1]!, form, VIA_OF[f[3]!]!, f[4] === "1", f[5] === "1", toks ? toks.split(" ") : [form]]);
  }
  return specs;
}

export interface CompiledTaxonomy {
  skills: Map<string, Skill>;
  root: TrieNode;
  lexicon: {
    spoken: Set<string>;
    proficiency: Set<string>;
    generic: Set<string>;
    qualifiers: Set<string>;
    /** Skill ids that are ordinary words in lower case ("code review"). */
    concepts: Set<string>;
    /** Skill ids of general practices (clean code, caching): claimed only by a skills list. */
    practices: Set<string>;
  };
  /** Lower-case forms (names and aliases) of every skill, for "did you mean"; `ambiguous` for a name that is also a word. */
  readonly forms: Array<{ form: string; skill: Skill; ambiguous: boolean }>;
  /** The same forms by first letter and length ("k:10"), so a suggestion looks at a handful. */
  readonly formIndex: Map<string, Array<{ form: string; skill: Skill; ambiguous: boolean }>>;
}

function lex(l: Lexicon): CompiledTaxonomy["lexicon"] {
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return { spoken: set(l.spokenLanguages), proficiency: set(l.proficiency), generic: set(l.generic), qualifiers: set(l.qualifiers), concepts: set(l.concepts), practices: set(l.practices) };
}

/** The token texts of a taxonomy spelling, as the matcher will meet them in text. */
export function formTokens(form: string): string[] {
  return tokenize(form)
    .map((t) => t.text)
    .filter((t) => t !== "");
}

/**
 * Whether the name is matched only as written: it is one of its own ambiguous or exact spellings
 * ("Go", "Angular"). Another case of the name there ("UNIX" for Unix) is an accepted spelling
 * besides it, and the name is still matched in any case.
 */
const nameIsSpecial = (skill: Skill): boolean => skill.ambiguous?.includes(skill.name) === true || skill.exact?.includes(skill.name) === true;

/**
 * Every spelling of every skill with its tokens, grouped by first token. The build stores this
 * with the shipped taxonomy (dist/taxonomy.validated.json), so a start does not tokenize.
 */
export function entryGroups(skills: Iterable<Skill>, tokensOf: (form: string) => string[] = formTokens): EntryGroups {
  const groups: EntryGroups = Object.create(null) as EntryGroups;
  const add = (skill: Skill, form: string, via: Via, caseSensitive: boolean, ambiguous: boolean) => {
    const toks = tokensOf(form);
    if (toks.length === 0) return;
    const first = toks[0]!.toLowerCase();
    (groups[first] ??= []).push([skill.id, form, via, caseSensitive, ambiguous, toks]);
  };
  for (const skill of skills) {
    // Exact spellings first: where one fits ("UNIX", "JIRA") it is the one a match takes, so
    // that an accepted spelling is not reported as a variant of the name.
    for (const e of skill.exact ?? []) add(skill, e, "exact", true, false);
    if (!nameIsSpecial(skill)) add(skill, skill.name, "name", false, false);
    for (const a of skill.aliases) add(skill, a, "alias", false, false);
    for (const a of skill.ambiguous ?? []) add(skill, a, "ambiguous", true, true);
  }
  return groups;
}

/**
 * The trie's root: the subtree under a first token is built the first time a text has that
 * token. A CV meets a hundred or so of the taxonomy's 1,800 first tokens, so a start builds a
 * few hundred nodes instead of all 2,200 (about 6 ms of a cold start).
 */
class LazyRoot implements TrieEdges {
  /** Built subtrees, and null for tokens that start no spelling (most words of a CV). */
  private readonly built = new Map<string, TrieNode | null>();
  constructor(
    private readonly groups: EntryGroups | KeyedLines,
    private readonly skills: Map<string, Skill>,
  ) {}

  get size(): number {
    return this.groups instanceof KeyedLines ? this.groups.size : Object.keys(this.groups).length;
  }

  get(token: string): TrieNode | undefined {
    const hit = this.built.get(token);
    if (hit !== undefined) return hit ?? undefined;
    const groups = this.groups;
    const stored = groups instanceof KeyedLines ? groups.get(token) : undefined;
    const specs = groups instanceof KeyedLines ? (stored === undefined ? undefined : decodeGroup(stored)) : Object.hasOwn(groups, token) ? groups[token] : undefined;
    if (specs === undefined) {
      this.built.set(token, null);
      return undefined;
    }
    const top: TrieNode = { next: new Map(), entries: [] };
    for (let g = 0; g < specs.length; g++) {
      const spec = specs[g]!;
      const tokens = spec[5];
      let node = top;
      for (let k = 1; k < tokens.length; k++) {
        const norm = tokens[k]!.toLowerCase();
        const edges = node.next as Map<string, TrieNode>;
        let child = edges.get(norm);
        if (!child) {
          child = { next: new Map(), entries: [] };
          edges.set(norm, child);
        }
        node = child;
      }
      node.entries.push({ skill: this.skills.get(spec[0])!, form: spec[1], tokens, via: spec[2], caseSensitive: spec[3], ambiguous: spec[4] });
    }
    this.built.set(token, top);
    return top;
  }
}

/**
 * Compile the taxonomy into a token trie: matching walks the trie from each token of the text,
 * so its cost grows with the text and the length of the longest form, not with the number of
 * skills. The forms for "did you mean" are gathered only when a suggestion is first asked for.
 */
export function compileTaxonomy(data: TaxonomyData): CompiledTaxonomy {
  const groups = data.entryGroups ?? entryGroups(data.skills.values());
  let forms: CompiledTaxonomy["forms"] | undefined;
  let formIndex: CompiledTaxonomy["formIndex"] | undefined;
  const allForms = (): CompiledTaxonomy["forms"] => {
    if (!forms) {
      forms = [];
      for (const skill of data.skills.values()) {
        // (An imported name that reads as words is ambiguous whatever list it is in.)
        const word = skill.source.endsWith(IMPORTED_WORD);
        if (!nameIsSpecial(skill)) forms.push({ form: skill.name.toLowerCase(), skill, ambiguous: word });
        for (const a of skill.aliases) forms.push({ form: a.toLowerCase(), skill, ambiguous: word });
        for (const a of skill.ambiguous ?? []) forms.push({ form: a.toLowerCase(), skill, ambiguous: true });
      }
    }
    return forms;
  };
  return {
    skills: data.skills,
    root: { next: new LazyRoot(groups, data.skills), entries: [] },
    lexicon: lex(data.lexicon),
    get forms() {
      return allForms();
    },
    get formIndex() {
      if (!formIndex) {
        formIndex = new Map();
        for (const f of allForms()) {
          const key = `${f.form[0]}:${f.form.length}`;
          const bucket = formIndex.get(key);
          if (bucket) bucket.push(f);
          else formIndex.set(key, [f]);
        }
      }
      return formIndex;
    },
  };
}
