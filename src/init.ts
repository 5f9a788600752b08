import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { RULES } from "./rules/index.js";

/** A starter config: the recommended preset with every rule spelled out, and the schema for editors. */
export async function writeStarterConfig(dir: string, force: boolean): Promise<string> {
  const file = join(dir, ".cvlintrc.json");
  if (existsSync(file) && !force) throw new Error(`${file} already exists (use --force to overwrite)`);
  const config = {
    $schema: "./node_modules/cvlint/schema/config.schema.json",
    extends: "cvlint:recommended",
    rules: Object.fromEntries(RULES.map((r) => [r.name, r.meta.severity])),
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { flag: force ? "w" : "wx" });
  return file;
}
