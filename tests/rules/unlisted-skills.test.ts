import { describe, expect, it } from "vitest";
import { cv, details, hits } from "./harness.js";

describe("unlisted-skills", () => {
  it("passes when experience uses only listed skills (or what they imply)", async () => {
    expect(await hits(cv(), "unlisted-skills")).toEqual([]);
  });

  it("reports technologies used in experience and projects but not listed, as info, in one finding", async () => {
    const md = cv({ experience: "- Built a Kafka pipeline in Java feeding PostgreSQL, handling 5,000 events/s.", projects: "- Wrote a Redis-backed rate limiter in Java." });
    const f = await details(md, "unlisted-skills");
    // Adding them to the list is one edit (ADVICE.md): one finding, listing the other places.
    expect(f.map((x) => [x.messageId, x.data.skills, x.severity, x.line, x.also?.map((p) => p.line)])).toEqual([["unlistedMany", "'Apache Kafka' and 'Redis'", "info", 25, [29]]]);
    expect(f[0]!.message).toBe("'Apache Kafka' and 'Redis' are used in your experience or projects but not listed in the skills section.");
  });

  it("names a single one with its section", async () => {
    const md = cv({ projects: "- Wrote a Redis-backed rate limiter in Java." });
    expect((await details(md, "unlisted-skills")).map((x) => x.message)).toEqual(["'Redis' is used in your projects but not listed in the skills section."]);
  });

  it("does not ask to list concepts, practices or soft skills", async () => {
    const md = cv({ experience: "- Built microservices with REST APIs, CI/CD and caching under TDD; mentored 2 developers in Java." });
    expect(await hits(md, "unlisted-skills")).toEqual([]);
  });

  it("does not ask to list peripheral items, or a part of a family already listed", async () => {
    const md = cv({
      skills: "**Languages:** Java, SQL\n\n**Cloud:** AWS\n\n**Tools:** Docker, Git",
      experience: "- Moved 2 TB of files to Amazon S3 and ran Docker Compose stacks on Ubuntu from IntelliJ IDEA, with a React admin page in Java.",
    });
    expect(await hits(md, "unlisted-skills")).toEqual([]);
  });

  it("stays silent when the skills heading has nothing under it (a list cvlint did not read)", async () => {
    const md = cv({ skills: "", experience: "- Built a Kafka pipeline in Java feeding PostgreSQL, handling 5,000 events/s." });
    expect(await hits(md, "unlisted-skills")).toEqual([]);
  });

  it("counts a group of the list set under a heading of its own beside the skills section as listed (a sidebar's groups)", async () => {
    const full =
      "# Dana Miller\n\nBackend Engineer · github.com/danam\n\n## Skills\n\nCommunication, Mentoring\n\n## Craft\n\nJava, Kotlin, Spring Boot\n\n## Daily drivers\n\nPostgreSQL, Redis\n\n## Experience\n\n### Backend Engineer, Acme (2020 – present)\n\n- Built a Kotlin and Spring Boot API on PostgreSQL and Redis serving 40 clinics.\n- Wrote a Kafka consumer that handles 5,000 events/s.\n";
    expect((await details(full, "unlisted-skills")).map((f) => f.data.skill ?? f.data.skills)).toEqual(["Apache Kafka"]);
  });

  it("does not ask to list a tool used only in a role that ended long before the others", async () => {
    const md = cv({
      experience:
        "- Built a Spring Boot payments API in Java on PostgreSQL for 2 million requests a day.\n\n### Systems Administrator, Initech (2009 – 2012)\n\n- Ran 40 Perl scripts on Apache HTTP Server and MySQL.\n\n### Developer, Globex (2018 – 2020)\n\n- Built a Kafka pipeline in Java for 12 teams.",
    });
    expect((await details(md, "unlisted-skills")).map((f) => f.data.skill ?? f.data.skills)).toEqual(["Apache Kafka"]);
  });

  it("does not ask to list a tool named once in passing: in an internship beside other roles, or on a line about learning it", async () => {
    const md = cv({
      experience:
        "- Built a Spring Boot payments API in Java on PostgreSQL for 2 million requests a day.\n- Learned frameworks (Angular, Flask) in a weekly study group.\n\n### Software Engineering Intern, Initech (2019 – 2019)\n\n- Tech: Java, C++, RabbitMQ\n- Cut a RabbitMQ consumer's lag from minutes to seconds.",
    });
    // RabbitMQ is on two lines of the internship: part of the work, worth listing.
    expect((await details(md, "unlisted-skills")).map((f) => f.data.skill ?? f.data.skills)).toEqual(["RabbitMQ"]);
    // The title set right under the dates, as JSON Resume themes print it, is read too.
    const under = md.replace("### Software Engineering Intern, Initech (2019 – 2019)", "### Initech\n\n05/2019 – 09/2019\n\nSoftware Developer Intern");
    expect((await details(under, "unlisted-skills")).map((f) => f.data.skill ?? f.data.skills)).toEqual(["RabbitMQ"]);
    // A student's CV of internships has them as its work: their tools are asked for.
    const student = cv({
      experience: "- Built a Spring Boot payments API in Java on PostgreSQL for 3 teams.\n- Wrote a C++ parser for trade files, 2x faster.",
    }).replace("Backend Engineer, Acme", "Backend Intern, Acme");
    expect((await details(student, "unlisted-skills")).map((f) => f.data.skill ?? f.data.skills)).toEqual(["C++"]);
  });

  it("does not ask to list version control, nor a frontend host on a backend CV (trivial items a coach calls noise)", async () => {
    const md = cv({
      skills: "**Languages:** Java, SQL\n\n**Frameworks:** Spring Boot\n\n**Databases:** PostgreSQL",
      experience: "- Built a Spring Boot payments API in Java on PostgreSQL for 2 million requests a day.\n- Set up a Git workflow for 6 engineers.",
      projects: "- Status page in Java, deployed on Vercel, read by 300 users.",
    });
    expect(await hits(md, "unlisted-skills")).toEqual([]);
    // On a full-stack CV the frontend host is part of the work.
    const full = md.replace("Backend Engineer ·", "Full-Stack Engineer ·");
    expect((await details(full, "unlisted-skills")).map((f) => f.data.skill ?? f.data.skills)).toEqual(["Vercel"]);
  });
});
