import * as z from "../zod.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "portfolio-link",
  meta: {
    severity: "info",
    strictSeverity: "warning",
    category: "evidence",
    description: "A GitHub, GitLab or portfolio link is present.",
    advice: "Contribute to open source and create a portfolio showcasing your projects: a link lets a reviewer read your code.",
    fixable: false,
    weight: 3,
    messages: { missing: "No GitHub, GitLab or portfolio link; add one so a reviewer can read your code." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    const links = analysis.doc.links.filter((l) => !/linkedin\.|^mailto:|^tel:|xing\.com/i.test(l.url));
    if (links.length === 0) report({ messageId: "missing" });
  },
});
