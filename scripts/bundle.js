// Part of `npm run build`, after tsc: writes
//   dist/taxonomy.validated.json  the built-in taxonomy, validated once here instead of at every start
//                                 (and likewise dist/rules-data.validated.json, dist/sections.validated.json),
//                                 with its skills and spellings in dist/taxonomy.tables, looked up in place;
//   dist/english-words.json       verbs, adverbs and function words from natural's part-of-speech lexicon,
//                                 and dist/english-dictionary.txt, all its words;
//   dist/cvlint.cjs               the CLI bundled into one file (fewer modules to resolve and load);
//   dist/cvlint.cjs.cache         V8's code cache for it, made after a warm-up run, so later starts skip compiling.
// bin/cvlint.js uses the bundle when it is there and falls back to dist/cli.js otherwise.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { prevalidatedFiles } from "../dist/taxonomy/load.js";
import { encodeGroups, entryGroups } from "../dist/match/compile.js";
import { rulesDataJson } from "../dist/rules/data.js";
import { englishDictionaryText, englishWordsJson } from "../dist/rules/english.js";
import { headingTablesJson } from "../dist/document/headings.js";
import { BUNDLE_HEAD, BUNDLE_TAIL, loadBundle } from "../bin/load-bundle.js";
import { writeVocabulary } from "./vocabulary.js";

/**
 * Builtins that a dependency requires at load time but uses rarely (commander needs
 * child_process only for external subcommands, which cvlint has none of): the bundle gets a
 * stand-in that requires the real module on first use, saving its load (about 4 ms) at every start.
 */
function lazyBuiltins(names) {
  const filter = new RegExp(`^(?:node:)?(?:${names.join("|")})$`);
  return {
    name: "lazy-builtins",
    setup(b) {
      b.onResolve({ filter }, (args) => (args.importer.includes("node_modules") ? { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" } : undefined));
      b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
        contents: `let m; const real = () => (m ??= require("node:${args.path}")); module.exports = new Proxy({}, { get: (_, k) => real()[k], has: (_, k) => k in real() });`,
        loader: "js",
      }));
    },
  };
}

/**
 * markdown-it builds a LinkifyIt instance (about 2.5 ms of regular expressions) even with
 * `linkify: false`, which is how cvlint configures it (src/parse/markdown.ts): links in a CV are
 * found by cvlint itself. The bundle gets a LinkifyIt that finds nothing.
 */
function noLinkify() {
  return {
    name: "no-linkify",
    setup(b) {
      b.onResolve({ filter: /^linkify-it$/ }, () => ({ path: "linkify-it", namespace: "no-linkify" }));
      b.onLoad({ filter: /.*/, namespace: "no-linkify" }, () => ({
        contents: "export default class LinkifyIt { set() { return this; } add() { return this; } tlds() { return this; } pretest() { return false; } test() { return false; } match() { return null; } matchAtStart() { return null; } }",
        loader: "js",
      }));
    },
  };
}

/**
 * markdown-it decodes HTML entities (&amp;) with the entities package, whose decoding tables are
 * built when it is loaded (about 2 ms) though most CVs have no entity at all. The bundle loads
 * them on the first entity.
 */
function lazyEntities() {
  return {
    name: "lazy-entities",
    setup(b) {
      b.onResolve({ filter: /^entities$/ }, (args) => (args.importer.includes("markdown-it") ? { path: "entities", namespace: "lazy-entities", pluginData: args.resolveDir } : undefined));
      b.onLoad({ filter: /.*/, namespace: "lazy-entities" }, (args) => ({
        contents: 'let d; const real = () => (d ??= require("entities/lib/decode.js")); export const decodeHTML = (s) => real().decodeHTML(s); export const decodeHTMLStrict = (s) => real().decodeHTMLStrict(s);',
        loader: "js",
        resolveDir: args.pluginData,
      }));
    },
  };
}

