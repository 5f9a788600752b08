import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/document/build.js";
import { analyze } from "../src/match/analyze.js";
import { DamerauLevenshteinDistance } from "natural/lib/natural/distance/levenshtein_distance.js";
import { editDistance, letterDifference } from "../src/match/suggest.js";
import { tokenize } from "../src/match/tokenize.js";
import { parseMarkdown } from "../src/parse/markdown.js";
import { parseText } from "../src/parse/text.js";
import { getTaxonomy } from "../src/taxonomy/index.js";
import { lintFile } from "../src/index.js";
import { fixture } from "./helpers.js";

const tax = getTaxonomy();
const analyse = (md: string) => analyze(buildDocument("t.md", "markdown", parseMarkdown(md)), tax);
/** Ids of the skills found in a Markdown CV. */
const ids = (md: string): string[] => analyse(md).skills.map((s) => s.id);
/** A sentence in an experience section (no skills-list context). */
const prose = (s: string) => ids(`# X\n\n## Experience\n\n- ${s}\n`);
/** A skills-section line. */
const listed = (s: string) => ids(`# X\n\n## Skills\n\n${s}\n`);
/** `count` pairs of words of up to `maxLength` characters drawn from `chars`, the same for a seed. */
function wordPairs(chars: string[], count: number, maxLength: number, seed: number): Array<[string, string]> {
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const word = () => Array.from({ length: rand(maxLength + 1) }, () => chars[rand(chars.length)]).join("");
  return Array.from({ length: count }, () => [word(), word()]);
}

describe("tokenizer", () => {
  it("keeps technology names intact", () => {
    const t = tokenize("C++, C#, F#, .NET, Node.js, ASP.NET Core, CI/CD, PL/SQL, Objective-C, Vue.js, k8s").map((x) => x.text);
    for (const name of ["C++", "C#", "F#", ".NET", "Node.js", "ASP.NET", "Core", "CI", "/", "CD", "PL", "SQL", "Objective", "C", "Vue.js", "k8s"]) expect(t).toContain(name);
    expect(t).not.toContain("-");
  });
});

