import { describe, expect, it } from "vitest";
import { readPosting } from "../src/job/posting.js";
import { lintFile, lintText } from "../src/index.js";
import { getTaxonomy } from "../src/taxonomy/index.js";
import { fixture } from "./helpers.js";

// Patterns met in public CVs: job, project and school entries as sub-headings that contain a
// section keyword, a summary paragraph under the name without a heading, labels that join two
// groups, and a plain-text CV pasted into a Markdown code block.

describe("tomas-novak-node, in every format", () => {
  for (const ext of ["md", "pdf", "word.pdf", "docx"]) {
    it(`${ext}: entries are not sections, the untitled paragraph is the summary`, async () => {
      const r = await lintFile(fixture(`cv/tomas-novak-node.${ext}`));
      expect(r.error).toBeNull();
      // "### Project Engineer, Northwind Logistics | 2018 -- 2021", "### Open-source rate limiter
      // (Graduation Project)" and "### Brno University of Technology | 2014 -- 2018" stay inside
      // their sections.
      expect(r.sections.map((s) => s.kind)).toEqual(["header", "summary", "experience", "projects", "education", "skills"]);
      expect(r.sections[1]!.heading).toBeNull();
      // Django is used under "Project Engineer, Northwind Logistics": experience, not projects.
      const django = r.skills.find((s) => s.id === "django")!;
      expect(django.sections).toContain("experience");
      expect(django.sections).not.toContain("projects");
      // The summary names Node.js and TypeScript, so profile-summary has nothing to say.
      expect(r.findings.filter((f) => f.ruleId === "profile-summary")).toEqual([]);
      // "Tools & Frameworks" (a catch-all) and "Databases & Messaging" (RabbitMQ is messaging).
      expect(r.findings.filter((f) => f.ruleId === "skills-misgrouped")).toEqual([]);
    });
  }
});

describe("labels that join groups", () => {
  const misgrouped = async (skills: string) => {
    const r = await lintText(`# A\n\n## Experience\n\n- Built things.\n\n## Skills\n\n${skills}\n`);
    return r.findings.filter((f) => f.ruleId === "skills-misgrouped").map((f) => f.message);
  };
  it("checks each part of a joined label and allows what any part allows", async () => {
    expect(await misgrouped("- Databases & Messaging: PostgreSQL, Kafka")).toEqual([]);
    expect(await misgrouped("- Databases: PostgreSQL, Kafka")).toEqual(["'Apache Kafka' (messaging) is listed under 'Databases'; move it to a matching group."]);
    expect(await misgrouped("- Languages / Databases: Java, PostgreSQL, Docker")).toEqual(["'Docker' (containers) is listed under 'Languages / Databases'; move it to a matching group."]);
  });
  it("leaves a label alone when one part is a catch-all", async () => {
    expect(await misgrouped("- Tools & Frameworks: Git, Docker, Linux, Spring Boot")).toEqual([]);
    expect(await misgrouped("- Frameworks & Libraries: Spring Boot, Docker")).toEqual([]);
  });
});

describe("labels of a plain-text CV, set off by spaces", () => {
  it("reads \"Languages   Java\" and \"Frameworks Spring Boot Quarkus Micronaut\" as labelled groups", async () => {
    const text = [
      "Ana Ruiz",
      "",
      "EXPERIENCE",
      "",
      "- Built payment services in Java and Spring Boot for 2 million users.",
      "",
      "SKILLS",
      "",
      "Languages    Java Kotlin SQL Python Go",
      "Frameworks Spring Boot Quarkus Micronaut Django",
      "Databases    PostgreSQL MySQL Redis MongoDB",
      "",
    ].join("\n");
    const r = await lintText(text, { format: "text" });
    expect(r.findings.filter((f) => f.ruleId === "skills-categorized")).toEqual([]);
    // Python and Go (languages) sit under "Languages"; Django under "Frameworks": nothing misfiled.
    expect(r.findings.filter((f) => f.ruleId === "skills-misgrouped")).toEqual([]);
    const moved = await lintText(text.replace("Django", "Django Kafka"), { format: "text" });
    expect(moved.findings.filter((f) => f.ruleId === "skills-misgrouped").map((f) => f.message)).toEqual(["'Apache Kafka' (messaging) is listed under 'Frameworks'; move it to a matching group."]);
  });
});

