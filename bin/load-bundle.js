"use strict";
// Loads a bundle of the build (dist/cvlint.cjs, and the PDF and DOCX parsers dist/pdf.cjs and
// dist/docx.cjs) through vm.Script so that V8's code cache (<bundle>.cache, written by the build)
// can be used: a start then skips compiling it.
const { existsSync, readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const loaded = new Map();

/**
 * What the build writes around a bundle's code (scripts/bundle.js): the file is one function
 * expression, compiled as it is read. Joining a wrapper to the text here made V8 flatten a copy
 * of the whole source at every start.
 */
const BUNDLE_HEAD = "(function (exports, require, module, __filename, __dirname, __cvlint_url) {";
const BUNDLE_TAIL = "\n})";

/** Load a bundle once per process: { main, exports, script } (script for the build to make the cache). */
function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known;
  // The build writes the bundle in ASCII (esbuild charset "ascii"): latin1 reads it without decoding UTF-8.
  const code = readFileSync(file, "latin1");
  let cachedData;
  if (existsSync(`${file}.cache`)) cachedData = readFileSync(`${file}.cache`);
  const script = new vm.Script(code.startsWith(BUNDLE_HEAD) ? code : `${BUNDLE_HEAD}${code}${BUNDLE_TAIL}`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  const result = { main: module.exports.main, exports: module.exports, script };
  loaded.set(file, result);
  return result;
}

exports.loadBundle = loadBundle;
exports.BUNDLE_HEAD = BUNDLE_HEAD;
exports.BUNDLE_TAIL = BUNDLE_TAIL;
