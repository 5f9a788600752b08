// SARIF validation for the tests: Microsoft's SARIF Multitool (`validate`, the checks GitHub code
// scanning documents) when it is installed, as .ci/run installs it; otherwise the OASIS SARIF 2.1.0
// JSON schema plus the Multitool's SARIF1004 rule on artifact URIs, written out here.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import { root } from "./helpers.js";

/** The Multitool binary: $SARIF_MULTITOOL, or the one .ci/run installs under .ci/tools. */
export function multitool(): string | null {
  const candidates = [process.env.SARIF_MULTITOOL, join(root, ".ci/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool")];
  for (const c of candidates) if (c && existsSync(c) && spawnSync(c, ["--version"], { encoding: "utf8" }).status === 0) return c;
  return null;
}

/** Problems found in a SARIF file at level error or warning, as "RULE: message"; [] when it is valid. */
export function validateSarif(file: string): string[] {
  const tool = multitool();
  if (tool) {
    const out = join(mkdtempSync(join(tmpdir(), "sarif-validate-")), "validation.sarif");
    const r = spawnSync(tool, ["validate", file, "--output", out, "--log", "ForceOverwrite", "--level", "Error;Warning"], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0 || !existsSync(out)) return [`the Multitool failed: ${r.stdout}${r.stderr}`];
    const log = JSON.parse(readFileSync(out, "utf8"));
    return (log.runs?.[0]?.results ?? []).filter((x: { level?: string }) => x.level === "error" || x.level === "warning").map((x: { ruleId: string; message: { text?: string; arguments?: string[] } }) => `${x.ruleId}: ${x.message.text ?? (x.message.arguments ?? []).join(" ")}`);
  }
  const schema = JSON.parse(readFileSync(join(root, "tests/schemas/sarif-2.1.0.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  const log = JSON.parse(readFileSync(file, "utf8"));
  const problems = validate(log) ? [] : (validate.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`);
  return [...problems, ...sarif1004(log)];
}

/**
 * SARIF1004 (ExpressUriBaseIdsCorrectly), as the Multitool states it: a relative reference must not
 * begin with a slash; an absolute URI carries no uriBaseId; a uriBaseId's base URI ends with a slash.
 */
export function sarif1004(log: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.uri === "string") {
        const absolute = /^[a-z][a-z0-9+.-]*:/i.test(o.uri);
        if (!absolute && o.uri.startsWith("/")) out.push(`SARIF1004: ${path}.uri '${o.uri}' is a relative reference that begins with a slash`);
        if (absolute && o.uriBaseId !== undefined) out.push(`SARIF1004: ${path}.uri '${o.uri}' is absolute but has a uriBaseId`);
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
    }
  };
  walk(log, "$");
  return out;
}
