import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";
import { carriesFigure, DATE_RE, DIGIT_TERMS, SEMVER_RE, YEAR_RE } from "../../src/rules/quantified-achievements.js";

describe("quantified-achievements", () => {
  it("passes when enough bullets carry a figure", async () => {
    expect(await hits(cv(), "quantified-achievements")).toEqual([]);
  });

  it("counts percentages, money, counts, times and number words; not dates or versions", async () => {
    const figures = cv({ experience: "- Saved $40k a year on hosting.\n- Served 3 million users.\n- Halved build time.\n- Cut latency to 80 ms." });
    expect(await hits(figures, "quantified-achievements")).toEqual([]);
    const datesOnly = cv({ experience: "- Migrated services to Java 17 in March 2021.\n- Upgraded to PostgreSQL 15 and Python 3.11.\n- Built the API between 2019 – 2021.\n- Maintained v2.3.1 of the SDK." });
    const f = await details(datesOnly, "quantified-achievements");
    expect(f.map((x) => [x.messageId, x.line, x.data.count, x.data.total])).toEqual([["fewFigures", 21, 0, 4]]);
    expect(String(f[0]!.data.examples)).toMatch(/^'Migrated services to Java 17 in…', 'Upgraded to PostgreSQL 15 and Python…'/);
  });

  it("does not count a job's technology list as a bullet to quantify", async () => {
    const md = cv({ experience: "- Cut checkout latency by 35% with a Redis cache.\n- Built the settlement API in Java.\n- Technologies: Java, Spring Boot, Redis\n- Tech stack — Docker, Kubernetes" });
    expect(await hits(md, "quantified-achievements")).toEqual([]);
    // A labelled bullet that tells what was done still counts.
    const told = cv({ experience: "- Cut checkout latency by 35% with a Redis cache.\n- Built the settlement API in Java.\n- Wrote the docs for it.\n- Impact: faster releases for the team" });
    expect((await details(told, "quantified-achievements")).map((x) => x.data.total)).toEqual([4]);
  });

  it("has a configurable threshold and skips short experience sections", async () => {
    const md = cv({ experience: "- Built a service.\n- Wrote tests for it.\n- Deployed 4 services." });
    expect(await hits(md, "quantified-achievements")).toEqual([["fewFigures", 21, 4]]);
    expect(await hits(md, "quantified-achievements", { "quantified-achievements": ["warning", { minShare: 0.3 }] })).toEqual([]);
    expect(await hits(cv({ experience: "- Built a service." }), "quantified-achievements")).toEqual([]);
  });
});

describe("carriesFigure: the expressions it skips could not have matched", () => {
  // The test the scan replaced, and the chain of replacements it runs only when needed.
  const NUMBER_WORDS_RE = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|twice|doubl(?:e|ed|ing)|tripl(?:e|ed|ing)|halv(?:ed|ing)|half)\b/i;
  const reference = (text: string): boolean => {
    const t = text.replace(DATE_RE, " ").replace(DIGIT_TERMS, " ").replace(SEMVER_RE, " ").replace(YEAR_RE, " ");
    return /\d/.test(t) || NUMBER_WORDS_RE.test(t);
  };
  const PIECES = [
    " ", "-", "–", "—", "/", ".", ",", "%", "$", "€", "_", "x", "é", "K", "ſ", "Jan ", "sept. ", "March ", "present", "now",
    "0", "1", "2", "3d", "B2B", "IPv6", "x86", "7", "12", "40", "1999", "2019", "2024", "1949", "3.11", "v1.2.3", "10.0.1", "12/2020",
    "two", "Twelve", "HUNDREDS", "hundred", "half", "halves", "doubled", "Tripling", "twice", "dozen", "twofold", "ten_x", "seven2",
  ];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  it("on 30,000 generated lines", () => {
    for (let n = 0; n < 30_000; n++) {
      let s = "";
      const k = Math.floor(next() * 8);
      for (let i = 0; i < k; i++) s += PIECES[Math.floor(next() * PIECES.length)]!;
      if (carriesFigure(s) !== reference(s)) expect(carriesFigure(s), JSON.stringify(s)).toBe(reference(s));
    }
  });
  it("on the bullets CVs have", () => {
    expect(carriesFigure("Cut p99 latency by 40% for 2M users")).toBe(true);
    expect(carriesFigure("Jan 2019 – present")).toBe(false);
    expect(carriesFigure("Upgraded Java 11 to 17 and Spring 5.3.9")).toBe(true);
    expect(carriesFigure("Doubled the release cadence")).toBe(true);
    expect(carriesFigure("Joined the platform team in 2021")).toBe(false);
    expect(carriesFigure("Mentored engineers")).toBe(false);
    // Terms written with a digit count nothing.
    expect(carriesFigure("Built 2D and 3D Android games")).toBe(false);
    expect(carriesFigure("Ran a B2B API over IPv6 on x86 and ARM64 servers")).toBe(false);
    expect(carriesFigure("Wrote e2e tests for 3 teams")).toBe(true);
  });

  it("counts duties written as prose lines when the experience has no bullets", async () => {
    const md = cv({
      experience: "Ansible rollout and automation for the platform teams.\n\nHelm chart development for release engineering.\n\nKubernetes training and enablement for engineers.\n\nMigrated 12 services to Amazon EKS.",
    });
    expect((await details(md, "quantified-achievements")).map((x) => [x.data.count, x.data.total])).toEqual([[1, 4]]);
  });
});
