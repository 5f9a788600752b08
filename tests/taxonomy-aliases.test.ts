import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORTED_WORD, loadTaxonomy, VOCABULARY } from "../src/taxonomy/load.js";
import { root } from "./helpers.js";

/*
 * A product is itself: no alias maps a named product onto another product or onto a concept
 * (Kibana is not "ELK Stack", VMware is not "Virtualization"); `implies` carries the relation.
 * Two walks of the taxonomy find such aliases by data: the technologies that the public sources
 * name (dist/vocabulary.json `shadowed`: a source's product that a curated alias spells), and the
 * aliases of practices that are coined names rather than ordinary words (asyncio, PromQL).
 * An alias that is a spelling of its skill's name (a vendor prefix, a version, a suffix such as
 * "js" or "framework", initials, a shorter form) passes; the few other accepted aliases are listed
 * below, each with its reason.
 */

const squash = (s: string): string => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9+#]/g, "");
const VENDOR = /^(?:apache|amazon|aws|microsoft|ms|googlecloud|google|gcp|azure|hashicorp|eclipse|jetbrains|redhat|oracle|ibm|the)(?=.)/;
const SUFFIX = /(?:js|framework|lang|language|programminglanguage|db|database|server|platform|orm|sdk|cli|io|engine|library|lib|proxy|stack)$/;
const VERSION = /v?\d+(?:\.\d+)*(?:x|\+)?$/;

function core(s: string): string {
  let k = squash(s);
  for (let i = 0; i < 3; i++) k = k.replace(VERSION, "").replace(VENDOR, "").replace(SUFFIX, "");
  return k;
}
const words = (s: string): string[] => s.toLowerCase().split(/[^a-z0-9+#]+/).filter(Boolean);
const initials = (s: string): string => words(s).map((w) => w[0]).join("");

/** Whether an alias spells the name: the same letters once vendor, version and generic suffixes are set aside; a shorter form; initials. */
export function spells(alias: string, name: string): boolean {
  const a = core(alias);
  const n = core(name);
  if (!a || !n || a === n) return true;
  if (n.startsWith(a) && a.length >= 4) return true;
  if (a.startsWith(n) && n.length >= 3 && SUFFIX.test(a.slice(n.length))) return true;
  return squash(alias) === initials(name) || squash(name) === initials(alias);
}

/** Accepted aliases that the spelling test cannot see as spellings: "skill id: alias" → why. */
const ALLOWED: Record<string, string> = {
  "docker: dockerfile": "a Dockerfile is Docker's build file; writing one is using Docker",
  "make: makefile": "a Makefile is Make's input; writing one is using Make",
  "make: makefiles": "the same, plural",
  "eclipse: eclipse": "on a CV, Eclipse is the IDE; Linguist's ECLiPSe (a Prolog system) is written with its capitals",
  "vbnet: visual basic .net": "VB.NET's full name",
  "apache-httpd: Apache": "CVs write Apache for the Apache HTTP Server (matched only with its capital, in context)",
  "elk: elastic stack": "the ELK Stack's current name",
  "material-ui: mui": "Material UI's current name",
  "solid: SOLID": "the principles, in capitals; Simple Icons' Solid (SolidJS) is another spelling",
  "sonarcloud: sonarqube cloud": "SonarCloud's current name",
  "sonarlint: sonarqube for ide": "SonarLint's current name",
  "data-structures: dsa": "the usual abbreviation of data structures and algorithms",
  "oop: ooad": "object-oriented analysis and design, the usual abbreviation",
  "etl: elt": "the same pipeline in the other order",
  "serverless: faas": "functions as a service, the usual abbreviation",
  "sre: slos": "service-level objectives are SRE's own practice",
  "sre: slis": "service-level indicators are SRE's own practice",
  "query-optimization: sql tuning": "tuning SQL queries is query optimization, in the language's name",
  "shell-scripting: unix shell": "the Unix shell is the shell these scripts are written for",
  "unix: *nix": "the usual wildcard spelling of Unix-like systems; its asterisk keeps it apart from Nix, the package manager",
};

describe("a product is itself", () => {
  const data = loadTaxonomy();
  const vocabulary = JSON.parse(readFileSync(join(root, VOCABULARY), "utf8")) as { shadowed: Array<{ product: string; source: string; id: string; skill: string; alias: string }> };

  it("no curated alias spells another product that public data names", () => {
    const clashes = vocabulary.shadowed.filter((x) => !spells(x.alias, x.skill) && !ALLOWED[`${x.id}: ${x.alias}`]).map((x) => `${x.id}: "${x.alias}" is ${x.product} (${x.source}), not ${x.skill}`);
    expect(clashes).toEqual([]);
  });

  it("no practice or concept has a product's name in an alias", () => {
    // A phrase that holds another skill's whole name ("OpenAI API" → LLMs, "asyncio" → Concurrency)
    // names that product, unless the two are related by implies.
    // (Technologies only: not soft skills or other concepts, nor an imported name that is also a word, like Linguist's Clean.)
    const concepts = new Set([...data.lexicon.practices, ...data.lexicon.concepts]);
    const names = new Map<string, string>();
    for (const s of data.skills.values()) if (!concepts.has(s.id) && s.category !== "soft-skills" && !s.source.endsWith(IMPORTED_WORD)) names.set(words(s.name).join(" "), s.id);
    const clashes: string[] = [];
    for (const s of data.skills.values()) {
      if (!concepts.has(s.id)) continue;
      for (const a of [...s.aliases, ...(s.ambiguous ?? []), ...(s.exact ?? [])]) {
        const w = words(a);
        for (let i = 0; i < w.length; i++) {
          for (let j = i + 1; j <= w.length; j++) {
            const other = names.get(w.slice(i, j).join(" "));
            if (!other || other === s.id || ALLOWED[`${s.id}: ${a}`]) continue;
            const related = (s.implies ?? []).includes(other) || (data.skills.get(other)!.implies ?? []).includes(s.id);
            if (!related) clashes.push(`${s.id}: "${a}" names ${other}`);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("keeps each product the issue named apart from its neighbour, related by implies", () => {
    const aliasOf = new Map<string, string>();
    for (const s of data.skills.values()) for (const a of [...s.aliases, ...(s.ambiguous ?? []), ...(s.exact ?? [])]) aliasOf.set(squash(a), s.id);
    for (const [product, neighbour] of [
      ["kibana", "elk"],
      ["sonarcloud", "sonarqube"],
      ["solaris", "unix"],
      ["vmware", "virtualization"],
      ["active-directory", "ldap"],
      ["pact", "contract-testing"],
      ["eslint", "linters"],
      ["sveltekit", "svelte"],
      ["dns", "networking"],
    ] as const) {
      const skill = data.skills.get(product);
      expect(skill, product).toBeDefined();
      expect(aliasOf.get(squash(skill!.name)), product).not.toBe(neighbour);
      const related = (skill!.implies ?? []).includes(neighbour) || (data.skills.get(neighbour)!.implies ?? []).includes(product);
      if (product !== "sonarcloud") expect(related, `${product} → ${neighbour}`).toBe(true);
    }
  });

  it("the allowed aliases are all still aliases (none left over)", () => {
    for (const key of Object.keys(ALLOWED)) {
      const [id, alias] = key.split(": ") as [string, string];
      const s = data.skills.get(id);
      expect(s, key).toBeDefined();
      expect([...s!.aliases, ...(s!.ambiguous ?? []), ...(s!.exact ?? [])], key).toContain(alias);
    }
  });
});
