// Loads the bundled CLI (dist/cvlint.cjs) through vm.Script so that V8's code cache
// (dist/cvlint.cjs.cache, written by the build) can be used: a start then skips compiling it.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";

export function loadBundle(file) {
  const code = readFileSync(file, "utf8");
  let cachedData;
  if (existsSync(`${file}.cache`)) cachedData = readFileSync(`${file}.cache`);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __cvlint_url) {${code}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  return { main: module.exports.main, script };
}
