import { spawn } from "node:child_process";
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, cli } from "./helpers.js";

/** A CV with a misspelling to fix in its skills list ("Postgres") and a duplicate ("Java"). */
const LINES = ["# Dana Example", "", "Backend developer.", "", "## Skills", "", "- Java", "- Postgres", "- Kafka", "- Java", "", "## Experience", "", "- Built Java services on Kafka for 3 teams.", ""];

/**
 * What --fix makes of it with "\n" breaks, found by running it: which spans are fixed is the
 * rules' business (and changes with them); these trials are about how the file is written.
 */
let fixedCache: string | undefined;
function fixedText(): string {
  if (fixedCache === undefined) {
    const f = cvIn(workDir());
    cli(["--fix", f]);
    fixedCache = readFileSync(f, "utf8");
    if (fixedCache === LINES.join("\n")) throw new Error("the trial CV has nothing left to fix");
  }
  return fixedCache;
}

function workDir(): string {
  return mkdtempSync(join(tmpdir(), "cvlint-trial-"));
}

function cvIn(dir: string, text = LINES.join("\n"), name = "cv.md"): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The CLI as a child process (not blocking the test runner), killed with SIGKILL after `killAfter` ms if given. */
function run(args: string[], cwd: string, killAfter?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.resume();
    if (killAfter !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfter);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** Refused: exit 2, one line naming the file and why, the file's bytes untouched. */
function expectRefused(r: { code: number; stderr: string }, file: string, before: Buffer, why: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(why);
  expect(lines[0]).toMatch(/nothing was written \[FIX_REFUSED\]$/);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe("--fix trials (issue 24): nothing is lost", () => {
  it("a read-only file is refused, even for root", () => {
    const f = cvIn(workDir());
    chmodSync(f, 0o444);
    expectRefused(cli(["--fix", f]), f, Buffer.from(LINES.join("\n")), /cv\.md: is read-only/);
  });

  it.skipIf(process.getuid?.() !== 0)("a file of another user is refused, and keeps its owner", () => {
    const f = cvIn(workDir());
    chownSync(f, 4321, 4321);
    expectRefused(cli(["--fix", f]), f, Buffer.from(LINES.join("\n")), /belongs to another user \(uid 4321\)/);
    expect(statSync(f).uid).toBe(4321);
  });

  it.skipIf(process.getuid?.() !== 0)("root fixing its own file of another group: fixed, and the rewritten file keeps its group and mode", () => {
    const f = cvIn(workDir());
    chownSync(f, 0, 4321);
    chmodSync(f, 0o640);
    expect(cli(["--fix", f]).code).toBe(0);
    expect(readFileSync(f, "utf8")).toBe(fixedText());
    const st = statSync(f);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([0, 4321, 0o640]);
  });

  it("a file with another hard link is refused, and both names keep the same file", () => {
    const d = workDir();
    const f = cvIn(d);
    linkSync(f, join(d, "copy.md"));
    expectRefused(cli(["--fix", f]), f, Buffer.from(LINES.join("\n")), /has 2 hard links/);
    expect(statSync(f).ino).toBe(statSync(join(d, "copy.md")).ino);
  });

  it("a path that leaves the working directory through a folder symlink is refused", () => {
    const outside = workDir();
    const f = cvIn(outside);
    const work = workDir();
    symlinkSync(outside, join(work, "cvs"));
    expectRefused(cli(["--fix", "cvs/cv.md"], { cwd: work }), f, Buffer.from(LINES.join("\n")), /cvs\/cv\.md: is reached through a symbolic link that leads outside the working directory/);
  });

  it("a symlinked file: refused when it leads outside the working directory; inside it, the target is fixed and the link stays a link", () => {
    const outside = workDir();
    const target = cvIn(outside);
    const work = workDir();
    symlinkSync(target, join(work, "out.md"));
    expectRefused(cli(["--fix", "out.md"], { cwd: work }), target, Buffer.from(LINES.join("\n")), /out\.md: is reached through a symbolic link that leads outside the working directory/);
    const inside = cvIn(work, LINES.join("\n"), "real.md");
    symlinkSync("real.md", join(work, "in.md"));
    expect(cli(["--fix", "in.md"], { cwd: work }).code).toBe(0);
    expect(readFileSync(inside, "utf8")).toBe(fixedText());
    expect(lstatSync(join(work, "in.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(work, "in.md"))).toBe("real.md");
  });

  it("bare CR and mixed line endings: only the fixed spans change, every line break stays as it was", () => {
    const d = workDir();
    const cr = cvIn(d, LINES.join("\r"), "cr.md");
    // (A bare "\r" is never followed by a "\n" break: together they would be one "\r\n".)
    const MIXED = ["\n", "\r", "\r\n"];
    const mixed = cvIn(d, LINES.map((l, i) => (i < LINES.length - 1 ? l + MIXED[i % 3] : l)).join(""), "mixed.md");
    const fixed = fixedText();
    expect(cli(["--fix", cr, mixed]).code).toBe(0);
    expect(readFileSync(cr, "utf8")).toBe(fixed.replace(/\n/g, "\r"));
    // The mixed file: the same lines, and its breaks are the original ones in order, less those of removed lines.
    const out = readFileSync(mixed, "utf8");
    expect(out.split(/\r\n|\r|\n/)).toEqual(fixed.split("\n"));
    const breaks = out.match(/\r\n|\r|\n/g) ?? [];
    const original = LINES.map((_, i) => MIXED[i % 3]!);
    let k = 0;
    for (const b of breaks) {
      while (k < original.length && original[k] !== b) k++;
      expect(k, "a break that was not there").toBeLessThan(original.length);
      k++;
    }
  });

  it("twice in a row: the second run changes nothing and leaves no temporary file", () => {
    const d = workDir();
    const f = cvIn(d);
    cli(["--fix", f]);
    expect(readFileSync(f, "utf8")).toBe(fixedText());
    const r = cli(["--fix", f]);
    expect(r.code).toBe(0);
    expect(readFileSync(f, "utf8")).toBe(fixedText());
    expect(readdirSync(d)).toEqual(["cv.md"]);
  });

  it("a concurrent writer: every line another process appends during the run is in the file afterwards (40 trials)", async () => {
    const fixed = fixedText();
    const trial = async (k: number): Promise<void> => {
      const d = workDir();
      const f = cvIn(d);
      // A writer that appends a numbered line every few milliseconds while cvlint runs.
      const writer = spawn(process.execPath, ["-e", `const fs = require("fs"); let n = 0; const t = setInterval(() => { fs.appendFileSync(${JSON.stringify(f)}, "writer line " + n++ + "\\n"); if (n === 60) { clearInterval(t); process.stdout.write(String(n)); } }, ${5 + (k % 11)});`]);
      let wrote = "";
      writer.stdout.on("data", (x) => (wrote += x));
      const [r] = await Promise.all([run(["--fix", f], d), new Promise((res) => writer.on("close", res))]);
      const text = readFileSync(f, "utf8");
      for (let n = 0; n < Number(wrote); n++) expect(text, `trial ${k}`).toContain(`writer line ${n}\n`);
      // Either fixed (when the fix won the race) or refused with one line; never anything else.
      expect([0, 2], `trial ${k}: ${r.stderr}`).toContain(r.code);
      expect(text.startsWith(fixed) || text.startsWith(LINES.join("\n")), `trial ${k}`).toBe(true);
    };
    for (let k = 0; k < 40; k += 8) await Promise.all(Array.from({ length: 8 }, (_, j) => trial(k + j)));
  }, 180_000);

  it("SIGKILL at random times: the file is always whole, the old content or the fixed one (30 trials)", async () => {
    const fixed = fixedText();
    // How long a run takes here, six at a time as the trials run: the kills are spread over that
    // (from a fifth of it to a little past its end), so that some land while the file is written.
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => workDir()).map((d) => run(["--fix", cvIn(d)], d)));
    const span = Date.now() - t0;
    let killed = 0;
    const trial = async (k: number): Promise<void> => {
      const d = workDir();
      const f = cvIn(d);
      const r = await run(["--fix", f], d, Math.round(span * (0.2 + ((k * 7) % 30) / 30)));
      if (r.code === null) killed++;
      const text = readFileSync(f, "utf8");
      expect([LINES.join("\n"), fixed], `trial ${k}`).toContain(text);
      // Nothing but the CV and, for a run killed between writing and renaming, cvlint's own temporary file.
      for (const name of readdirSync(d)) expect(name === "cv.md" || /^\.cv\.md\.cvlint-\d+-[0-9a-f]{8}\.tmp$/.test(name), name).toBe(true);
    };
    for (let k = 0; k < 30; k += 6) await Promise.all(Array.from({ length: 6 }, (_, j) => trial(k + j)));
    expect(killed, "runs killed before they ended").toBeGreaterThan(0);
  }, 240_000);

  it("-o naming an input is refused before anything is written", () => {
    const d = workDir();
    const f = cvIn(d);
    mkdirSync(join(d, "cvs"));
    const inFolder = cvIn(join(d, "cvs"), LINES.join("\n"), "b.md");
    const before = readFileSync(f);
    for (const [out, args] of [[f, [f]], [inFolder, [join(d, "cvs")]]] as const) {
      const r = cli(["-o", out, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/the report would overwrite it/);
    }
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(readFileSync(inFolder).equals(before)).toBe(true);
  });
});
