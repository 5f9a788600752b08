import * as z from "../zod.js";
import { taxonomySchemas } from "./schema.js";

/** The JSON Schema of a taxonomy file, generated from the zod schema so both stay one. */
export function taxonomyJsonSchema(): object {
  return {
    ...z.toJSONSchema(taxonomySchemas().TaxonomyFileSchema, { target: "draft-2020-12" }),
    $id: "https://cvlint.dev/schema/taxonomy.schema.json",
    title: "cvlint taxonomy file",
  };
}
