import { randomBytes } from "node:crypto";
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { utf16WithoutBom } from "./parse/text-utils.js";
import { CvlintError } from "./errors.js";
import { lineOffsets } from "./fix-spans.js";
import type { Finding, LintResult } from "./types.js";

type FixEdit = NonNullable<Finding["fix"]>;


/**
 * Apply fixes to a source text, touching only their spans. Overlapping fixes after the first are
 * left for a later pass (the CLI lints the fixed text again until nothing is left to fix). Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: FixEdit[]): { output: string; applied: number } {
  const starts = lineOffsets(text);
  const at = (line: number, column: number): number => (line - 1 < starts.length ? starts[line - 1]! + column - 1 : text.length);
  const spans = fixes
    .map((f) => ({ from: at(f.line, f.column), to: f.endLine > starts.length ? text.length : at(f.endLine, f.endColumn), text: f.text }))
    // At one place, the wider edit first: removing a repeated "Postgres" makes respelling it moot.
    .sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: typeof spans = [];
  for (const s of spans) if (!kept.length || s.from >= kept[kept.length - 1]!.to) kept.push(s);
  let out = text;
  for (const s of [...kept].reverse()) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return { output: out, applied: kept.length };
}

/** Passes of fix and lint again, as ESLint makes them: a fix can leave another to make (overlapping ones). */
const FIX_PASSES = 10;

/**
 * Fix a source text to a fixed point: apply the fixes of a lint result, lint the new text again
 * (`relint`), and repeat while fixes are left (at most ten passes). A second run of --fix then
 * has nothing to do.
 */
export async function fixToEnd(source: string, first: LintResult, relint: (text: string) => Promise<LintResult>): Promise<{ text: string; result: LintResult }> {
  let text = source;
  let result = first;
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    // A finding's other places (the same misspelling again) carry their own fixes.
    const fixes = result.findings.flatMap((f) => [f.fix, ...(f.also ?? []).map((p) => p.fix)].filter((x) => x !== undefined));
    if (fixes.length === 0) break;
    const { output } = applyFixes(text, fixes);
    if (output === text) break;
    text = output;
    result = await relint(text);
  }
  return { text, result };
}

/** Lines of a text with their line breaks; a last line without one is marked. */
function splitKeep(text: string): string[] {
  const starts = lineOffsets(text);
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = text.slice(starts[i], starts[i + 1] ?? text.length);
    if (s !== "") out.push(s);
  }
  return out;
}

/** The shortest edit script between two lists of lines (Myers): pairs of kept lines, in order. */
export function commonLines(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // Walk back through the saved frontiers, collecting the diagonal (kept) moves.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  return pairs.reverse();
}

/**
 * A unified diff (three lines of context, "a/" and "b/" paths relative to the working directory)
 * that `git apply` and `patch -p1` accept, for --fix-dry-run. Line breaks are kept as the file
 * has them; a last line without one gets "\ No newline at end of file".
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const a = splitKeep(before);
  const b = splitKeep(after);
  const kept = commonLines(a, b);
  // Edits as runs between kept pairs: [aStart, aEnd, bStart, bEnd).
  const runs: Array<[number, number, number, number]> = [];
  let ai = 0;
  let bi = 0;
  for (const [x, y] of [...kept, [a.length, b.length] as [number, number]]) {
    if (x > ai || y > bi) runs.push([ai, x, bi, y]);
    ai = x + 1;
    bi = y + 1;
  }
  const path = toPosix(relative(process.cwd(), file));
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const line = (prefix: string, s: string): void => {
    out.push(prefix + s.replace(/\r?\n$|\r$/, (eol) => (eol === "\n" ? "" : eol.replace(/\n$/, ""))));
    if (!/[\r\n]$/.test(s)) out.push("\\ No newline at end of file");
  };
  for (let r = 0; r < runs.length; ) {
    // Runs closer than twice the context share a hunk.
    let last = r;
    while (last + 1 < runs.length && runs[last + 1]![0] - runs[last]![1] <= 2 * context) last++;
    const aFrom = Math.max(0, runs[r]![0] - context);
    const aTo = Math.min(a.length, runs[last]![1] + context);
    const bFrom = runs[r]![2] - (runs[r]![0] - aFrom);
    const bTo = runs[last]![3] + (aTo - runs[last]![1]);
    const aLen = aTo - aFrom;
    const bLen = bTo - bFrom;
    out.push(`@@ -${aLen ? aFrom + 1 : aFrom},${aLen} +${bLen ? bFrom + 1 : bFrom},${bLen} @@`);
    let at = aFrom;
    for (let q = r; q <= last; q++) {
      const [a0, a1, b0, b1] = runs[q]!;
      for (; at < a0; at++) line(" ", a[at]!);
      for (let i = a0; i < a1; i++) line("-", a[i]!);
      for (let i = b0; i < b1; i++) line("+", b[i]!);
      at = a1;
    }
    for (; at < aTo; at++) line(" ", a[at]!);
    r = last + 1;
  }
  return `${out.join("\n")}\n`;
}

const toPosix = (p: string): string => p.split(sep).join("/");

const refuse = (why: string): CvlintError => new CvlintError("FIX_REFUSED", `${why}; nothing was written`);

/** What identifies a file's content and place between two looks at it. */
const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/** The whole content behind an open descriptor, from its start. */
function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.alloc(size + 1);
  let got = 0;
  for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, got);
  return buf.subarray(0, got);
}

