import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isFresh, stamp } from "../src/fingerprint.js";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Two source files and a prepared file written after them, as the build leaves them. */
function setup() {
  dir = mkdtempSync(join(tmpdir(), "cvlint-stamp-"));
  const files = [join(dir, "a.json"), join(dir, "b.json")];
  writeFileSync(files[0]!, '{"java": 1}');
  writeFileSync(files[1]!, '{"go": 2}');
  const prepared = join(dir, "prepared.json");
  const record = stamp(files);
  writeFileSync(prepared, record);
  const past = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(f, past, past);
  return { files, prepared, record };
}
const later = (f: string) => utimesSync(f, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));

describe("prepared-data freshness", () => {
  it("is fresh when nothing changed", () => {
    const { files, prepared, record } = setup();
    expect(isFresh(files, record, prepared)).toBe(true);
  });

  it("is stale after an edit that keeps the size", () => {
    const { files, prepared, record } = setup();
    writeFileSync(files[0]!, '{"jaxa": 1}');
    later(files[0]!);
    expect(isFresh(files, record, prepared)).toBe(false);
  });

  it("is stale when a size changes or a file is added, whatever the times", () => {
    const { files, prepared, record } = setup();
    writeFileSync(files[1]!, '{"go": 22}');
    const past = new Date(Date.now() - 60_000);
    utimesSync(files[1]!, past, past);
    expect(isFresh(files, record, prepared)).toBe(false);
    const extra = join(dir, "c.json");
    writeFileSync(extra, "{}");
    expect(isFresh([...files, extra], record, prepared)).toBe(false);
  });

  it("stays fresh when a copy made the sources newer but left them unchanged", () => {
    const { files, prepared, record } = setup();
    for (const f of files) later(f);
    expect(isFresh(files, record, prepared)).toBe(true);
  });

  it("is stale when the prepared file is missing", () => {
    const { files, record } = setup();
    expect(isFresh(files, record, join(dir, "gone.json"))).toBe(false);
  });
});
