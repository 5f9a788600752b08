"use strict";
// Loads the bundled CLI (dist/cvlint.cjs) through vm.Script so that V8's code cache
// (dist/cvlint.cjs.cache, written by the build) can be used: a start then skips compiling it.
const { existsSync, readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

function loadBundle(file) {
  // The build writes the bundle in ASCII (esbuild charset "ascii"): latin1 reads it without decoding UTF-8.
  const code = readFileSync(file, "latin1");
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

exports.loadBundle = loadBundle;
