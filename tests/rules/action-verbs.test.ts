import { describe, expect, it } from "vitest";
import { lintFile } from "../../src/index.js";
import { fixture } from "../helpers.js";
import { cv, details, hits } from "./harness.js";

describe("action-verbs", () => {
  it("passes bullets that open with action verbs, in any tense the stemmer knows", async () => {
    expect(await hits(cv(), "action-verbs")).toEqual([]);
    const md = cv({ experience: "- Designing the billing API for 12 teams.\n- Optimised Kafka consumers, halving lag.\n- Build and maintain the CI pipeline in Jenkins.\n- Containerised all services with Docker." });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });

  it("suggests stronger verbs for weak openers", async () => {
    const md = cv({ experience: "- Responsible for the Jenkins build pipeline.\n- Worked on the migration to PostgreSQL 15.\n- Helped the team adopt Docker and Kubernetes.\n- Participated in on-call for 40 services." });
    const f = await details(md, "action-verbs");
    expect(f.map((x) => [x.messageId, x.line, x.column, x.data.opener])).toEqual([
      ["weakOpener", 25, 3, "Responsible for"],
      ["weakOpener", 26, 3, "Worked on"],
      ["weakOpener", 27, 3, "Helped"],
      ["weakOpener", 28, 3, "Participated in"],
    ]);
    expect(f[0]!.data.suggest).toBe("Led, Owned, Ran");
  });

  it("reports bullets that open with something else", async () => {
    const md = cv({ projects: "- Java and Spring Boot application with a MySQL database.\n- The team's internal wiki, rewritten in Markdown." });
    expect((await details(md, "action-verbs")).map((x) => [x.messageId, x.data.word, x.line])).toEqual([
      ["noActionVerb", "Java", 32],
      ["noActionVerb", "The", 33],
    ]);
  });

  it("leaves project name lines, short bullets and other sections alone", async () => {
    const md = cv({ projects: "- ledger-lite — an open-source ledger in Kotlin.\n- Kotlin, gRPC.", extra: "## Certifications\n\n- AWS Certified Developer – Associate (2022)" });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });
  it("knows English verbs from a lexicon, not a list: Explain, Conduct, Verify, Perform, Add, Detect (ADVICE.md)", async () => {
    const md = cv({
      experience:
        "- Explain design trade-offs to 4 product teams every sprint.\n- Conduct code reviews for 12 engineers across two time zones.\n- Verify every release against 300 contract tests.\n- Perform load tests on the payment gateway each quarter.\n- Add tracing to 40 services with OpenTelemetry.\n- Detect fraud in 2 million payments a day with streaming rules.\n- Oversaw the move of 9 services to Kubernetes.",
    });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });

  it("reads an adverb or a phrase of circumstance before the verb", async () => {
    const md = cv({ experience: "- Successfully migrated 30 services to Java 21.\n- As a cost saving measure, moved 12 databases to Graviton instances.\n- In three months built a billing API for 40 clinics." });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });

  it("gives one finding for the same opener on several bullets", async () => {
    const md = cv({ experience: "- Worked on the billing API for 40 clinics.\n- Worked on the search service used by 2 million people.\n- Creation of the reporting module for 12 teams." });
    const f = await details(md, "action-verbs");
    expect(f.map((x) => [x.messageId, x.line, x.also?.map((p) => p.line)])).toEqual([
      ["weakOpener", 25, [26]],
      ["noActionVerb", 27, undefined],
    ]);
  });

  it("does not judge lower-case commands, roles with a figure, lines a PDF broke, or items that finish their parent's sentence", async () => {
    const md = cv({
      experience:
        "- rsync -av /var/www/html/ backup:/srv/app for 20 sites\n- FluxCD) with Helm charts for 12 services\n- 3 years as lead developer at Acme from 2015\n- Gave talks at 4 conferences on:\n  - Service meshes and container networking\n  - Kubernetes and Linux kernel internals",
    });
    expect(await hits(md, "action-verbs")).toEqual([]);
    // A command a capital opens is still not an achievement: a coach asks what it achieved.
    expect((await hits(cv({ experience: "- Get-ChildItem -Recurse | Select-String error on 30 servers" }), "action-verbs")).map((h) => h[0])).toEqual(["noActionVerb"]);
  });

  it("gives no advice on English verbs to a CV written in another language", async () => {
    const md = cv({ experience: "- Développement de tests unitaires pour les micro-services de paiement.\n- Refactorisation de l'architecture de plusieurs micro-services.\n- Mise en place de la documentation des API." });
    expect(await hits(md, "action-verbs")).toEqual([]);
  });

  it("reads duties written one noun phrase a line, without bullets, and gives them one finding (ADVICE.md's silence)", async () => {
    const md = cv({
      experience: "Ansible rollout and automation for 4 teams.\n\nHelm chart development for release engineering.\n\nKubernetes training and enablement for engineers.\n\nMigrated 12 services to Amazon EKS.",
    });
    const f = await details(md, "action-verbs");
    expect(f.map((x) => [x.messageId, x.data.count, x.also?.length])).toEqual([["proseDuties", 3, 2]]);
  });

  it("tells bullets of a role that has ended, written in the present tense, to take the past (one finding for the habit)", async () => {
    const md = cv({
      experience:
        "- Develop payment APIs in Java for 2 million requests a day.\n- Lead a team of 4 backend engineers.\n\n### Developer, Initech (2019 – 2021)\n\n- Develop and maintain 12 Spring Boot services on PostgreSQL.\n- Manage the nightly batch jobs for 40 branches.\n- Migrated 3 services to Kubernetes in 2 months.\n- Project manager for a 6-month data migration.\n- Open Source work on a Kafka client library.\n- Build the deployment pipeline for 5 teams.\n- Learn the billing domain from 3 senior engineers.",
    });
    const f = (await details(md, "action-verbs")).filter((x) => x.messageId === "presentTense");
    // The role held now may read in the present tense; a noun or adjective first ("Project",
    // "Open") is no verb's tense; an irregular verb ("Build") is not told; a line about learning
    // ("Learn the billing domain") needs more than its tense.
    expect(f.map((x) => [x.line, x.data.word, x.data.past, x.also?.map((p) => p.line)])).toEqual([[30, "Develop", "Developed", [31]]]);
    expect(f[0]!.message).toBe("Bullet of a role that has ended opens in the present tense ('Develop'); write past roles in the past tense ('Developed').");
  });

  it("leaves the wording of a role that ended more than five years before the CV's latest date alone", async () => {
    const md = cv({
      experience:
        "- Responsible for the payments API in Java, 2 million requests a day.\n\n### Developer, Old Bank (2009 – 2013)\n\n- Responsible for nightly batch jobs in COBOL and Java.\n- Day-to-day support of the branch systems for 40 branches.",
    });
    const f = await details(md, "action-verbs");
    expect(f.map((x) => [x.line, x.data.opener ?? x.data.word])).toEqual([[25, "Responsible for"]]);
    expect(f[0]!.also ?? []).toEqual([]);
  });

  it("leaves a lone line that describes a project's title alone, in every format (a corpus README's shape)", async () => {
    // "- [paylint](…) Payment file checker" / "  - A command-line checker for …": the nested line
    // says what the project is; a title with two nested items or more has them as its duties.
    for (const ext of ["md", "pdf", "docx", "word.pdf", "browser.pdf"]) {
      const r = await lintFile(fixture(`layouts/project-descriptions.${ext}`));
      expect(r.findings.filter((f) => f.ruleId === "action-verbs"), ext).toEqual([]);
    }
    const md = cv({ projects: "- ledger-kit\n  - The library behind two side projects.\n- billing-sim\n  - The simulator we load-tested with.\n  - Replays 2 million invoices an hour." });
    expect((await details(md, "action-verbs")).map((x) => [x.data.word, x.line])).toEqual([["The", 35]]);
  });
});
