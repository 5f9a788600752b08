import { createRequire } from "node:module";
import type { MessagePort, Worker as WorkerType } from "node:worker_threads";
import { errorResult, lintFile, slim, type LintOptions } from "./lint.js";
import { dataPath } from "./paths.js";
import type { LintResult } from "./types.js";

/**
 * Large runs can be linted on worker threads, each loading the bundle with its code cache and
 * the taxonomy once and taking files from a shared queue. Measured on the 2-vCPU machine this was
 * built on (npm run bench): no gain (116 PDFs 3.1–3.3 s in-process and on 2 threads alike, 1,000
 * Markdown CVs slower on threads, as each thread warms its own JIT and V8's GC helpers already
 * use the second core), and 20–50 % more memory. So "auto" uses threads only with 4 or more
 * cores and a run heavy enough (PDFs and DOCX files count most); --concurrency N forces them.
 */
export type Concurrency = number | "auto" | "off";

export const WORK_THRESHOLD = 48;
const AUTO_MIN_CORES = 4;
const MAX_AUTO_THREADS = 4;
const IN_FLIGHT = 4;

const weight = (path: string): number => (/\.(pdf|docx)$/i.test(path) ? 12 : 1);

/** How many threads to use for these files: 0 means in-process. */
export function threadsFor(paths: string[], setting: Concurrency, cores?: number): number {
  if (setting === "off" || paths.length < 2) return 0;
  if (typeof setting === "number") return Math.min(setting, paths.length);
  // node:os is loaded only here: a start that lints one file does not need it (about 0.3 ms).
  cores ??= (createRequire(import.meta.url)("node:os") as typeof import("node:os")).availableParallelism();
  if (cores < AUTO_MIN_CORES) return 0;
  const work = paths.reduce((n, p) => n + weight(p), 0);
  if (work < WORK_THRESHOLD) return 0;
  return Math.min(cores - 1, MAX_AUTO_THREADS, Math.ceil(work / (WORK_THRESHOLD / 2)));
}

/** What a worker needs to lint like the main thread: the lint options and the posting's path. */
export interface WorkerSetup {
  options: LintOptions;
  jobFile?: string;
  taxonomy?: string[];
}

/** The worker's side (bin/lint-worker.js calls it): lint each path it is sent, answer with the result. */
export async function serveWorker(port: MessagePort, setup: WorkerSetup): Promise<void> {
  const options: LintOptions = { ...setup.options };
  if (setup.jobFile) {
    const { readPosting } = await import("./job/posting.js");
    const { getTaxonomy } = await import("./taxonomy/index.js");
    options.job = await readPosting(setup.jobFile, getTaxonomy(setup.taxonomy));
  }
  // One file at a time, in the order sent: the main thread then knows which file a crash was on.
  const queue: Array<{ k: number; path: string }> = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    for (let msg = queue.shift(); msg; msg = queue.shift()) port.postMessage({ k: msg.k, result: slim(await lintFile(msg.path, options)) });
    busy = false;
  };
  port.on("message", (msg: { k: number; path: string }) => {
    queue.push(msg);
    if (!busy) void drain();
  });
  port.postMessage({ ready: true });
}

/**
 * Lint `paths` on `threads` workers; results in input order. A worker that dies takes only the
 * file it was on with it (an INTERNAL error for that file); the others go on.
 */
export async function lintInWorkers(paths: string[], threads: number, setup: WorkerSetup, onDone: () => void): Promise<LintResult[]> {
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  const script = dataPath("bin/lint-worker.js");
  const results: LintResult[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  let live = 0;
  const requeued: number[] = [];
  const take = (): number | undefined => requeued.shift() ?? (next < paths.length ? next++ : undefined);
  const left = (): boolean => requeued.length > 0 || next < paths.length;
  return new Promise((resolve) => {
    const finish = (k: number, r: LintResult): void => {
      results[k] = r;
      done++;
      onDone();
      if (done === paths.length) resolve(results);
    };
    // If no worker can start at all, the rest is linted here, one file after another.
    const inProcess = async (): Promise<void> => {
      for (let k = take(); k !== undefined; k = take()) finish(k, await lintFile(paths[k]!, setup.options));
    };
    const start = (): void => {
      live++;
      const w: WorkerType = new Worker(script, { workerData: setup, stdout: true, stderr: true });
      // A few files queued per worker, so that it never waits for the next one.
      const queued = new Set<number>();
      let ready = false;
      const feed = (): void => {
        while (queued.size < IN_FLIGHT && left()) {
          const k = take()!;
          queued.add(k);
          w.postMessage({ k, path: paths[k] });
        }
        if (queued.size === 0) void w.terminate();
      };
      w.on("message", (msg: { ready?: boolean; k?: number; result?: LintResult }) => {
        ready = true;
        if (msg.result && msg.k !== undefined) {
          queued.delete(msg.k);
          finish(msg.k, msg.result);
        }
        feed();
      });
      w.on("error", (err) => {
        live--;
        // The file it was on (the first it was sent) fails; the others it held go to another worker.
        const [first, ...rest] = [...queued];
        if (first !== undefined) finish(first, errorResult(paths[first]!, err));
        queued.clear();
        requeued.push(...rest);
        if (!left()) return;
        if (ready) start();
        else if (live === 0) void inProcess();
      });
    };
    for (let i = 0; i < Math.min(threads, paths.length); i++) start();
  });
}
