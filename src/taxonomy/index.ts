import { compileTaxonomy, type CompiledTaxonomy } from "../match/compile.js";
import { loadTaxonomy } from "./load.js";

const cache = new Map<string, CompiledTaxonomy>();

/** The compiled taxonomy (built-in plus user files), loaded and compiled once per process. */
export function getTaxonomy(userFiles: string[] = []): CompiledTaxonomy {
  const key = userFiles.join("\0");
  let t = cache.get(key);
  if (!t) {
    t = compileTaxonomy(loadTaxonomy(userFiles));
    cache.set(key, t);
  }
  return t;
}
