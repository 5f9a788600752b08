import * as z from "../zod.js";
import { defineRule } from "./types.js";

/**
 * An HTML tag printed as text: "<b>", "</strong>", "<br>", "<a href='…'>". Bounded: a tag name, then
 * at most 300 characters of attributes without another "<" or ">".
 */
const TAG = /<\/?(?:a|b|i|u|em|strong|br|p|span|div|ul|ol|li|h[1-6]|font|small|sup|sub|code|mark)(?:\s[^<>]{0,300})?\/?>/gi;

export default defineRule({
  name: "stray-markup",
  meta: {
    severity: "warning",
    category: "extraction",
    description: "No HTML tags printed as text in a PDF, Word or plain-text CV.",
    advice: "Markup that prints as text ('<b>Kafka</b>') clutters every line it is on and splits the skill names a recruiter's keyword search looks for.",
    fixable: false,
    weight: 4,
    messages: {
      printed: "HTML tags print as text ({tags}) on {count} lines; remove them: they clutter the lines and split skill names a keyword search looks for.",
    },
    options: () => z.strictObject({}),
    defaults: {},
  },
  check({ analysis }, report) {
    const doc = analysis.doc;
    // Markdown and a JSON Resume hand their HTML to a renderer; a PDF, a Word file or plain text shows it.
    if (doc.format !== "pdf" && doc.format !== "docx" && doc.format !== "text") return;
    const places: Array<{ lineIndex: number; start: number; end: number }> = [];
    const tags = new Set<string>();
    for (const line of doc.lines) {
      if (!line.text.includes("<")) continue;
      let first = true;
      for (const t of line.text.matchAll(TAG)) {
        if (first) places.push({ lineIndex: line.index, start: t.index, end: t.index + t[0].length });
        first = false;
        if (tags.size < 4) tags.add(`<${/^<\/?([a-z0-9]+)/i.exec(t[0])![1]!.toLowerCase()}>`);
      }
    }
    if (places.length === 0) return;
    // One edit for the whole CV: one finding, at the first place, listing the others.
    const data = { tags: [...tags].join(", "), count: places.length };
    // (The first few places: the message gives the count, and every line says the same.)
    for (const at of places.slice(0, 5)) report({ messageId: "printed", data, at, weight: 1, group: "printed" });
  },
});