describe("matcher", () => {
  it("matches the tokenizer's hard names", () => {
    expect(listed("C++, C#, F#, .NET, Node.js, ASP.NET Core, CI/CD, PL/SQL, Objective-C, Vue.js, k8s")).toEqual([
      "cpp", "csharp", "fsharp", "dotnet", "nodejs", "aspnet-core", "ci-cd", "plsql", "objective-c", "vue", "kubernetes",
    ]);
  });

  it("prefers the longest match", () => {
    expect(prose("Built Spring Boot services on Google Cloud Platform and Amazon Web Services with SQL Server")).toEqual(["spring-boot", "gcp", "aws", "sql-server"]);
    expect(prose("Reporting on Microsoft SQL Server")).toEqual(["sql-server"]);
    expect(prose("Maintained a Ruby on Rails app")).toEqual(["rails"]);
    expect(prose("Indexed documents with Apache Solr")).toEqual(["solr"]);
  });

  it("reads versions and suffixes", () => {
    const a = analyse("# X\n\n## Skills\n\nJava 17, Python3, ES6, PostgreSQL 15, Node 20, Vue 3, Angular 16+\n");
    expect(a.skills.map((s) => [s.id, s.occurrences[0]!.text])).toEqual([
      ["java", "Java 17"], ["python", "Python3"], ["javascript", "ES6"], ["postgresql", "PostgreSQL 15"], ["nodejs", "Node 20"], ["vue", "Vue 3"], ["angular", "Angular 16+"],
    ]);
    expect(prose("Mentored 4 engineers and wrote Java for 8 years")).toEqual(["mentoring", "java"]);
    expect(analyse("# X\n\n## Experience\n\n- Mentored 4 engineers\n").skills[0]!.occurrences[0]!.text).toBe("Mentored");
  });

  it("is case-insensitive for safe names and case-aware for ambiguous ones", () => {
    expect(prose("Tuned postgresql and KUBERNETES clusters")).toEqual(["postgresql", "kubernetes"]);
    expect(listed("go, spring, express")).toEqual([]);
    expect(listed("Go, Spring, Express")).toEqual(["go", "spring", "express"]);
    expect(listed("LANGUAGES: JAVA, GO")).toEqual(["java", "go"]);
  });

  it("counts an ambiguous name in a skills list, next to a skill, or with a qualifier", () => {
    expect(listed("Go")).toEqual(["go"]);
    expect(prose("Wrote services in Python and Go")).toEqual(["python", "go"]);
    expect(prose("Our team uses Golang")).toEqual(["go"]);
    expect(prose("Wrote the Go language bindings")).toEqual(["go"]);
    expect(prose("Analysis in R programming")).toEqual(["r"]);
    expect(prose("Automated servers with Chef cookbooks")).toEqual(["chef"]);
    expect(prose("Moved the billing code to Swift 5")).toEqual(["swift"]);
    // A framework after "in", as a language is: "aggregations in Spark", not a season with its year.
    expect(prose("Rewrote the nightly aggregations in Spark")).toEqual(["spark"]);
    expect(prose("Joined the team in Spring 2023")).toEqual([]);
    expect(ids("# X\n\n## Projects\n\nStack: Rust, Actix Web, Redis\n")).toEqual(["rust", "actix", "redis"]);
  });

  it("does not read plain English as skills", () => {
    expect(prose("Ready to go the extra mile and spent less time on the rest")).toEqual([]);
    expect(prose("Go to market plan for the Spring 2023 launch")).toEqual([]);
    expect(prose("Helped the team express concerns; r and R were variables")).toEqual([]);
    expect(prose("Rust removal at the plant in Spring 2021 with Chef Marco")).toEqual([]);
    expect(prose("Gave a talk at Oracle headquarters")).toEqual([]);
    expect(prose("Tom is a great Backend developer and a Full Stack engineer")).toEqual([]);
    expect(prose("Used CV techniques to read the CV")).toEqual([]);
  });

  it("keeps C apart from C++ and C#, and REST apart from 'the rest'", () => {
    expect(listed("C++, C#")).toEqual(["cpp", "csharp"]);
    expect(prose("Designed REST APIs and did the rest by hand")).toEqual(["rest"]);
  });

  it("finds nothing inside URLs, e-mail addresses or file paths", () => {
    expect(prose("See https://github.com/jane/go-kafka-redis and jane.java@python.org")).toEqual([]);
    expect(prose("Edited /usr/local/kafka/config and src/main/java/App")).toEqual([]);
    expect(prose("Portfolio: janedoe.dev/projects/docker")).toEqual([]);
  });

  it("does not take profile links for the skill", () => {
    expect(ids("# Jane\n\nGitHub: github.com/jane · [GitHub](https://github.com/jane)\n\n## Skills\n\nJava\n")).toEqual(["java"]);
    expect(ids("# Jane\n\n## Skills\n\nGit, GitHub\n")).toEqual(["git", "github"]);
    expect(prose("An open-source ledger library with 600+ GitHub stars and 40 GitLab followers")).toEqual([]);
    expect(prose("Link to my GitHub profile below")).toEqual([]);
    expect(prose("Hosted the code on GitHub and GitLab")).toEqual(["github", "gitlab"]);
  });

  it("reads \"600+ GitHub stars\" as popularity in every format of a CV", async () => {
    // jane-doe-java names GitHub only in "a ledger library in Kotlin with 600+ GitHub stars; uses gRPC and PostgreSQL".
    for (const ext of ["md", "pdf", "word.pdf", "docx"]) {
      const r = await lintFile(fixture(`cv/jane-doe-java.${ext}`));
      const projects = r.skills.filter((s) => s.occurrences.some((o) => o.section === "projects")).map((s) => s.id);
      expect(projects, ext).toEqual(expect.arrayContaining(["kotlin", "grpc", "postgresql"]));
      expect(projects, ext).not.toContain("github");
    }
  });

  it("sees through qualifiers and decorations", () => {
    expect(ids("# X\n\n## Skills\n\n- Python (primary), Java (8+ years)\n- **Go**, `Kafka`\n- Docker/Kubernetes, C#/.NET\n")).toEqual([
      "python", "java", "go", "kafka", "docker", "kubernetes", "csharp", "dotnet",
    ]);
  });

  it("keeps the position, section and reason of every occurrence", () => {
    const a = analyse("# X\n\n## Skills\n\n**Languages:** Go, Postgres\n\n## Experience\n\n- Built a Go service\n");
    const go = a.skills.find((s) => s.id === "go")!;
    expect(go.sections).toEqual(["skills", "experience"]);
    expect(go.occurrences.map((o) => [o.line, o.column, o.section, o.via, o.context])).toEqual([
      [5, 16, "skills", "ambiguous", "in a skills list"],
      [9, 11, "experience", "ambiguous", 'qualified by "service"'],
    ]);
    const pg = a.skills.find((s) => s.id === "postgresql")!;
    expect(pg).toMatchObject({ canonical: false, occurrences: [{ text: "Postgres", via: "alias", form: "postgres", column: 20 }] });
    expect(a.skills.find((s) => s.id === "go")!.canonical).toBe(true);
  });

  it("ignores category labels that are not themselves a skill", () => {
    expect(listed("**Cloud & DevOps:** AWS, Docker")).toEqual(["aws", "docker"]);
    expect(listed("**Java:** Spring Boot, Hibernate")).toEqual(["java", "spring-boot", "hibernate"]);
  });
});

