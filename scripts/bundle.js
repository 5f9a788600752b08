// Part of `npm run build`, after tsc: writes
//   dist/taxonomy.validated.json  the built-in taxonomy, validated once here instead of at every start
//                                 (and likewise dist/rules-data.validated.json, dist/sections.validated.json);
//   dist/cvlint.cjs               the CLI bundled into one file (fewer modules to resolve and load);
//   dist/cvlint.cjs.cache         V8's code cache for it, made after a warm-up run, so later starts skip compiling.
// bin/cvlint.js uses the bundle when it is there and falls back to dist/cli.js otherwise.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { prevalidatedJson } from "../dist/taxonomy/load.js";
import { encodeGroups, entryGroups } from "../dist/match/compile.js";
import { rulesDataJson } from "../dist/rules/data.js";
import { headingTablesJson } from "../dist/document/headings.js";
import { loadBundle } from "../bin/load-bundle.js";

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

const root = fileURLToPath(new URL("..", import.meta.url));
writeFileSync(`${root}dist/taxonomy.validated.json`, prevalidatedJson((skills) => encodeGroups(entryGroups(skills))));
writeFileSync(`${root}dist/rules-data.validated.json`, rulesDataJson());
writeFileSync(`${root}dist/sections.validated.json`, headingTablesJson());

await build({
  entryPoints: [`${root}src/cli.ts`],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: `${root}dist/cvlint.cjs`,
  external: ["pdf-parse", "mammoth"],
  define: { "import.meta.url": "__cvlint_url" },
  // CVLINT_BUNDLE_NAMES=1 keeps function names, for readable CPU profiles (node --cpu-prof).
  minify: !process.env.CVLINT_BUNDLE_NAMES,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  charset: "ascii",
  plugins: [lazyBuiltins(["child_process"]), noLinkify(), lazyEntities()],
  logLevel: "warning",
});

// esbuild leaves non-ASCII characters in regular expression literals ([—–:]); escaped as \uXXXX
// they mean the same there and in strings, and an all-ASCII bundle can be read as latin1, without
// decoding UTF-8 at every start (bin/load-bundle.js).
const bundled = readFileSync(`${root}dist/cvlint.cjs`, "utf8");
const ascii = bundled.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
if (/[^\x00-\x7f]/.test(ascii)) throw new Error("dist/cvlint.cjs is not ASCII");
writeFileSync(`${root}dist/cvlint.cjs`, ascii);

// Warm up on a Markdown CV, then keep the code V8 compiled for the next starts.
rmSync(`${root}dist/cvlint.cjs.cache`, { force: true });
const { main, script } = loadBundle(`${root}dist/cvlint.cjs`);
const io = { stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array(), stdinIsTTY: true };
await main([`${root}fixtures/cv/jane-doe-java.md`], io);
await main(["--format", "json", `${root}fixtures/cv/sam-lee-python.md`], io);
writeFileSync(`${root}dist/cvlint.cjs.cache`, script.createCachedData());
