// One fuzzing process of bench/fuzz.js: runs the iterations it is sent and reports each one (its
// error code, any crash, its time, and its peak memory), so that the parent can tell which input
// a hang or a death came from.
//
// Peak memory per input: on Linux, writing 5 to /proc/self/clear_refs resets the process's peak
// RSS (VmHWM), so the peak read after an input is that input's, worker threads included. Garbage
// left by earlier inputs is collected first when the process holds more than 256 MB, so that it
// does not count against the next one. Elsewhere the figure is the process's peak so far.
import { readFileSync, writeFileSync } from "node:fs";
import { corpus, mutate, runOne } from "./fuzz-core.js";

const items = corpus();
let perInput = true;
function resetPeak() {
  if (!perInput) return;
  if (process.memoryUsage.rss() > 256 * 1024 * 1024) globalThis.gc?.();
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    perInput = false;
  }
}
function peakMb() {
  if (perInput) {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "latin1"));
    if (m) return Number(m[1]) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}

process.on("message", async ({ seed, from, to }) => {
  for (let i = from; i < to; i++) {
    const input = mutate(items, seed, i);
    resetPeak();
    const t = performance.now();
    const { code, crash } = await runOne(input);
    const ms = performance.now() - t;
    process.send({ progress: i, code: code ?? "ok", crash, ms, file: `${input.name} ${input.ops}`, peakMb: peakMb(), perInput });
  }
  process.send({ done: true }, () => process.exit(0));
});
process.send({ ready: true });
