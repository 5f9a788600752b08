// npm run hostile -- [--only name,name] [--limit S] [--timeout S] [--chars N] [--no-bad] [--root DIR]
// Each hostile shape (bench/hostile-shapes.js) at the size that broke cvlint, then each old hostile
// fixture of fixtures/bad/ (scripts/make-bad-fixtures.sh), linted by the CLI with a good CV after
// it: wall and CPU seconds, peak memory (MB, from /usr/bin/time), exit code, the hostile file's
// error code, whether the good file after it was still linted, and a verdict against issue 24's
// limits (30 s, 600 MB, a result or a one-line error, the next file linted). With --chars N, the
// text shapes are made N characters long instead (2,000,000 is the extracted-text limit: every
// shape is then read in full, the hardest case; the limit there is 10 s). The limits are judged on
// CPU seconds: on a machine shared with other work, wall time says more about the neighbours.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SHAPES, hostileSize } from "./hostile-shapes.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const only = arg("only", "") ? arg("only", "").split(",") : null;
const limit = Number(arg("limit", 90));
const timeout = arg("timeout", null);
const chars = Number(arg("chars", 0));
const bin = join(arg("root", root), "bin/cvlint.js");
const good = join(root, "fixtures/cv/sam-lee-python.md");
const TEXT = new Set(["md", "txt", "json"]);

/** Run the CLI under /usr/bin/time (peak RSS of the process, CPU seconds of all its threads), killed after `limit` s. */
export function runCli(args, limitSeconds) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn("/usr/bin/time", ["-f", "%M %U %S", process.execPath, bin, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" }, detached: true });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      // The whole group: killing `time` alone would leave cvlint running.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, limitSeconds * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const lines = err.trim().split("\n").filter((l) => !l.startsWith("Command exited with") && !l.startsWith("Command terminated by"));
      const [kb, user, sys] = (lines[lines.length - 1] ?? "").split(" ").map(Number);
      resolve({ code, killed, seconds: (Date.now() - t0) / 1000, cpu: user + sys, mb: Number.isFinite(kb) ? kb / 1024 : NaN, stdout: out, stderr: lines.slice(0, -1) });
    });
  });
}

/** One hostile file with the good CV after it: a row of the table, and whether it holds the limits. */
async function row(name, cause, file, maxSeconds) {
  const size = statSync(file).size;
  const r = await runCli(["--format", "json", ...(timeout ? ["--timeout", timeout] : []), file, good], limit);
  let what = r.killed ? `killed after ${limit} s` : "";
  let next = "-";
  let ok = !r.killed;
  if (!r.killed) {
    try {
      const [a, b] = JSON.parse(r.stdout).results;
      what = a.error ? a.error.code : `read (${a.findings.length} findings)`;
      next = b && !b.error ? "linted" : "NOT linted";
      ok &&= next === "linted" && !["INTERNAL", "TIMEOUT"].includes(a.error?.code);
      // A refusal is one line on standard error, a result none.
      ok &&= r.stderr.length === (a.error ? 1 : 0);
    } catch {
      what = `no JSON: ${(r.stderr[0] ?? "").slice(0, 60)}`;
      ok = false;
    }
  }
  ok &&= r.cpu < maxSeconds && r.mb < 600;
  console.log(`${name.padEnd(26)} ${String(cause).padEnd(5)} ${String(size).padStart(10)} ${r.seconds.toFixed(1).padStart(6)} ${r.cpu.toFixed(1).padStart(6)} ${r.mb.toFixed(0).padStart(8)}  ${String(r.code ?? "-").padStart(4)}  ${what.padEnd(24)} ${next.padEnd(10)} ${ok ? "ok" : "FAIL"}`);
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), "cvlint-hostile-"));
  const maxSeconds = chars ? 10 : 30;
  console.log(`limits: ${maxSeconds} s of CPU, 600 MB, a result or a one-line error, the next file linted${chars ? ` (text shapes at ${chars} characters)` : ""}`);
  console.log(`${"shape".padEnd(26)} ${"cause".padEnd(5)} ${"bytes".padStart(10)} ${"wall s".padStart(6)} ${"cpu s".padStart(6)} ${"peak MB".padStart(8)}  exit  result of the file         next file  verdict`);
  let failed = 0;
  for (const s of SHAPES) {
    if (only && !only.includes(s.name)) continue;
    if (chars && !TEXT.has(s.ext)) continue;
    const bytes = s.make(chars ? chars - 200 : hostileSize(s));
    const file = join(dir, `${s.name}.${s.ext}`);
    writeFileSync(file, bytes);
    if (!(await row(s.name, s.cause, file, maxSeconds))) failed++;
    rmSync(file);
  }
  if (!chars && process.argv.indexOf("--no-bad") < 0) {
    // The old hostile fixtures, and the inputs `npm run fuzz` found (fixtures/fuzz/README.md).
    for (const sub of ["bad", "fuzz"]) {
      const folder = join(root, "fixtures", sub);
      for (const f of readdirSync(folder).sort()) {
        if ((only && !only.includes(f)) || (sub === "fuzz" && f.endsWith(".md"))) continue;
        if (!(await row(`${sub}/${f}`, "-", join(folder, f), maxSeconds))) failed++;
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(failed ? `${failed} over the limits` : "every file within the limits");
  if (failed) process.exitCode = 1;
}
