import { describe, expect, it } from "vitest";
import { readPosting } from "../src/job/posting.js";
import { hasControls, neutralizeControls } from "../src/parse/controls.js";

// A posting pasted from a terminal or a log holds escape sequences (issue 24): they are no words of it.

describe("neutralizeControls", () => {
  it("blanks escape sequences and control characters to spaces, every column kept", () => {
    const cases: Array<[string, string]> = [
      ["Java\u001b[2J and Kafka", "Java     and Kafka"],
      ["\u001b[31mPostgreSQL\u001b[0m", "     PostgreSQL    "],
      ["\u001b[38;5;208mGo", "           Go"],
      ["\u009b8mKubernetes", "   Kubernetes"],
      ["a\u001b]0;title\u0007b", "a          b"],
      ["a\u001b]8;;https://x.io\u001b\\link\u001b]8;;\u001b\\", `a${" ".repeat(19)}link${" ".repeat(7)}`],
      ["\u001b(BRedis\u001bc", "   Redis  "],
      ["x\u0000y\u0008z\u007f", "x y z "],
      // (An OSC left open runs to the end of the line, as a terminal would swallow it.)
      ["a\u001b]0;never closed", "a".padEnd(17)],
    ];
    for (const [input, want] of cases) {
      const out = neutralizeControls(input);
      expect(out, JSON.stringify(input)).toBe(want);
      expect(out.length).toBe(input.length);
      expect(hasControls(out)).toBe(false);
    }
  });

  it("leaves text without controls as it is (the same string), tabs included", () => {
    const s = "Java,\tKafka — PostgreSQL ü 日本";
    expect(neutralizeControls(s)).toBe(s);
    expect(hasControls(s)).toBe(false);
  });
});

describe("a posting with escape sequences", () => {
  it("reads the skills between them, and none of their parameters as a requirement", async () => {
    const text = "Backend Engineer\n\nRequirements:\n- Strong Java\u001b[2J and Kafka experience\n- \u001b[31mPostgreSQL\u001b[0m and Redis\n- Experience with \u001b]0;title\u0007Docker\n- Knowledge of \u009b8mKubernetes\n";
    const p = await readPosting("posting.txt", undefined, undefined, new TextEncoder().encode(text));
    expect(p.requirements.map((r) => r.name)).toEqual(["Java", "Apache Kafka", "PostgreSQL", "Redis", "Docker", "Kubernetes"]);
    expect(p.requirements.every((r) => r.level === "required")).toBe(true);
    // (Positions are those of the source: the columns of the posting's text are kept.)
    const pg = p.analysis.skills.find((s) => s.id === "postgresql")!;
    expect(pg.occurrences[0]).toMatchObject({ line: 5, column: 8 });
  });
});
