import { statSync } from "node:fs";

/**
 * Whether data prepared by the build from some source files can still be used, decided the way
 * make decides: the same files, of the same sizes, none changed after the prepared file was
 * written. Only stat calls: hashing the sources at every start cost 3–10 ms (reading them, and
 * loading node:crypto), for a check that is about a developer who edited taxonomy/ and did
 * not rebuild. npm installs give every file of a package the same time, so they pass.
 */
export function stamp(files: string[], name: (file: string) => string): string {
  return files.map((f) => `${name(f)}:${statSync(f).size}`).join("|");
}

export function isFresh(files: string[], name: (file: string) => string, recorded: string, prepared: string): boolean {
  try {
    const built = statSync(prepared).mtimeMs;
    const parts: string[] = [];
    for (const f of files) {
      const st = statSync(f);
      if (st.mtimeMs > built) return false;
      parts.push(`${name(f)}:${st.size}`);
    }
    return parts.join("|") === recorded;
  } catch {
    return false;
  }
}
