import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { measureJobs } from "../bench/accuracy-core.js";
import { buildDocument } from "../src/document/build.js";
import { CREDIT, LEVEL_WEIGHT, matchJob, STACK_WEIGHT_MAX } from "../src/job/match.js";
import { extractRequirements, readPosting } from "../src/job/posting.js";
import { analyze } from "../src/match/analyze.js";
import { parseMarkdown } from "../src/parse/markdown.js";
import { getTaxonomy } from "../src/taxonomy/index.js";
import { cli, fixture } from "./helpers.js";
import { cv, hits } from "./rules/harness.js";

const tax = getTaxonomy();
const posting = (md: string) => {
  const doc = buildDocument("job.md", "markdown", parseMarkdown(md), "job");
  const analysis = analyze(doc, tax, "job");
  return { file: "job.md", doc, analysis, requirements: extractRequirements(analysis) };
};
const levels = (md: string) => posting(md).requirements.map((r) => `${r.level}:${r.name}`);

describe("job posting extraction", () => {
  it("finds posting sections by their usual names, in every format", async () => {
    const p = posting(readFileSync(fixture("jobs/acme-senior-java.md"), "utf8"));
    expect(p.doc.sections.map((s) => s.kind)).toEqual(["header", "responsibilities", "responsibilities", "requirements", "nice-to-have", "benefits"]);
    for (const f of ["jobs/nodeworks-fullstack.pdf", "jobs/telco-elixir.docx"]) {
      const q = await readPosting(fixture(f), tax);
      expect(q.doc.sections.map((s) => s.kind), f).toEqual(expect.arrayContaining(["requirements", "nice-to-have"]));
    }
  });

  it("reads required and preferred skills from sections and ignores benefits", () => {
    expect(levels("# Backend Engineer\n\n## Requirements\n\n- Go\n- PostgreSQL\n\n## Nice to have\n\n- Kafka\n\n## Benefits\n\n- A Slack channel for pets\n")).toEqual(["required:Go", "required:PostgreSQL", "preferred:Apache Kafka"]);
  });

  it("lets 'is a plus' and 'bonus' cues override the section, clause by clause", () => {
    expect(levels("# Engineer\n\n## Requirements\n\n- Python and Django; Redis is a plus.\n- Bonus: GraphQL\n")).toEqual(["required:Python", "required:Django", "preferred:Redis", "preferred:GraphQL"]);
    expect(levels("We need Python and SQL. Experience with AWS is a plus, and Docker would be nice to have.\n")).toEqual(["required:Python", "required:SQL", "preferred:AWS", "preferred:Docker"]);
  });

  it("makes alternatives of 'X or Y', 'X/Y' and 'one of X, Y or Z'", () => {
    const r = posting("# Job\n\n## Requirements\n\n- Java or Kotlin\n- PostgreSQL/MySQL\n- One of Redshift, Snowflake or BigQuery\n- Kafka or another message broker\n").requirements;
    expect(r.map((x) => x.ids)).toEqual([["java", "kotlin"], ["postgresql", "mysql"], ["redshift", "snowflake", "bigquery"], ["kafka", "message-queues"]]);
  });

  it("reads sections named as postings write them: 'You're good at', a bold 'What you'll be doing' line", () => {
    const p = posting(readFileSync(fixture("jobs/rivet-go-payments.md"), "utf8"));
    expect(p.doc.sections.map((s) => `${s.kind}:${s.heading}`)).toEqual([
      "header:null",
      "requirements:You're good at",
      "requirements:You rock at",
      "responsibilities:What you'll be doing",
      "nice-to-have:Nice to have",
    ]);
    const level = (name: string) => p.requirements.find((r) => r.name === name)?.level;
    // Required where the posting asks for it; named only while describing the work (or the
    // intro's "we care about observability"), the team's stack: context, not a demand.
    expect(["Go", "PostgreSQL", "gRPC", "Docker", "Code review"].map(level)).toEqual(["required", "required", "required", "required", "required"]);
    expect(["Code coverage", "Apache Kafka", "Observability"].map(level)).toEqual(["stack", "stack", "stack"]);
    expect(["Kubernetes", "Terraform"].map(level)).toEqual(["preferred", "preferred"]);
    // "network communication protocols" is networking, not the soft skill.
    expect(level("Networking")).toBe("required");
    expect(level("Communication")).toBeUndefined();
  });

  it("kestrel-kotlin: the title's stack, a tech-stack line, an 'About the team' paragraph, possessives", () => {
    const p = posting(readFileSync(fixture("jobs/kestrel-kotlin.md"), "utf8"));
    const level = (name: string) => p.requirements.find((r) => r.name === name)?.level ?? "none";
    // "(Kotlin/Spring Boot)" in the title: a language and its framework, both required.
    expect([level("Kotlin"), level("Spring Boot")]).toEqual(["required", "required"]);
    // "Kotlin's coroutines or Java 17's records": possessives name the skills.
    expect(level("Java")).toBe("required");
    // "PostgreSQL/MySQL": two databases, a choice.
    expect(level("PostgreSQL or MySQL")).toBe("required");
    // "Our tech stack: …" is what the team uses: its stack, not a demand.
    expect([level("MongoDB"), level("Docker")]).toEqual(["stack", "stack"]);
    // "About the team" describes the team's own tools: stack, not asked for.
    expect([level("TypeScript"), level("Lua"), level("Android"), level("Android Studio")]).toEqual(["stack", "stack", "none", "stack"]);
    // "the JVM ecosystem": a requirement outside the taxonomy, kept by its name.
    expect(p.requirements.find((r) => r.name === "JVM")).toMatchObject({ level: "required", ids: ["other:jvm"], category: "technical" });
    // "service-to-service communication" is not the soft skill; "review their code" is code review.
    expect(level("Communication")).toBe("none");
    expect(level("Code review")).toBe("stack");
  });

  it("'About <company>' is the company's section; 'About the role' and 'About you' are not", () => {
    const kinds = (md: string) => posting(md).doc.sections.map((x) => x.kind);
    expect(kinds("# Dev\n\n## Requirements\n\n- Go\n\n## About Intetics\n\nWe build AI/ML solutions.\n")).toEqual(["header", "requirements", "company"]);
    expect(kinds("# Dev\n\n## About the role\n\nBuild APIs.\n\n## About you\n\n- Go\n")).toEqual(["header", "responsibilities", "requirements"]);
    // What the company builds is its stack, not a demand.
    expect(levels("# Dev\n\n## Requirements\n\n- Go\n\n## About Intetics\n\nWe build AI/ML solutions.\n")).toEqual(["required:Go", "stack:Machine learning"]);
  });

  it("reaches the extraction floor on the labelled postings", async () => {
    const { jobs, sum } = await measureJobs();
    expect(jobs).toBeGreaterThanOrEqual(10);
    expect(sum.required.precision).toBeGreaterThanOrEqual(0.9);
    expect(sum.required.recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe("postings as companies write them (team fixtures of each shape, in every rendering)", () => {
  const renderings = (name: string) => ["md", "pdf", "docx", "word.pdf"].map((ext) => fixture(`jobs/${name}.${ext}`));
  const read = (file: string) => readPosting(file, tax);
  const byName = (reqs: Awaited<ReturnType<typeof read>>["requirements"]) => new Map(reqs.map((r) => [r.name, r]));

  it("harbor-go-stack: 'What we build with' is the stack, apart from the demands, and weighs little", async () => {
    for (const file of renderings("harbor-go-stack")) {
      const p = await read(file);
      const stack = p.requirements.filter((r) => r.level === "stack").map((r) => r.name);
      expect(stack, file).toEqual(expect.arrayContaining(["Angular", "Sass", "Cypress", "Storybook", "ClickHouse", "NATS"]));
      expect(p.requirements.filter((r) => r.level === "required").map((r) => r.name), file).toEqual(["Go", "PostgreSQL", "Event-driven architecture or Apache Kafka", "Docker", "Kubernetes"]);
      expect(byName(p.requirements).get("Terraform")?.level, file).toBe("preferred");
    }
    // A Go candidate who lacks the front-end half of the stack still matches well.
    const job = await read(fixture("jobs/harbor-go-stack.md"));
    const goCv = analyze(buildDocument("cv.md", "markdown", parseMarkdown("# A\n\n## Skills\n\nGo, PostgreSQL, Apache Kafka, Docker, Kubernetes, Terraform\n\n## Experience\n\n- Built Go services on PostgreSQL, Kafka, Docker and Kubernetes for 40 teams.\n")), tax);
    const m = matchJob(job, goCv, tax);
    expect(m.stack.filter((r) => !r.found).map((r) => r.name)).toEqual(expect.arrayContaining(["Angular", "Sass", "Cypress"]));
    // Five required skills met (10 of 10), Terraform listed (0.85 of 1), the domain missing (0 of
    // 1), twenty stack items missing: together they weigh 1, not 20. 10.85 of 13, and a few stack
    // items it has: 83–84 %, where the stack at full weight would have given about 35 %.
    expect(m.matchRate).toBeGreaterThanOrEqual(83);
  });

  it("lumen-python-cues: a cue reaches its own clause or parenthesis, a nested 'Nice to have:' its items", async () => {
    for (const file of renderings("lumen-python-cues")) {
      const reqs = byName((await read(file)).requirements);
      const level = (name: string) => reqs.get(name)?.level ?? "none";
      // "(ideally Django REST Framework)", "(ideally property-based)": only what the parenthesis holds.
      expect(["Django", "Django REST Framework"].map(level), file).toEqual(["required", "preferred"]);
      expect(["Test automation", "Property-based testing", "Code review"].map(level), file).toEqual(["required", "preferred", "required"]);
      // "PostgreSQL; Redis is a big plus", "Strong SQL required, dbt is a plus", "Docker (Kubernetes a plus)".
      expect(["PostgreSQL", "Redis", "SQL", "dbt", "Docker", "Kubernetes", "Terraform"].map(level), file).toEqual(["required", "preferred", "required", "preferred", "required", "preferred", "preferred"]);
      // "Nice to have:" nested in Requirements; the bullet after it is required again.
      expect(["GraphQL", "Elasticsearch", "Communication"].map(level), file).toEqual(["preferred", "preferred", "required"]);
    }
    const p = await read(fixture("jobs/lumen-python-cues.md"));
    expect(byName(p.requirements).get("Redis")!.cue).toEqual({ by: "phrase", text: "is a big plus" });
    expect(byName(p.requirements).get("GraphQL")!.cue).toEqual({ by: "label", text: "Nice to have" });
  });

  it("meridian-jvm-alternatives: examples and alternatives are one requirement met by any of them", async () => {
    for (const file of renderings("meridian-jvm-alternatives")) {
      const reqs = (await read(file)).requirements;
      const shape = reqs.map((r) => [r.ids.join("|"), r.anyOf, r.head ?? null]);
      expect(shape, file).toEqual([
        ["php|java|kotlin|scala|ruby", "alternatives", null],
        ["rdbms|postgresql|mysql", "examples", "Relational databases"],
        ["nosql", null, null],
        ["sql|nosql", "alternatives", null],
        ["message-queues|rabbitmq|kafka", "examples", "Message queues"],
        ["ci-cd|github-actions|gitlab-ci", "examples", "CI/CD"],
        ["other:cloud|aws|gcp", "examples", "Cloud"],
        ["spring-boot|quarkus|micronaut", "examples", null],
        ["python|bash", "examples", null],
      ]);
    }
    // Any member meets it: a CV with Ruby and GitLab CI meets the first and the CI/CD requirement.
    const job = await read(fixture("jobs/meridian-jvm-alternatives.md"));
    const m = matchJob(job, analyze(buildDocument("cv.md", "markdown", parseMarkdown("# A\n\n## Skills\n\nRuby, GitLab CI\n")), tax), tax);
    expect(m.required.filter((r) => r.found).map((r) => [r.name, r.matchedId])).toEqual([
      ["PHP or Java or Kotlin or Scala or Ruby", "ruby"],
      ["CI/CD or GitHub Actions or GitLab CI", "gitlab-ci"],
    ]);
  });

  it("northwind-payments-domain: requirements that are not technologies are kept by their words, and found in a CV by them", async () => {
    for (const file of renderings("northwind-payments-domain")) {
      const named = (await read(file)).requirements.filter((r) => r.ids.some((id) => id.startsWith("other:")));
      expect(named.map((r) => [r.name, r.category, r.level]), file).toEqual([
        ["Payment systems", "domain", "required"],
        ["High-load systems", "domain", "required"],
        ["Stream processing", "technical", "required"],
        ["Open source", "technical", "preferred"],
        ["ISO 20022", "technical", "preferred"],
      ]);
    }
    const job = await read(fixture("jobs/northwind-payments-domain.md"));
    const cvText = "# A\n\n## Skills\n\nJava, open-source\n\n## Experience\n\n- Built a payment system and a high-load system for 3M users, with stream-processing jobs.\n";
    const m = matchJob(job, analyze(buildDocument("cv.md", "markdown", parseMarkdown(cvText)), tax), tax);
    const shown = new Map([...m.required, ...m.niceToHave].map((r) => [r.name, r.shown]));
    // Singular and plural, hyphen and space: "payment system", "stream-processing", "open-source".
    expect([shown.get("Payment systems"), shown.get("High-load systems"), shown.get("Stream processing"), shown.get("Open source"), shown.get("ISO 20022")]).toEqual(["used", "used", "used", "listed", "missing"]);
  });

  it("quarry-shared-heads: words joined before one noun share it, and a skill with its own examples is asked for once", async () => {
    for (const file of renderings("quarry-shared-heads")) {
      const reqs = (await read(file)).requirements;
      const at = (level: string) => reqs.filter((r) => r.level === level).map((r) => r.ids.join("|"));
      // "Unit, integration and end-to-end tests", "Relational and NoSQL databases", "Contract and load testing".
      expect(at("required"), file).toEqual(["python", "unit-testing", "integration-testing", "e2e-testing", "rdbms", "nosql", "postgresql", "mongodb", "aws|ecs|s3|sqs"]);
      expect(at("preferred"), file).toEqual(["contract-testing", "load-testing", "docker", "kubernetes"]);
      // "AWS: … Amazon Web Services (ECS, S3, SQS)": AWS once, with its examples, not also alone.
      expect(reqs.filter((r) => r.ids.includes("aws")).map((r) => [r.anyOf, r.head ?? null]), file).toEqual([["examples", "AWS"]]);
      // "fast and reliable tests" names no skill; the stack keeps what the requirements do not ask for.
      expect(at("stack"), file).toEqual(["fastapi", "redis", "celery", "sentry", "grafana"]);
    }
  });

  it("postings in German, French and Spanish: their headings and cues decide the levels, and their benefits ask for nothing", async () => {
    const read1 = async (name: string) => (await read(fixture(`jobs/${name}.md`))).requirements.map((r) => `${r.level}:${r.name}`);
    expect(await read1("werkbank-java-de")).toEqual([
      "required:Java",
      "stack:Microservices",
      "required:Spring Boot",
      "required:SQL",
      "required:PostgreSQL",
      "preferred:Docker",
      "preferred:Kubernetes",
      "preferred:Apache Kafka or RabbitMQ",
      "preferred:Terraform",
      "preferred:Kotlin",
    ]);
    expect(await read1("atelier-php-fr")).toEqual(["required:PHP", "required:Symfony", "required:MySQL", "required:Redis", "preferred:Docker", "preferred:Elasticsearch"]);
    const es = "# Desarrollador Backend\n\n## Responsabilidades\n\n- Desarrollar microservicios con Node.js\n\n## Requisitos\n\n- 3 años de experiencia con Node.js y TypeScript\n- Se valorará conocimiento de Kafka\n\n## Deseable\n\n- Experiencia con AWS\n\n## Ofrecemos\n\n- Formación en Kubernetes\n";
    expect(levels(es)).toEqual(["required:Node.js", "required:TypeScript", "preferred:Apache Kafka", "preferred:AWS"]);
    expect(posting(es).requirements.find((r) => r.name === "Apache Kafka")!.cue).toEqual({ by: "phrase", text: "Se valorará" });
  });
});

describe("more shapes of postings", () => {
  it("a named requirement keeps its own case ('eBPF'), and a lower-case phrase opens with a capital", () => {
    expect(levels("# Dev\n\n## Requirements\n\n- Deep understanding of file systems\n- Experience with eBPF and Kubernetes\n")).toEqual(["required:File systems", "required:eBPF", "required:Kubernetes"]);
  });

  it("a table whose header names levels: each cell takes its column's level", () => {
    const md = "# Data Platform Engineer\n\n| Must have | Nice to have |\n|---|---|\n| Scala or Java | Kafka Streams |\n| Apache Spark | dbt |\n";
    expect(levels(md)).toEqual(["required:Scala or Java", "preferred:Kafka Streams", "required:Apache Spark", "preferred:dbt"]);
  });

  it("an inline 'Tech:' line is the stack; 'Desired Skills and Experience' is preferred; a named phrase ends before 'would be great'", () => {
    expect(levels("Quill | Backend Engineer | Remote\n\nWe build billing software. Tech: Go, PostgreSQL, Kafka.\n\nWe're looking for someone who has run Go services in production.\n")).toEqual(["stack:PostgreSQL", "stack:Apache Kafka", "required:Go"]);
    expect(posting("# Dev\n\n## Desired Skills and Experience\n\n- Rust\n").doc.sections.map((x) => x.kind)).toEqual(["header", "nice-to-have"]);
    expect(levels("The ideal candidate knows Java. Experience with low-latency systems would be great.\n")).toEqual(["required:Java", "preferred:Low-latency systems"]);
  });
});

describe("the stack is what the team uses, each tool of it", () => {
  it("slash-joined or 'or'-joined tools of the stated stack are each a stack item, not a choice", () => {
    const md = "# Site Reliability Engineer\n\n## What you bring\n\n- Production Kubernetes on *nix systems\n- You enjoy pair programming and refactoring legacy code\n\n## Technology we use\n\n- Terraform/Crossplane\n- Prometheus/Grafana\n- Kafka or RabbitMQ\n";
    const p = posting(md);
    expect(p.requirements.filter((r) => r.level === "stack").map((r) => [r.ids, r.anyOf])).toEqual([
      [["terraform"], null],
      [["crossplane"], null],
      [["prometheus"], null],
      [["grafana"], null],
      [["kafka"], null],
      [["rabbitmq"], null],
    ]);
    // A CV with Terraform alone meets Terraform, not Crossplane as well.
    const m = matchJob(p, analyze(buildDocument("cv.md", "markdown", parseMarkdown("# A\n\n## Skills\n\nTerraform, Kubernetes\n")), tax), tax);
    expect(m.stack.filter((r) => r.found).map((r) => r.name)).toEqual(["Terraform"]);
    // "*nix" is Unix; pair programming and refactoring are asked for by their own names.
    expect(levels(md).filter((x) => x.startsWith("required:"))).toEqual(["required:Site reliability engineering", "required:Kubernetes", "required:Unix", "required:Pair programming", "required:Refactoring"]);
  });

  it("'*nix' is Unix and Nix is not", () => {
    const names = (md: string) => analyze(buildDocument("cv.md", "markdown", parseMarkdown(md)), tax).skills.map((s) => s.name);
    expect(names("# A\n\n## Skills\n\n*nix, Go\n")).toEqual(["Unix", "Go"]);
    expect(names("# A\n\n## Skills\n\nNix, Go\n\n## Experience\n\n- Packaged 40 services with Nix.\n")).not.toContain("Unix");
  });
});

describe("match rate", () => {
  const job = posting("# Java Engineer\n\n## Requirements\n\n- Spring Boot\n- PostgreSQL\n\n## Nice to have\n\n- Kafka\n");
  const rate = (md: string) => matchJob(job, analyze(buildDocument("cv.md", "markdown", parseMarkdown(md)), tax), tax);

  it("counts listed-and-used fully, less for listed or used only, less for implied, nothing for missing", () => {
    const full = rate("# A\n\n## Skills\n\nJava, Spring Boot, PostgreSQL, Kafka\n\n## Experience\n\n- Built Java and Spring Boot services on PostgreSQL and Kafka.\n");
    expect(full.matchRate).toBe(100);
    const listedOnly = rate("# A\n\n## Skills\n\nJava, Spring Boot, PostgreSQL, Kafka\n");
    expect(listedOnly.matchRate).toBe(85);
    const usedOnly = rate("# A\n\n## Experience\n\n- Built Java and Spring Boot services on PostgreSQL and Kafka.\n");
    expect(usedOnly.matchRate).toBe(70);
    const implied = rate("# A\n\n## Skills\n\nSpring Boot, PostgreSQL, Kafka\n");
    expect(implied.required.find((r) => r.name === "Java")!.shown).toBe("implied");
    const none = rate("# A\n\n## Skills\n\nPHP, MySQL\n");
    expect(none.matchRate).toBe(0);
    // Required weighs twice preferred: missing Kafka only costs 1 of 7.
    const noKafka = rate("# A\n\n## Skills\n\nJava, Spring Boot, PostgreSQL\n\n## Experience\n\n- Built Java and Spring Boot services on PostgreSQL.\n");
    expect(noKafka.matchRate).toBe(Math.round((100 * 6) / 7));
  });
});

describe("the match-rate formula (docs/job.md)", () => {
  const doc = readFileSync(new URL("../docs/job.md", import.meta.url), "utf8");

  it("documents the credits and weights the code uses", () => {
    const credits = [...doc.matchAll(/^\| (?:lists|uses|names|only implies|does not)[^|]*\| ([\d.]+) \|$/gm)].map((m) => Number(m[1]));
    expect(credits).toEqual([CREDIT["listed-and-used"], CREDIT.listed, CREDIT.used, CREDIT.mentioned, CREDIT.implied, CREDIT.missing]);
    expect(doc).toContain(`a required skill weighs ${LEVEL_WEIGHT.required}, a preferred one ${LEVEL_WEIGHT.preferred}, an item of the stack ${LEVEL_WEIGHT.stack}`);
    expect(doc).toContain(`the whole\nstack at most ${STACK_WEIGHT_MAX}`);
    expect(doc).toContain("match rate = round(100 × Σ weight × credit / Σ weight)");
  });

  it("weighs the stack at a quarter an item, and the whole stack at most as one preferred skill", () => {
    const stack = (n: number) => ["Redis", "RabbitMQ", "Elasticsearch", "Terraform", "Ansible", "Jenkins", "Nginx", "Grafana"].slice(0, n).join(", ");
    const rate = (n: number) => matchJob(posting(`# Go Engineer\n\n## Requirements\n\n- Go\n- PostgreSQL\n\n## Our stack\n\n${stack(n)}\n`), analyze(buildDocument("cv.md", "markdown", parseMarkdown("# A\n\n## Skills\n\nGo, PostgreSQL\n\n## Experience\n\n- Built Go services on PostgreSQL for 30 teams.\n")), tax), tax);
    const two = rate(2);
    expect(two.stack.map((r) => r.found)).toEqual([false, false]);
    // Two required skills met (2 × 2 × 1.0) and two stack items missing (2 × 0.25 × 0).
    expect(two.matchRate).toBe(Math.round((100 * 4) / (4 + 2 * 0.25)));
    // Eight missing stack items weigh 1 together, not 2.
    const eight = rate(8);
    expect(eight.stack).toHaveLength(8);
    expect(eight.matchRate).toBe(Math.round((100 * 4) / (4 + 1)));
  });
});

describe("job rules", () => {
  const jobFile = fixture("jobs/acme-senior-java.md");

  it("job-missing-skill: error for required, warning for preferred", () => {
    const r = cli(["--format", "json", "--job", jobFile, fixture("cv/sam-lee-python.md")]);
    const f = JSON.parse(r.stdout).results[0].findings.filter((x: { ruleId: string }) => x.ruleId === "job-missing-skill");
    expect(f.find((x: { data: { skill: string } }) => x.data.skill === "Spring Boot").severity).toBe("error");
    expect(f.find((x: { data: { skill: string } }) => x.data.skill === "Terraform").severity).toBe("warning");
    expect(r.code).toBe(1);
  });

  it("job-skill-not-listed and job-skill-order", async () => {
    const { resolveConfig } = await import("../src/config.js");
    const { lintText } = await import("../src/index.js");
    const job = posting("# Engineer\n\n## Requirements\n\n- Kafka\n- PostgreSQL\n");
    const md = cv({ skills: "**Languages:** Java\n\n**Databases:** MySQL, MongoDB, PostgreSQL\n\n**Soft skills:** Teamwork", experience: "- Built a Kafka pipeline in Java feeding PostgreSQL for 12 teams." });
    const res = await lintText(md, { config: resolveConfig({}, null), job });
    const by = (id: string) => res.findings.filter((f) => f.ruleId === id).map((f) => [f.messageId, f.line, f.data.skill]);
    expect(by("job-skill-not-listed")).toEqual([["notListed", 21, "Apache Kafka"]]);
    expect(by("job-skill-order")).toEqual([["moveFirst", 13, "PostgreSQL"]]);
    expect(res.job!.matchRate).toBe(Math.round((100 * (2 * 0.7 + 2 * 1)) / 4));
    // Without --job, the job rules do not run.
    expect(await hits(md, "job-missing-skill")).toEqual([]);
  });

  it("job-skill-order compares skills within a group, not across the groups of one line", async () => {
    const { resolveConfig } = await import("../src/config.js");
    const { lintText } = await import("../src/index.js");
    const job = posting("# Engineer\n\n## Requirements\n\n- Spring Boot\n- Go\n");
    const order = async (skills: string) => {
      const res = await lintText(cv({ skills }), { config: resolveConfig({}, null), job });
      return res.findings.filter((f) => f.ruleId === "job-skill-order").map((f) => f.message);
    };
    expect(await order("Languages: Java, Go | Frameworks: Quarkus, Spring Boot")).toEqual([
      "Put Go before Java in this group: the posting asks for it.",
      "Put Spring Boot before Quarkus in this group: the posting asks for it.",
    ]);
    // A list wrapped onto a second line is one group: one finding.
    expect(await order("Java, Kotlin, Scala,\nGo, Spring Boot")).toEqual(["Put Go before Java in this group: the posting asks for it."]);
  });

  it("reads the CV from stdin and the posting from a file; JSON carries the job object", () => {
    const r = cli(["--format", "json", "--job", jobFile], { input: readFileSync(fixture("cv/jane-doe-java.md")) });
    const res = JSON.parse(r.stdout).results[0];
    expect(res.file).toBe("<stdin>");
    expect(res.job.file).toBe(jobFile);
    expect(res.job.matchRate).toBeGreaterThan(50);
    expect(res.job.required[0]).toEqual(expect.objectContaining({ name: expect.any(String), found: expect.any(Boolean), sections: expect.any(Array) }));
    expect(res.job.required.find((x: { name: string }) => x.name === "Java or Kotlin").found).toBe(true);
  });

  it("ranks several CVs by match rate, and a bad posting is exit 2", () => {
    const r = cli(["--job", jobFile, fixture("cv/sam-lee-python.md"), fixture("cv/jane-doe-java.md")]);
    expect(r.stdout).toMatch(/Ranking against .*acme-senior-java\.md\n +1\. +\d+% +.*jane-doe-java\.md\n +2\. +\d+% +.*sam-lee-python\.md/);
    expect(r.stdout).toMatch(/match \d+% against/);
    const bad = cli(["--job", fixture("bad/encrypted.pdf"), fixture("cv/jane-doe-java.md")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cvlint: job posting .*encrypted\.pdf: is an encrypted PDF/);
  });
});

describe("cvlint posting, --job -, ranking, nothing recognised", () => {
  const jobFile = fixture("jobs/acme-senior-java.md");

  it("cvlint posting prints each level with the line and the cue, and JSON with the same", () => {
    const r = cli(["posting", jobFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}required \(\d+\)$/m);
    expect(r.stdout).toMatch(/^ {4}line 18 {2}one of Java, Kotlin {2}← section "Requirements"$/m);
    expect(r.stdout).toMatch(/^ {4}line 31 {2}Grafana {2}← "is a plus"$/m);
    expect(r.stdout).toMatch(/^ {2}stack \(the team's technologies: context, weighed low\)/m);
    const j = JSON.parse(cli(["posting", "--format", "json", jobFile]).stdout);
    expect(j.recognised).toBe(true);
    expect(j.sections.map((s: { kind: string }) => s.kind)).toContain("nice-to-have");
    expect(j.required[0]).toMatchObject({ name: "Java or Kotlin", ids: ["java", "kotlin"], category: "technical", line: 18, cue: { by: "heading", text: "Requirements" }, anyOf: "alternatives" });
    expect(j.niceToHave.find((x: { name: string }) => x.name === "Grafana").cue).toEqual({ by: "phrase", text: "is a plus" });
    expect(j.stack.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["REST", "gRPC"]));
  });

  it("--job - reads the posting from standard input; cvlint posting - too", () => {
    const r = cli(["--format", "json", "--job", "-", fixture("cv/jane-doe-java.md")], { input: readFileSync(jobFile) });
    expect(r.code).toBeLessThan(2);
    const job = JSON.parse(r.stdout).results[0].job;
    expect(job.file).toBe("<stdin>");
    expect(job.required.map((x: { name: string }) => x.name)).toContain("Spring Boot");
    expect(cli(["posting", "-"], { input: readFileSync(jobFile) }).stdout).toMatch(/^<stdin>\n/);
    // A PDF is linted on a worker thread, which gets the requirements the main thread read.
    const pdf = JSON.parse(cli(["--format", "json", "--job", "-", fixture("cv/jane-doe-java.pdf")], { input: readFileSync(jobFile) }).stdout).results[0];
    expect(pdf.error).toBeNull();
    expect(pdf.job.required.map((x: { name: string }) => x.name)).toEqual(job.required.map((x: { name: string }) => x.name));
    // The CV cannot come from stdin as well.
    const both = cli(["--job", "-", "-"], { input: "x" });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe("cvlint: --job - reads the posting from standard input, so the CVs must be files\n");
  });

  it("ranks several CVs in JSON and in the HTML report", () => {
    const cvs = [fixture("cv/sam-lee-python.md"), fixture("cv/jane-doe-java.md")];
    const doc = JSON.parse(cli(["--format", "json", "--job", jobFile, ...cvs]).stdout);
    expect(doc.ranking.map((x: { rank: number; file: string }) => [x.rank, x.file])).toEqual([
      [1, cvs[1]],
      [2, cvs[0]],
    ]);
    expect(doc.ranking[0].matchRate).toBe(doc.results[1].job.matchRate);
    const html = cli(["--format", "html", "--job", jobFile, ...cvs]).stdout;
    expect(html).toMatch(/<section class="file ranking"><h2>Ranking against [^<]*acme-senior-java\.md<\/h2><table><tr><td>1\.<\/td><td class="rate">\d+%<\/td><td><a href="#file-[^"]*jane-doe-java-md">/);
    // Without --job, no ranking.
    expect(JSON.parse(cli(["--format", "json", ...cvs]).stdout).ranking).toBeUndefined();
  });

  it("alternatives and examples are one requirement in every report: 'one of …', 'X (e.g. …)', and their members in the JSON", () => {
    const job = fixture("jobs/meridian-jvm-alternatives.md");
    const cvFile = fixture("cv/sam-lee-python.md");
    const res = JSON.parse(cli(["--format", "json", "--job", job, cvFile]).stdout).results[0];
    const first = res.job.required[0];
    expect(first).toMatchObject({ ids: ["php", "java", "kotlin", "scala", "ruby"], names: ["PHP", "Java", "Kotlin", "Scala", "Ruby"], anyOf: "alternatives", found: false });
    const mq = res.job.required.find((r: { head?: string }) => r.head === "Message queues");
    expect(mq).toMatchObject({ names: ["Message queues", "RabbitMQ", "Apache Kafka"], anyOf: "examples" });
    // One finding per requirement, saying it is met by any of its members.
    const missing = res.findings.filter((f: { ruleId: string }) => f.ruleId === "job-missing-skill").map((f: { messageId: string; message: string }) => [f.messageId, f.message]);
    expect(missing).toContainEqual(["missingRequiredAny", "Line 7 of the posting requires one of PHP, Java, Kotlin, Scala, Ruby; your CV names none of them. If you have one, show where you used it."]);
    expect(missing).toContainEqual(["missingRequiredAny", "Line 10 of the posting requires Message queues (e.g. RabbitMQ, Apache Kafka: any of them); your CV names none of them. If you have one, show where you used it."]);
    expect(missing.filter(([, m]: string[]) => / or /.test(m))).toEqual([]);
    const stylish = cli(["--job", job, cvFile]).stdout;
    expect(stylish).toContain("✗ one of PHP, Java, Kotlin, Scala, Ruby");
    expect(stylish).toContain("✓ CI/CD (e.g. GitHub Actions, GitLab CI: any of them)");
    const html = cli(["--format", "html", "--job", job, cvFile]).stdout;
    expect(html).toContain('<td class="missing">✗ one of PHP, Java, Kotlin, Scala, Ruby</td>');
    expect(html).toContain('<td class="found">✓ CI/CD (e.g. GitHub Actions, GitLab CI: any of them)</td>');
    // A single skill keeps its own message.
    const single = JSON.parse(cli(["--format", "json", "--job", jobFile, cvFile]).stdout).results[0].findings.find((f: { data: { skill: string } }) => f.data.skill === "Spring Boot");
    expect(single.messageId).toBe("missingRequired");
  });

  it("a posting in which nothing is recognised gets a clear message and no match rate", () => {
    const text = "# Colleague wanted\n\nWe are a friendly team in Lyon. Send us a letter about yourself.\n";
    const r = cli(["--format", "json", "--job", "-", fixture("cv/jane-doe-java.md")], { input: text });
    expect(r.stderr).toBe("cvlint: job posting <stdin>: no skill recognised, so no match rate (cvlint posting shows what was read)\n");
    const res = JSON.parse(r.stdout).results[0];
    expect(res.job).toEqual({ file: "<stdin>", matchRate: null, required: [], niceToHave: [], stack: [] });
    expect(res.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith("job-"))).toEqual([]);
    const stylish = cli(["--job", "-", fixture("cv/jane-doe-java.md")], { input: text });
    expect(stylish.stdout).toContain("no match rate: the posting <stdin> names no skill cvlint recognises");
    expect(stylish.stdout).not.toMatch(/match \d+%/);
    expect(cli(["posting", "-"], { input: text }).stdout).toContain("no skill recognised");
  });
});
