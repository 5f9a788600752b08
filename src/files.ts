import { readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatFromExtension } from "./parse/detect.js";

export interface Target {
  /** A path, or "-" for standard input. */
  path: string;
  /** Why the target could not be expanded (a directory without CVs). */
  problem?: { code: string; message: string };
}

const SKIP_DIRS = new Set(["node_modules"]);

/**
 * Expand the command-line operands: files stay as they are (even if missing, so that the error is
 * reported for that file), directories are searched recursively for CVs (.md, .markdown, .txt,
 * .pdf, .docx), skipping node_modules and dot-folders. The result is de-duplicated and, within
 * each directory, sorted, so runs are reproducible.
 */
export async function expandTargets(operands: string[]): Promise<Target[]> {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (t: Target): void => {
    if (seen.has(t.path)) return;
    seen.add(t.path);
    out.push(t);
  };
  for (const op of operands) {
    if (op === "-") {
      add({ path: "-" });
      continue;
    }
    let isDir = false;
    let exists = true;
    try {
      isDir = statSync(op).isDirectory();
    } catch {
      exists = false;
    }
    if (!exists && /[*?[{]/.test(op)) {
      // A glob the shell did not expand (quoted, or on Windows): match it ourselves.
      const found = await expandGlob(op);
      if (found.length === 0) add({ path: op, problem: { code: "NO_FILES", message: "matches no CV files" } });
      for (const f of found) add({ path: f });
      continue;
    }
    if (!isDir) {
      add({ path: op });
      continue;
    }
    const found: string[] = [];
    await walk(op, found);
    if (found.length === 0) add({ path: op, problem: { code: "NO_FILES", message: "is a directory with no CV files (.md, .txt, .pdf, .docx) in it" } });
    for (const f of found) add({ path: f });
  }
  return out;
}

/**
 * The CV files under `dir`, in name order. Symbolic links are followed, to files and to folders
 * (a CV kept elsewhere and linked into the folder is linted, not skipped); a folder reached again
 * (a link back up the tree, or two links to one folder) is walked once, so a loop ends.
 */
async function walk(dir: string, found: string[], visited = new Set<string>()): Promise<void> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) await walk(p, found, visited);
    } else if (isFile && isCvFileName(e.name)) {
      found.push(p);
    }
  }
}

/** A file a directory search lints: a CV's extension; in a directory, only resume.json / *.resume.json are JSON Resumes (not configs or labels). */
export function isCvFileName(name: string): boolean {
  return formatFromExtension(name) !== undefined && (!name.endsWith(".json") || /(?:^|[.-])resume\.json$/.test(name));
}

/** A glob as a regular expression over "/"-separated paths: *, **, ?, [abc] and {a,b}. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") i++;
        re += "(?:.*/)?";
        if (glob[i] === "*" && glob[i + 1] !== "/") re += "[^/]*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i);
      if (end < 0) re += "\\[";
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, "^")}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) re += "\\{";
      else {
        re += `(?:${glob.slice(i + 1, end).split(",").map((x) => x.replace(/[.+^$()|\\]/g, "\\$&")).join("|")})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

async function expandGlob(pattern: string): Promise<string[]> {
  const norm = pattern.split("\\").join("/");
  const parts = norm.split("/");
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[{]/.test(p)) break;
    fixed.push(p);
  }
  const base = fixed.join("/") || ".";
  const all: string[] = [];
  await walk(base, all);
  const re = globToRegExp(norm);
  const prefix = base === "." && !norm.startsWith("./") ? "./" : "";
  return all.filter((f) => re.test(f.split("\\").join("/")) || re.test(f.split("\\").join("/").replace(prefix, "")));
}
