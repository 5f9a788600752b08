// Writes schema/*.schema.json from the zod schemas (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { configJsonSchema } from "../dist/config.js";
import { taxonomyJsonSchema } from "../dist/taxonomy/json-schema.js";

for (const [name, schema] of [
  ["taxonomy", taxonomyJsonSchema()],
  ["config", configJsonSchema()],
]) {
  writeFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schema/${name}.schema.json written`);
}
