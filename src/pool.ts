import { createRequire } from "node:module";
import type { MessagePort, Worker as WorkerType } from "node:worker_threads";
import { CvlintError, ErrorCodes, toFileError } from "./errors.js";
import type { JobPosting } from "./job/posting.js";
import type { ReadOptions } from "./parse/index.js";
import { DEFAULT_TIMEOUT_MS, errorResult, lintBytes, lintFile, slim, type LintOptions } from "./lint.js";
import { dataPath } from "./paths.js";
import type { LintResult } from "./types.js";

/**
 * Files are linted on worker threads in two cases.
 *
 * Isolation: a file that could take long or need much memory (a PDF, a DOCX, a large text) is
 * linted on a worker that the main thread ends when the file's time is up (--timeout), whatever
 * the worker is doing: synchronous work cannot be interrupted inside one thread, and a watchdog
 * in the same thread only fires when the work yields. The worker also runs with a heap limit, so
 * an input that needs more memory than that ends in an error for that file, not a crash of the run.
 * Small Markdown and text files stay in-process: every pass over them is linear in the input
 * (tests/linear-time.test.ts), so their time is bounded by their size, and a start without a
 * worker keeps the cold start short.
 *
 * Parallelism: large runs can be spread over several workers, each loading the bundle with its
 * code cache and the taxonomy once and taking files from a shared queue. Measured on the 2-vCPU
 * machine this was built on (npm run bench): no gain (116 PDFs 3.1–3.3 s in-process and on 2
 * threads alike, 1,000 Markdown CVs slower on threads, as each thread warms its own JIT and V8's
 * GC helpers already use the second core), and 20–50 % more memory. So "auto" uses several
 * threads only with 4 or more cores and a run heavy enough (PDFs and DOCX files count most);
 * --concurrency N forces them.
 */
export type Concurrency = number | "auto" | "off";

export const WORK_THRESHOLD = 48;
const AUTO_MIN_CORES = 4;
const MAX_AUTO_THREADS = 4;
const IN_FLIGHT = 4;

/** Heap of a worker, in MB: what one file may use (the largest text cvlint accepts needs about a third of it). */
export const WORKER_HEAP_MB = 384;

/** Process memory (RSS, bytes) past which a worker is replaced after its file. */
const RETIRE_RSS = 320 * 1024 * 1024;

/** Largest Markdown or text file linted in-process, in bytes (its passes being linear, about 0.3 s at most). */
export const IN_PROCESS_BYTES = 256 * 1024;

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

/**
 * Whether bytes read from a file can be linted in-process: small Markdown or text, and only when
 * the timeout leaves room for it (a pass over 256 KB takes a few hundred milliseconds at most).
 */
export function inProcess(bytes: Uint8Array, timeoutMs: number): boolean {
  const limit = Math.min(IN_PROCESS_BYTES, Math.max(0, timeoutMs - 100) * 64);
  if (bytes.length > limit) return false;
  // %PDF- in the first KB, or a zip: the parsers of those run on a worker.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.indexOf("%PDF-", 0, "latin1") < 0;
}

/** What a worker needs to lint like the main thread: the lint options and the posting's requirements, read once by the main thread. */
export interface WorkerSetup {
  options: LintOptions;
  job?: NonNullable<LintOptions["job"]>;
  taxonomy?: string[];
}

/** A file to lint on a worker: its path (the worker reads it), or bytes already read under a name. */
export type Job = { path: string } | { name: string; bytes: Uint8Array };

interface JobMessage {
  k: number;
  path?: string;
  name?: string;
  bytes?: Uint8Array;
  /** Send the whole result back (document, analysis, source): for html and --fix. */
  keep?: boolean;
  /** Read these bytes as a job posting (with these limits) and send the posting back. */
  posting?: ReadOptions;
}

