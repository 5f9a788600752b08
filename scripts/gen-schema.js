// Writes schema/*.schema.json from the zod schemas (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { taxonomyJsonSchema } from "../dist/taxonomy/json-schema.js";

writeFileSync(new URL("../schema/taxonomy.schema.json", import.meta.url), `${JSON.stringify(taxonomyJsonSchema(), null, 2)}\n`);
console.log("schema/taxonomy.schema.json written");