describe("a service written with its cloud platform's name", () => {
  it("names the platform too ('AWS S3', 'Azure Functions'), but a tool's name does not name another tool", () => {
    const a = analyse("# X\n\n## Skills\n\nAWS S3, Azure Functions, Docker Compose, Amazon RDS\n");
    expect(a.skills.map((s) => s.id)).toEqual(["s3", "aws", "azure-functions", "azure", "docker-compose", "rds"]);
    const aws = a.skills.find((s) => s.id === "aws")!;
    expect(aws.occurrences.map((o) => [o.text, o.context])).toEqual([["AWS", "the platform of AWS S3"]]);
  });
});

describe("lists written in lower case", () => {
  it("takes an ambiguous name in lower case as a whole item of a skills list, also inside parentheses, and not in a sentence", () => {
    const a = analyse("# X\n\n## Skills\n\n- Golang (echo, fiber)\n- Tools: helm, kubectl\n\n## Experience\n\n- We go to rust belt conferences and echo the helm of the ship.\n");
    expect(a.skills.map((s) => [s.id, s.sections])).toEqual([
      ["go", ["skills"]],
      ["echo", ["skills"]],
      ["fiber", ["skills"]],
      ["helm", ["skills"]],
      ["kubernetes", ["skills"]],
    ]);
  });
});

describe("names written run together, wrapped or in parentheses", () => {
  it("reads a name of several words run together as the name ('SpringData-JPA', 'SQLServer'), never a name cut out of a longer word", () => {
    const a = analyse("# X\n\n## Experience\n\n- Built billing on SpringBoot/SpringData-JPA/SQLServer/Kafka with RestTemplate clients.\n");
    expect(a.skills.filter((s) => s.known).map((s) => [s.id, s.occurrences.map((o) => o.text)])).toEqual([
      ["spring-boot", ["SpringBoot"]],
      ["spring-data-jpa", ["SpringData-JPA"]],
      ["sql-server", ["SQLServer"]],
      ["kafka", ["Kafka"]],
    ]);
    // A glued name that is no taxonomy name's words stays what it was.
    expect(prose("Wrote RestTemplate and WebClient wrappers in Java")).not.toContain("rest");
  });

  it("counts an ambiguous name next to a skill on the line before or after, in a paragraph wrapped by hand", () => {
    const text = ["JANE DOE", "", "EXPERIENCE", "", "  Acme Corp, Senior Developer", "", "  Built the reporting service in Perl. It read from two database backends (Oracle,", "  PostgreSQL) and wrote to a warehouse.", "", "  The oracle of the team was the on-call engineer.", ""].join("\n");
    const a = analyze(buildDocument("t.txt", "text", parseText(text)), tax);
    const oracle = a.skills.find((s) => s.id === "oracle-db");
    expect(oracle?.occurrences.map((o) => [o.text, o.context])).toEqual([["Oracle", "next to a skill on the next line"]]);
    expect(a.skills.map((s) => s.id)).toEqual(expect.arrayContaining(["perl", "postgresql"]));
  });

  it("takes a lower-case ambiguous name as an item of a list in parentheses in a sentence, beside a skill named safely", () => {
    expect(prose("Learned two frameworks (Angular, flask) during the internship")).toEqual(["angular", "flask"]);
    // Not outside parentheses, nor in parentheses with no list or no safe skill.
    expect(prose("Learned Angular and flask")).toEqual(["angular"]);
    expect(prose("Poured it from a flask (a small one)")).toEqual([]);
    expect(prose("Kept snacks (flask, go bag) handy")).toEqual([]);
  });

  it("takes a lower-case ambiguous name joined straight to a skill also written in lower case ('nginx & apache servers')", () => {
    expect(prose("Managing nginx & apache servers")).toEqual(["nginx", "apache-httpd"]);
    // Not when the neighbour is written as a name, nor when the word stands apart from it.
    expect(prose("Managing Nginx and the apache helicopter")).toEqual(["nginx"]);
  });
});

