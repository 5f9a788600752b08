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
  logLevel: "warning",
});

// Warm up on a Markdown CV, then keep the code V8 compiled for the next starts.
rmSync(`${root}dist/cvlint.cjs.cache`, { force: true });
const { main, script } = loadBundle(`${root}dist/cvlint.cjs`);
const io = { stdout: () => {}, stderr: () => {}, stdin: async () => new Uint8Array(), stdinIsTTY: true };
await main([`${root}fixtures/cv/jane-doe-java.md`], io);
await main(["--format", "json", `${root}fixtures/cv/sam-lee-python.md`], io);
writeFileSync(`${root}dist/cvlint.cjs.cache`, script.createCachedData());
