#!/usr/bin/env node
"use strict";
// CommonJS on purpose (bin/package.json): an ES module entry point makes Node load its ESM
// loader, node:fs/promises and the stream modules before any of cvlint runs (about 5 ms).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "cvlint.cjs");

async function run() {
  const { main } = existsSync(bundle) ? require("./load-bundle.js").loadBundle(bundle) : await import("../dist/cli.js");
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  // A file abandoned by the watchdog may leave parser work pending: exit once the output is flushed.
  if (globalThis.__cvlintTimedOut) process.stdout.write("", () => process.exit(code));
}

run().catch((err) => {
  process.stderr.write(`cvlint: internal error: ${String(err && err.message ? err.message : err).split("\n")[0]}\n`);
  process.exitCode = 2;
});
