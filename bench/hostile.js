// npm run hostile -- [--only name,name] [--limit S] [--timeout S]
// Each hostile shape (bench/hostile-shapes.js) at the size that broke cvlint, linted by the CLI
// with a good CV after it: seconds, peak memory (MB, from /proc through `time`-like polling of
// getrusage of the child), exit code, the hostile file's error code, and whether the good file
// after it was still linted. The table of issue 24's closing note comes from here.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
const bin = join(arg("root", root), "bin/cvlint.js");
const good = join(root, "fixtures/cv/sam-lee-python.md");

/** Run the CLI under /usr/bin/time (peak RSS of the process tree's largest member), killed after `limit` s. */
export function runCli(args, limitSeconds) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn("/usr/bin/time", ["-f", "%M", process.execPath, bin, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" }, detached: true });
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
      const lines = err.trim().split("\n");
      const kb = Number(lines[lines.length - 1]);
      resolve({ code, killed, seconds: (Date.now() - t0) / 1000, mb: Number.isFinite(kb) ? kb / 1024 : NaN, stdout: out, stderr: lines.slice(0, -1).join("\n") });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), "cvlint-hostile-"));
  console.log(`${"shape".padEnd(24)} ${"cause".padEnd(5)} ${"bytes".padStart(10)} ${"seconds".padStart(8)} ${"peak MB".padStart(8)}  exit  result of the file             next file`);
  for (const s of SHAPES) {
    if (only && !only.includes(s.name)) continue;
    const bytes = s.make(hostileSize(s));
    const file = join(dir, `${s.name}.${s.ext}`);
    writeFileSync(file, bytes);
    const r = await runCli(["--format", "json", ...(timeout ? ["--timeout", timeout] : []), file, good], limit);
    let what = r.killed ? `killed after ${limit} s` : "";
    let next = "-";
    if (!r.killed) {
      try {
        const [a, b] = JSON.parse(r.stdout).results;
        what = a.error ? a.error.code : `read (${a.findings.length} findings)`;
        next = b && !b.error ? "linted" : "NOT linted";
      } catch {
        what = `no JSON: ${r.stderr.split("\n")[0].slice(0, 60)}`;
      }
    }
    console.log(`${s.name.padEnd(24)} ${String(s.cause).padEnd(5)} ${String(bytes.length).padStart(10)} ${r.seconds.toFixed(1).padStart(8)} ${r.mb.toFixed(0).padStart(8)}  ${String(r.code ?? "-").padStart(4)}  ${what.padEnd(30)} ${next}`);
    rmSync(file);
  }
  rmSync(dir, { recursive: true, force: true });
}
