// npm run bench:accuracy — precision and recall of skill extraction per input format.
import { measure, measureJobs } from "./accuracy-core.js";

const verbose = process.argv.includes("--verbose");
const { formats, details } = await measure();
console.log("Skill extraction against hand-made labels (fixtures/**/*.skills.json)\n");
console.log("format  files  labels-found  wrong  missed  precision  recall");
for (const [name, f] of Object.entries(formats)) {
  console.log(`${name.padEnd(6)}  ${String(f.files).padStart(5)}  ${String(f.tp).padStart(12)}  ${String(f.fp).padStart(5)}  ${String(f.fn).padStart(6)}  ${f.precision.toFixed(3).padStart(9)}  ${f.recall.toFixed(3).padStart(6)}`);
}
if (verbose) {
  console.log("");
  for (const d of details) if (d.fp.length || d.fn.length) console.log(`${d.file}\n  wrong:  ${d.fp.join(", ") || "-"}\n  missed: ${d.fn.join(", ") || "-"}`);
}

const jobs = await measureJobs();
console.log(`\nJob postings: required and preferred skills and the stated stack against hand-made labels (${jobs.jobs} postings, fixtures/jobs/*.labels.json)\n`);
console.log("postings          level      found  wrong  missed  precision  recall");
for (const [set, sums] of [["Markdown, text", jobs.sum], ["PDF, DOCX", jobs.renderings]]) {
  for (const [level, s] of Object.entries(sums)) {
    if (s.tp + s.fp + s.fn === 0) continue;
    console.log(`${set.padEnd(16)}  ${level.padEnd(9)}  ${String(s.tp).padStart(5)}  ${String(s.fp).padStart(5)}  ${String(s.fn).padStart(6)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}`);
  }
}
if (verbose) for (const d of jobs.details) console.log(`${d.file} (${d.level})\n  wrong:  ${d.fp.join(", ") || "-"}\n  missed: ${d.fn.join(", ") || "-"}`);
