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
      out.push({ name: `${dir}/${f.replace(/\.skills\.json$/, "")}`, labels: JSON.parse(readFileSync(join(fixtures, dir, f), "utf8")).skills, files });
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
    const want = labelIds(cv.labels);
    for (const [file, format] of cv.files) {
      const r = await lintFile(file);
      if (r.error) throw new Error(`${file}: ${r.error.message}`);
      const got = new Set(r.skills.map((s) => s.id));
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
