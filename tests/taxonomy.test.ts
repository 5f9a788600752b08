import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/document/build.js";
import { analyze } from "../src/match/analyze.js";
import { compileTaxonomy, entryGroups } from "../src/match/compile.js";
import { parseMarkdown } from "../src/parse/markdown.js";
import { taxonomyJsonSchema } from "../src/taxonomy/json-schema.js";
import { loadTaxonomy } from "../src/taxonomy/load.js";
import { CATEGORIES } from "../src/taxonomy/schema.js";
import { KeyedLines, keyedLinesBytes } from "../src/taxonomy/keyed-lines.js";
import { encodeSkills, SkillTable } from "../src/taxonomy/skill-table.js";
import { cli, fixture, root } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "cvlint-tax-"));
const write = (name: string, data: unknown): string => {
  const p = join(tmp, name);
  writeFileSync(p, typeof data === "string" ? data : JSON.stringify(data));
  return p;
};

describe("the shipped taxonomy", () => {
  const data = loadTaxonomy();
  const skills = [...data.skills.values()];

  it("is valid and large enough", () => {
    const spellings = skills.reduce((n, s) => n + s.aliases.length + (s.ambiguous?.length ?? 0) + (s.exact?.length ?? 0), 0);
    expect(skills.length).toBeGreaterThanOrEqual(400);
    expect(spellings).toBeGreaterThanOrEqual(1200);
    expect(skills.filter((s) => s.category === "soft-skills").length).toBeGreaterThanOrEqual(25);
  });

  it("covers every category of the articles and every technology they name", () => {
    const cats = new Set(skills.map((s) => s.category));
    for (const c of ["languages", "databases", "frameworks", "apis", "server-side", "middleware", "version-control", "cloud", "security", "build-tools", "containers", "testing", "soft-skills", "messaging", "observability", "ci-cd", "os"]) expect(cats).toContain(c);
    const named = "Java, Python, .NET, PHP, Ruby, MySQL, MongoDB, Oracle, Django, Flask, Ruby on Rails, Spring, Git, AWS, Azure, Google Cloud, JavaScript, Node.js, C#, Go, Scala, Kotlin, Rust, Spring Boot, Spring MVC, Hibernate, Servlets, JSP, PostgreSQL, JUnit, Maven, Gradle, Docker, Apache Tomcat, WildFly, pytest, Express, GitHub, HTML, CSS, React, Angular, Vue.js, SOAP, REST, Communication, Active listening, Problem-solving, Creativity, Collaboration, Attention to detail, Leadership, Critical thinking";
    const doc = buildDocument("a.md", "markdown", parseMarkdown(`# A\n\n## Skills\n\n${named}\n`));
    const found = analyze(doc, compileTaxonomy(data)).skills;
    expect(found.filter((s) => !s.known).map((s) => s.name)).toEqual([]);
    const written = new Set(found.flatMap((s) => s.occurrences.map((o) => o.text)));
    for (const name of named.split(", ")) expect(written, name).toContain(name);
  });

  it("gives ambiguous names a safe spelling or context", () => {
    for (const id of ["go", "r", "c", "rust", "swift", "spring", "express", "rails", "flask", "oracle-db", "ruby", "ember", "elixir", "dart", "julia", "chef", "puppet", "saltstack"]) {
      const s = data.skills.get(id)!;
      expect(s, id).toBeDefined();
      expect(s.ambiguous?.length, id).toBeGreaterThan(0);
    }
    expect(data.skills.get("spring-boot")!.implies).toContain("java");
    expect(data.skills.get("django")!.implies).toContain("python");
    expect(data.skills.get("rails")!.implies).toContain("ruby");
  });

  it("has a committed JSON Schema equal to the one generated from zod", () => {
    const committed = JSON.parse(readFileSync(join(root, "schema/taxonomy.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(taxonomyJsonSchema())));
    expect(committed.properties.category.enum).toEqual([...CATEGORIES]);
  });
});

describe("taxonomy validation", () => {
  it("names the file and key path of a schema error", () => {
    const f = write("bad-id.json", { category: "databases", skills: [{ id: "Bad Id", name: "X", aliases: [] }] });
    expect(() => loadTaxonomy([f])).toThrow(/bad-id\.json skills\[0\]\.id: ids are kebab-case/);
  });

  it("refuses an unknown category", () => {
    const f = write("bad-cat.json", { category: "cooking", skills: [] });
    expect(() => loadTaxonomy([f])).toThrow(/bad-cat\.json category:/);
  });

  it("refuses a spelling claimed by two skills", () => {
    const f = write("dup.json", { category: "databases", skills: [{ id: "pg-fork", name: "PgFork", aliases: ["postgres"] }] });
    expect(() => loadTaxonomy([f])).toThrow(/dup\.json skills\[0\]\.aliases\[0\]: "postgres" is already used by postgresql \(taxonomy\/skills\/databases\.json skills\[0\]\.aliases\[0\]\)/);
  });

  it("refuses an alias that maps a product onto another product or a concept, naming the file, the entry and the clash", () => {
    // A curated product's name as the alias of a stack...
    const curated = write("stack.json", { category: "observability", skills: [{ id: "my-logs", name: "Log stack", aliases: ["kibana"] }] });
    expect(() => loadTaxonomy([curated])).toThrow(/stack\.json skills\[0\]\.aliases\[0\]: "kibana" is already used by kibana \(taxonomy\/skills\/observability\.json skills\[\d+\]\.name\), the name of another product: make "Log stack" imply it instead/);
    // ... and a technology imported from public data as the alias of a concept.
    const imported = write("concept.json", { category: "observability", skills: [{ id: "alerting", name: "Alerting", aliases: ["Sensu"] }] });
    expect(() => loadTaxonomy([imported])).toThrow(/concept\.json skills\[0\]\.aliases\[0\]: "Sensu" is another product, Sensu \(sensu, imported from Simple Icons\), not Alerting: make it a skill of its own and relate the two with "implies"/);
    // Through the CLI: exit 2 and one line.
    const r = cli(["--taxonomy", imported, fixture("cv/jane-doe-java.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("concept.json skills[0].aliases[0]");
  });

  it("refuses an unknown implies target and invalid JSON", () => {
    expect(() => loadTaxonomy([write("imp.json", { category: "frameworks", skills: [{ id: "foo", name: "Foo", aliases: [], implies: ["nope"] }] })])).toThrow(/imp\.json skills\[0\]\.implies\[0\]: "nope" is not a known skill id/);
    expect(() => loadTaxonomy([write("broken.json", "{ nope")])).toThrow(/broken\.json: is not valid JSON/);
  });

  it("lets a user file add and override skills", () => {
    const f = write("mine.json", {
      category: "databases",
      skills: [
        { id: "tarantool", name: "Tarantool", aliases: ["tarantool db"] },
        { id: "redis", name: "Redis", aliases: ["redis cache", "valkey"] },
      ],
    });
    const data = loadTaxonomy([f]);
    expect(data.skills.get("tarantool")!.category).toBe("databases");
    expect(data.skills.get("redis")!.aliases).toContain("valkey");
  });

  it("is used by the CLI with --taxonomy, and a bad file is exit code 2", () => {
    const f = write("cli.json", { category: "databases", skills: [{ id: "tarantool", name: "Tarantool", aliases: [] }] });
    const cv = write("cv.md", "# A\n\n## Skills\n\nTarantool, Java\n");
    const r = cli(["skills", cv, "--taxonomy", f, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).skills.map((s: { id: string; known: boolean }) => [s.id, s.known])).toEqual([["tarantool", true], ["java", true]]);
    const bad = cli([cv, "--taxonomy", write("cli-bad.json", { category: "x", skills: [] })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^cvlint: .*cli-bad\.json category: /);
    expect(bad.stderr).not.toContain("cv.md");
  });
});

describe("keyed lines (the prepared tables' form)", () => {
  it("finds every key's lines, in order, and no other key, whatever the collisions", () => {
    const lines: string[] = [];
    const want = new Map<string, string[]>();
    // Many short keys in a small table collide; keys beyond ASCII are compared by their bytes.
    const keys = ["a", "b", "ab", "ba", "é", "e", "빅토리아메트릭스", "node.js", "c#", "c++", ...Array.from({ length: 300 }, (_, i) => `k${i}`)];
    keys.forEach((k, i) => {
      const rows = Array.from({ length: 1 + (i % 3) }, (_, r) => `${k}\tvalue ${r}\tof ${k}`);
      want.set(k, rows);
      lines.push(...rows);
    });
    const table = new KeyedLines(keyedLinesBytes(lines));
    expect(table.size).toBe(keys.length);
    for (const [k, rows] of want) {
      expect(table.has(k), k).toBe(true);
      expect(table.get(k), k).toBe(rows.join("\n"));
    }
    for (const k of ["", "A", "k300", "k", "é ", "\u00e9x", "빅토리아", "node", "c"]) {
      expect(table.has(k), k).toBe(false);
      expect(table.get(k), k).toBeUndefined();
    }
    expect([...table.lines()]).toEqual(lines);
  });

  it("reads the table from bytes at any offset, as a slice of a larger file gives them", () => {
    const bytes = keyedLinesBytes(["x\t1", "y\t2"]);
    const shifted = Buffer.concat([Buffer.from([0]), bytes]).subarray(1);
    expect(new KeyedLines(shifted).get("y")).toBe("y\t2");
  });

  it("reads its slots in place when the bytes are aligned for them, and copies them when not", () => {
    const bytes = keyedLinesBytes(["x\t1", "y\t2"]);
    expect(new KeyedLines(bytes).inPlace).toBe(bytes.byteOffset % 4 === 0);
    const aligned = Buffer.concat([Buffer.alloc(4), bytes]).subarray(4);
    expect(new KeyedLines(aligned).inPlace).toBe(true);
    expect(new KeyedLines(Buffer.concat([Buffer.alloc(1), bytes]).subarray(1)).inPlace).toBe(false);
  });

  it("refuses lines it could not find again", () => {
    expect(() => keyedLinesBytes(["a\t1", "b\t2", "a\t3"])).toThrow(/not together/);
    expect(() => keyedLinesBytes(["no key"])).toThrow(/key and a tab/);
    expect(() => keyedLinesBytes(["a\tb\nc"])).toThrow(/line break/);
  });
});

describe("the prepared taxonomy (dist/taxonomy.validated.json, dist/taxonomy.tables)", () => {
  // Validated from the source files: an empty user file makes loadTaxonomy skip the prepared data.
  const validated = loadTaxonomy([write("empty.json", { category: "other", skills: [] })]).skills;
  const prepared = loadTaxonomy().skills;

  it("is what validating the source files gives: the same skills, keys and order", () => {
    expect(prepared).toBeInstanceOf(SkillTable);
    expect(prepared.get("spring-boot")).toEqual(validated.get("spring-boot"));
    expect(JSON.stringify([...prepared])).toBe(JSON.stringify([...validated]));
    expect(prepared.size).toBe(validated.size);
  });

  it("holds the spellings by first token that the validated skills give, for every token", () => {
    const groups = loadTaxonomy().entryGroups;
    expect(groups).toBeInstanceOf(KeyedLines);
    // Read from the file's bytes in place, whatever the length of the skills before them.
    expect((groups as KeyedLines).inPlace).toBe(true);
    const prepared = compileTaxonomy(loadTaxonomy());
    const computed = compileTaxonomy({ ...loadTaxonomy([write("empty2.json", { category: "other", skills: [] })]), entryGroups: undefined });
    const tokens = Object.keys(entryGroups(validated.values()));
    expect(tokens.length).toBeGreaterThan(1000);
    expect((groups as KeyedLines).size).toBe(tokens.length);
    const shape = (node: ReturnType<typeof prepared.root.next.get>): unknown =>
      node && { entries: node.entries.map((e) => [e.skill.id, e.form, e.tokens, e.via, e.caseSensitive, e.ambiguous]), next: [...(node.next as Map<string, typeof node>)].map(([k, v]) => [k, shape(v)]) };
    for (const t of tokens) expect(shape(prepared.root.next.get(t)), t).toEqual(shape(computed.root.next.get(t)));
    expect(prepared.root.next.get("no-such-token")).toBeUndefined();
  });

  it("decodes a skill once, and keeps it and the stored order when the rest is decoded", () => {
    const table = new SkillTable(encodeSkills(validated.values()));
    const ids = [...validated.keys()];
    const late = table.get(ids[ids.length - 1]!)!;
    expect(table.get(ids[ids.length - 1]!)).toBe(late);
    expect(table.has(ids[3]!)).toBe(true);
    expect(table.has("no-such-skill")).toBe(false);
    expect(table.get("no-such-skill")).toBeUndefined();
    expect([...table.keys()]).toEqual(ids);
    expect([...table.values()].at(-1)).toBe(late);
    const seen: string[] = [];
    table.forEach((s, id, map) => seen.push(`${id}=${s.id}:${map === table}`));
    expect(seen[0]).toBe(`${ids[0]}=${ids[0]}:true`);
  });

  it("keeps optional lists apart: absent, empty and full", () => {
    const base = { name: "X", aliases: [], category: "other" as const, source: "s" };
    const skills = [
      { id: "a", ...base },
      { id: "b", ...base, aliases: ["b one", "b two"], implies: [], exact: ["B"] },
      { id: "c", ...base, implies: ["a"], ambiguous: ["C", "Cee"] },
    ];
    const table = new SkillTable(encodeSkills(skills));
    expect(JSON.stringify([...table.values()])).toBe(JSON.stringify(skills.map(({ id, name, aliases, category, source, ...rest }) => ({ id, name, aliases, ...rest, category, source }))));
    expect(() => encodeSkills([{ id: "d", ...base, aliases: ["tab\there"] }])).toThrow(/cannot be stored/);
  });
});

describe("cvlint skills", () => {
  it("works on every fixture format", () => {
    for (const f of ["cv/jane-doe-java.md", "cv/jane-doe-java.pdf", "cv/jane-doe-java.docx", "cv/sam-lee-python.txt"]) {
      const r = cli(["skills", fixture(f)]);
      expect(r.code, f).toBe(0);
      expect(r.stdout).toMatch(/^databases$/m);
      expect(r.stdout).toMatch(/^ {2}PostgreSQL\s+skills, experience/m);
    }
  });

  it("--explain says where and why each occurrence matched", () => {
    const r = cli(["skills", "--explain", fixture("cv/maria-garcia-go.md")]);
    expect(r.stdout).toMatch(/"Go" in skills · ambiguous "Go" · in a skills list/);
    expect(r.stdout).toMatch(/"Golang" in skills · alias "golang"/);
  });
});
