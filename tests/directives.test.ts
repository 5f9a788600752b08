import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { lintText } from "../src/index.js";

const lint = async (md: string) => (await lintText(md, { config: resolveConfig({}, null) })).findings.map((f) => `${f.ruleId}@${f.line}`);

const body = "## Experience\n\n- Responsible for the build.\n- Worked on the Java API for payments.\n- Helped with the on-call rotation.\n";

describe("inline directives", () => {
  it("cvlint-disable turns a rule off from there on, cvlint-enable back on", async () => {
    const md = `# A\n\n${body.replace("- Worked", "<!-- cvlint-disable action-verbs -->\n- Worked").replace("- Helped", "<!-- cvlint-enable action-verbs -->\n- Helped")}`;
    const f = (await lint(md)).filter((x) => x.startsWith("action-verbs"));
    expect(f).toEqual(["action-verbs@5", "action-verbs@9"]);
  });

  it("cvlint-disable-next-line affects only the next line", async () => {
    const md = `# A\n\n${body.replace("- Worked", "<!-- cvlint-disable-next-line action-verbs -->\n- Worked")}`;
    expect((await lint(md)).filter((x) => x.startsWith("action-verbs"))).toEqual(["action-verbs@5", "action-verbs@8"]);
  });

  it("a disable at the top covers file-level findings; without ids it covers every rule", async () => {
    const md = `<!-- cvlint-disable skills-section portfolio-link -->\n# A\n\n${body}`;
    const f = await lint(md);
    expect(f.some((x) => x.startsWith("skills-section"))).toBe(false);
    expect(f.some((x) => x.startsWith("portfolio-link"))).toBe(false);
    expect(f.some((x) => x.startsWith("action-verbs"))).toBe(true);
    expect(await lint(`<!-- cvlint-disable -->\n# A\n\n${body}`)).toEqual([]);
  });
});
