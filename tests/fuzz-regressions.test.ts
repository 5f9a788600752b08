import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Inputs `npm run fuzz` found that hung or crashed cvlint (fixtures/fuzz/README.md), each linted
// through the CLI with a good CV after it: a result or a one-line error within the time limit,
// never TIMEOUT or INTERNAL, and the next file still linted.
const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "fixtures/fuzz");
const good = join(root, "fixtures/cv/sam-lee-python.md");
const inputs = readdirSync(dir).filter((f) => !f.endsWith(".md"));

describe("inputs the fuzzer found", () => {
  it("there are some", () => expect(inputs.length).toBeGreaterThan(0));
  for (const f of inputs) {
    it(`${f}: read or refused in time, and the next file linted`, () => {
      const t = Date.now();
      const r = spawnSync(process.execPath, [join(root, "bin/cvlint.js"), "--format", "json", "--timeout", "30", join(dir, f), good], { encoding: "utf8", timeout: 60_000 });
      expect(r.signal).toBeNull();
      const [a, b] = JSON.parse(r.stdout).results;
      expect(["TIMEOUT", "INTERNAL"]).not.toContain(a.error?.code);
      expect(b.error).toBeNull();
      expect(b.findings.length).toBeGreaterThan(0);
      expect(Date.now() - t).toBeLessThan(30_000);
    }, 90_000);
  }
});
