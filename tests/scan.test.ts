import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fromFirstLetter, hasAlnum, hasLetterPair, hasWww, hasLetter, hasLower, hasTwoUpper, hasUpperRun, isAlnum, isAlnumUnitAt, isCapitalisedPastTense, isLetter, isLetterLedName, isLetterUnitAt, isUpper, isUpperUnitAt, hasTwoLetters, isLetterDigitName, splitAtNonLettersOrHyphens, startsLower, upperRuns, wordsOf, keepLettersDigits, leadingWord, letterDigitRuns, letterRuns, splitAtNonLetters, splitAtNonNameUnits, looksTechy, startsUpper } from "../src/match/scan.js";
import { UNICODE_BLOCKS } from "../src/match/unicode-table.js";
import { maybeOpaque } from "../src/match/tokenize.js";
import { joinWordAt } from "../src/match/items.js";
import { findLinks } from "../src/document/links.js";
import { tableSource } from "../scripts/gen-unicode-table.js";

/*
 * Each scan replaced a Unicode regular expression (V8 compiled those at their first use on a
 * two-byte string, a few milliseconds of every start). These tests hold every scan equal to its
 * expression on generated strings mixing ASCII, Latin-1 and other letters of both cases, letters
 * without case, astral letters, digits of other scripts, marks, spaces, line breaks and lone
 * surrogates.
 */
const PIECES = [
  "a", "b", "e", "d", "z", "A", "B", "Q", "Z", "0", "7", "é", "É", "ß", "ñ", "Ø", "λ", "Σ", "ж", "Д", "ª", "中", "ا",
  "𝔸", "𝒶", "𐐀", "𐐨", "٣", "²", "Ⅻ", "😀", " ", "  ", "\t", "\u00a0", "\n", "\r", "\u2028", "'", "-", "+", "#", ".", ",", ":", "—", "–", "’",
  "\ud800", "\udc00", "ed", "ised", "ized", "Built", "Dockerised", "JAVA", "Go", "k8s",
];

function strings(count: number, seed: number): string[] {
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: string[] = ["", "Onboarded", "Led", "Reviewed", "SQL", "Kafka", "iOS", "C#", "x2"];
  for (let i = 0; i < count; i++) {
    let s = "";
    const n = Math.floor(next() * 7);
    for (let k = 0; k < n; k++) s += PIECES[Math.floor(next() * PIECES.length)]!;
    out.push(s);
  }
  return out;
}