describe("skills the taxonomy used to fold together", () => {
  const duplicates = async (line: string) => {
    const r = await lintText(`# A\n\n## Skills\n\n- ${line}\n`);
    return r.findings.filter((f) => f.ruleId === "duplicate-skills");
  };
  it("does not call Algorithms and Data Structures, or Deep and Machine Learning, repeats", async () => {
    expect(await duplicates("Algorithms, Data Structures, OOP")).toEqual([]);
    expect(await duplicates("Deep Learning, Machine Learning")).toEqual([]);
    expect(await duplicates("Data Structures, DSA")).toHaveLength(1);
  });
  it("reads \"Data Structures\" at the start of a list as the skill, not a \"Data\" label", async () => {
    const r = await lintText("# A\n\n## Skills\n\n- Data Structures, Java\n- Data PostgreSQL, Redis\n");
    // (Data structures is a practice: listed, it is in the analysis's practices, not its skills.)
    expect(r.skills.map((s) => s.id)).toEqual(["java", "postgresql", "redis"]);
    expect(r.analysis!.practices.map((s) => s.id)).toEqual(["data-structures"]);
  });
  it("counts a label as a listed skill only when it is one, not a group word", async () => {
    const r = await lintText("# A\n\n## Skills\n\n- DevOps: Docker, Jenkins\n- Security: OAuth 2.0\n- Java: Spring Boot\n");
    const listed = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id);
    expect(listed).toEqual(expect.arrayContaining(["docker", "jenkins", "oauth2", "java", "spring-boot"]));
    expect(listed).not.toContain("devops");
    expect(r.findings.filter((f) => f.message.includes("'DevOps'"))).toEqual([]);
  });
  it("reads consistent hashing as distributed systems, not encryption", async () => {
    const r = await lintText("# A\n\n## Experience\n\n- Wrote a thesis on consistent hashing for distributed caches.\n");
    // (Practices named in experience only describe the work: they are the analysis's practices, not skills.)
    const ids = r.analysis!.practices.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["distributed-systems", "caching"]));
    expect([...ids, ...r.skills.map((s) => s.id)]).not.toContain("encryption");
    expect(r.skills).toEqual([]);
  });
});

describe("a raw <hr> or <br> on the line under each heading (layouts/hr-under-headings.md)", () => {
  it("reads the text under it as Markdown, not as the HTML block CommonMark opens there", async () => {
    const r = await lintFile(fixture("layouts/hr-under-headings.md"));
    expect(r.error).toBeNull();
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "summary", "skills", "experience", "education"]);
    const skills = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id);
    expect(skills).toEqual(expect.arrayContaining(["kotlin", "go", "ktor", "postgresql", "redis", "kafka", "docker", "kubernetes", "terraform"]));
    // Lines and columns stay those of the source: "Kotlin" opens line 11.
    const kotlin = r.skills.find((s) => s.id === "kotlin")!.occurrences.find((o) => o.section === "skills")!;
    expect([kotlin.line, kotlin.column]).toEqual([11, 1]);
  });
  it("leaves a rule between paragraphs, and HTML that is not a lone break, as they were", async () => {
    const r = await lintText("# A\n\n## Skills\n\nGo, Rust\n\n<hr>\n\nKafka, Redis\n\n<div>\nJava, Kotlin\n</div>\n");
    expect(r.skills.map((s) => s.id).sort()).toEqual(["go", "java", "kafka", "kotlin", "redis", "rust"]);
    // The <div>'s text is read as the HTML it is (tests/html-in-markdown.test.ts), at its own line.
    const java = r.skills.find((s) => s.id === "java")!.occurrences[0]!;
    expect([java.line, java.column]).toEqual([12, 1]);
  });
});

describe("a plain-text CV kept in a Markdown code block", () => {
  it("is read as text, at its source lines and columns", async () => {
    const r = await lintFile(fixture("layouts/plain-text-in-fence.md"));
    expect(r.error).toBeNull();
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "summary", "experience", "skills", "education"]);
    const soap = r.skills.find((s) => s.id === "soap")!.occurrences[0]!;
    expect([soap.line, soap.column]).toEqual([19, 17]);
    expect(r.skills.find((s) => s.id === "kafka")!.sections).toEqual(expect.arrayContaining(["experience", "skills"]));
  });
  it("keeps code out of a CV that has prose of its own", async () => {
    const r = await lintText("# A\n\n## Experience\n\n- Built a billing API.\n\n```\nimport kafka from 'kafka'\n```\n");
    expect(r.skills.map((s) => s.id)).not.toContain("kafka");
    const t = await lintText("# A\n\n## Experience\n\n- Built a billing API.\n\n```text\nUsed Kafka for events.\n```\n");
    expect(t.skills.map((s) => s.id)).toContain("kafka");
  });
});

