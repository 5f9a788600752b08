import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";

/** How a source file is named in a record: from taxonomy/ on, so that records do not depend on where the package is. */
function sourceName(file: string): string {
  const at = file.lastIndexOf("taxonomy");
  return at >= 0 ? file.slice(at) : basename(file);
}

/**
 * Whether data prepared by the build from some source files can still be used. The record holds
 * each file's name and size and a hash of their contents. At a start only stat calls are made:
 * the same files and sizes, none changed after the prepared file was written (make's rule), is
 * enough. Hashing the sources at every start cost 3–10 ms (reading them, loading node:crypto) for
 * a check that is about a developer who edited taxonomy/ without rebuilding. When a source is
 * newer (a copy that did not keep times) the contents are hashed and compared, so a stale record
 * is never used and a fresh one is not thrown away for a time stamp.
 */
export function stamp(files: string[]): string {
  return `${files.map((f) => `${sourceName(f)}:${statSync(f).size}`).join("|")}#${hash(files)}`;
}

export function isFresh(files: string[], recorded: string, prepared: string): boolean {
  try {
    const built = statSync(prepared).mtimeMs;
    let newer = false;
    const parts: string[] = [];
    for (const f of files) {
      const st = statSync(f);
      if (st.mtimeMs > built) newer = true;
      parts.push(`${sourceName(f)}:${st.size}`);
    }
    const [sizes, contents] = recorded.split("#");
    if (parts.join("|") !== sizes) return false;
    return !newer || hash(files) === contents;
  } catch {
    return false;
  }
}

/**
 * Data the build prepared from `sources` (dist/*.validated.json), parsed, when it is there and
 * still fresh; null otherwise (not built, unreadable, or a source changed since).
 */
export function readPrepared<T>(prepared: string, sources: string[]): T | null {
  try {
    const raw = JSON.parse(readFileSync(prepared, "utf8")) as T & { fingerprint: string };
    return isFresh(sources, raw.fingerprint, prepared) ? raw : null;
  } catch {
    return null;
  }
}

/** FNV-1a over the files' bytes, two 32-bit lanes. Not for security: it notices edits. */
function hash(files: string[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const f of files) {
    const bytes = readFileSync(f);
    for (let i = 0; i < bytes.length; i++) {
      a = Math.imul(a ^ bytes[i]!, 0x01000193);
      b = Math.imul(b ^ bytes[i]!, 0x5bd1e995) ^ (b >>> 13);
    }
  }
  return `${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
}
