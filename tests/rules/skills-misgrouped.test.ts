import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("skills-misgrouped", () => {
  it("passes items under matching labels (and labels it does not judge)", async () => {
    expect(await hits(cv(), "skills-misgrouped")).toEqual([]);
    expect(await hits(cv({ skills: "**Databases:** PostgreSQL, SQL\n\n**Cloud:** AWS, Amazon RDS, Docker\n\n**Tools:** Kafka, Jira, Communication" }), "skills-misgrouped")).toEqual([]);
  });

  it("lets a cloud's managed relational database sit under Databases (Google Cloud SQL, Azure SQL Database, beside Amazon RDS)", async () => {
    const md = cv({ skills: "**Languages:** Go\n\n**Databases:** PostgreSQL, Amazon RDS, Google Cloud SQL, Azure SQL Database\n\n**Tools:** Git" });
    expect(await hits(md, "skills-misgrouped")).toEqual([]);
  });

  it("reports an item under a label it does not belong to", async () => {
    const md = cv({ skills: "**Databases:** PostgreSQL, Kafka\n\n**Languages:** Java, Teamwork\n\n**Soft skills:** Communication, Docker" });
    const f = await details(md, "skills-misgrouped");
    expect(f.map((x) => [x.data.skill, x.data.label, x.line, x.column])).toEqual([
      ["Apache Kafka", "Databases", 11, 28],
      ["Teamwork", "Languages", 13, 22],
      ["Docker", "Soft skills", 15, 33],
    ]);
  });

  it("lets practices sit with soft skills ('Technical documentation')", async () => {
    expect(await hits(cv({ skills: "**Languages:** Java, SQL\n\n**Soft skills:** Communication, Technical documentation" }), "skills-misgrouped")).toEqual([]);
  });

  it("does not judge a group that follows an empty one: the layout may have mixed their items", async () => {
    const md = cv({ skills: "### Operating systems\n\n### Databases\n\nPostgreSQL, Ubuntu, CentOS\n\n### Languages\n\nJava, Teamwork" });
    expect((await details(md, "skills-misgrouped")).map((x) => [x.data.skill, x.data.label])).toEqual([["Teamwork", "Languages"]]);
  });
});
