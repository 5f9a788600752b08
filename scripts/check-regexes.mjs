// Every regular expression literal in src/, checked for super-linear backtracking with recheck
// (a ReDoS checker: it finds the attack string that makes an expression take polynomial or
// exponential time). `node scripts/check-regexes.mjs --write` records each verdict in
// tests/regex-verdicts.json, keyed by the expression's text; tests/redos.test.ts checks that every
// expression in src/ is there (checking new or changed ones live) and that each is safe, or bounded
// for a reason written in BOUNDED below: the length of what it runs on is capped where it is used.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const VERDICTS = join(root, "tests/regex-verdicts.json");

/**
 * Expressions recheck finds super-linear (or cannot decide) that stay linear where they are used,
 * each with why: the input's length is capped, or the repetition that overlaps is bounded.
 */
export const BOUNDED = {
  "/(?:^\\s*(?:(?:[-*+•]|\\d{1,3}[.)])\\s)?|[:,;|•·(]|\\s[-–—]|\\s(?:and|&|or)\\s|\\s\\/\\s)[*_\\s]*$/u": "fix-spans.ts: only on lines of 400 characters at most (safeFix)",
  "/^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+[*_]{0,3}[\\p{L}\\p{N}][\\p{L}\\p{N} .+#&'’-]*?(?:\\s?v?\\d+(?:\\.\\d+)*\\+?)?[*_]{0,3}\\s*$/u": "fix-spans.ts: only on lines of 400 characters at most (safeFix)",
  "/^([^:,()]{1,40}?)\\s*:\\s*/": "the lazy part is at most 40 characters: at most 40 tries of the spaces after it",
  "/^([^:,()–—-]{1,40}?)\\s+[–—-]\\s+(?=\\S)/": "the lazy part is at most 40 characters: at most 40 tries of the spaces after it",
  "/^([A-Z][A-Za-z&/ -]{0,30}?)\\s*:\\s+(?=\\S)/": "the lazy part is at most 30 characters: at most 30 tries of the spaces after it",
  "/^\\W*([A-Za-z][A-Za-z &/-]{0,30}?)\\s*[:—–]\\s/": "the lazy part is at most 30 characters: at most 30 tries of the spaces after it",
  "/^[^:]{2,40}:\\s*(.+)$/": "anchored, the label at most 40 characters; '.' and $ disagree only on U+2028/U+2029, which a line holds rarely, and then one pass per space before them",
  "/^\\s*[:\\-–—|]?\\s*(?:https?:\\/\\/|www\\.|[\\w.-]*\\.com\\/|@)/i": "matcher.ts: on the 40 characters after a name at most",
  "/\\s*v?\\d+(?:\\.\\d+)*\\+?$/": "skill-spelling.ts: on an occurrence's text, a skill's name as written",
  "/\\s*(?:&|\\/|,|\\+|\\band\\b)\\s*/i": "skills-misgrouped.ts: on a group label, a few words",
  "/<(\\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g": "docx.ts: on mammoth's HTML, where every '<' opens a tag that '>' closes (text is escaped)",
  "/!\\[([^\\]]*)\\]\\(([^)]*)\\)/": "markdown.ts: from an image token's place in its block, which holds that image",
  "/^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s*)?(?:\\d{1,2}[/.])?\\d{2,4}\\s*(?:[-–—]|to)?\\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s*)?(?:\\d{1,2}[/.])?(?:\\d{2,4}|present|now|current|today)?$|^[A-Z][a-z]+(?:,\\s*[A-Z]{2}|,\\s*[A-Z][a-z]+)?$/i":
    "pdf.ts: on a segment of a PDF row, whose spaces pdf.js items keep short; PDFs are read on a worker ended at --timeout",
  "/@|https?:|www\\.|\\|.*\\||•.*•|·.*·/": "undecided by recheck: each '.*' runs to the line's end once per opening mark, and the first mark with a partner matches",
  "/\\b(?:https?:\\/\\/|www\\.)[^\\s<>()\"']+|\\b(?:github|gitlab|linkedin|bitbucket|codeberg|stackoverflow)\\.(?:com|org|io)\\/[^\\s<>()\"']+/gi": "undecided by recheck: a prefix, then one class repeated to the first space",
  "/^(?:readme|changelog|changes|history|license|licence|copying|contributing|code_of_conduct|security|support|authors|notice)(?:\\.[a-z]+)?$/i": "undecided by recheck: file names",
  "/^(#{1,6}\\s|\\s*[-*+]\\s|.*\\*\\*[^*]+\\*\\*|\\|.*\\|\\s*$|---\\s*$)/m": "detect.ts: on the first 8 KB of a file",
  "/^\\]\\((?:[^()\\s]|\\([^()]*\\))*(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*\\)|^\\]\\[[^\\]]*\\]|^\\]/": "undecided by recheck: anchored, and the alternatives inside the repetition are disjoint",
  "/^\\S+(?:\\s\\S+){0,3}\\s?[—–:]\\s|^\\S+(?:\\s\\S+){0,3}\\s-\\s/": "undecided by recheck: anchored, at most four words",
  "/(?<![$€£\\d.,])\\b(?:19[5-9]\\d|20[0-4]\\d)\\b(?!\\s*%|[.,]\\d)/g": "undecided by recheck: a year of four digits between lookarounds",
};

