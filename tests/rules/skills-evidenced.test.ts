import { describe, expect, it } from "vitest";
import { cv, details, hits, lint } from "./harness.js";

describe("skills-evidenced", () => {
  it("passes when every listed technical skill shows in experience or projects", async () => {
    expect(await hits(cv(), "skills-evidenced")).toEqual([]);
  });

  it("counts a skill implied by one used in experience (SQL through PostgreSQL)", async () => {
    const md = cv({ skills: "**Languages:** Java, SQL\n\n**Databases:** PostgreSQL", experience: "- Built a Spring Boot service on PostgreSQL for 40 clinics." });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("counts Amazon RDS as shown by Aurora, an RDS engine (a product implies its service family)", async () => {
    const md = cv({ skills: "**Cloud:** AWS, Amazon RDS\n\n**Languages:** Go", experience: "- Upgraded an AWS Aurora PostgreSQL cluster for 30 Go services with no downtime." });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("counts an item naming a product and a concept over shared words ('Serverless Framework/Architecture') as shown by the concept's work", async () => {
    const skills = "**Languages:** Java, SQL\n\n**Cloud:** AWS, Serverless Framework/Architecture\n\n**Databases:** PostgreSQL";
    const shown = cv({ skills, experience: "- Built a Java REST API on AWS in a serverless architecture, storing orders in PostgreSQL." });
    expect(await hits(shown, "skills-evidenced")).toEqual([]);
    // Two products over shared words are each a claim of their own: Spring Cloud is not shown by Spring Boot.
    const products = cv({ skills: "**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot/Cloud\n\n**Databases:** PostgreSQL" });
    expect((await details(products, "skills-evidenced")).map((f) => f.data.skill)).toEqual(["Spring Cloud"]);
    // Nor is the framework shown when the work names neither.
    const unshown = cv({ skills, experience: "- Built a Java REST API on AWS, storing orders in PostgreSQL." });
    expect((await details(unshown, "skills-evidenced")).map((f) => f.data.skill)).toEqual(["Serverless Framework"]);
  });

  it("names each listed skill nobody can see used, where it is listed", async () => {
    const md = cv({ skills: "**Languages:** Java, Scala\n\n**Messaging:** RabbitMQ\n\n**Soft skills:** Teamwork" });
    expect((await details(md, "skills-evidenced")).map((f) => [f.data.skill, f.line, f.column])).toEqual([
      ["Scala", 11, 22],
      ["RabbitMQ", 13, 16],
    ]);
  });

  it("gives one finding per group of the list, naming every unused skill in it and listing their places", async () => {
    const md = cv({ skills: "**Languages:** Java, Scala, Kotlin, Groovy\n\n**Messaging:** RabbitMQ" });
    const found = await details(md, "skills-evidenced");
    expect(found.map((f) => [f.line, f.column, f.data.skills ?? f.data.skill])).toEqual([
      [11, 22, "'Scala', 'Kotlin' and 'Groovy'"],
      [13, 16, "RabbitMQ"],
    ]);
    expect(found[0]!.message).toBe("'Scala', 'Kotlin' and 'Groovy' are listed but not shown in experience or projects; add bullets where you used them, or drop them.");
    // One finding per edit (ADVICE.md): the other skills of the group are its other places.
    expect(found[0]!.also!.map((p) => [p.line, p.column])).toEqual([
      [11, 29],
      [11, 37],
    ]);
  });

  it("gives one finding for a list without labels, one skill a line", async () => {
    const md = cv({ skills: "- Java\n- Scala\n- Kotlin\n- PostgreSQL" });
    const found = await details(md, "skills-evidenced");
    expect(found.map((f) => [f.line, f.data.skills])).toEqual([[12, "'Scala' and 'Kotlin'"]]);
  });

  it("counts skills shown through what they imply, in any role however old", async () => {
    const md = cv({
      skills: "**Languages:** Java, C#, Python\n\n**Frameworks:** ASP.NET Core, Spring Boot",
      experience: "- Built a booking site in .NET Core with Razor Pages for 12 hotels.\n- Shipped payment APIs in Spring Boot, cutting checkout time by 30%.\n\n### Intern, Oldco (2009)\n\n- Wrote Python scripts that cut a weekly report from 4 hours to 10 minutes.",
    });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("does not ask evidence for peripheral items: IDEs, operating systems, formats, frontend extras on a backend CV", async () => {
    const md = cv({ skills: "**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot, React\n\n**Databases:** PostgreSQL\n\n**Tools:** IntelliJ IDEA, Git, Docker, JSON\n\n**OS:** Ubuntu, macOS" });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("asks evidence for frontend frameworks on a full-stack CV", async () => {
    const md = cv({ header: "Full-stack engineer · dana@example.com · github.com/danam", skills: "**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot, React\n\n**Databases:** PostgreSQL" });
    expect((await details(md, "skills-evidenced")).map((f) => f.data.skill)).toEqual(["React"]);
  });

  it("counts projects as evidence, and unknown listed items too", async () => {
    const md = cv({ skills: "**Databases:** PostgreSQL, Tarantool", projects: "- Built a queue on Tarantool for 1,000 jobs a second." });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("says nothing without experience or projects", async () => {
    expect(await hits(cv({ experience: null }), "skills-evidenced")).toEqual([]);
  });

  it("takes the candidate's own wording of a listed skill as evidence: run together, singular, or an English word with its capital (ADVICE.md)", async () => {
    const md = cv({
      skills: "**Databases:** SQL Server, PostgreSQL\n\n**Frameworks:** Spring Data JPA\n\n**Infrastructure:** Chef, Packer, GitHub Actions",
      experience:
        "- Moved 14 reports from SQLServer to PostgreSQL with SpringData-JPA repositories.\n- Migrated 300 hosts from Chef to Ansible and wrote the Packer build for base images.\n- Wrote a Github Action that labels 40 pull requests a day.",
    });
    expect(await hits(md, "skills-evidenced")).toEqual([]);
  });

  it("still asks for a listed English-word name written in lower case or opening the line", async () => {
    const md = cv({ skills: "**Infrastructure:** Chef, Packer", experience: "- Cooked for the chef of 12 teams.\n- Packer of 40 parcels a day." });
    expect((await details(md, "skills-evidenced")).map((f) => f.data.skills)).toEqual(["'Chef' and 'HashiCorp Packer'"]);
  });

  it("does not ask for evidence of skills the list marks as known a little (Familiar with …, (familiar))", async () => {
    const md = cv({
      skills: "**Languages:** Java, SQL, Go (familiar), Rust\n\n**Frameworks:** Spring Boot\n\n**Databases:** PostgreSQL\n\n- Familiar with AWS services – S3, Lambda, EC2",
    });
    const f = await details(md, "skills-evidenced");
    expect(f.map((x) => x.data.skill ?? x.data.skills)).toEqual(["Rust"]);
  });

  it("takes a bullet naming a service by its provider and its kind as the service ('AWS serverless' is AWS Lambda; a coach's wrong finding)", async () => {
    const md = cv({
      skills: "**Languages:** Java, SQL\n\n**Cloud:** AWS, AWS Lambda, Azure Functions\n\n**Databases:** PostgreSQL",
      experience: "- Architected AWS serverless infrastructure for a payments API in Java on PostgreSQL, serving 2 million requests a day.\n- Ran Azure backups for 4 teams.\n- Moved 12 nightly jobs to serverless workers.",
    });
    // Azure and serverless on two lines do not show Azure Functions.
    expect((await details(md, "skills-evidenced")).map((x) => x.data.skill ?? x.data.skills)).toEqual(["Azure Functions"]);
  });

  it("does not read a generated vocabulary's name out of a hyphenated word ('Bare-Metal' is not Metal)", async () => {
    const md = cv({ skills: "**Languages:** Java, SQL\n\n**Platforms:** Bare-Metal Kubernetes, Docker\n\n**Databases:** PostgreSQL" });
    const f = await lint(md);
    expect(f.filter((x) => x.message.includes("'Metal'"))).toEqual([]);
    expect((await details(md, "skills-evidenced")).map((x) => x.data.skill ?? x.data.skills)).toEqual(["Kubernetes"]);
  });
});
