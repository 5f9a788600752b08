import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, fixture, root } from "./helpers.js";

/** Each hostile input ends in a clear error (exit 2, one line, its code) or a correct result, fast. */
const CASES: Array<[string, number, string | null]> = [
  ["bad/flipped.pdf", 2, "PDF_CORRUPT"],
  ["bad/flipped.docx", 2, "DOCX_CORRUPT"],
  ["bad/bomb.docx", 2, "FILE_TOO_LARGE"],
  ["bad/many-pages.pdf", 2, "FILE_TOO_LARGE"],
  // No section title in it: the findings that stand on sections are left out, extraction-quality (a warning) says so.
  ["bad/many-objects.pdf", 0, null],
  ["bad/nested-lists.md", 2, "FILE_TOO_LARGE"],
  ["bad/one-line.txt", 2, "FILE_TOO_LARGE"],
  ["bad/nul-bytes.md", 2, "UNSUPPORTED_FORMAT"],
  ["bad/mixed-encoding.md", 2, "INVALID_ENCODING"],
  ["bad/pdf-named.md", 0, null],
  ["bad/encrypted.pdf", 2, "PDF_ENCRYPTED"],
  ["bad/scanned.pdf", 2, "PDF_NO_TEXT"],
];

function run(args: string[], env: Record<string, string> = {}, cwd = root) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

describe("hostile inputs", () => {
  for (const [file, code, errorCode] of CASES) {
    it(`${file}: ${errorCode ?? "read"}, exit ${code}, within the limits`, () => {
      const r = run(["--format", "json", fixture(file)]);
      expect(r.code).toBe(code);
      expect(r.ms).toBeLessThan(15_000);
      const res = JSON.parse(r.stdout).results[0];
      if (errorCode) {
        expect(res.error.code).toBe(errorCode);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError/);
      } else {
        expect(res.error).toBeNull();
      }
    });
  }

  it("limits are configurable, and the watchdog stops a file that takes too long while the run goes on", () => {
    const r = run(["--format", "json", "--max-pages", "10000", "--timeout", "2", fixture("bad/many-pages.pdf"), fixture("cv/sam-lee-python.md")]);
    expect(r.code).toBe(2);
    const [slow, next] = JSON.parse(r.stdout).results;
    expect(slow.error.code).toBe("TIMEOUT");
    expect(next.error).toBeNull();
    expect(r.ms).toBeLessThan(8_000);
    // The worker is ended at 2 s, or pdf.js stops first at its own check between pages: TIMEOUT either way.
    expect(r.stderr).toMatch(/many-pages\.pdf: took (?:longer than 2 s and was skipped \(--timeout\)|too long to read \(stopped at page \d+ of 5000\); raise --timeout or --max-pages) \[TIMEOUT\]/);
  });

  it("never opens a network connection, never reads .env, prints nothing on import", () => {
    const dir = mkdtempSync(join(tmpdir(), "cvlint-net-"));
    writeFileSync(join(dir, ".env"), "CVLINT_SECRET=leaked\n");
    const guard = join(dir, "guard.cjs");
    writeFileSync(
      guard,
      `const net = require("net"); const dns = require("dns"); const fs = require("fs");
       const fail = (what) => { fs.writeSync(2, "NETWORK:" + what + "\\n"); };
       const c = net.Socket.prototype.connect; net.Socket.prototype.connect = function (...a) { fail("connect"); return c.apply(this, a); };
       const l = dns.lookup; dns.lookup = function (...a) { fail("dns"); return l.apply(this, a); };
       const r = fs.readFileSync; fs.readFileSync = function (p, ...a) { if (String(p).endsWith(".env")) fail("dotenv"); return r.call(this, p, ...a); };`,
    );
    const files = ["cv/jane-doe-java.pdf", "cv/jane-doe-java.docx", "cv/jane-doe-java.md"].map(fixture);
    const r = run(["--format", "json", "--job", fixture("jobs/acme-senior-java.md"), ...files], { NODE_OPTIONS: `--require ${guard}` }, dir);
    expect(r.stderr).not.toMatch(/NETWORK:/);
    expect(process.env.CVLINT_SECRET).toBeUndefined();
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
