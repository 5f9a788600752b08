import * as z from "../zod.js";
import { defineRule } from "./types.js";

export default defineRule({
  name: "job-skill-order",
  meta: {
    severity: "info",
    category: "content",
    description: "With --job: within a skills line or group, the skills the posting asks for come first.",
    advice: "Tailor your CV to the specific job: put the most relevant skills where the eye lands first.",
    fixable: false,
    needsJob: true,
    weight: 0,
    messages: { moveFirst: "Put {skill} before {before} in this group: the posting asks for it." },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis, job }, report) {
    if (!job) return;
    const wanted = new Set([...job.required, ...job.niceToHave].flatMap((r) => r.ids));
    // A group: the items of one paragraph or bullet under one label ("Languages: Java, Go ·
    // Frameworks: Phoenix" is two groups; a list a PDF wrapped onto the next line is one).
    const lines = analysis.doc.lines;
    const groups: Array<typeof analysis.items> = [];
    let prev: (typeof analysis.items)[number] | undefined;
    for (const it of analysis.items) {
      const same = prev !== undefined && it.label === prev.label && lines[it.lineIndex]!.block === lines[prev.lineIndex]!.block;
      if (same) groups[groups.length - 1]!.push(it);
      else groups.push([it]);
      prev = it;
    }
    for (const items of groups) {
      const first = items.findIndex((it) => it.skillIds.length > 0 && !it.skillIds.some((id) => wanted.has(id)));
      if (first < 0) continue;
      const firstOther = items[first]!;
      const late = items.slice(first + 1).find((it) => it.skillIds.some((id) => wanted.has(id)));
      if (!late) continue;
      const name = analysis.skills.find((s) => s.id === late.skillIds.find((id) => wanted.has(id)))!.name;
      const before = analysis.skills.find((s) => s.id === firstOther.skillIds[0])!.name;
      report({ messageId: "moveFirst", data: { skill: name, before }, at: { lineIndex: late.lineIndex, start: late.start, end: late.end } });
    }
  },
});
