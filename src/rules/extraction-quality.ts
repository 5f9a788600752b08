import * as z from "../zod.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "extraction-quality",
  meta: {
    severity: "warning",
    category: "extraction",
    description: "The text cvlint read from the file can be trusted (no garbled glyphs, pages without text or columns read across).",
    advice: "Applicant tracking systems read your CV the way cvlint does: if the text comes out garbled, so does your application.",
    fixable: false,
    weight: 0,
    messages: { lowConfidence: "cvlint could not read this file reliably (confidence {confidence}): {reasons}. Findings below may be wrong." },
    options: () => z.strictObject({ minConfidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))) }),
    defaults: { minConfidence: 0.7 },
  },
  check({ analysis, options }, report) {
    const q = analysis.doc.quality;
    if (q.confidence < options.minConfidence) report({ messageId: "lowConfidence", data: { confidence: q.confidence, reasons: q.reasons.join("; ") } });
  },
});
