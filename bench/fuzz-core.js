// Seeded mutation fuzzing of the fixture CVs through the whole pipeline: parse, match, rules,
// every reporter. A crash is an exception that escapes, or an INTERNAL error (an exception cvlint
// did not expect); a hang is an input that makes no progress for too long (see bench/fuzz.js).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lintBytes } from "../dist/lint.js";
import { formatResults } from "../dist/report/index.js";
import { exitCode } from "../dist/cli.js";
import { SHAPES } from "./hostile-shapes.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const FORMATS = ["stylish", "json", "sarif", "github", "junit", "html"];

export function corpus() {
  const out = [];
  for (const dir of ["cv", "layouts", "jobs"]) {
    for (const f of readdirSync(join(fixtures, dir)).sort()) {
      if (!/\.(md|txt|pdf|docx|json)$/.test(f) || f.endsWith(".skills.json") || f.endsWith(".labels.json")) continue;
      out.push({ name: `${dir}/${f}`, bytes: new Uint8Array(readFileSync(join(fixtures, dir, f))) });
    }
  }
  return out;
}

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ["**", "- ", "# ", "## Skills\n", "|", "<!-- cvlint-disable -->", "`", "[x](", "\n\n", "\t", "\u0000", "\ufffd", "\ud800", "é", "ﬁ", "Go, Java, ", "Responsible for ", "> ", "1. ", "---\n", "%PDF-", "PK\u0003\u0004"];

/**
 * A structural input: one of the hostile shapes (bench/hostile-shapes.js: long lines, huge counts,
 * lying zip directories, deep nesting, bombs) at a size drawn log-uniformly from 64 bytes to 32 KB
 * (the packed size of zip and flate bombs: they unpack to 400 times that), then 0–2 byte mutations.
 * Byte mutations of the fixtures alone stay a few KB and never build these shapes.
 */
function structural(r, pick) {
  const s = SHAPES[pick(SHAPES.length)];
  const n = Math.round(64 * 2 ** (r() * 9));
  return { name: `shape/${s.name}.${s.ext}`, bytes: Buffer.from(s.make(s.big ? Math.min(n, 8192) : n)), size: n };
}

/** One input, deterministic in (seed, iteration): a mutated fixture, or (one in three) a structural one. */
export function mutate(items, seed, i) {
  const r = rng(seed * 100003 + i);
  const pick = (n) => Math.floor(r() * n);
  const shaped = r() < 1 / 3;
  const base = shaped ? structural(r, pick) : items[pick(items.length)];
  let b = Buffer.from(base.bytes);
  const steps = shaped ? pick(3) : 1 + pick(4);
  const ops = shaped ? [`shape@${base.size}`] : [];
  for (let s = 0; s < steps; s++) {
    const op = pick(8);
    const at = pick(Math.max(1, b.length));
    if (op === 0) {
      b[at] ^= 1 << pick(8);
      ops.push("flip");
    } else if (op === 1) {
      b[at] = pick(256);
      ops.push("byte");
    } else if (op === 2) {
      b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + pick(2000)))]);
      ops.push("delete");
    } else if (op === 3) {
      const len = 1 + pick(2000);
      b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]);
      ops.push("duplicate");
    } else if (op === 4) {
      b = b.subarray(0, at);
      ops.push("truncate");
    } else if (op === 5) {
      b = Buffer.concat([b.subarray(0, at), Buffer.from(TOKENS[pick(TOKENS.length)]), b.subarray(at)]);
      ops.push("token");
    } else if (op === 6) {
      const other = items[pick(items.length)].bytes;
      const o = pick(Math.max(1, other.length));
      b = Buffer.concat([b.subarray(0, at), Buffer.from(other.subarray(o, o + 1 + pick(4000)))]);
      ops.push("splice");
    } else {
      const junk = Buffer.alloc(1 + pick(64));
      for (let k = 0; k < junk.length; k++) junk[k] = pick(256);
      b = Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
      ops.push("junk");
    }
  }
  return { name: base.name, ops: ops.join("+"), bytes: new Uint8Array(b) };
}

/** Run one input through lint and every reporter; returns its error code (or null) and any crash. */
export async function runOne(input, timeoutMs = 10_000) {
  try {
    const r = await lintBytes(input.bytes, input.name, { timeoutMs, noConfigLookup: true });
    for (const f of FORMATS) await formatResults([r], f);
    const code = exitCode([r], {});
    if (![0, 1, 2].includes(code)) return { code: r.error?.code ?? null, crash: `exit code ${code}` };
    if (r.error?.code === "INTERNAL") return { code: "INTERNAL", crash: r.error.message };
    return { code: r.error?.code ?? null, crash: null };
  } catch (err) {
    return { code: "THROWN", crash: String(err?.stack ?? err).split("\n").slice(0, 3).join(" | ") };
  }
}

/**
 * A seeded round in this process: counts of error codes, the crashes with how to replay them, the
 * slowest input (ms) and the peak memory of the process (MB, from getrusage).
 */
export async function fuzz({ seed = 1, iterations = 100, from = 0, onProgress } = {}) {
  const items = corpus();
  const codes = new Map();
  const crashes = [];
  let slowest = { ms: 0, iteration: -1, file: "" };
  for (let i = from; i < from + iterations; i++) {
    const input = mutate(items, seed, i);
    const t = performance.now();
    const { code, crash } = await runOne(input);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, iteration: i, file: `${input.name} ${input.ops}` };
    codes.set(code ?? "ok", (codes.get(code ?? "ok") ?? 0) + 1);
    if (crash) crashes.push({ seed, iteration: i, file: input.name, ops: input.ops, crash });
    onProgress?.(i);
  }
  return { iterations, codes: Object.fromEntries([...codes].sort()), crashes, slowest, peakMb: process.resourceUsage().maxRSS / 1024 };
}
