import * as z from "../zod.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "job-skill-not-listed",
  meta: {
    severity: "warning",
    category: "content",
    description: "With --job: a skill the posting asks for that the CV shows only in experience or elsewhere is also listed in the skills section.",
    advice: "Tailor the skills section to the job: recruiters and ATS look there first for the posting's keywords.",
    fixable: false,
    needsJob: true,
    weight: 0,
    messages: { notListed: "The posting asks for {skill}, which your {section} shows; list it in the skills section too." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, job }, report) {
    if (!job || !analysis.doc.sections.some((s) => s.kind === "skills")) return;
    for (const r of [...job.required, ...job.niceToHave]) {
      if (r.shown !== "used" && r.shown !== "mentioned") continue;
      const hit = analysis.skills.find((s) => s.id === r.matchedId);
      const o = hit?.occurrences.find((x) => x.section !== "skills");
      if (!o) continue;
      report({ messageId: "notListed", data: { skill: hit!.name, section: o.section }, at: { lineIndex: o.lineIndex, start: o.start, end: o.end } });
    }
  },
});