describe("words that share the noun after a skill", () => {
  it("reads 'shell and Python scripts' as shell scripts and Python; a word that makes no name with the noun is left alone", () => {
    const a = analyse("# X\n\n## Experience\n\n#### Writing shell and Python scripts for routine tasks\n\n- Kept fast and reliable Python scripts.\n");
    expect(a.skills.map((s) => [s.id, s.occurrences.map((o) => [o.text, o.context ?? null])])).toEqual([
      ["shell-scripting", [["shell", 'sharing "scripts"']]],
      ["python", [["Python", null], ["Python", null]]],
    ]);
  });
});

describe("a word after a slash that takes the place of a name's last word", () => {
  it("reads 'Serverless Framework/Architecture' and 'Spring Boot/Cloud' as both names, and leaves a word that makes no name, begins one or runs on alone", () => {
    const a = analyse("# X\n\n## Skills\n\n- Serverless Framework/Architecture\n- Spring Boot/Cloud\n- Spring Boot/Hibernate\n- Spring Boot/Magic\n\n## Experience\n\n- Moved Spring Boot/Cloud services to Kubernetes.\n");
    const shared = a.skills.flatMap((s) => s.occurrences.filter((o) => o.context?.startsWith("sharing")).map((o) => [s.id, o.text, o.line]));
    expect(shared).toEqual([
      ["serverless", "Architecture", 5],
      ["spring-cloud", "Cloud", 6],
    ]);
    // One item of the list names both readings; an item of two names is two items.
    const items = a.items.map((i) => [i.text, i.alternatives]);
    expect(items).toEqual(expect.arrayContaining([
      ["Serverless Framework/Architecture", ["serverless-framework", "serverless"]],
      ["Spring Boot/Cloud", ["spring-boot", "spring-cloud"]],
      ["Spring Boot", null],
      ["Hibernate", null],
    ]));
  });
});

describe("Azure services from Microsoft's icon set", () => {
  it("knows Azure's services by their names, with Azure as their platform, and leaves a service the curated taxonomy holds to it", () => {
    const a = analyse("# X\n\n## Skills\n\nAzure Monitor, Azure Data Factory, Azure Key Vaults, Azure Kubernetes Service\n\n## Experience\n\n- Automated Azure Databricks cluster scaling; moved jobs to Azure Logic Apps.\n");
    const found = a.skills.map((s) => [s.name, s.imported ?? "curated"]);
    expect(found).toEqual(expect.arrayContaining([
      ["Azure Monitor", "imported from Azure icons"],
      ["Azure Data Factory", "imported from Azure icons"],
      ["Azure Key Vault", "imported from Azure icons"],
      ["Azure Kubernetes Service", "curated"],
      ["Azure Databricks", "imported from Azure icons"],
      ["Azure Logic Apps", "imported from Azure icons"],
      ["Microsoft Azure", "curated"],
    ]));
    // Azure Databricks is itself, not the Databricks of Simple Icons.
    expect(a.skills.map((s) => s.name)).not.toContain("Databricks");
    // A portal page is no service: "Azure security" is Azure.
    expect(prose("Reviewed Azure security settings")).toEqual(["azure"]);
  });
});

