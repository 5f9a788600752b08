// Precision and recall of skill extraction against the hand-made labels in fixtures/**/*.skills.json.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lintFile } from "../dist/index.js";
import { slug } from "../dist/match/analyze.js";
import { getTaxonomy } from "../dist/taxonomy/index.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** Every labelled CV and the files made from it, by format. */
export function labelledCvs() {
  const out = [];
  for (const dir of ["cv", "layouts"]) {
    for (const f of readdirSync(join(fixtures, dir)).filter((x) => x.endsWith(".skills.json")).sort()) {
      const base = join(fixtures, dir, f.replace(/\.skills\.json$/, ""));
      const files = [
        [`${base}.md`, "md"],
        [`${base}.txt`, "txt"],
        [`${base}.pdf`, "pdf"],
        [`${base}.word.pdf`, "pdf"],
        [`${base}.docx`, "docx"],
      ].filter(([p]) => existsSync(p));
      const data = JSON.parse(readFileSync(join(fixtures, dir, f), "utf8"));
      out.push({ name: `${dir}/${f.replace(/\.skills\.json$/, "")}`, labels: data.skills, practices: data.practices ?? [], files });
    }
  }
  return out;
}

/** A label's id: the taxonomy skill it names (by name or spelling), else an unknown skill. */
export function labelIds(labels) {
  const tax = getTaxonomy();
  const byForm = new Map();
  for (const s of tax.skills.values()) {
    for (const f of [s.name, ...s.aliases]) byForm.set(f.toLowerCase(), s.id);
    for (const f of [...(s.ambiguous ?? []), ...(s.exact ?? [])]) byForm.set(f, s.id);
  }
  return new Set(labels.map((l) => byForm.get(l) ?? byForm.get(l.toLowerCase()) ?? `other:${slug(l)}`));
}

export async function measure() {
  const formats = {};
  const details = [];
  for (const cv of labelledCvs()) {
    // Practices named only outside the skills section are not skills (taxonomy/lexicon.json):
    // they are expected among the analysis's practices, and count like skills there.
    const want = new Set([...labelIds(cv.labels), ...[...labelIds(cv.practices)].map((id) => `practice:${id}`)]);
    for (const [file, format] of cv.files) {
      const r = await lintFile(file);
      if (r.error) throw new Error(`${file}: ${r.error.message}`);
      const got = new Set([...r.skills.map((s) => s.id), ...r.analysis.practices.map((s) => `practice:${s.id}`)]);
      const tp = [...got].filter((x) => want.has(x)).length;
      const fp = [...got].filter((x) => !want.has(x));
      const fn = [...want].filter((x) => !got.has(x));
      const f = (formats[format] ??= { tp: 0, fp: 0, fn: 0, files: 0 });
      f.tp += tp;
      f.fp += fp.length;
      f.fn += fn.length;
      f.files++;
      details.push({ file: file.slice(fixtures.length), fp, fn });
    }
  }
  for (const f of Object.values(formats)) {
    f.precision = f.tp / (f.tp + f.fp);
    f.recall = f.tp / (f.tp + f.fn);
  }
  return { formats, details };
}

/**
 * Labelled job postings: required and preferred skills and the stated stack ("A|B": alternatives),
 * with every rendering of the posting (Markdown or text, and PDF or DOCX when there is one).
 */
export function labelledJobs() {
  const dir = join(fixtures, "jobs");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".labels.json"))
    .sort()
    .map((f) => {
      const base = f.replace(/\.labels\.json$/, "");
      const files = readdirSync(dir)
        .filter((x) => x.startsWith(`${base}.`) && /\.(md|txt|pdf|docx)$/.test(x))
        .sort((a, b) => Number(/\.(pdf|docx)$/.test(a)) - Number(/\.(pdf|docx)$/.test(b)))
        .map((x) => join(dir, x));
      return { name: base, file: files[0], files, labels: JSON.parse(readFileSync(join(dir, f), "utf8")) };
    });
}

/** The three levels of a posting and the label field of each. */
const JOB_LEVELS = [
  ["required", "required"],
  ["preferred", "niceToHave"],
  ["stack", "stack"],
];

/**
 * Extraction from the labelled postings, per level: `sum` over the Markdown and text postings,
 * `renderings` over their PDF and DOCX renderings (which should read the same).
 */
export async function measureJobs() {
  const { readPosting } = await import("../dist/job/posting.js");
  const tax = getTaxonomy();
  const empty = () => Object.fromEntries(JOB_LEVELS.map(([level]) => [level, { tp: 0, fp: 0, fn: 0 }]));
  const sum = empty();
  const renderings = empty();
  const details = [];
  for (const job of labelledJobs()) {
    for (const file of job.files) {
      const acc = /\.(pdf|docx)$/.test(file) ? renderings : sum;
      const p = await readPosting(file, tax);
      for (const [level, key] of JOB_LEVELS) {
        const want = labelIds((job.labels[key] ?? []).flatMap((l) => l.split("|")));
        const got = new Set(p.requirements.filter((r) => r.level === level).flatMap((r) => r.ids));
        const fp = [...got].filter((x) => !want.has(x));
        const fn = [...want].filter((x) => !got.has(x));
        acc[level].tp += [...got].filter((x) => want.has(x)).length;
        acc[level].fp += fp.length;
        acc[level].fn += fn.length;
        if (fp.length || fn.length) details.push({ file: file.slice(fixtures.length), level, fp, fn });
      }
    }
  }
  for (const s of [...Object.values(sum), ...Object.values(renderings)]) {
    s.precision = s.tp / Math.max(1, s.tp + s.fp);
    s.recall = s.tp / Math.max(1, s.tp + s.fn);
  }
  return { jobs: labelledJobs().length, sum, renderings, details };
}
