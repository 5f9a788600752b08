import { CATEGORIES } from "../taxonomy/schema.js";
import type { LintResult } from "../types.js";
import { ruleDocsUrl } from "./meta.js";
import { showAlso, showPos } from "./position.js";
import { ranking } from "./ranking.js";
import { describeRequirement } from "../job/describe.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CSS = `
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d2330;color:#fff;padding:16px 28px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.8}
main{padding:20px 28px;max-width:1400px}section.file{background:#fff;border:1px solid #dde1e7;border-radius:8px;margin-bottom:24px;padding:18px 22px}
h2{margin:0 0 8px;font-size:17px;word-break:break-all}.summary{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start;margin-bottom:14px}
.score{font-size:40px;font-weight:700;line-height:1}.score small{font-size:14px;font-weight:400;color:#667}
.counts span{display:inline-block;margin-right:10px;padding:2px 8px;border-radius:10px;font-size:12px}
.error{background:#fde2e1;color:#9b1c1c}.warning{background:#fff3cd;color:#7a5b00}.info{background:#e0ecff;color:#1b4a8f}
.chart{min-width:280px}.bar{display:grid;grid-template-columns:120px 1fr 28px;gap:6px;align-items:center;font-size:12px;margin:2px 0}
.bar div{height:10px;background:#4f7cff;border-radius:3px}.job table{border-collapse:collapse;font-size:12px}.job td{padding:2px 8px 2px 0}
.found{color:#17692e}.missing{color:#9b1c1c}
.doc{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0;border-top:1px solid #eee;margin-top:10px}
.line{display:contents}.line .t{font:12px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;padding:1px 8px;border-left:3px solid transparent}
.line .pos{color:#99a;margin-right:8px;user-select:none}.line .f{font-size:12px;padding:1px 8px}
.line.hit .t{background:#fff8e6;border-left-color:#f0b400}.line.hit.err .t{background:#fff0f0;border-left-color:#d33}
.line .f div{margin-bottom:2px}.line .f a{color:#55a;font-size:11px}.kind-heading{font-weight:700}
.failed{color:#9b1c1c}.job tr.stack{color:#667}
section.ranking table{border-collapse:collapse}section.ranking td{padding:3px 14px 3px 0}section.ranking td.rate{font-weight:700;text-align:right}
`;

/** One self-contained HTML page: no network, no external assets. */
export function formatHtml(results: LintResult[]): string {
  const files = [rankingSection(results), ...results.map((r) => fileSection(r))].filter(Boolean).join("\n");
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>cvlint report</title><style>${CSS}</style></head>
<body><header><h1>cvlint report</h1><p>${results.length} file${results.length === 1 ? "" : "s"} · ${errors} error${errors === 1 ? "" : "s"} · ${warnings} warning${warnings === 1 ? "" : "s"}</p></header>
<main>
${files}
</main></body></html>
`;
}

/** With --job and several CVs: the CVs by match rate, each linked to its section below. */
function rankingSection(results: LintResult[]): string {
  const ranked = ranking(results);
  if (ranked.length < 2) return "";
  const rows = ranked.map((r) => `<tr><td>${r.rank}.</td><td class="rate">${r.matchRate}%</td><td><a href="#${anchor(r.file)}">${esc(r.file)}</a></td></tr>`).join("");
  return `<section class="file ranking"><h2>Ranking against ${esc(results.find((r) => r.job)!.job!.file)}</h2><table>${rows}</table></section>`;
}

/** An id for a file's section, from its name. */
const anchor = (file: string): string => `file-${file.replace(/[^A-Za-z0-9_-]+/g, "-")}`;

function fileSection(r: LintResult): string {
  if (r.error) return `<section class="file" id="${anchor(r.file)}"><h2>${esc(r.file)}</h2><p class="failed">Could not be read: ${esc(r.error.message)} (${esc(r.error.code)})</p></section>`;
  const counts = (["error", "warning", "info"] as const).map((s) => `<span class="${s}">${r.findings.filter((f) => f.severity === s).length} ${s}</span>`).join("");
  const byCat = new Map<string, number>();
  for (const s of r.skills) byCat.set(s.category, (byCat.get(s.category) ?? 0) + 1);
  const max = Math.max(1, ...byCat.values());
  const chart = [...CATEGORIES, "other"]
    .filter((c, i, a) => byCat.has(c) && a.indexOf(c) === i)
    .map((c) => `<div class="bar"><span>${esc(c)}</span><div style="width:${Math.round((100 * byCat.get(c)!) / max)}%"></div><span>${byCat.get(c)}</span></div>`)
    .join("");
  const job = !r.job
    ? ""
    : r.job.matchRate === null
      ? `<div class="job"><strong>No match rate</strong>: the posting ${esc(r.job.file)} names no skill cvlint recognises.</div>`
      : `<div class="job"><strong>Match ${r.job.matchRate}%</strong> against ${esc(r.job.file)}<table>${[...r.job.required.map((x) => ["required", x] as const), ...r.job.niceToHave.map((x) => ["preferred", x] as const), ...r.job.stack.map((x) => ["stack", x] as const)]
          .map(([lvl, x]) => `<tr class="${lvl}"><td>${lvl}</td><td class="${x.found ? "found" : "missing"}">${x.found ? "✓" : "✗"} ${esc(describeRequirement(x))}</td><td>${esc(x.shown)}</td></tr>`)
          .join("")}</table></div>`;
  const doc = r.document;
  const byLine = new Map<number, typeof r.findings>();
  for (const f of r.findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const lines = doc
    ? doc.lines
        .map((l) => {
          const fs = byLine.get(l.pos.line) ?? [];
          byLine.delete(l.pos.line);
          const cls = fs.length ? ` hit${fs.some((f) => f.severity === "error") ? " err" : ""}` : "";
          return `<div class="line${cls}" data-line="${l.pos.line}"><div class="t kind-${l.kind}"><span class="pos">${esc(showPos(l.pos, doc.format))}</span>${esc(l.text)}</div><div class="f">${fs.map((f) => findingHtml(f, doc.format)).join("")}</div></div>`;
        })
        .join("\n")
    : "";
  // Findings on lines the document does not show (document-level ones) come first.
  const loose = [...byLine.values()].flat();
  return `<section class="file" id="${anchor(r.file)}"><h2>${esc(r.file)}</h2>
<div class="summary"><div class="score">${r.score}<small>/100</small></div><div class="counts">${counts}</div><div class="chart">${chart || "<em>no skills found</em>"}</div>${job}</div>
${loose.length ? `<div class="doc"><div class="line hit"><div class="t">(whole document)</div><div class="f">${loose.map((f) => findingHtml(f, r.format)).join("")}</div></div></div>` : ""}
<div class="doc">${lines}</div></section>`;
}

function findingHtml(f: LintResult["findings"][number], format: string | null): string {
  const also = showAlso(f, format);
  return `<div class="finding ${f.severity}" data-rule="${esc(f.ruleId)}">${esc(f.message)}${also ? ` <small>(${esc(also)})</small>` : ""} <a href="${esc(ruleDocsUrl(f.ruleId))}">${esc(f.ruleId)}</a></div>`;
}