describe("a moderncv PDF (LaTeX), whose GitHub URL is only in a link annotation", () => {
  it("reads its sections and the link under the handle", async () => {
    const r = await lintFile(fixture("layouts/moderncv.pdf"));
    expect(r.error).toBeNull();
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "summary", "experience", "education", "skills", "other"]);
    // The page shows "gh lberger-dev"; https://github.com/lberger-dev is the annotation's target.
    const github = r.document!.links.find((l) => l.url === "https://github.com/lberger-dev");
    expect(github?.text).toMatch(/lberger-dev/);
    expect(r.findings.filter((f) => f.ruleId === "portfolio-link")).toEqual([]);
    // \cvitem{DevOps}{Docker, Kubernetes, Jenkins, Git}: a group label, not a listed skill.
    expect(r.skills.find((s) => s.id === "devops")).toBeUndefined();
    expect(r.skills.find((s) => s.id === "kubernetes")!.sections).toContain("skills");
  });
});

describe("contact links kept in Markdown front matter", () => {
  it("are links of the document, at their lines", async () => {
    const md = "---\nname: Sam Okafor\nheader:\n  - text: GitHub\n    link: https://github.com/samokafor\n---\n\n## Experience\n\n- Built a Go service for 3 teams.\n";
    const r = await lintText(md);
    expect(r.document!.links).toEqual([{ url: "https://github.com/samokafor", text: "https://github.com/samokafor", line: 5 }]);
    expect(r.findings.filter((f) => f.ruleId === "portfolio-link")).toEqual([]);
  });
});

describe("a wrapped skills line that starts with a group word", () => {
  it("does not take the word for a label when the line has other separators", async () => {
    const r = await lintText("# A\n\n## Skills\n\nKubernetes | Terraform | ELK\nStack | PagerDuty | Helm | Redis\n");
    const items = r.analysis!.items.filter((it) => it.lineIndex === r.document!.lines.findIndex((l) => l.text.startsWith("Stack")));
    expect(items.every((it) => it.label === null)).toBe(true);
  });
});

describe("skills lists written the ways READMEs and Jekyll CVs write them", () => {
  it("reads the alt text of skill badges and icons, not of a photo", async () => {
    const md = [
      "# Minh",
      "",
      "![Minh Tran](photo/minh-java.jpg)",
      "",
      "## Skills",
      "",
      "![Java](https://img.shields.io/badge/Java-007396?style=flat-square&logo=java)",
      "![Spring Boot](https://img.shields.io/badge/Spring%20Boot-6DB33F?logo=springboot)",
      '<img src="x.svg"> ![MariaDB](https://cdn.jsdelivr.net/gh/devicons/devicon/icons/mariadb/mariadb-original.svg)',
      "",
      "## Experience",
      "",
      "- Built a booking API in Java and Spring Boot on MariaDB for 500 requests a second.",
      "",
    ].join("\n");
    const r = await lintText(md);
    const listed = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id);
    expect(listed).toEqual(["java", "spring-boot", "mariadb"]);
    const java = r.skills.find((s) => s.id === "java")!.occurrences.find((o) => o.section === "skills")!;
    expect([java.line, java.column]).toEqual([7, 3]);
    expect(r.findings.filter((f) => f.ruleId === "unlisted-skills")).toEqual([]);
    expect(r.document!.lines.some((l) => l.text.includes("Minh Tran"))).toBe(false);
  });

  it("takes a dash between label and list for a label, and keeps CQRS and event sourcing apart", async () => {
    const md = "# A\n\n## Skills\n\n- **Databases** – `postgres`, `mongo`\n- **Messaging** - Kafka, RabbitMQ\n- **Well Versed With** – `CQRS`, `DDD` and `event sourcing`\n";
    const r = await lintText(md);
    expect(r.analysis!.items.map((it) => it.label)).toEqual(["Databases", "Databases", "Messaging", "Messaging", "Well Versed With", "Well Versed With", "Well Versed With"]);
    expect(r.findings.filter((f) => f.ruleId === "duplicate-skills" || f.ruleId === "skills-misgrouped")).toEqual([]);
    expect(r.analysis!.practices.map((s) => s.id)).toEqual(expect.arrayContaining(["cqrs", "ddd", "event-sourcing"]));
  });
});