/** The worker's side (bin/lint-worker.js calls it): lint each file it is sent, answer with the result. */
export async function serveWorker(port: MessagePort, setup: WorkerSetup): Promise<void> {
  const options: LintOptions = { ...setup.options };
  if (setup.job) options.job = setup.job;
  // One file at a time, in the order sent: the main thread then knows which file a crash or a timeout was on.
  const queue: JobMessage[] = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    for (let msg = queue.shift(); msg; msg = queue.shift()) {
      if (msg.posting) {
        port.postMessage({ k: msg.k, ...(await postingHere(msg.name!, msg.bytes!, msg.posting, setup.options.taxonomy)) });
        continue;
      }
      const r = msg.bytes ? await lintBytes(msg.bytes, msg.name!, options) : await lintFile(msg.path!, options);
      port.postMessage({ k: msg.k, result: msg.keep ? r : slim(r) });
    }
    busy = false;
  };
  port.on("message", (msg: JobMessage) => {
    queue.push(msg);
    if (!busy) void drain();
  });
  port.postMessage({ ready: true });
}

/** A posting read in this thread, or the error it ended in (as data: it crosses to the main thread). */
async function postingHere(name: string, bytes: Uint8Array, limits: ReadOptions, taxonomy?: string[]): Promise<{ posting: JobPosting } | { failure: { code: string; message: string } }> {
  try {
    const { readPosting } = await import("./job/posting.js");
    const { getTaxonomy } = await import("./taxonomy/index.js");
    return { posting: await readPosting(name, getTaxonomy(taxonomy), limits, bytes) };
  } catch (err) {
    const e = toFileError(err);
    return { failure: { code: e.code, message: e.message } };
  }
}

/**
 * Read a job posting (--job, `cvlint posting`) on a worker that is ended when its time is up:
 * a posting is as untrusted as a CV, and a PDF or DOCX one parsed in the main thread held no
 * --timeout (issue 24). Small Markdown and text postings are read here, as small CVs are.
 * Errors come as the CvlintError the posting ended in (TIMEOUT, FILE_TOO_LARGE, a parse error).
 */
export async function readPostingIsolated(name: string, bytes: Uint8Array, limits: ReadOptions, setup: WorkerSetup): Promise<JobPosting> {
  const timeoutMs = setup.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const wrap = (e: CvlintError): CvlintError => new CvlintError(e.code, `job posting ${name}: ${e.message}`);
  if (inProcess(bytes, timeoutMs)) {
    const { readPosting } = await import("./job/posting.js");
    const { getTaxonomy } = await import("./taxonomy/index.js");
    return readPosting(name, getTaxonomy(setup.options.taxonomy), limits, bytes);
  }
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  return new Promise((resolve, reject) => {
    const w: WorkerType = new Worker(dataPath("bin/lint-worker.js"), {
      workerData: { options: setup.options, ...(setup.taxonomy ? { taxonomy: setup.taxonomy } : {}) },
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, stackSizeMb: 8 },
    });
    let settled = false;
    const end = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void w.terminate();
      f();
    };
    // The posting's time starts when the worker is ready, as a CV's does.
    let timer: NodeJS.Timeout | undefined;
    w.on("message", (msg: { ready?: boolean; posting?: JobPosting; failure?: { code: string; message: string } }) => {
      if (msg.ready) {
        timer = setTimeout(() => end(() => reject(wrap(new CvlintError(ErrorCodes.TIMEOUT, `took longer than ${timeoutMs / 1000} s and was skipped (--timeout)`)))), timeoutMs);
        const m: JobMessage = { k: 0, name, bytes, posting: limits };
        w.postMessage(m);
      } else if (msg.posting) end(() => resolve(msg.posting!));
      else if (msg.failure) end(() => reject(new CvlintError(msg.failure!.code, msg.failure!.message)));
    });
    w.on("error", (err) => {
      const e = toFileError(deathError(err));
      end(() => reject(wrap(new CvlintError(e.code, e.message))));
    });
  });
}

/** The error a worker's death means for its file: out of memory is FILE_TOO_LARGE. */
function deathError(err: unknown): unknown {
  const code = (err as { code?: string } | undefined)?.code;
  return code === "ERR_WORKER_OUT_OF_MEMORY" ? new CvlintError(ErrorCodes.FILE_TOO_LARGE, `needs more than ${WORKER_HEAP_MB} MB of memory to read; a CV never does`) : err;
}

const nameOf = (j: Job): string => ("path" in j ? j.path : j.name);

/** The error for the file a worker was on when it died. */
function deathResult(name: string, err: unknown): LintResult {
  return errorResult(name, deathError(err));
}