describe("protocols and formats by their acronym", () => {
  it("reads them as written in capitals, or in a skills list; not 'http', 'json', 'ssl' in a command or a sentence", () => {
    const a = analyse("# X\n\n## Experience\n\n- Served the API over HTTP and JSON, behind TLS/SSL.\n- Ran curl -s --json on the ssl port with http redirects.\n\n## Skills\n\njson, tcp\n");
    const where = (id: string) => a.skills.find((s) => s.id === id)?.occurrences.map((o) => o.text);
    expect(where("http")).toEqual(["HTTP"]);
    expect(where("json")).toEqual(["JSON", "json"]);
    expect(where("tls")).toEqual(["TLS/SSL"]);
    expect(where("tcp-ip")).toEqual(["tcp"]);
  });
});

describe("technologies imported from public data", () => {
  it("knows names the curated taxonomy lacks, marked as imported; one that reads as a word only as a list item", () => {
    const a = analyse("# X\n\n## Skills\n\nNextflow, Processing, Sensu\n\n## Experience\n\n- Ran Nextflow pipelines and Sensu checks; image processing at scale.\n");
    const found = a.skills.map((s) => [s.name, s.known, s.imported, s.sections]);
    expect(found).toEqual([
      ["Nextflow", true, "imported from Linguist", ["skills", "experience"]],
      ["Processing", true, "imported from Linguist; its name is also a word", ["skills"]],
      ["Sensu", true, "imported from Simple Icons", ["skills", "experience"]],
    ]);
  });

  it("does not read a word-like imported name that starts a longer name ('Unity Catalog' is not Unity)", () => {
    const a = analyse("# X\n\n## Skills\n\nDatabricks, Unity Catalog, Processing\n");
    // (The longer name is itself a product, read whole as an unknown item.)
    expect(a.skills.map((s) => [s.name, s.known])).toEqual([["Databricks", true], ["Unity Catalog", false], ["Processing", true]]);
  });

  it("reads no imported brand in a header, education or certifications (profiles, schools, issuers)", () => {
    const a = analyse("# Jane Doe\n\nDropbox · Bluesky\n\n## Certifications\n\n- Kubernetes course (Coursera, CNCF)\n\n## Skills\n\nKubernetes\n");
    expect(a.skills.map((s) => s.name)).toEqual(["Kubernetes"]);
  });
});

describe("names the taxonomy lacks, joined in a sentence to a known skill", () => {
  const unknownIn = (md: string) => analyse(md).skills.filter((s) => !s.known).map((s) => [s.name, s.occurrences.map((o) => o.context)]);

  it("reads a name joined by a comma, slash, '&', 'and' or 'or' to a backend skill, markup and brackets looked through", () => {
    expect(unknownIn("# X\n\n## Experience\n\n- Ran PostgreSQL, PgBouncer and <b>Kafka</b> and <b>Debezium</b> (Redis/KeyDB).\n")).toEqual([
      ["PgBouncer", ["named with PostgreSQL"]],
      ["Debezium", ["named with Apache Kafka"]],
      ["KeyDB", ["named with Redis"]],
    ]);
  });

  it("reads a module named after a known skill with underscores ('mod_perl'), not an identifier of words", () => {
    expect(unknownIn("# X\n\n## Experience\n\n- Built it with Perl, mod_perl, and Apache; keyed rows by user_id, PostgreSQL and Redis.\n")).toEqual([["mod_perl", ["named with Perl"]]]);
  });

  it("leaves alone a name at a sentence's start or beside no skill, acronyms, misspellings, and a frontend library's company", () => {
    const md =
      "# X\n\n## Experience\n\n- Initech moved to Kafka. Worked at Initech, using Kafka.\n- Met the SLA and KPI targets with Kafka and SLO reviews.\n" +
      "- Built dashboards in React and Zustand; stored events in Kafka and Postgress.\n\n## Education\n\n- Java and Initech\n";
    expect(unknownIn(md)).toEqual([]);
  });
});

