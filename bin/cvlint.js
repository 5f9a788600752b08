#!/usr/bin/env node
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("../dist/cvlint.cjs", import.meta.url));
let main;
if (existsSync(bundle)) {
  ({ main } = (await import("./load-bundle.js")).loadBundle(bundle));
} else {
  ({ main } = await import("../dist/cli.js"));
}
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A file abandoned by the watchdog may leave parser work pending: exit once the output is flushed.
if (globalThis.__cvlintTimedOut) process.stdout.write("", () => process.exit(code));
