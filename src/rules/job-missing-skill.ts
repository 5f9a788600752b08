import * as z from "../zod.js";
import { describeRequirement } from "../job/describe.js";
import { headingAt } from "./helpers.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "job-missing-skill",
  meta: {
    severity: "error",
    category: "content",
    description: "With --job: every skill the posting requires (error) or prefers (warning) appears in the CV.",
    advice: "Tailor your CV to the specific job you're applying for, emphasizing the skills most relevant to the position.",
    fixable: false,
    needsJob: true,
    weight: 0,
    messages: {
      missingRequired: "The posting requires {skill} (line {jobLine} of the posting); your CV does not name it. If you have it, show where you used it.",
      missingPreferred: "The posting would like {skill}; your CV does not name it.",
      missingRequiredAny: "Line {jobLine} of the posting requires {skill}; your CV names none of them. If you have one, show where you used it.",
      missingPreferredAny: "The posting would like {skill}; your CV names none of them.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, job }, report) {
    if (!job) return;
    const at = headingAt(analysis.doc, "skills");
    // Alternatives and examples are one requirement met by any member: said as such ("one of Java, Kotlin").
    const any = (r: (typeof job.required)[number]) => describeRequirement(r) !== r.name;
    for (const r of job.required) if (!r.found) report({ messageId: any(r) ? "missingRequiredAny" : "missingRequired", data: { skill: describeRequirement(r), jobLine: r.line }, at });
    for (const r of job.niceToHave) if (!r.found) report({ messageId: any(r) ? "missingPreferredAny" : "missingPreferred", data: { skill: describeRequirement(r), jobLine: r.line }, at, severity: "warning" });
  },
});