describe("postings as careers pages keep them", () => {
  const tax = getTaxonomy();
  const posting = (name: string, text: string) => readPosting(name, tax, undefined, new TextEncoder().encode(text));

  it("reads a posting kept whole in front matter", async () => {
    const job = await posting("backend.md", '---\ntitle: "Backend Developer"\nrequirements:\n  - "Strong proficiency in Node.js, Python, or Java"\n  - "Knowledge of GraphQL"\nskills:\n  - "PostgreSQL"\n---\n');
    const ids = job.requirements.map((r) => r.ids.join("|"));
    expect(ids).toEqual(expect.arrayContaining(["nodejs|python|java", "graphql", "postgresql"]));
    expect(job.requirements.find((r) => r.ids.includes("graphql"))!.line).toBe(5);
  });

  it("knows 'You might be a fit if', 'You'll thrive if' and 'The ideal candidate' as requirements", async () => {
    const { classifyHeading } = await import("../src/document/headings.js");
    expect(["You might be a fit if", "You'll thrive if", "The ideal candidate", "What you'll bring"].map((h) => classifyHeading(h, "job")?.kind)).toEqual(["requirements", "requirements", "requirements", "requirements"]);
  });

  it("counts a named database for 'relational databases' and 'NoSQL'", async () => {
    const job = await posting("p.txt", "Requirements\n- Experience with relational databases and NoSQL stores.\n");
    const r = await lintFile(fixture("cv/tomas-novak-node.md"), { job });
    expect(r.job!.required.map((q) => [q.name, q.shown])).toEqual([
      ["Relational databases", "implied"],
      ["NoSQL", "implied"],
    ]);
  });
});

describe("a Europass CV (LaTeX europasscv)", () => {
  it("drops the template's footer, and reads the left-column labels as labels", async () => {
    const r = await lintFile(fixture("layouts/europass.pdf"));
    expect(r.error).toBeNull();
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "experience", "education", "skills"]);
    // "November 21, 2026 © European Union, 2002 – 2026 | https://europass.cedefop.europa.eu Page 1 / 1"
    expect(r.document!.lines.some((l) => /European Union|Page 1/.test(l.text))).toBe(false);
    // "Job-related skills Java, Kotlin, …", "Digital skills Linux, …", "Communication skills Clear
    // written communication, …": labels, and a soft skill's phrase, not unknown technologies.
    expect(r.skills.filter((s) => !s.known).map((s) => s.name)).toEqual([]);
    const labels = new Set(r.analysis!.items.map((it) => it.label));
    for (const label of ["Communication skills", "Job-related skills", "Digital skills"]) expect(labels).toContain(label);
    // The list wraps at the right column ("…, Oracle," / "Docker, Kubernetes, …"): still its group.
    expect(r.analysis!.items.find((it) => it.skillIds.includes("docker"))?.label).toBe("Job-related skills");
  });
});

describe("a CV laid out as a table in Word (Europass style)", () => {
  it("PDF: reads the page row by row, so each section keeps its content", async () => {
    const r = await lintFile(fixture("layouts/word-label-table.pdf"));
    expect(r.error).toBeNull();
    expect(r.document!.quality.columns).toBeFalsy();
    // Read column by column, the experience bullets and the skills list landed under PERSONAL SKILLS.
    const kafka = r.skills.find((s) => s.id === "kafka")!;
    expect(kafka.sections).toEqual(expect.arrayContaining(["experience", "skills"]));
    expect(r.skills.find((s) => s.id === "kotlin")!.occurrences[0]!.section).toBe("experience");
    expect(r.skills.filter((s) => !s.known).map((s) => s.name)).not.toContain("Marek Kowalski");
  });

  it("DOCX: a label in its own cell labels the list beside it", async () => {
    const r = await lintFile(fixture("layouts/word-label-table.docx"));
    expect(r.error).toBeNull();
    expect(r.findings.filter((f) => f.ruleId === "skills-categorized")).toEqual([]);
    expect(r.skills.filter((s) => !s.known).map((s) => s.name)).toEqual([]);
    expect(r.analysis!.items.find((it) => it.skillIds.includes("kotlin"))!.label).toBe("Job-related skills");
    // "Communication skills" labels "Mentoring, clear written communication" and stays a listed soft
    // skill, without the list beside it repeating it.
    expect(r.findings.filter((f) => f.ruleId === "duplicate-skills")).toEqual([]);
    expect(r.skills.find((s) => s.id === "communication")!.sections).toContain("skills");
  });
});

