// One fuzzing process of bench/fuzz.js: runs the iterations it is sent and reports each one (its
// error code, any crash, its time, and the process's peak RSS so far), so that the parent can
// tell which input a hang or a death came from.
import { corpus, mutate, runOne } from "./fuzz-core.js";

const items = corpus();
process.on("message", async ({ seed, from, to }) => {
  for (let i = from; i < to; i++) {
    const input = mutate(items, seed, i);
    const t = performance.now();
    const { code, crash } = await runOne(input);
    const ms = performance.now() - t;
    process.send({ progress: i, code: code ?? "ok", crash, ms, file: `${input.name} ${input.ops}`, peakMb: process.resourceUsage().maxRSS / 1024 });
  }
  process.send({ done: true }, () => process.exit(0));
});
process.send({ ready: true });
