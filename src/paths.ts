import { fileURLToPath } from "node:url";

/** Absolute path of a data file shipped with the package (taxonomy/, schema/), from src/ or dist/. */
export function dataPath(rel: string): string {
  return fileURLToPath(new URL(`../${rel}`, import.meta.url));
}