describe("section names of EU and British CVs", () => {
  it("knows Competences, Digital skills, Job-related skills, Strengths and Recent roles", async () => {
    const { classifyHeading } = await import("../src/document/headings.js");
    const kinds = ["Competences", "Key Competences", "Digital skills", "Job-related skills", "Personal skills", "Strengths", "Skills and Abilities", "Recent Roles"].map((h) => classifyHeading(h)?.kind);
    expect(kinds).toEqual(["skills", "skills", "skills", "skills", "skills", "skills", "skills", "experience"]);
  });
});

describe("stacks named by their acronym", () => {
  it("a MEAN Stack developer shows MongoDB, Express, Angular and Node.js in experience", async () => {
    // (React, a frontend extra on a backend CV, is not asked for evidence: ADVICE.md.)
    const md = "# A\n\n## Experience\n\n### MEAN Stack Developer at Contellect\n\n- Built document workflows for 40 clients.\n\n## Skills\n\n- **Stack**: Node.js, Express.js, MongoDB, Angular, React, Redis\n";
    const r = await lintText(md);
    const evidence = r.findings.filter((f) => f.ruleId === "skills-evidenced").map((f) => f.message);
    expect(evidence).toEqual(["'Redis' is listed but not shown in experience or projects; add a bullet where you used it, or drop it."]);
    expect(r.findings.filter((f) => f.ruleId === "skill-spelling")).toEqual([]);
  });
  it("does not read 'mean' or 'lamp' as English words for stacks", async () => {
    const r = await lintText("# A\n\n## Experience\n\n- Cut the mean latency by 30% and fixed a lamp controller.\n");
    expect(r.skills.map((s) => s.id)).not.toEqual(expect.arrayContaining(["mean-stack"]));
    expect(r.skills.map((s) => s.id)).not.toContain("lamp-stack");
  });
});

describe("a pdflatex CV without glyphtounicode", () => {
  it("reads the itemize bullets, which come out as a control character, as bullets", async () => {
    const r = await lintFile(fixture("layouts/pdflatex-itemize.pdf"));
    expect(r.error).toBeNull();
    const bullets = r.document!.lines.filter((l) => l.kind === "bullet");
    expect(bullets.map((l) => l.text.slice(0, 12))).toEqual(["Built a sett", "Cut PostgreS", "Developed Sp", "Automated de"]);
    expect(r.document!.lines.some((l) => /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(l.text))).toBe(false);
    // \textbullet between items (the same unmapped glyph inside a line) separates them as "•".
    expect(r.document!.lines.some((l) => l.text === "Italian • English • Spanish")).toBe(true);
    // Three of the four carry a figure (before, with no bullets seen, the rule had none to count).
    expect(r.findings.filter((f) => f.ruleId === "quantified-achievements")).toEqual([]);
  });
});

