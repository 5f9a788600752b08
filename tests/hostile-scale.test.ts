import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { lintText } from "../src/index.js";
import { MAX_READ_ITEMS } from "../src/match/items.js";
import { MAX_NAMES } from "../src/match/matcher.js";
import { MAX_EMPHASIS_MARKS } from "../src/parse/markdown.js";
import { countTextLines, DEFAULT_READ_OPTIONS, parseBytes } from "../src/parse/index.js";
import { buildDocument } from "../src/document/build.js";
import { analyze } from "../src/match/analyze.js";
import { getTaxonomy } from "../src/taxonomy/index.js";

// Work bounded on lists no CV has (issue 24: a 2,000,000-character text within 10 s and 600 MB).

const lint = (md: string) => lintText(md, { config: resolveConfig({}, null) });
const unknownItems = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `- Zq${(i + from).toString(36)}x`).join("\n");

describe("a skills list longer than any CV's", () => {
  it(`reads its first ${MAX_READ_ITEMS} items for unknown names; later ones still name the known skills in them`, async () => {
    const md = `# Dana Example\n\n## Skills\n\n${unknownItems(MAX_READ_ITEMS + 300)}\n- Kafka\n\n## Experience\n\n- Ran Zq1x and Zq${(MAX_READ_ITEMS + 5).toString(36)}x in production\n`;
    const r = await lint(md);
    const unknown = r.skills.filter((s) => !s.known);
    // (All of the first items but a near-miss of a known name or two: "Zqbix" reads as a slip of Zabbix.)
    expect(unknown.length).toBeGreaterThan(MAX_READ_ITEMS - 5);
    expect(unknown.every((s) => parseInt(s.name.slice(2, -1), 36) < MAX_READ_ITEMS)).toBe(true);
    expect(unknown[0]!.name).toBe("Zq0x");
    // (Named in experience too: the first is found there, the unread one is no skill.)
    expect(unknown.find((s) => s.name === "Zq1x")!.sections).toEqual(["skills", "experience"]);
    expect(r.skills.some((s) => s.name === `Zq${(MAX_READ_ITEMS + 5).toString(36)}x`)).toBe(false);
    expect(r.skills.find((s) => s.id === "kafka")?.sections).toEqual(["skills"]);
  });

  it("a list of a CV's length is read whole", async () => {
    const r = await lint(`# Dana Example\n\n## Skills\n\n${unknownItems(40)}\n- Kafka\n`);
    expect(r.skills.filter((s) => !s.known)).toHaveLength(40);
  });
});

describe("counts past any CV's are refused up front, with a one-line reason", () => {
  it("lines holding text are counted under every line ending, blank ones not", () => {
    expect(countTextLines("a\nb\r\nc\rd")).toBe(4);
    expect(countTextLines("a\n\n  \n\t\nb\n")).toBe(2);
    expect(countTextLines("")).toBe(0);
    expect(countTextLines("a\u2028b")).toBe(1);
  });

  it("a text of more lines than maxLines is refused before it is parsed", async () => {
    const opts = { ...DEFAULT_READ_OPTIONS, maxLines: 100 };
    const bytes = (lines: number) => new TextEncoder().encode("- Java\n".repeat(lines));
    await expect(parseBytes(bytes(100), "cv.md", opts)).resolves.toBeDefined();
    await expect(parseBytes(bytes(101), "cv.md", opts)).rejects.toMatchObject({ code: "FILE_TOO_LARGE", message: expect.stringMatching(/^holds 101 lines of text, more than the limit of 100/) });
    await expect(parseBytes(bytes(101), "cv.txt", opts)).rejects.toMatchObject({ code: "FILE_TOO_LARGE" });
  });

  it(`the default limit (${DEFAULT_READ_OPTIONS.maxLines} lines) holds in lintText, and the refusal takes no reading`, async () => {
    const t = performance.now();
    const r = await lint(`# Dana Example\n\n## Skills\n\n${"- Java\n".repeat(DEFAULT_READ_OPTIONS.maxLines!)}`);
    expect(r.error?.code).toBe("FILE_TOO_LARGE");
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it(`a file that names skills more than ${MAX_NAMES} times is refused while it is matched`, async () => {
    const r = await lint(`# Dana Example\n\n## Skills\n\n${"Java, Kafka, ".repeat(MAX_NAMES / 2 + 1)}\n`);
    expect(r.error).toMatchObject({ code: "FILE_TOO_LARGE", message: `names skills more than ${MAX_NAMES} times; a CV names them a few hundred times (refused while reading)` });
    const ok = await lint(`# Dana Example\n\n## Skills\n\n${"Java, Kafka, ".repeat(200)}\n`);
    expect(ok.error).toBeNull();
  });
});

describe("Markdown with more emphasis marks than any CV's", () => {
  it("is read with its marks as text, not refused (markdown-it made a token and a delimiter of each)", async () => {
    const noise = "*a_".repeat(MAX_EMPHASIS_MARKS / 2 + 1);
    const r = await lint(`# Dana Example\n\n## Skills\n\n- **Kafka**\n- Java\n\n## Notes\n\n${noise}\n`);
    expect(r.error).toBeNull();
    expect(r.skills.map((s) => s.id)).toEqual(expect.arrayContaining(["kafka", "java"]));
    expect(r.document!.lines.some((l) => l.text === "**Kafka**")).toBe(true);
    // Under the limit, emphasis is markup as ever.
    const few = await lint(`# Dana Example\n\n## Skills\n\n- **Kafka**\n- Java\n`);
    expect(few.document!.lines.some((l) => l.text === "Kafka")).toBe(true);
  });
});

describe("past the line limit, when a caller raises it", () => {
  it("130,000 lines in a code block are read without overflowing the stack (arrays spread into a call did, issue 24)", async () => {
    const bytes = new TextEncoder().encode(`\`\`\`\n${"text\n".repeat(130_000)}\`\`\`\n`);
    const src = await parseBytes(bytes, "cv.md", { ...DEFAULT_READ_OPTIONS, maxLines: 200_000 });
    const doc = buildDocument("cv.md", src.format, src.parsed);
    expect(doc.lines.length).toBe(130_000);
    // (Words, not names: 130,000 names would be past MAX_NAMES.)
    expect(analyze(doc, getTaxonomy()).skills).toEqual([]);
  }, 60_000);
});
