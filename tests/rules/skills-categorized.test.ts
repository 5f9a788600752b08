import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

const many = "Java, Kotlin, SQL, Spring Boot, Hibernate, PostgreSQL, Redis, Kafka, Docker, Kubernetes, Git, AWS";

describe("skills-categorized", () => {
  it("passes for labelled lines, sub-headings, nested bullets, or a short list", async () => {
    expect(await hits(cv(), "skills-categorized")).toEqual([]);
    expect(await hits(cv({ skills: "### Languages\n\n- Java\n- Kotlin\n- SQL\n\n### Data\n\n- PostgreSQL\n- Redis\n- Kafka\n\n### Platform\n\n- Docker\n- Kubernetes\n- AWS\n- Git" }), "skills-categorized")).toEqual([]);
    expect(await hits(cv({ skills: "- Backend\n  - Java, Kotlin, SQL, Spring Boot\n- Data\n  - PostgreSQL, Redis, Kafka\n- Platform\n  - Docker, Kubernetes, AWS, Git" }), "skills-categorized")).toEqual([]);
    expect(await hits(cv({ skills: "Java, SQL, Spring Boot, PostgreSQL, Git" }), "skills-categorized")).toEqual([]);
  });

  it("reports a long flat list at the skills heading", async () => {
    expect(await hits(cv({ skills: many }), "skills-categorized")).toEqual([["ungrouped", 9, 4]]);
    expect(await hits(cv({ skills: many.split(", ").map((s) => `- ${s}`).join("\n") }), "skills-categorized")).toEqual([["ungrouped", 9, 4]]);
  });

  it("has a configurable threshold", async () => {
    expect(await hits(cv({ skills: many }), "skills-categorized", { "skills-categorized": ["warning", { minSkills: 20 }] })).toEqual([]);
  });

  it("sees groups set apart without a colon: a short title line over its items, or words before an item's first skill", async () => {
    const titled = "Infrastructure and Cloud\n\nTerraform, AWS, Docker, Kubernetes\n\nData Platform\n\nSnowflake, PostgreSQL, Redis\n\nAnalytics Engineering\n\ndbt, Airflow, Kafka";
    expect(await hits(cv({ skills: titled }), "skills-categorized")).toEqual([]);
    const lead = "Extensive Python, Java, Go, SQL\n\nDatabases PostgreSQL, MySQL, Redis\n\nWeb HTML, CSS, Django, Flask";
    expect(await hits(cv({ skills: lead }), "skills-categorized")).toEqual([]);
  });

  it("tells a list whose items are phrases so, in one finding (a coach's advice no finding gave)", async () => {
    const md = cv({
      skills:
        "**Languages:** Java, SQL\n\n**Databases:** PostgreSQL, Redis\n\n**Leadership:** Mentoring, Run and moderate meetings such as Retrospectives, Eye for process improvements and bottlenecks, Empathy",
    });
    const f = await details(md, "skills-categorized");
    expect(f.map((x) => [x.messageId, x.line, x.column])).toEqual([["phrases", 15, 28]]);
    expect(f[0]!.message).toBe(
      "2 items of the skills list are phrases, not skills ('Run and moderate meetings such as Retrospectives', 'Eye for process improvements and bottlenecks'); name the skill in a word or two and tell the rest in experience.",
    );
    // Two names joined by 'and', a long product name, a parenthesis of examples, or one phrase alone: nothing.
    const names = cv({
      skills:
        "**Languages:** Java, SQL\n\n**Practices:** Design patterns and object-oriented design, Root cause analysis and problem-solving\n\n**Cloud:** Amazon Elastic Kubernetes Service, AWS (S3, Lambda, EC2 and the CDK)\n\n**Team:** Run and moderate meetings such as Retrospectives",
    });
    expect(await hits(names, "skills-categorized")).toEqual([]);
  });
});