/**
 * Patches to the bundled pdf.js worker, each an exact piece of its text and what replaces it. The
 * build fails if pdf.js no longer has a piece as it was (an upgrade must look at the patch again).
 *
 * - DecodeStream.ensureBuffer: pdf.js decodes a stream (Flate, LZW, run-length…) into a buffer that
 *   it doubles as it grows, with no bound: a flate bomb of 1 MB unpacked to a gigabyte. Every
 *   decoder grows its buffer through ensureBuffer, so the bundled copy counts the bytes of all the
 *   streams of a document and throws once they pass globalThis.__cvlintStreamLimit (src/parse/pdf.ts
 *   sets it for each document, and its error becomes FILE_TOO_LARGE).
 * - CFFParser.parseCharsets: a charset of format 1 reads ranges until it holds as many names as the
 *   font has glyphs; past the end of a truncated or corrupt font each range's count reads as
 *   undefined, adds nothing, and the loop never ends (a 15 kB mutated PDF ran for 300 s of CPU in
 *   `npm run fuzz`: seed 24, iteration 53971). The loops of formats 1 and 2 stop at the end of
 *   the font's bytes; pdf.js already copes with a charset shorter than the glyph count.
 */
const PDF_WORKER_PATCHES = [
  {
    what: "DecodeStream.ensureBuffer",
    original: "ensureBuffer(e){const t=this.buffer;if(e<=t.byteLength)return t;let r=this.minBufferLength;for(;r<e;)r*=2;const a=new Uint8Array(r);a.set(t);return this.buffer=a}",
    patched:
      'ensureBuffer(e){const t=this.buffer;if(e<=t.byteLength)return t;let r=this.minBufferLength;for(;r<e;)r*=2;const L=globalThis.__cvlintStreamLimit;if(L){L.used+=r-t.byteLength;if(L.used>L.max)throw new Error("cvlint: PDF streams unpack past the limit")}const a=new Uint8Array(r);a.set(t);return this.buffer=a}',
  },
  {
    what: "CFFParser.parseCharsets, format 1",
    original: "case 1:for(;o.length<=t;){c=n[e++]<<8|n[e++];l=n[e++];",
    patched: "case 1:for(;o.length<=t&&e<n.length;){c=n[e++]<<8|n[e++];l=n[e++];",
  },
  {
    what: "CFFParser.parseCharsets, format 2",
    original: "case 2:for(;o.length<=t;){c=n[e++]<<8|n[e++];l=n[e++]<<8|n[e++];",
    patched: "case 2:for(;o.length<=t&&e<n.length;){c=n[e++]<<8|n[e++];l=n[e++]<<8|n[e++];",
  },
];

function patchPdfWorker() {
  return {
    name: "patch-pdf-worker",
    setup(b) {
      b.onLoad({ filter: /pdf\.worker\.mjs$/ }, (args) => {
        let text = readFileSync(args.path, "utf8");
        for (const p of PDF_WORKER_PATCHES) {
          if (text.split(p.original).length !== 2) throw new Error(`${args.path}: ${p.what} has changed; update PDF_WORKER_PATCHES in scripts/bundle.js`);
          text = text.replace(p.original, p.patched);
        }
        return { contents: text, loader: "js" };
      });
    },
  };
}

const root = fileURLToPath(new URL("..", import.meta.url));
// The imported vocabulary and the word lists first: the taxonomy below is validated with them.
await writeVocabulary(`${root}dist`);
const taxonomy = prevalidatedFiles((skills) => encodeGroups(entryGroups(skills)));
writeFileSync(`${root}dist/taxonomy.tables`, taxonomy.tables);
writeFileSync(`${root}dist/taxonomy.validated.json`, taxonomy.json);
writeFileSync(`${root}dist/rules-data.validated.json`, rulesDataJson());
writeFileSync(`${root}dist/english-words.json`, englishWordsJson());
writeFileSync(`${root}dist/english-dictionary.txt`, englishDictionaryText());
writeFileSync(`${root}dist/sections.validated.json`, headingTablesJson());