describe("groups run on in one line", () => {
  it("carlos-mendes-elixir: the PDF and DOCX join its 'Label — items' lines into one paragraph, and each label still holds its group", async () => {
    for (const ext of ["pdf", "word.pdf", "docx"]) {
      const r = await lintFile(fixture(`cv/carlos-mendes-elixir.${ext}`));
      const ruled = r.findings.filter((f) => ["skills-categorized", "skills-misgrouped", "skills-overload"].includes(f.ruleId));
      expect(ruled, ext).toEqual([]);
      expect(r.analysis!.items.find((it) => it.skillIds.includes("docker"))!.label, ext).toBe("Infra");
      // In the PDFs, "TDD" and "PostgreSQL" start wrapped lines ("… Absinthe Data —" / "PostgreSQL,
      // Mnesia, …"): they keep the label in force where the line before ends.
      const labelOf = (id: string) => r.analysis!.items.find((it) => it.skillIds.includes(id))!.label;
      expect([labelOf("tdd"), labelOf("postgresql"), labelOf("kubernetes")], ext).toEqual(["Practices", "Data", "Infra"]);
      // "… Rust, SQL Frameworks — Phoenix": SQL is the last language, not part of the label.
      expect(labelOf("sql"), ext).toBe("Languages");
    }
  });
  it("a list wrapped onto the next line keeps its label; a new line after a complete list does not", async () => {
    const labels = async (skills: string) => (await lintText(`# A\n\n## Skills\n\n${skills}\n`)).analysis!.items.map((it) => `${it.label}:${it.text}`);
    expect(await labels("Languages: Java, Python,\nGo, Rust")).toEqual(["Languages:Java", "Languages:Python", "Languages:Go", "Languages:Rust"]);
    expect(await labels("Languages: Java, Python\nDocker, Kubernetes")).toEqual(["Languages:Java", "Languages:Python", "null:Docker", "null:Kubernetes"]);
  });
  it("reads 'Languages: Java, Go | Databases: PostgreSQL, Kafka' as two groups", async () => {
    const r = await lintText("# A\n\n## Skills\n\nLanguages: Java, Go | Databases: PostgreSQL, Kafka\n");
    expect(r.analysis!.items.map((it) => [it.text, it.label])).toEqual([
      ["Java", "Languages"],
      ["Go", "Languages"],
      ["PostgreSQL", "Databases"],
      ["Kafka", "Databases"],
    ]);
    expect(r.findings.filter((f) => f.ruleId === "skills-misgrouped").map((f) => f.message)).toEqual(["'Apache Kafka' (messaging) is listed under 'Databases'; move it to a matching group."]);
  });
});

describe("skills sections with groups under their own headings", () => {
  // layouts/skills-subheadings: "## Technical Skills" with "### Languages", "### Frameworks",
  // "### Cloud / DevOps / Infrastructure", "### Soft Skills"… above bullet lists, as many
  // Markdown CVs have it. pandoc's PDF and LibreOffice's set those as bold lines, not headings.
  for (const ext of ["md", "pdf", "word.pdf", "docx"]) {
    it(`${ext}: the group headings stay in the skills section and label its items`, async () => {
      const r = await lintFile(fixture(`layouts/skills-subheadings.${ext}`));
      expect(r.error).toBeNull();
      // "### Languages" under the skills heading is a group of it, not the spoken-languages section
      // (which is the "## Languages" at the end).
      expect(r.sections.map((s) => s.kind)).toEqual(["header", "summary", "skills", "experience", "education", "other"]);
      const items = r.analysis!.items;
      const labelOf = (text: string) => items.find((i) => i.text === text)?.label;
      expect(labelOf("Java")).toBe("Languages");
      expect(labelOf("Hazelcast")).toBe("Databases");
      expect(labelOf("UNIX")).toBe("Cloud / DevOps / Infrastructure");
      expect(labelOf("Mentoring")).toBe("Soft Skills");
      // "- CI and QA" with bullets nested under it names their group (also in the PDFs, whose
      // nested bullets are indented): QA is not a skill listed, and "Tests:" is no "Languages" item.
      expect(labelOf("Pipelines: GitHub Actions")).toBeUndefined();
      expect(items.find((i) => i.text.endsWith("JUnit"))?.label).toBe("Tests");
      // "Spring Framework: Boot, Batch, Integration" names its modules.
      expect(items.filter((i) => i.label === "Spring Framework").flatMap((i) => i.skillIds)).toEqual(["spring-boot", "spring-batch", "spring-integration"]);
      const ruleIds = new Set(r.findings.map((f) => f.ruleId));
      expect(ruleIds.has("skills-categorized")).toBe(false);
      expect(ruleIds.has("technical-and-soft")).toBe(false);
      // A group's name is not a skill listed: "Monitoring / Observability" lists ELK and Prometheus.
      const listed = r.skills.filter((s) => s.sections.includes("skills")).map((s) => s.id);
      expect(listed).not.toContain("monitoring");
      expect(listed).not.toContain("qa");
      expect(r.skills.filter((s) => !s.known)).toEqual([]);
      expect(listed).toEqual(expect.arrayContaining(["java", "ruby", "sql", "spring-boot", "spring-batch", "rails", "angularjs", "react", "hazelcast", "elk", "unix", "junit", "mentoring"]));
      // AngularJS is not Angular; UNIX, JIRA, React.js and "ELK stack" are accepted spellings.
      expect(listed).not.toContain("angular");
      expect(r.findings.filter((f) => f.ruleId === "skill-spelling")).toEqual([]);
      // AngularJS is read as itself, not Angular; a frontend framework's language is not asked for
      // (ADVICE.md: a reader takes JavaScript under AngularJS as read; such a finding is noise).
      expect(r.findings.filter((f) => f.ruleId === "stack-coherence")).toEqual([]);
    });
  }
});