/**
 * Write fixes back to a Markdown or text file without losing a byte of anyone's.
 *
 * Refused (one line, exit 2): a file reached through a symbolic link (of the file or of a folder
 * above it) that leads outside the working directory; a file owned by another user (root fixing
 * someone's CV would leave it root's) or with other hard links (a new file would split them); a
 * read-only file (its mode says so even where root could write it); a file that is not the UTF-8
 * text that was linted (changed since, or UTF-16).
 *
 * Written atomically: a new file beside it (created exclusively, with the same mode and group,
 * flushed to disk) is renamed over it, so that a process killed at any moment leaves either the
 * old content or the new, whole. Immediately before the rename the file is looked at again
 * (through the descriptor held since it was read, and through its path); any change since it was
 * read, by another process, refuses the fix. A write that still lands on the old file between that
 * look and the rename is found on the descriptor afterwards, and that content is put back.
 */
export async function writeFixed(result: LintResult, output: string): Promise<void> {
  const given = resolve(result.file);
  let file: string;
  try {
    file = realpathSync(given);
  } catch {
    throw refuse("cannot be resolved (it was moved or removed)");
  }
  if (file !== given) {
    // Some part of the path is a symbolic link: followed only to a file inside the working directory.
    const cwd = realpathSync(process.cwd());
    const rel = relative(cwd, file);
    if (rel.startsWith("..") || isAbsolute(rel)) throw refuse("is reached through a symbolic link that leads outside the working directory");
  }
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw refuse(`cannot be opened (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw refuse("is not a regular file");
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) throw refuse(`belongs to another user (uid ${st.uid}); fix it as that user`);
    if (st.nlink > 1) throw refuse(`has ${st.nlink} hard links; rewriting it would split them`);
    if ((st.mode & 0o200) === 0) throw refuse("is read-only");
    try {
      accessSync(file, constants.W_OK);
      accessSync(dirname(file), constants.W_OK);
    } catch {
      throw refuse("cannot be written here (permission denied)");
    }
    const original = readAll(fd, st.size);
    if ((original[0] === 0xff && original[1] === 0xfe) || (original[0] === 0xfe && original[1] === 0xff) || utf16WithoutBom(original)) {
      throw refuse("is UTF-16; --fix only rewrites UTF-8 files");
    }
    const hasBom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    const now = new TextDecoder().decode(hasBom ? original.subarray(3) : original);
    if (now !== result.source) throw refuse("changed since cvlint read it");
    const data = Buffer.from((hasBom ? "\ufeff" : "") + output);
    const tmp = join(dirname(file), `.${basename(file)}.cvlint-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
    const out = openSync(tmp, "wx", st.mode & 0o7777);
    let renamed = false;
    try {
      try {
        fchmodSync(out, st.mode & 0o7777);
        if (process.getgid?.() !== st.gid) fchownSync(out, st.uid, st.gid);
      } catch {
        throw refuse(`cannot keep its group (gid ${st.gid}) on the rewritten file`);
      }
      for (let off = 0; off < data.length; ) off += writeSync(out, data, off, data.length - off);
      fsyncSync(out);
      closeSync(out);
      // The last look, as close to the rename as it can be.
      const held = fstatSync(fd);
      let atPath: Stats;
      try {
        atPath = statSync(file);
      } catch {
        throw refuse("was moved or removed while cvlint fixed it");
      }
      if (!sameFile(held, st) || !sameFile(atPath, st) || !readAll(fd, st.size).equals(original)) throw refuse("changed while cvlint fixed it");
      renameSync(tmp, file);
      renamed = true;
    } finally {
      if (!renamed) {
        try {
          closeSync(out);
        } catch {
          // already closed
        }
        try {
          unlinkSync(tmp);
        } catch {
          // not there
        }
      }
    }
    // A write that reached the old file after the last look: put that content back in place.
    // (Its change time moves with the rename, which unlinks it: size and modification time tell a write.)
    const after = fstatSync(fd);
    if (after.size !== st.size || after.mtimeMs !== st.mtimeMs) {
      const theirs = readAll(fd, after.size);
      const back = `${tmp}.back`;
      const b = openSync(back, "wx", st.mode & 0o7777);
      try {
        for (let off = 0; off < theirs.length; ) off += writeSync(b, theirs, off, theirs.length - off);
        fsyncSync(b);
      } finally {
        closeSync(b);
      }
      renameSync(back, file);
      throw refuse("was written by another process while cvlint fixed it; that content was kept");
    }
  } finally {
    closeSync(fd);
  }
}
