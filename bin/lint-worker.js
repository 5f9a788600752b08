"use strict";
// A worker thread of a large run (src/pool.ts): loads the bundle like bin/cvlint.js, then lints
// the files the main thread sends it.
const { parentPort, workerData } = require("node:worker_threads");
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "cvlint.cjs");

(async () => {
  const mod = existsSync(bundle) ? require("./load-bundle.js").loadBundle(bundle).exports : await import("../dist/cli.js");
  await mod.serveWorker(parentPort, workerData);
})();
