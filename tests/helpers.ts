import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { lintFile } from "../src/index.js";
import type { CvDocument, SectionKind } from "../src/types.js";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const bin = fileURLToPath(new URL("../bin/cvlint.js", import.meta.url));
export const fixture = (p: string): string => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, without colours, optionally with piped standard input. */
export function cli(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    input: opts.input ?? "",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", COLUMNS: "", ...opts.env },
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fixture's document, read without an error. */
export async function readFixture(path: string): Promise<CvDocument> {
  const r = await lintFile(fixture(path));
  expect(r.error, `${path}: ${r.error?.message}`).toBeNull();
  return r.document!;
}

/** The top-level bullets (the text of each list item) in the sections of a kind: what rules on bullets read. */
export const topBullets = (d: CvDocument, kind: SectionKind): string[] =>
  d.lines.filter((l) => l.kind === "bullet" && (l.level ?? 1) === 1 && d.blocks[l.block]!.start === l.index && d.sections[l.section]!.kind === kind).map((l) => d.blocks[l.block]!.text);

/** Sections in order, each with its number of top-level bullets (what the rules on bullets read). */
export const bulletsBySection = (d: CvDocument): Array<[string, string | null, number]> =>
  d.sections.map((s) => [s.kind, s.heading, d.lines.filter((l) => l.section === s.index && l.kind === "bullet" && (l.level ?? 1) === 1 && d.blocks[l.block]!.start === l.index).length]);
