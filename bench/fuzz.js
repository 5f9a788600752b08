// npm run fuzz -- [--seed N] [--iterations N | --seconds S] [--from N] [--jobs N] [--hang S] [--hang-wall S]
// Runs bench/fuzz-core.js in child processes (--jobs of them at once, default: one per core), in
// chunks of 200 iterations, and watches each: an input that makes no progress while its process
// spends --hang seconds of CPU (default 30) is a hang, and so is one that makes none for
// --hang-wall seconds of wall time (default 600: an input that waits without working). CPU time,
// read from /proc, does not grow while the machine is busy with other work, so a loaded machine
// gives no false hangs. The child is replaced and the round goes on. Each child reports, after
// every input, that input's peak RSS (bench/fuzz-child.js resets the process's peak before each
// one, on Linux); the run prints the highest with the input that reached it, and names at once
// every input whose peak passes 600 MB, issue 24's limit.
import { fork } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { mutate, corpus } from "./fuzz-core.js";

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const seed = arg("seed", 1);
const seconds = arg("seconds", 0);
const iterations = arg("iterations", seconds ? Number.MAX_SAFE_INTEGER : 500);
const hangSeconds = arg("hang", 30);
const hangWallSeconds = arg("hang-wall", 600);
const first = arg("from", 0);
const jobs = Math.max(1, arg("jobs", availableParallelism()));
const CHUNK = 200;
const started = Date.now();
const child = fileURLToPath(new URL("./fuzz-child.js", import.meta.url));
const TICK = 100; // clock ticks per second of /proc/PID/stat on Linux

/** CPU seconds the process has used (all its threads), or null where /proc is not there. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return null;
  }
}

const totals = { codes: {}, crashes: [], hangs: [], done: 0, slowest: { ms: 0 }, peak: { mb: 0 }, over: [] };
const items = corpus();
let next = first;
const end = first + iterations;
let reported = 0;

function progressLine() {
  if (Math.floor(totals.done / 1000) <= reported) return;
  reported = Math.floor(totals.done / 1000);
  console.log(`  ${totals.done} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, crashes ${totals.crashes.length}, hangs ${totals.hangs.length}, peak ${totals.peak.mb.toFixed(0)} MB`);
}

function record(kind, at, err) {
  const input = mutate(items, seed, at);
  const entry = { seed, iteration: at, file: input.name, ops: input.ops, crash: err };
  totals[kind].push(entry);
  // Said at once, so that a long run stopped early still tells what to replay.
  console.log(`  ${kind === "hangs" ? "HANG" : "CRASH"} seed ${seed} iteration ${at} (${input.name}, ${input.ops}): ${err}`);
}

/** Run iterations [from, to) in one child; resolves with the iteration to go on from. */
function runChunk(from, to) {
  return new Promise((resolve) => {
    const p = fork(child, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], execArgv: ["--expose-gc"] });
    let stderr = "";
    p.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
    let last = from - 1;
    let lastAt = Date.now();
    let lastCpu = null;
    let settled = false;
    const finish = (resume) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      p.kill("SIGKILL");
      resolve(resume);
    };
    const watch = setInterval(() => {
      const cpu = cpuOf(p.pid);
      if (lastCpu === null) lastCpu = cpu;
      const cpuStuck = cpu !== null && lastCpu !== null && cpu - lastCpu > hangSeconds;
      const wallStuck = Date.now() - lastAt > (cpu === null ? hangSeconds : hangWallSeconds) * 1000;
      if (cpuStuck || wallStuck) {
        record("hangs", last + 1, cpuStuck ? `no progress in ${hangSeconds} s of CPU` : `no progress in ${((Date.now() - lastAt) / 1000).toFixed(0)} s`);
        totals.done++;
        finish(last + 2);
      }
    }, 500);
    p.on("message", (m) => {
      if (m.ready) {
        p.send({ seed, from, to });
      } else if (m.progress !== undefined) {
        last = m.progress;
        lastAt = Date.now();
        lastCpu = cpuOf(p.pid);
        totals.done++;
        totals.codes[m.code] = (totals.codes[m.code] ?? 0) + 1;
        if (m.ms > totals.slowest.ms) totals.slowest = { ms: m.ms, iteration: m.progress, file: m.file };
        if (m.peakMb > totals.peak.mb) totals.peak = { mb: m.peakMb, iteration: m.progress, file: m.file, perInput: m.perInput };
        if (m.perInput && m.peakMb > 600) {
          totals.over.push(m.progress);
          console.log(`  OVER 600 MB: ${m.peakMb.toFixed(0)} MB at seed ${seed} iteration ${m.progress} (${m.file})`);
        }
        if (m.crash) record("crashes", m.progress, m.crash);
        progressLine();
      } else if (m.done) {
        finish(to);
      }
    });
    p.on("exit", (code, signal) => {
      if (settled) return;
      // The child died between inputs' reports: the next input killed it (out of memory, an abort).
      record("crashes", last + 1, `process ended (${signal ?? `exit ${code}`}): ${stderr.trim().split("\n").slice(-1)[0] ?? ""}`);
      totals.done++;
      finish(last + 2);
    });
  });
}

async function lane() {
  while (next < end && (!seconds || Date.now() - started < seconds * 1000)) {
    const from = next;
    const to = Math.min(end, from + CHUNK);
    next = to;
    let at = from;
    while (at < to) at = await runChunk(at, to);
  }
}

await Promise.all(Array.from({ length: jobs }, lane));

const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`cvlint fuzz: seed ${seed}, iterations ${first}–${Math.min(next, end) - 1}: ${totals.done} inputs in ${secs} s (${(totals.done / Number(secs)).toFixed(1)}/s, ${jobs} processes)`);
console.log(`error codes: ${Object.entries(totals.codes).sort().map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`distinct error codes: ${Object.keys(totals.codes).filter((k) => k !== "ok").length}`);
console.log(`crashes: ${totals.crashes.length}, hangs: ${totals.hangs.length}`);
console.log(`slowest input: ${totals.slowest.ms.toFixed(0)} ms (iteration ${totals.slowest.iteration}, ${totals.slowest.file})`);
console.log(`peak memory: ${totals.peak.mb.toFixed(0)} MB (${totals.peak.perInput ? "one input's peak RSS" : "a fuzzing process's peak RSS"}, worker threads included: iteration ${totals.peak.iteration}, ${totals.peak.file}); inputs over 600 MB: ${totals.over.length}`);
if (totals.crashes.length || totals.hangs.length) {
  mkdirSync("fuzz-crashes", { recursive: true });
  for (const c of [...totals.crashes, ...totals.hangs]) {
    const input = mutate(items, c.seed, c.iteration);
    writeFileSync(`fuzz-crashes/seed${c.seed}-${c.iteration}-${c.file.replace(/\//g, "_")}`, input.bytes);
    console.log(`  seed ${c.seed} iteration ${c.iteration} (${c.file}, ${c.ops}): ${c.crash}`);
  }
  process.exitCode = 1;
}
