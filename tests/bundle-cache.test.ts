import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers.js";

/*
 * A start skips compiling the bundles only while V8 accepts their code caches, which it does only
 * in a process whose V8 flags are those of the build's, and for the very text it was made from:
 * a flag set in one place and not the other, or a bundle rewritten after its cache, silently costs
 * every start its compile. Checked in a fresh node, as bin/cvlint.js runs.
 */
describe("the bundles' code caches", () => {
  it("are accepted by a start, for the CLI and both parsers", () => {
    const bundles = ["cvlint", "pdf", "docx"].map((b) => join(root, "dist", `${b}.cjs`));
    for (const b of bundles) expect(existsSync(`${b}.cache`), b).toBe(true);
    const script = `const { loadBundle } = require(${JSON.stringify(join(root, "bin/load-bundle.js"))});
for (const b of ${JSON.stringify(bundles)}) console.log(loadBundle(b).script.cachedDataRejected);`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual(["false", "false", "false"]);
  });
});
