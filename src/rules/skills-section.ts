import * as z from "../zod.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "skills-section",
  meta: {
    severity: "error",
    category: "structure",
    description: "The CV has a dedicated skills section.",
    advice: "Here's a guide on what to include in the skills section of your backend developer CV (a dedicated section recruiters and ATS scan first).",
    fixable: false,
    weight: 20,
    messages: { missing: "No dedicated skills section found: add a 'Skills' section that lists your technical and soft skills." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    if (!analysis.doc.sections.some((s) => s.kind === "skills")) report({ messageId: "missing" });
  },
});