/** esbuild with the options every bundle shares, then made ASCII (see below). */
async function bundle(outfile, options) {
  await build({
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    define: { "import.meta.url": "__cvlint_url" },
    // CVLINT_BUNDLE_NAMES=1 keeps function names, for readable CPU profiles (node --cpu-prof).
    minify: !process.env.CVLINT_BUNDLE_NAMES,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    charset: "ascii",
    logLevel: "warning",
    ...options,
  });
  // esbuild leaves non-ASCII characters in regular expression literals ([—–:]); escaped as \uXXXX
  // they mean the same there and in strings, and an all-ASCII bundle can be read as latin1,
  // without decoding UTF-8 at every start (bin/load-bundle.js).
  const text = readFileSync(outfile, "utf8");
  if (/String\.raw`[^`]*[^\x00-\x7f]/.test(text)) throw new Error(`${outfile}: non-ASCII text in a String.raw template cannot be escaped`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  // The file holds the function that bin/load-bundle.js compiles, wrapper included: a wrapper
  // joined to the text at load time made V8 flatten a copy of the whole 500 kB source at every start.
  writeFileSync(outfile, `${BUNDLE_HEAD}${ascii}${BUNDLE_TAIL}`);
  rmSync(`${outfile}.cache`, { force: true });
}

await bundle(`${root}dist/cvlint.cjs`, {
  entryPoints: [`${root}src/cli.ts`],
  external: ["pdf-parse", "mammoth"],
  plugins: [lazyBuiltins(["child_process"]), noLinkify(), lazyEntities()],
});

// The parsers, each in a bundle of its own that is loaded only when a PDF or a DOCX is read
// (src/parse/parser-bundle.ts). pdf.js's worker goes into the PDF bundle and runs in-process
// (globalThis.pdfjsWorker): pdf.js would otherwise import the 1.1 MB pdf.worker.mjs as an ES
// module at the first PDF. The native canvas stays outside: src/parse/pdf.ts answers its require.
const pdfDir = dirname(createRequire(import.meta.url).resolve("pdf-parse"));
await bundle(`${root}dist/pdf.cjs`, {
  stdin: {
    contents: `for (const name of ["DOMMatrix", "ImageData", "Path2D"]) if (!globalThis[name]) globalThis[name] = class {};
globalThis.pdfjsWorker = require(${JSON.stringify(`${pdfDir}/pdf.worker.mjs`)});
module.exports = require("pdf-parse");`,
    resolveDir: root,
    loader: "js",
  },
  external: ["@napi-rs/canvas"],
  plugins: [patchPdfWorker()],
});
await bundle(`${root}dist/docx.cjs`, { stdin: { contents: `module.exports = require("mammoth");`, resolveDir: root, loader: "js" } });

// Warm up on a Markdown CV, a PDF and a DOCX, then keep the code V8 compiled for the next starts.
const { main, script, exports: cliExports } = loadBundle(`${root}dist/cvlint.cjs`);
const io = { stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array(), stdinIsTTY: true };
await main([`${root}fixtures/cv/jane-doe-java.md`], io);
await main(["--format", "json", `${root}fixtures/cv/sam-lee-python.md`], io);
writeFileSync(`${root}dist/cvlint.cjs.cache`, script.createCachedData());
// The CLI lints PDF and DOCX files on a worker (src/pool.ts); the warm-up reads them here, in this
// thread, so that the parser bundles' caches hold the code a worker runs.
await cliExports.lintFile(`${root}fixtures/cv/jane-doe-java.word.pdf`);
await cliExports.lintFile(`${root}fixtures/cv/jane-doe-java.docx`);
for (const name of ["pdf", "docx"]) writeFileSync(`${root}dist/${name}.cjs.cache`, loadBundle(`${root}dist/${name}.cjs`).script.createCachedData());
