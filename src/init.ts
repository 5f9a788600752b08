import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A starter config: a preset and the schema for editors, with no rule pinned: a rule spelled out
 * here would keep its severity when `extends` changes to cvlint:strict. Rules set here override the
 * preset (`cvlint rules` lists them).
 */
export async function writeStarterConfig(dir: string, force: boolean): Promise<string> {
  const file = join(dir, ".cvlintrc.json");
  if (existsSync(file) && !force) throw new Error(`${file} already exists (use --force to overwrite)`);
  const config = {
    $schema: "./node_modules/cvlint/schema/config.schema.json",
    extends: "cvlint:recommended",
    rules: {},
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { flag: force ? "w" : "wx" });
  return file;
}
