// Part of `npm run build`, after tsc: writes
//   dist/taxonomy.validated.json  the built-in taxonomy, validated once here instead of at every start;
//   dist/cvlint.cjs               the CLI bundled into one file (fewer modules to resolve and load);
//   dist/cvlint.cjs.cache         V8's code cache for it, made after a warm-up run, so later starts skip compiling.
// bin/cvlint.js uses the bundle when it is there and falls back to dist/cli.js otherwise.
import { writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { prevalidatedJson } from "../dist/taxonomy/load.js";
import { formTokens } from "../dist/match/compile.js";
import { rulesDataJson } from "../dist/rules/data.js";
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

const root = fileURLToPath(new URL("..", import.meta.url));
writeFileSync(`${root}dist/taxonomy.validated.json`, prevalidatedJson(formTokens));
writeFileSync(`${root}dist/rules-data.validated.json`, rulesDataJson());

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
  plugins: [lazyBuiltins(["child_process"])],
  logLevel: "warning",
});

// Warm up on a Markdown CV, then keep the code V8 compiled for the next starts.
rmSync(`${root}dist/cvlint.cjs.cache`, { force: true });
const { main, script } = loadBundle(`${root}dist/cvlint.cjs`);
const io = { stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array(), stdinIsTTY: true };
await main([`${root}fixtures/cv/jane-doe-java.md`], io);
await main(["--format", "json", `${root}fixtures/cv/sam-lee-python.md`], io);
writeFileSync(`${root}dist/cvlint.cjs.cache`, script.createCachedData());