describe("headings that name a group of skills", () => {
  const sections = async (md: string) => (await lintText(md)).sections.map((s) => `${s.kind}:${s.heading}`);
  it("continue the skills section before them", async () => {
    const md = "# A\n\n## Programming Languages\n\nPython, Go, SQL\n\n## Web Frameworks\n\nDjango, FastAPI\n\n## DevOps & Tools\n\nDocker, Git\n\n## Experience\n\n- Built an API in Go.\n";
    expect(await sections(md)).toEqual(["header:null", "skills:Programming Languages", "experience:Experience"]);
  });
  it("open a skills section on a page of skills without a skills heading", async () => {
    const md = "### Front End\n\nHTML, CSS, JavaScript\n\n### Back End\n\nRuby on Rails, Node.js\n\n### Databases and version control\n\nPostgreSQL, Git\n";
    expect(await sections(md)).toEqual(["skills:Front End"]);
  });
  it("do not open one with words that head other things in other documents", async () => {
    expect(await sections("# A\n\n## Summary\n\nBackend engineer.\n\n## API\n\nDocs.\n\n## Development\n\nnpm test\n")).toEqual(["header:null", "summary:Summary", "other:API", "other:Development"]);
  });
});

describe("accepted spellings beside the canonical name", () => {
  it("UNIX and JIRA are not variants, and Unix and Jira are still found in any case", async () => {
    const r = await lintText("# A\n\n## Skills\n\n- Tools: UNIX, JIRA, unix, jira\n\n## Experience\n\n- Ran UNIX servers and planned in JIRA.\n");
    const ids = r.skills.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["unix", "jira"]));
    expect(r.skills.filter((s) => !s.known)).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === "skill-spelling").map((f) => f.message)).toEqual(["'unix' is usually written 'Unix'.", "'jira' is usually written 'Jira'."]);
  });
});

describe("nested skill groups in PDFs", () => {
  it("ben-carter-fullstack: the groups ('- Backend' above indented lists) label their items in every format", async () => {
    for (const ext of ["md", "docx", "pdf", "word.pdf"]) {
      const r = await lintFile(fixture(`cv/ben-carter-fullstack.${ext}`));
      expect(r.findings.filter((f) => f.ruleId === "skills-categorized"), ext).toEqual([]);
      expect(r.analysis!.items.find((i) => i.text.startsWith("Jest"))?.label, ext).toBe("Testing");
    }
  });
});

describe("a header with contact links in a column on the right", () => {
  it("reads the links with the header, not after the left column's sections", async () => {
    const r = await lintFile(fixture("layouts/header-links-right.pdf"));
    const doc = r.document!;
    const inSection = (kind: string) => doc.lines.filter((l) => doc.sections[l.section]!.kind === kind).map((l) => l.text);
    expect(inSection("header")).toEqual(["Ines Duarte", "ines.duarte@example.com", "Backend Developer", "github.com/iduarte-dev", "Porto, Portugal", "linkedin.com/in/inesduarte"]);
    expect(r.sections.map((s) => s.kind)).toEqual(["header", "experience", "projects", "skills", "education"]);
    // The gutter is about 0.2 in, and the dates right-aligned in the left column run up to it: the
    // columns still come apart.
    expect(inSection("skills")).toEqual(["SKILLS", "Kotlin", "Java", "Spring Boot", "PostgreSQL", "Kubernetes", "Helm", "Git"]);
    expect(inSection("experience")).toContain("Backend Developer, Lusopay 2021 – present");
    // "Source and docs on my GitHub" is the candidate's profile, not the tool.
    expect(r.skills.find((s) => s.id === "github")).toBeUndefined();
    expect(r.findings.filter((f) => f.ruleId === "portfolio-link")).toEqual([]);
  });
});
