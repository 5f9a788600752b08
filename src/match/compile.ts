import type { Skill, TaxonomyData } from "../taxonomy/load.js";
import type { Lexicon } from "../taxonomy/schema.js";
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
  next: Map<string, TrieNode>;
  entries: Entry[];
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
  };
  /** Lower-case forms (names and aliases) of every skill, for "did you mean". */
  forms: Array<{ form: string; skill: Skill }>;
  /** The same forms by first letter and length ("k:10"), so a suggestion looks at a handful. */
  formIndex: Map<string, Array<{ form: string; skill: Skill }>>;
  /** Number of trie nodes, for the benchmark. */
  nodes: number;
}

function lex(l: Lexicon): CompiledTaxonomy["lexicon"] {
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return { spoken: set(l.spokenLanguages), proficiency: set(l.proficiency), generic: set(l.generic), qualifiers: set(l.qualifiers), concepts: set(l.concepts) };
}

/** The token texts of a taxonomy spelling, as the matcher will meet them in text. */
export function formTokens(form: string): string[] {
  return tokenize(form)
    .map((t) => t.text)
    .filter((t) => t !== "");
}

/**
 * Compile the taxonomy once into a token trie: matching walks the trie from each token of the
 * text, so its cost grows with the text and the length of the longest form, not with the number
 * of skills.
 */
export function compileTaxonomy(data: TaxonomyData): CompiledTaxonomy {
  const root: TrieNode = { next: new Map(), entries: [] };
  let nodes = 1;
  const forms: CompiledTaxonomy["forms"] = [];
  const add = (skill: Skill, form: string, via: Via, caseSensitive: boolean, ambiguous: boolean) => {
    // Tokens of the form: precomputed by the build for the shipped taxonomy, else tokenized here.
    const toks = data.formTokens?.[form] ?? formTokens(form);
    if (toks.length === 0) return;
    let node = root;
    for (const t of toks) {
      const norm = t.toLowerCase();
      let child = node.next.get(norm);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(norm, child);
        nodes++;
      }
      node = child;
    }
    node.entries.push({ skill, form, tokens: toks, via, caseSensitive, ambiguous });
  };
  for (const skill of data.skills.values()) {
    const special = new Set([...(skill.ambiguous ?? []), ...(skill.exact ?? [])].map((f) => f.toLowerCase()));
    if (!special.has(skill.name.toLowerCase())) {
      add(skill, skill.name, "name", false, false);
      forms.push({ form: skill.name.toLowerCase(), skill });
    }
    for (const a of skill.aliases) {
      add(skill, a, "alias", false, false);
      forms.push({ form: a.toLowerCase(), skill });
    }
    for (const e of skill.exact ?? []) add(skill, e, "exact", true, false);
    for (const a of skill.ambiguous ?? []) {
      add(skill, a, "ambiguous", true, true);
      forms.push({ form: a.toLowerCase(), skill });
    }
  }
  const formIndex = new Map<string, Array<{ form: string; skill: Skill }>>();
  for (const f of forms) {
    const key = `${f.form[0]}:${f.form.length}`;
    const bucket = formIndex.get(key);
    if (bucket) bucket.push(f);
    else formIndex.set(key, [f]);
  }
  return { skills: data.skills, root, lexicon: lex(data.lexicon), forms, formIndex, nodes };
}
