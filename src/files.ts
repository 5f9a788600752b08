import { readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatFromExtension } from "./parse/detect.js";
import { pushAll } from "./arrays.js";

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
 * .pdf, .docx), skipping node_modules, dot-folders and a repository's own files (REPO_FILES, put
 * in `skipped`). The result is de-duplicated and, within
 * each directory, sorted, so runs are reproducible.
 */
export async function expandTargets(operands: string[], skipped: string[] = []): Promise<Target[]> {
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
      const found = await expandGlob(op, skipped);
      if (found.length === 0) add({ path: op, problem: { code: "NO_FILES", message: "matches no CV files" } });
      for (const f of found) add({ path: f });
      continue;
    }
    if (!isDir) {
      add({ path: op });
      continue;
    }
    const found: string[] = [];
    await walk(op, found, skipped);
    if (found.length === 0) add({ path: op, problem: { code: "NO_FILES", message: "is a directory with no CV files (.md, .txt, .pdf, .docx) in it" } });
    for (const f of found) add({ path: f });
  }
  return out;
}

/**
 * The files of a repository that are about it rather than CVs (README.md, CHANGELOG.md, LICENSE,
 * CONTRIBUTING.md…): skipped in folder runs (a file named on the command line is still linted).
 * `.github/` and other dot-folders are never entered.
 */
export const REPO_FILES = /^(?:readme|changelog|changes|history|license|licence|copying|contributing|code_of_conduct|security|support|authors|notice)(?:\.[a-z]+)?$/i;

/**
 * The CV files under `dir`, in name order. Symbolic links are followed, to files and to folders
 * (a CV kept elsewhere and linked into the folder is linted, not skipped); a folder reached again
 * (a link back up the tree, or two links to one folder) is walked once, so a loop ends.
 */
async function walk(dir: string, found: string[], skipped: string[], visited = new Set<string>()): Promise<void> {
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
      if (!SKIP_DIRS.has(e.name)) await walk(p, found, skipped, visited);
    } else if (isFile && isCvFileName(e.name)) {
      if (REPO_FILES.test(e.name)) skipped.push(p);
      else found.push(p);
    }
  }
}

/** A file a directory search lints: a CV's extension; in a directory, only resume.json / *.resume.json are JSON Resumes (not configs or labels). */
export function isCvFileName(name: string): boolean {
  return formatFromExtension(name) !== undefined && (!name.endsWith(".json") || /(?:^|[.-])resume\.json$/.test(name));
}

/**
 * A matcher for globs over "/"-separated paths, with picomatch (the matcher of micromatch, fast-glob
 * and vite; kept, Bash-compatible): `*`, `**`, `?`, `[abc]`, `{a,b}`, negation with `!`. As in
 * .gitignore, a pattern without a slash matches a name at any depth ("README.md", "*.draft.md")
 * and one that ends in a slash matches a folder and everything in it ("drafts/").
 */
export async function globMatcher(patterns: readonly string[]): Promise<(path: string) => boolean> {
  if (patterns.length === 0) return () => false;
  const { default: picomatch } = await import("picomatch");
  const tests = patterns.map((p) => {
    const glob = p.replace(/^\.\//, "").replace(/\/$/, "/**");
    return picomatch(glob, { dot: true, basename: !glob.includes("/") });
  });
  return (path) => tests.some((t) => t(path));
}

async function expandGlob(pattern: string, skipped: string[]): Promise<string[]> {
  const norm = pattern.split("\\").join("/");
  const parts = norm.split("/");
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[{]/.test(p)) break;
    fixed.push(p);
  }
  const base = fixed.join("/") || ".";
  const all: string[] = [];
  const repoFiles: string[] = [];
  await walk(base, all, repoFiles);
  const { default: picomatch } = await import("picomatch");
  const glob = picomatch(norm.replace(/^\.\//, ""), { dot: false });
  const test = (f: string): boolean => glob(f.split("\\").join("/").replace(/^\.\//, ""));
  pushAll(skipped, repoFiles.filter(test));
  return all.filter(test);
}
