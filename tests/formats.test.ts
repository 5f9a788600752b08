import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintFile } from "../src/index.js";
import type { CvDocument } from "../src/types.js";
import { bullets } from "../src/rules/helpers.js";
import { bulletsBySection, fixture } from "./helpers.js";

const CVS = ["jane-doe-java", "sam-lee-python", "maria-garcia-go", "alex-kim-table", "tom-brown-noskills", "priya-patel-student"];

async function read(path: string): Promise<CvDocument> {
  const r = await lintFile(path);
  expect(r.error, `${path}: ${r.error?.message}`).toBeNull();
  return r.document!;
}

/** Text compared "up to whitespace": pandoc's typography (curly quotes, dashes) and table pipes folded too. */
const fold = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s*\|\s*/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function sectionTexts(doc: CvDocument): Array<{ kind: string; heading: string | null; text: string }> {
  return doc.sections.map((s) => ({
    kind: s.kind,
    heading: s.heading,
    text: fold(doc.lines.slice(s.start, s.end + 1).map((l) => l.text).join(" ")),
  }));
}

describe("the same CV reads the same from Markdown, LaTeX PDF, Word PDF, DOCX and a browser PDF", () => {
  for (const name of CVS) {
    describe(name, async () => {
      const md = sectionTexts(await read(fixture(`cv/${name}.md`)));
      for (const ext of ["pdf", "word.pdf", "docx", "browser.pdf"]) {
        it(`${ext}: same sections, same text`, async () => {
          const other = sectionTexts(await read(fixture(`cv/${name}.${ext}`)));
          expect(other.map((s) => [s.kind, s.heading])).toEqual(md.map((s) => [s.kind, s.heading]));
          other.forEach((s, i) => {
            const want = md[i]!.text;
            // The header of a rendered document may carry a title from front matter; all else is equal.
            if (s.kind === "header") expect(s.text).toContain(want);
            else expect(s.text).toBe(want);
          });
        });
      }
    });
  }
});

describe("plain-text exports", () => {
  for (const name of ["sam-lee-python", "priya-patel-student"]) {
    it(`${name}.txt has the Markdown's sections and text`, async () => {
      const md = sectionTexts(await read(fixture(`cv/${name}.md`)));
      const txt = sectionTexts(await read(fixture(`cv/${name}.txt`)));
      expect(txt.map((s) => [s.kind, s.heading])).toEqual(md.map((s) => [s.kind, s.heading]));
      txt.forEach((s, i) => expect(s.text).toBe(md[i]!.text));
    });
  }
});

describe("every team CV in five formats: the same sections and the same bullets", () => {
  const names = readdirSync(fixture("cv"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `cv/${f.slice(0, -3)}`)
    .concat("layouts/skills-subheadings", "layouts/project-descriptions");
  // The duties the rules judge (action-verbs, quantified-achievements): the top-level items, and
  // the nested ones that are duties of their own (not a lone line describing a project's title).
  const duties = (d: CvDocument): string[] => bullets(d, "experience", "projects").map((b) => fold(b.text));
  for (const name of names) {
    it(name, async () => {
      const doc = await read(fixture(`${name}.md`));
      const md = bulletsBySection(doc);
      expect(md.some(([, , n]) => n > 0)).toBe(true);
      for (const ext of ["pdf", "word.pdf", "docx", "browser.pdf"]) {
        const other = await read(fixture(`${name}.${ext}`));
        expect(bulletsBySection(other), `${name}.${ext}`).toEqual(md);
        expect(duties(other), `${name}.${ext}: the duties the rules read`).toEqual(duties(doc));
      }
    });
  }
});
