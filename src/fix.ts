import { chmod, lstat, readFile, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { CvlintError } from "./errors.js";
import type { Finding, LintResult } from "./types.js";

type FixEdit = NonNullable<Finding["fix"]>;

/** Start offset of every line of a text, line breaks (\n, \r\n, \r) kept in the previous line. */
function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * Apply fixes to a source text, touching only their spans. Overlapping fixes after the first are
 * left for a later run. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: FixEdit[]): { output: string; applied: number } {
  const starts = lineOffsets(text);
  const at = (line: number, column: number): number => (line - 1 < starts.length ? starts[line - 1]! + column - 1 : text.length);
  const spans = fixes
    .map((f) => ({ from: at(f.line, f.column), to: f.endLine > starts.length ? text.length : at(f.endLine, f.endColumn), text: f.text }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const kept: typeof spans = [];
  for (const s of spans) if (!kept.length || s.from >= kept[kept.length - 1]!.to) kept.push(s);
  let out = text;
  for (const s of [...kept].reverse()) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return { output: out, applied: kept.length };
}

/** A unified-style diff of the lines that differ, for --fix-dry-run. */
export function lineDiff(file: string, before: string, after: string): string {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const out = [`--- ${file}`, `+++ ${file} (fixed)`];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // A removed line (duplicate bullet) or a changed one.
    if (a[i + 1] === b[j] && a[i] !== undefined) {
      out.push(`@@ line ${i + 1} @@`, `-${a[i]}`);
      i++;
      continue;
    }
    out.push(`@@ line ${i + 1} @@`);
    if (a[i] !== undefined) out.push(`-${a[i]}`);
    if (b[j] !== undefined) out.push(`+${b[j]}`);
    i++;
    j++;
  }
  return `${out.join("\n")}\n`;
}

/**
 * Write fixes back to a Markdown or text file: only when the file is unchanged since it was read,
 * atomically (a temporary file in the same folder, then rename), keeping its mode and BOM.
 */
export async function writeFixed(result: LintResult, output: string): Promise<void> {
  let file = result.file;
  if ((await lstat(file)).isSymbolicLink()) {
    // A link is followed only to a file inside the working directory.
    const target = await realpath(file);
    const cwd = await realpath(process.cwd());
    if (relative(cwd, target).startsWith("..") || isAbsolute(relative(cwd, target))) {
      throw new CvlintError("FIX_REFUSED", "is a symbolic link to a file outside the working directory; nothing was written");
    }
    file = target;
  }
  const st = await stat(file);
  const original = await readFile(file);
  const hasBom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
  if ((original[0] === 0xff && original[1] === 0xfe) || (original[0] === 0xfe && original[1] === 0xff)) {
    throw new CvlintError("FIX_REFUSED", "is UTF-16; --fix only rewrites UTF-8 files");
  }
  const now = new TextDecoder().decode(hasBom ? original.subarray(3) : original);
  if (now !== result.source) throw new CvlintError("FIX_REFUSED", "changed while cvlint was reading it; nothing was written");
  const tmp = join(dirname(file), `.${basename(file)}.cvlint-${process.pid}.tmp`);
  try {
    await writeFile(tmp, (hasBom ? "\ufeff" : "") + output, { mode: st.mode });
    await chmod(tmp, st.mode);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
