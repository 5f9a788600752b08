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
    const byLine = new Map<number, typeof analysis.items>();
    for (const it of analysis.items) byLine.set(it.lineIndex, [...(byLine.get(it.lineIndex) ?? []), it]);
    for (const items of byLine.values()) {
      const firstOther = items.find((it) => it.skillIds.length > 0 && !it.skillIds.some((id) => wanted.has(id)));
      if (!firstOther) continue;
      const late = items.find((it) => it.start > firstOther.start && it.skillIds.some((id) => wanted.has(id)));
      if (!late) continue;
      const name = analysis.skills.find((s) => s.id === late.skillIds.find((id) => wanted.has(id)))!.name;
      const before = analysis.skills.find((s) => s.id === firstOther.skillIds[0])!.name;
      report({ messageId: "moveFirst", data: { skill: name, before }, at: { lineIndex: late.lineIndex, start: late.start, end: late.end } });
    }
  },
});
