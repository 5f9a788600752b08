import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dataPath } from "../paths.js";

/**
 * The PDF or DOCX parser as the build bundled it (dist/pdf.cjs, dist/docx.cjs), loaded with its
 * V8 code cache through bin/load-bundle.js; undefined when there is no build (the callers then
 * require the packages themselves).
 */
export function loadParserBundle(name: "pdf" | "docx"): unknown {
  const file = dataPath(`dist/${name}.cjs`);
  if (!existsSync(file)) return undefined;
  const { loadBundle } = createRequire(import.meta.url)(dataPath("bin/load-bundle.js")) as { loadBundle(file: string): { exports: unknown } };
  return loadBundle(file).exports;
}