/**
 * Lint `jobs` on `threads` workers; results in input order. A file that is not done when its
 * time is up (options.timeoutMs) ends in TIMEOUT: its worker is ended and another takes the files
 * it held. A worker that dies (out of memory, a crash) likewise takes only the file it was on
 * with it; the others go on.
 */
export async function lintInWorkers(jobs: Job[], threads: number, setup: WorkerSetup, onDone: (k: number, r: LintResult) => void = () => undefined, keep = false): Promise<LintResult[]> {
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  const script = dataPath("bin/lint-worker.js");
  const timeoutMs = setup.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results: LintResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let live = 0;
  const requeued: number[] = [];
  const take = (): number | undefined => requeued.shift() ?? (next < jobs.length ? next++ : undefined);
  const left = (): boolean => requeued.length > 0 || next < jobs.length;
  if (jobs.length === 0) return results;
  return new Promise((resolve) => {
    const finish = (k: number, r: LintResult): void => {
      results[k] = r;
      done++;
      onDone(k, r);
      if (done === jobs.length) resolve(results);
    };
    // If no worker can start at all, the rest is linted here, one file after another.
    const inProcess = async (): Promise<void> => {
      for (let k = take(); k !== undefined; k = take()) {
        const j = jobs[k]!;
        finish(k, "path" in j ? await lintFile(j.path, setup.options) : await lintBytes(j.bytes, j.name, setup.options));
      }
    };
    const start = (): void => {
      live++;
      const w: WorkerType = new Worker(script, {
        workerData: setup,
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, stackSizeMb: 8 },
      });
      // A few files queued per worker, so that it never waits for the next one; the first is the one it is on.
      const queued: number[] = [];
      let ready = false;
      let ended = false;
      let since = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const watch = (): void => {
        clearTimeout(timer);
        if (queued.length === 0) return;
        // The file at the head of the queue started when the one before it finished (or the worker became ready).
        timer = setTimeout(() => {
          if (ended) return;
          ended = true;
          const first = queued.shift()!;
          finish(first, errorResult(nameOf(jobs[first]!), new CvlintError(ErrorCodes.TIMEOUT, `took longer than ${timeoutMs / 1000} s and was skipped (--timeout)`)));
          requeued.unshift(...queued);
          queued.length = 0;
          live--;
          void w.terminate();
          if (left()) start();
        }, Math.max(0, since + timeoutMs - Date.now()));
        timer.unref?.();
      };
      const feed = (): void => {
        while (queued.length < IN_FLIGHT && left()) {
          const k = take()!;
          queued.push(k);
          const j = jobs[k]!;
          const msg: JobMessage = "path" in j ? { k, path: j.path, keep } : { k, name: j.name, bytes: j.bytes, keep };
          w.postMessage(msg);
        }
        if (queued.length === 0) {
          ended = true;
          live--;
          void w.terminate();
        }
      };
      w.on("message", (msg: { ready?: boolean; k?: number; result?: LintResult }) => {
        if (ended) return;
        if (msg.ready) {
          ready = true;
          since = Date.now();
        }
        if (msg.result && msg.k !== undefined) {
          const at = queued.indexOf(msg.k);
          if (at >= 0) queued.splice(at, 1);
          since = Date.now();
          finish(msg.k, msg.result);
          // A worker that has grown large (a big file's garbage, buffers V8 keeps) is ended and
          // replaced: ending it gives all its memory back, so memory does not add up over a run.
          if (process.memoryUsage.rss() > RETIRE_RSS && (left() || queued.length > 0)) {
            ended = true;
            clearTimeout(timer);
            requeued.unshift(...queued);
            queued.length = 0;
            live--;
            void w.terminate();
            start();
            return;
          }
        }
        feed();
        watch();
      });
      w.on("error", (err) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        live--;
        // The file it was on (the first it was sent) fails; the others it held go to another worker.
        const first = queued.shift();
        if (first !== undefined) finish(first, deathResult(nameOf(jobs[first]!), err));
        requeued.unshift(...queued);
        queued.length = 0;
        if (!left()) return;
        if (ready) start();
        else if (live === 0) void inProcess();
      });
    };
    for (let i = 0; i < Math.min(Math.max(threads, 1), jobs.length); i++) start();
  });
}
