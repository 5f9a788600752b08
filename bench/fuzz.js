// npm run fuzz -- [--seed N] [--iterations N | --seconds S] [--from N]
// Runs bench/fuzz-core.js in a worker thread and watches it: an input that makes no progress for
// --hang seconds (default 30) is a hang; the worker is replaced and the round goes on.
import { Worker } from "node:worker_threads";
import { writeFileSync, mkdirSync } from "node:fs";
import { mutate, corpus } from "./fuzz-core.js";

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const seed = arg("seed", 1);
const seconds = arg("seconds", 0);
const iterations = arg("iterations", seconds ? Number.MAX_SAFE_INTEGER : 500);
// A wall-clock watchdog: on a machine busy with other work, give it room (replay a hang alone to confirm it).
const hangSeconds = arg("hang", 60);
const first = arg("from", 0);
const started = Date.now();

const workerCode = `
import { parentPort, workerData } from "node:worker_threads";
const { fuzz } = await import(${JSON.stringify(new URL("./fuzz-core.js", import.meta.url).href)});
const res = await fuzz({ seed: workerData.seed, iterations: workerData.count, from: workerData.from, onProgress: (i) => parentPort.postMessage({ progress: i }) });
parentPort.postMessage({ done: res });
`;

const totals = { codes: {}, crashes: [], hangs: [], done: 0, slowest: { ms: 0 }, peakMb: 0 };
let next = first;
const items = corpus();
while (next < first + iterations && (!seconds || Date.now() - started < seconds * 1000)) {
  const count = Math.min(200, first + iterations - next);
  const from = next;
  const result = await new Promise((resolve) => {
    const w = new Worker(workerCode, { eval: true, workerData: { seed, from, count } });
    let last = from - 1;
    let lastAt = Date.now();
    const watch = setInterval(() => {
      if (Date.now() - lastAt > hangSeconds * 1000) {
        clearInterval(watch);
        w.terminate();
        resolve({ hangAt: last + 1 });
      }
    }, 500);
    w.on("message", (m) => {
      if (m.progress !== undefined) {
        last = m.progress;
        lastAt = Date.now();
        totals.done++;
      } else if (m.done) {
        clearInterval(watch);
        w.terminate();
        resolve({ res: m.done });
      }
    });
    w.on("error", (err) => {
      clearInterval(watch);
      resolve({ crashAt: last + 1, err: String(err) });
    });
  });
  if (Math.floor(totals.done / 1000) > Math.floor((totals.done - (result.res ? result.res.iterations : 1)) / 1000)) {
    console.log(`  ${totals.done} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, crashes ${totals.crashes.length + (result.crashAt !== undefined ? 1 : 0)}, hangs ${totals.hangs.length + (result.hangAt !== undefined ? 1 : 0)}, peak ${Math.max(totals.peakMb, result.res?.peakMb ?? 0).toFixed(0)} MB`);
  }
  if (result.res) {
    for (const [k, v] of Object.entries(result.res.codes)) totals.codes[k] = (totals.codes[k] ?? 0) + v;
    if (result.res.slowest.ms > totals.slowest.ms) totals.slowest = result.res.slowest;
    totals.peakMb = Math.max(totals.peakMb, result.res.peakMb);
    totals.crashes.push(...result.res.crashes);
    for (const c of result.res.crashes) console.log(`  CRASH seed ${c.seed} iteration ${c.iteration} (${c.file}, ${c.ops}): ${c.crash}`);
    next = from + count;
  } else {
    const at = result.hangAt ?? result.crashAt;
    const input = mutate(items, seed, at);
    const kind = result.hangAt !== undefined ? "hangs" : "crashes";
    totals[kind].push({ seed, iteration: at, file: input.name, ops: input.ops, crash: result.err ?? `no progress for ${hangSeconds} s` });
    // Said at once, so that a long run stopped early still tells what to replay.
    console.log(`  ${kind === "hangs" ? "HANG" : "CRASH"} seed ${seed} iteration ${at} (${input.name}, ${input.ops}): ${result.err ?? `no progress for ${hangSeconds} s`}`);
    totals.done++;
    next = at + 1;
  }
}

const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`cvlint fuzz: seed ${seed}, ${totals.done} inputs in ${secs} s (${(totals.done / Number(secs)).toFixed(1)}/s)`);
console.log(`error codes: ${Object.entries(totals.codes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`distinct error codes: ${Object.keys(totals.codes).filter((k) => k !== "ok").length}`);
console.log(`crashes: ${totals.crashes.length}, hangs: ${totals.hangs.length}`);
console.log(`slowest input: ${totals.slowest.ms.toFixed(0)} ms (iteration ${totals.slowest.iteration}, ${totals.slowest.file})`);
console.log(`peak memory: ${Math.max(totals.peakMb, process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the whole process, workers included)`);
if (totals.crashes.length || totals.hangs.length) {
  mkdirSync("fuzz-crashes", { recursive: true });
  for (const c of [...totals.crashes, ...totals.hangs]) {
    const input = mutate(items, c.seed, c.iteration);
    writeFileSync(`fuzz-crashes/seed${c.seed}-${c.iteration}-${c.file.replace(/\//g, "_")}`, input.bytes);
    console.log(`  seed ${c.seed} iteration ${c.iteration} (${c.file}, ${c.ops}): ${c.crash}`);
  }
  process.exitCode = 1;
}