describe("unknown skills-list items", () => {
  it("reports technology-like items as unknown, with category other", () => {
    const a = analyse("# X\n\n## Skills\n\n**Databases:** PostgreSQL, Tarantool, YugabyteDB\n\n## Experience\n\n- Sharded PostgreSQL with YugabyteDB\n");
    const unknown = a.skills.filter((s) => !s.known);
    expect(unknown.map((s) => [s.id, s.name, s.category, s.sections])).toEqual([
      ["other:tarantool", "Tarantool", "other", ["skills"]],
      ["other:yugabytedb", "YugabyteDB", "other", ["skills", "experience"]],
    ]);
  });

  it("reads a namespaced name as one item ('Test::Unit'), not as its words", () => {
    const a = analyse("# X\n\n## Skills\n\n**Testing:** RSpec, Capybara, Test::Unit\n");
    expect(a.skills.filter((s) => !s.known).map((s) => s.name)).toEqual(["Test::Unit"]);
  });

  it("does not report labels, proficiency, sentences or spoken languages", () => {
    const a = analyse("# X\n\n## Skills\n\n**Proficient:** Java\n\nFamiliar with: Kotlin (basic)\n\nI enjoy learning new things every day at work\n\nEnglish (fluent), German (native), Time management\n");
    expect(a.skills.filter((s) => !s.known)).toEqual([]);
  });

  it("never reports words, verbs, places, months, dates, grades or versions as unknown skills", () => {
    // The kinds of item a misread section or a phrase list gives: all ordinary text, by data (word lists, a gazetteer, ICU month names).
    const a = analyse(
      "# X\n\n## Skills\n\nJava, Building, Writing, Management, Teaching, Presenting\n\nPython 3.12, 3.12, /5, Batch/, June, Oct, Seattle, Long Beach\n\nKotlin, Architected, Coached, Monoliths, in-between, web-based, A+, GPA 3.9/4\n",
    );
    expect(a.skills.filter((s) => !s.known).map((s) => s.name)).toEqual([]);
  });

  it("reads an unknown item only whole: no word cut out of an item that names a known skill", () => {
    const a = analyse("# X\n\n## Skills\n\nAzure Monitor, GitHub Actons, Spring Data Plus, PostgreSQL\n");
    expect(a.skills.filter((s) => !s.known)).toEqual([]);
  });

  it("reads a brand's name of words in a list of known skills: capitalised, first a brand public data holds, and no everyday word alone", () => {
    // Cirrus and Cobalt are in Simple Icons and are English words; Strike and Hacker are words only.
    // Batch is a brand too, but one of SCOWL's everyday words (level 20); Terminal of its commonest (10).
    const a = analyse("# X\n\n## Skills\n\nTools: Ansible, Terraform, Docker, Kubernetes, Helm, Cirrus, Cobalt Strike, Batch, Terminal Hacker, Data Modeling\n");
    expect(a.skills.filter((s) => !s.known).map((s) => s.name)).toEqual(["Cirrus", "Cobalt Strike"]);
    // Not in a list that is mostly words: there a word is a word.
    const b = analyse("# X\n\n## Skills\n\nHobbies: Cirrus, Cobalt Strike, Hiking\n");
    expect(b.skills.filter((s) => !s.known)).toEqual([]);
  });

  it("asks whether a list is mostly known skills of its whole group, two items a line as a PDF sets them", () => {
    const a = analyse("# X\n\n## Skills\n\n### Platforms\n\nAnsible · Cobalt Strike\n\nTerraform · Kubernetes\n\n### Interests\n\nChess · Cobalt Strike\n");
    const unknown = a.skills.filter((s) => !s.known);
    expect(unknown.map((s) => [s.name, s.occurrences.map((o) => o.line)])).toEqual([["Cobalt Strike", [7]]]);
  });

  it("reads the unknown tools of a tool list in experience, when most of its items are known skills", () => {
    const a = analyse(
      "# X\n\n## Experience\n\n- Built the billing service.\n- Stack: Python, FastAPI, Dramatiq, PostgreSQL, 40k+ LOC\n- Clients: Initech, Globex, Umbrella\n- Met Dramatiq maintainers in Berlin.\n",
    );
    const unknown = a.skills.filter((s) => !s.known);
    expect(unknown.map((s) => [s.name, s.sections, s.occurrences.length])).toEqual([["Dramatiq", ["experience"], 2]]);
    expect(unknown[0]!.occurrences[0]!.context).toBe("unknown item of a tool list");
  });

  it("splits slash and plus lists before reading items; a version after a slash is not an item", () => {
    const a = analyse("# X\n\n## Skills\n\nSocket.io/Mocha/Tarantool, JUnit4/5, CI/CD, Pgsync + Goss, C++\n");
    const items = a.items.map((i) => i.text);
    expect(items).toEqual(expect.arrayContaining(["Socket.io", "Mocha", "Tarantool", "JUnit4", "5", "CI/CD", "Pgsync", "Goss", "C++"]));
    expect(a.skills.filter((s) => !s.known).map((s) => s.name)).toEqual(["Tarantool", "Pgsync", "Goss"]);
    expect(a.skills.find((s) => s.id === "junit")?.occurrences.map((o) => o.text)).toEqual(["JUnit4"]);
  });

  it("reads an item one slip from exactly one known skill as that skill, the spelling kept as written", () => {
    const a = analyse("# X\n\n## Skills\n\nKubernets, Dockre, Rabitmq, Github Actons\n\nSQL (Postgress, ClickHouse)\n");
    const typos = a.skills.flatMap((s) => s.occurrences.filter((o) => o.via === "typo").map((o) => [s.name, o.text, s.known]));
    expect(typos).toEqual([
      ["Kubernetes", "Kubernets", true],
      ["Docker", "Dockre", true],
      ["RabbitMQ", "Rabitmq", true],
      ["GitHub Actions", "Github Actons", true],
      ["PostgreSQL", "Postgress", true],
    ]);
    // "Github" is not also GitHub: the item names GitHub Actions, misspelt.
    expect(a.skills.map((s) => s.id)).not.toContain("github");
    expect(a.skills.filter((s) => !s.known)).toEqual([]);
  });

  it("never reads another product, a word or an item two skills are close to as a misspelling", () => {
    // Aptible is two edits from Ansible; MinIO is a product public data names (not a misspelt MiniD);
    // OpenSSL has an acronym OpenSSH lacks; Flash and Superset are words; Colfusion is one slip from
    // ColdFusion, a name imported from Linguist (a public list is no surer a guess than the item);
    // a sentence is no item.
    const a = analyse("# X\n\n## Skills\n\nAptible, Minio, OpenSSL, Flash, Superset, Colfusion\n\n## Experience\n\n- Moved Rabitmq queues to Kafka.\n");
    expect(a.skills.flatMap((s) => s.occurrences.filter((o) => o.via === "typo"))).toEqual([]);
    expect(a.skills.find((s) => s.name === "Minio")?.suggestion).toBeUndefined();
  });

  it("counts unmatched characters by code point, as a multiset difference", () => {
    // The definition the table-based count must keep, on ASCII, accented letters and astral characters.
    const byCodePoint = (a: string, b: string): number => {
      const counts = new Map<string, number>();
      for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) - 1);
      return [...counts.values()].reduce((n, v) => n + Math.abs(v), 0);
    };
    for (const [a, b] of wordPairs(["a", "b", "c", "e", "s", "+", "#", ".", "é", "ß", "ü", "😀", "😁", "𝔸"], 5000, 8, 7)) {
      expect(letterDifference(a, b), `${a} / ${b}`).toBe(byCodePoint(a, b));
    }
    expect(letterDifference("kubernets", "kubernetes")).toBe(1);
    expect(letterDifference("dockre", "docker")).toBe(0);
  });

  it("computes the edit distance natural's DamerauLevenshteinDistance computes", () => {
    // Small alphabets make transpositions and repeated letters, where the variants of the algorithm differ.
    for (const alphabet of ["ab", "abc", "abcd", "kubernetspo", "aé😀"]) {
      for (const [a, b] of wordPairs([...alphabet], 4000, 7, 3)) expect(editDistance(a, b), `${a} / ${b}`).toBe(DamerauLevenshteinDistance(a, b));
    }
    expect(editDistance("kubernets", "kubernetes")).toBe(1);
    expect(editDistance("dockre", "docker")).toBe(1);
    expect(editDistance("", "go")).toBe(2);
  });
});
