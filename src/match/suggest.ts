import type { CompiledTaxonomy } from "./compile.js";
import { upperRuns } from "./scan.js";
import { isImported, type Skill } from "../taxonomy/load.js";

/**
 * "Did you mean": the known skill whose spelling is closest to `text`, when it is close enough
 * to be a typo (one edit for short words, two for longer ones, same first letter). Never a match:
 * the item stays unknown, the suggestion is only shown.
 */
export function suggestSkill(text: string, tax: CompiledTaxonomy): { id: string; name: string } | undefined {
  const q = text.toLowerCase();
  if (q.length < 4) return undefined;
  const limit = q.length <= 6 ? 1 : 2;
  let best: { d: number; id: string; name: string } | undefined;
  for (let len = q.length - limit; len <= q.length + limit; len++) {
    for (const { form, skill } of tax.formIndex.get(`${q[0]}:${len}`) ?? []) {
      if (letterDifference(q, form) > 2 * limit) continue; // cannot be within `limit` edits
      const d = editDistance(q, form);
      if (d <= limit && (!best || d < best.d)) best = { d, id: skill.id, name: skill.name };
    }
  }
  return best && { id: best.id, name: best.name };
}

const typoLetters = (s: string): string => s.toLowerCase().replace(/[^a-z0-9+#]/g, "");
/** Runs of two or more capitals: the acronyms of a name ("SSL" in OpenSSL). */
const acronyms = (s: string): string[] => upperRuns(s);

/**
 * Whether `item` is one slip of the fingers away from the known spelling `known`: one edit apart
 * (two for names of nine letters or more), not the same letters, not a plural, and no acronym of
 * its own that the known name lacks (OpenSSL is not OpenSSH). Whether the item is a word or
 * another product is the caller's question.
 */
export function slipOf(item: string, known: string): boolean {
  const a = typoLetters(item);
  const b = typoLetters(known);
  if (a.length < 4 || a === b) return false;
  const plural = (x: string, y: string) => !y.endsWith("s") && (x === `${y}s` || x === `${y}es`);
  if (plural(a, b) || plural(b, a)) return false;
  if (acronyms(item).some((x) => !b.includes(x.toLowerCase()))) return false;
  // (Lengths first: the distance is at least their difference.)
  const limit = Math.min(a.length, b.length) >= 9 ? 2 : 1;
  return Math.abs(a.length - b.length) <= limit && editDistance(a, b) <= limit;
}

/**
 * The one known skill that `text` misspells, or null: a spelling of five letters or more, one
 * slip (slipOf) from a spelling of exactly one skill, which is a hand-curated skill and a safe
 * spelling of it (not a name that is also a word). Null when two skills are that close, then it
 * is not clear which one the candidate meant; and when the one is imported from a brand list,
 * which is no safer a guess than the item itself.
 */
export function misspeltSkill(text: string, tax: CompiledTaxonomy): { skill: Skill; form: string } | null {
  const q = text.toLowerCase().replace(/[-\u2010-\u2013\s]+/g, " ").trim();
  if (typoLetters(q).length < 5) return null;
  let found: { skill: Skill; form: string; safe: boolean } | null = null;
  for (let len = q.length - 3; len <= q.length + 3; len++) {
    for (const f of tax.formIndex.get(`${q[0]}:${len}`) ?? []) {
      if (!slipOf(text, f.form)) continue;
      if (found && found.skill.id !== f.skill.id) return null;
      if (!found || (!found.safe && !f.ambiguous)) found = { skill: f.skill, form: f.form, safe: !f.ambiguous };
    }
  }
  return found && found.safe && !isImported(found.skill) ? { skill: found.skill, form: found.form } : null;
}

/**
 * Edit distance with transpositions, computed exactly as natural's DamerauLevenshteinDistance
 * (default options: unit costs, its unrestricted variant) computes it, which cvlint used before;
 * tests/matcher.test.ts holds the two equal. natural's version loads underscore at its first call
 * (about 8 ms of a start with an unknown skill) and builds an object per cell.
 */
export function editDistance(source: string, target: string): number {
  const n = source.length;
  const m = target.length;
  const d: number[][] = [[]];
  for (let col = 0; col <= m; col++) d[0]!.push(col);
  for (let row = 1; row <= n; row++) d.push([row]);
  // Where each source unit was last seen, by row; and, in this row, the last column where source and target matched.
  const lastRow = new Map<string, number>();
  for (let row = 1; row <= n; row++) {
    const above = d[row - 1]!;
    const cur = d[row]!;
    const s = source[row - 1]!;
    let lastColMatch = 0;
    for (let col = 1; col <= m; col++) {
      const t = target[col - 1]!;
      let best = Math.min(cur[col - 1]! + 1, above[col]! + 1, above[col - 1]! + (s === t ? 0 : 1));
      const lastRowMatch = lastRow.get(t);
      if (row > 1 && col > 1 && lastColMatch > 0 && lastRowMatch !== undefined) {
        best = Math.min(best, d[lastRowMatch - 1]![lastColMatch - 1]! + (row - lastRowMatch - 1) + (col - lastColMatch - 1) + 1);
      }
      cur.push(best);
      // (Updated cell by cell, not after the row, as natural does.)
      lastRow.set(s, row);
      if (s === t) lastColMatch = col;
    }
  }
  return d[n]![m]!;
}

/** Characters of one string not matched in the other (a lower bound on twice the edit distance). */
export function letterDifference(a: string, b: string): number {
  if (hasSurrogate(a) || hasSurrogate(b)) return letterDifferenceByCodePoint(a, b);
  // One UTF-16 unit is one character here: count in a table, then read and clear the touched cells.
  for (let i = 0; i < a.length; i++) COUNTS[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) COUNTS[b.charCodeAt(i)]!--;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff += take(a.charCodeAt(i));
  for (let i = 0; i < b.length; i++) diff += take(b.charCodeAt(i));
  return diff;
}

const COUNTS = new Int32Array(0x10000);
function take(unit: number): number {
  const v = COUNTS[unit]!;
  COUNTS[unit] = 0;
  return v < 0 ? -v : v;
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

function letterDifferenceByCodePoint(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  let diff = 0;
  for (const v of counts.values()) diff += Math.abs(v);
  return diff;
}