/** The regular expression literals of src/: file, line, text ("/source/flags"). */
export function regexLiterals() {
  const ts = createRequire(import.meta.url)("typescript");
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) files.push(p);
    }
  };
  walk(join(root, "src"));
  const found = [];
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push({ file: relative(root, f), line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.text });
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/** recheck's verdict on one literal: "safe", "vulnerable (polynomial)", "unknown"… */
export async function verdict(text) {
  const { checkSync } = await import("recheck");
  const i = text.lastIndexOf("/");
  // The g and y flags change where a match starts, not how it backtracks. recheck answers
  // "unknown" when its time is up: its automaton check of a posting cue with a bounded repeat of
  // \w took 13–14 s on the loaded 2-core machine (tests/job-cues.test.ts failed at 10 s), so the
  // limit is wide (a slow answer is not a vulnerable expression).
  const source = text.slice(1, i);
  const flags = text.slice(i + 1);
  const r = checkSync(source, flags.replace(/[gy]/g, ""), { timeout: 60_000 });
  if (r.status !== "vulnerable") return r.status;
  // recheck's fuzz checker (the one it uses for lookarounds and large bounded repeats) runs its own
  // backtracking model, and answers differently from run to run: on the opaque spans' expression
  // it found a "polynomial" attack in one run of three, on which V8 stays linear (a lookbehind
  // fails at once inside a run). So its attack is replayed in V8, at two sizes a factor 4 apart: an
  // expression is vulnerable when the time grows by 8 or more and the larger string takes 20 ms or
  // more (quadratic grows by 16; a linear scan of 40,000 characters takes well under a millisecond).
  if (r.complexity?.type === "polynomial" && r.attack?.pumps?.length && linearInV8(source, flags, r.attack)) return "safe";
  return `vulnerable (${r.complexity?.type})`;
}

/** Whether V8 runs an expression in linear time on recheck's attack, pumped to two sizes. */
function linearInV8(source, flags, attack) {
  const unit = attack.pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const build = (n) => attack.pumps.map((p) => p.prefix + p.pump.repeat(n)).join("") + attack.suffix;
  const re = new RegExp(source, flags.includes("g") ? flags : `${flags}g`);
  const time = (s) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = process.hrtime.bigint();
      for (const _ of s.matchAll(re));
      best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
    }
    return best;
  };
  const n = Math.max(1, Math.floor(10_000 / unit));
  const small = time(build(n));
  const large = time(build(4 * n));
  return !(large >= 20 && large >= 8 * Math.max(small, 0.05));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const known = (() => {
    try {
      return JSON.parse(readFileSync(VERDICTS, "utf8"));
    } catch {
      return {};
    }
  })();
  const out = {};
  for (const { file, line, text } of regexLiterals()) {
    out[text] ??= known[text] ?? (await verdict(text));
    if (out[text] !== "safe") console.log(`${file}:${line} ${out[text]}${BOUNDED[text] ? ` (bounded: ${BOUNDED[text]})` : "  NOT BOUNDED"} ${text}`);
  }
  if (process.argv.includes("--write")) writeFileSync(VERDICTS, `${JSON.stringify(Object.fromEntries(Object.entries(out).sort()), null, 1)}\n`);
}
