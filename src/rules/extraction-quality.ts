import * as z from "../zod.js";
import { MIN_SECTION_CONFIDENCE } from "../document/structure.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "extraction-quality",
  meta: {
    severity: "warning",
    category: "extraction",
    description: "The text cvlint read from the file can be trusted (no garbled glyphs, pages without text or columns read across), and so can its sections (titles found and not glued to the text beside them).",
    advice: "Applicant tracking systems read your CV the way cvlint does: if the text comes out garbled, so does your application.",
    fixable: false,
    weight: 0,
    messages: {
      lowConfidence: "cvlint could not read this file reliably (confidence {confidence}): {reasons}. Findings below may be wrong.",
      unsureSections: "cvlint is unsure of this CV's sections: {reasons}. Advice that depends on them is left out.",
    },
    options: () => z.strictObject({ minConfidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))) }),
    defaults: { minConfidence: 0.7 },
  },
  check({ analysis, options }, report) {
    const q = analysis.doc.quality;
    if (q.confidence < options.minConfidence) report({ messageId: "lowConfidence", data: { confidence: q.confidence, reasons: q.reasons.join("; ") } });
    else if (q.structure < MIN_SECTION_CONFIDENCE || analysis.doc.sections.some((s) => s.confidence < MIN_SECTION_CONFIDENCE)) {
      report({ messageId: "unsureSections", data: { reasons: q.reasons.join("; ") || "sections read with little certainty" } });
    }
  },
});