describe("Unicode scans equal the expressions they replaced", () => {
  const cases = strings(30_000, 11);
  const same = (name: string, scan: (s: string) => unknown, re: (s: string) => unknown) =>
    it(name, () => {
      for (const s of cases) if (scan(s) !== re(s)) expect(scan(s), JSON.stringify(s)).toBe(re(s));
    });

  same("hasLower: /\\p{Ll}/u", hasLower, (s) => /\p{Ll}/u.test(s));
  same("hasLetter: /\\p{L}/u", hasLetter, (s) => /\p{L}/u.test(s));
  same("hasAlnum: /[\\p{L}\\p{N}]/u", hasAlnum, (s) => /[\p{L}\p{N}]/u.test(s));
  same("hasUpperRun 2: /\\p{Lu}{2}/u", (s) => hasUpperRun(s, 2), (s) => /\p{Lu}{2}/u.test(s));
  same("hasUpperRun 3: /\\p{Lu}{3}/u", (s) => hasUpperRun(s, 3), (s) => /\p{Lu}{3}/u.test(s));
  same("hasTwoUpper: /\\p{Lu}.*\\p{Lu}/u", hasTwoUpper, (s) => /\p{Lu}.*\p{Lu}/u.test(s));
  same("startsUpper: /^\\p{Lu}/u", startsUpper, (s) => /^\p{Lu}/u.test(s));
  same("looksTechy", looksTechy, (s) => /^(?:[\p{Lu}\p{N}]|.*\p{Ll}\p{Lu}|.*[\p{N}+#.])/u.test(s));
  same("fromFirstLetter", fromFirstLetter, (s) => s.replace(/^[^\p{L}]+/u, ""));
  same("leadingWord", leadingWord, (s) => /^[\p{L}'-]+/u.exec(s)?.[0]);
  same("isCapitalisedPastTense", isCapitalisedPastTense, (s) => /^\p{Lu}\p{Ll}+(?:ed|ised|ized)$/u.test(s));
  same("hasLetterPair: /\\p{L}{2}/u", hasLetterPair, (s) => /\p{L}{2}/u.test(s));
  same("isLetterLedName: /^\\p{L}[\\p{L}\\d.+#-]*$/u", isLetterLedName, (s) => /^\p{L}[\p{L}\d.+#-]*$/u.test(s));
  same("keepLettersDigits: s.replace(/[^\\p{L}\\p{N}+#]/gu, \"\")", keepLettersDigits, (s) => s.replace(/[^\p{L}\p{N}+#]/gu, ""));
  same("letterDigitRuns: s.matchAll(/[\\p{L}\\p{N}+#]+/gu)", (s) => JSON.stringify(letterDigitRuns(s)), (s) => JSON.stringify([...s.matchAll(/[\p{L}\p{N}+#]+/gu)].map((m) => ({ index: m.index, text: m[0] }))));
  same("splitAtNonLetters: s.split(/[^\\p{L}]+/u)", (s) => JSON.stringify(splitAtNonLetters(s)), (s) => JSON.stringify(s.split(/[^\p{L}]+/u)));
  same("splitAtNonNameUnits: s.split(/[^\\p{L}\\p{N}+#.]+/u)", (s) => JSON.stringify(splitAtNonNameUnits(s)), (s) => JSON.stringify(s.split(/[^\p{L}\p{N}+#.]+/u)));
  same("letterRuns: s.match(/\\p{L}+/gu)", (s) => JSON.stringify(letterRuns(s)), (s) => JSON.stringify(s.match(/\p{L}+/gu) ?? []));
  same("startsLower: /^\\p{Ll}/u", startsLower, (s) => /^\p{Ll}/u.test(s));
  same("hasTwoLetters: /\\p{L}.*\\p{L}/u", hasTwoLetters, (s) => /\p{L}.*\p{L}/u.test(s));
  same("isLetterDigitName: /^[\\p{L}\\d][\\p{L}\\d.+#-]*$/u", (s) => isLetterDigitName(s, false), (s) => /^[\p{L}\d][\p{L}\d.+#-]*$/u.test(s));
  same("isLetterDigitName with spaces: /^[\\p{L}\\d][\\p{L}\\d .+#-]*$/u", (s) => isLetterDigitName(s, true), (s) => /^[\p{L}\d][\p{L}\d .+#-]*$/u.test(s));
  same("wordsOf: s.match(/[\\p{L}][\\p{L}'-]*/gu)", (s) => JSON.stringify(wordsOf(s)), (s) => JSON.stringify(s.match(/[\p{L}][\p{L}'-]*/gu) ?? []));
  same("upperRuns: s.match(/\\p{Lu}{2,}/gu)", (s) => JSON.stringify(upperRuns(s)), (s) => JSON.stringify(s.match(/\p{Lu}{2,}/gu) ?? []));
  same("splitAtNonLettersOrHyphens: s.split(/[^\\p{L}-]+/u)", (s) => JSON.stringify(splitAtNonLettersOrHyphens(s)), (s) => JSON.stringify(s.split(/[^\p{L}-]+/u)));
  it("isAlnumUnitAt and isUpperUnitAt: /[\\p{L}\\p{N}]/u and /\\p{Lu}/u on one UTF-16 unit", () => {
    for (const s of cases) {
      for (let i = -1; i <= s.length; i++) {
        if (isAlnumUnitAt(s, i) !== /[\p{L}\p{N}]/u.test(s[i] ?? "")) expect(isAlnumUnitAt(s, i), `${JSON.stringify(s)} at ${i}`).toBe(/[\p{L}\p{N}]/u.test(s[i] ?? ""));
        if (isUpperUnitAt(s, i) !== /\p{Lu}/u.test(s[i] ?? "")) expect(isUpperUnitAt(s, i), `${JSON.stringify(s)} at ${i}`).toBe(/\p{Lu}/u.test(s[i] ?? ""));
      }
    }
  });
  it("isLetterUnitAt: /[\\p{L}]/u on one UTF-16 unit", () => {
    for (const s of cases) for (let i = 0; i <= s.length; i++) if (isLetterUnitAt(s, i) !== /[\p{L}]/u.test(s[i] ?? "")) expect(isLetterUnitAt(s, i), `${JSON.stringify(s)} at ${i}`).toBe(/[\p{L}]/u.test(s[i] ?? ""));
  });

  it("answers from the generated table exactly as the expressions do, for every code point of its blocks", () => {
    let checked = 0;
    for (const [first, table] of UNICODE_BLOCKS) {
      for (let cp = first; cp < first + table.length; cp++, checked++) {
        const ch = String.fromCodePoint(cp);
        const want = [/\p{L}/u.test(ch), /[\p{L}\p{N}]/u.test(ch), /\p{Lu}/u.test(ch), /\p{Ll}/u.test(ch)];
        const got = [isLetter(cp), isAlnum(cp), isUpper(cp), hasLower(ch)];
        if (got.join() !== want.join()) expect(got, `U+${cp.toString(16)}`).toEqual(want);
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it("has a committed table equal to what scripts/gen-unicode-table.js makes", () => {
    expect(readFileSync(new URL("../src/match/unicode-table.ts", import.meta.url), "utf8")).toBe(tableSource());
  });

  it("reads the cases CVs have", () => {
    expect(isCapitalisedPastTense("Dockerised")).toBe(true);
    expect(isCapitalisedPastTense("Led")).toBe(false);
    expect(leadingWord("Built-in tools")).toBe("Built-in");
    expect(fromFirstLetter("• 42 Designed")).toBe("Designed");
    expect(looksTechy("gRPC")).toBe(true);
    expect(looksTechy("teamwork")).toBe(false);
    expect(hasTwoUpper("TECHNICAL SKILLS")).toBe(true);
    expect(keepLettersDigits("springdata-jpa v3")).toBe("springdatajpav3");
    expect(letterDigitRuns("Spring Data-JPA, C#")).toEqual([{ index: 0, text: "Spring" }, { index: 7, text: "Data" }, { index: 12, text: "JPA" }, { index: 17, text: "C#" }]);
  });
});

describe("line prechecks equal the expressions they stand for", () => {
  const PARTS = [
    "a", "Z", "w", "W", "ww", "www", ".", "..", "com", "Com", "co", "io", "IO", "js", "uk", "info", "tech", "comp", "in2", "_", "-", "@", "/", "\\", " ", "é", "K",
    "github", ".com/", "http", "https", "://", "jane", "(", ")", "\"", "<", "2024",
  ];
  let seed = 3;
  const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const lines: string[] = [];
  for (let n = 0; n < 30_000; n++) {
    let s = "";
    const k = Math.floor(next() * 9);
    for (let i = 0; i < k; i++) s += PARTS[Math.floor(next() * PARTS.length)]!;
    lines.push(s);
  }
  it("joinWordAt: /^ (?:and|&|or) /i at every position", () => {
    const words = [" and ", " OR ", " & ", "and", "AND", "And", "aNd", "an", "or", "OR", "Or", "o", "&", "&&", "ánd", "ør", "andy", "oracle", " ", "  ", ",", "N", "d"];
    let found = 0;
    for (let n = 0; n < 20_000; n++) {
      let t = "";
      const k = 1 + Math.floor(next() * 6);
      for (let i = 0; i < k; i++) t += words[Math.floor(next() * words.length)]!;
      for (let i = 0; i <= t.length; i++) {
        const want = /^ (?:and|&|or) /i.exec(t.slice(i, i + 6))?.[0].length ?? 0;
        if (want) found++;
        if (joinWordAt(t, i) !== want) expect(joinWordAt(t, i), `${JSON.stringify(t)} at ${i}`).toBe(want);
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
  it("hasWww: /www\\./i", () => {
    for (const s of lines) if (hasWww(s) !== /www\./i.test(s)) expect(hasWww(s), JSON.stringify(s)).toBe(/www\./i.test(s));
  });
  it("maybeOpaque: the expression that decided which lines may hold a URL, an address or a path", () => {
    const re = /[@/\\]|www\.|\.(?:com|org|net|io|dev|me|co|ai|app|de|uk|fr|es|nl|in|sg|cz|eu|info|xyz|tech|page|site|ly|gg|sh|pl|pt|ca|au)\b/i;
    let yes = 0;
    for (const s of lines) {
      if (maybeOpaque(s)) yes++;
      if (maybeOpaque(s) !== re.test(s)) expect(maybeOpaque(s), JSON.stringify(s)).toBe(re.test(s));
    }
    expect(yes).toBeGreaterThan(1000);
    expect(yes).toBeLessThan(lines.length - 1000);
  });
  it("findLinks finds what its expression finds on every line, skipped or not", () => {
    const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+|\b(?:github|gitlab|linkedin|bitbucket|codeberg|stackoverflow)\.(?:com|org|io)\/[^\s<>()"']+/gi;
    const reference = (s: string) => [...s.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;:]+$/, ""));
    let found = 0;
    for (const s of lines) {
      const got = findLinks(s, 1).map((l) => l.url);
      found += got.length;
      if (got.join("|") !== reference(s).join("|")) expect(got, JSON.stringify(s)).toEqual(reference(s));
    }
    expect(found).toBeGreaterThan(100);
  });
});
