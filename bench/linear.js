// npm run bench:linear -- [--only name,name] [--sizes 10000,100000,1000000]
// Each text shape of bench/hostile-shapes.js at 10 KB, 100 KB and 1 MB, through each stage in
// turn (parse, document, analysis, rules, reporters), in this process: milliseconds per stage and
// the growth from one size to the next, which stays near 10× for a tenfold input when the stage
// is linear (a quadratic stage shows 100×). Shapes that a limit refuses at 1 MB say so.
import { fileURLToPath } from "node:url";
import { buildDocument } from "../dist/document/build.js";
import { analyze } from "../dist/match/analyze.js";
import { DEFAULT_READ_OPTIONS, parseBytes } from "../dist/parse/index.js";
import { defaultConfig } from "../dist/config.js";
import { runRules } from "../dist/rules/engine.js";
import { getTaxonomy } from "../dist/taxonomy/index.js";
import { formatResults } from "../dist/report/index.js";
import { lintBytes } from "../dist/lint.js";
import { SHAPES } from "./hostile-shapes.js";

const STAGES = ["parse", "document", "analysis", "rules", "report"];

/** Milliseconds per stage for one input; `null` stages after a refusal (the error code instead). */
export async function stageTimes(bytes, name) {
  const times = {};
  const opts = { ...DEFAULT_READ_OPTIONS, maxTextLength: 4_000_000 };
  let t = performance.now();
  let source;
  try {
    source = await parseBytes(bytes, name, opts);
  } catch (err) {
    return { refused: err.code ?? String(err) };
  }
  times.parse = performance.now() - t;
  t = performance.now();
  const doc = buildDocument(name, source.format, source.parsed);
  times.document = performance.now() - t;
  const tax = getTaxonomy();
  t = performance.now();
  const analysis = analyze(doc, tax);
  times.analysis = performance.now() - t;
  t = performance.now();
  runRules(analysis, tax, defaultConfig());
  times.rules = performance.now() - t;
  const r = await lintBytes(bytes, name, { noConfigLookup: true, timeoutMs: 600_000 });
  t = performance.now();
  for (const f of ["stylish", "json", "sarif", "github", "junit"]) await formatResults([r], f);
  times.report = performance.now() - t;
  return { times };
}

export const TEXT_SHAPES = SHAPES.filter((s) => ["md", "txt", "json"].includes(s.ext));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const only = arg("only", "") ? arg("only", "").split(",") : null;
  const sizes = arg("sizes", "10000,100000,1000000").split(",").map(Number);
  // Warm up the JIT and the taxonomy on a small input of each shape first.
  for (const s of TEXT_SHAPES) if (!only || only.includes(s.name)) await stageTimes(s.make(2000), `x.${s.ext}`);
  console.log(`${"shape".padEnd(24)} ${"stage".padEnd(9)} ${sizes.map((n) => `${(n / 1000).toFixed(0)} KB`.padStart(10)).join("")}   growth per ×10`);
  let worst = 0;
  for (const s of TEXT_SHAPES) {
    if (only && !only.includes(s.name)) continue;
    const rows = [];
    for (const n of sizes) rows.push(await stageTimes(s.make(n), `x.${s.ext}`));
    for (const stage of STAGES) {
      const ms = rows.map((r) => r.times?.[stage]);
      const growth = [];
      for (let i = 1; i < ms.length; i++) if (ms[i] !== undefined && ms[i - 1] !== undefined && ms[i - 1] > 5) growth.push(ms[i] / ms[i - 1]);
      worst = Math.max(worst, ...growth);
      console.log(`${s.name.padEnd(24)} ${stage.padEnd(9)} ${ms.map((m, i) => (m === undefined ? (rows[i].refused ?? "-").slice(0, 9) : m.toFixed(0)).padStart(10)).join("")}   ${growth.map((g) => `${g.toFixed(1)}×`).join(" ")}`);
    }
  }
  console.log(`\nlargest growth for a tenfold input (stages over 5 ms): ${worst.toFixed(1)}× (linear: about 10×)`);
}
