// Writes docs/rules/<id>.md and docs/score.md from the rule metadata and the examples below
// (run after `npm run build`). Edit the examples here; the rest comes from src/rules/*.ts.
import { writeFileSync } from "node:fs";
import { RULES } from "../dist/rules/index.js";

const EXAMPLES = {
  "skills-section": ["## Experience\n- Built Java services…\n(no skills section)", "## Technical Skills\n**Languages:** Java, SQL\n**Soft skills:** Communication"],
  "skills-categorized": ["## Skills\nJava, Kotlin, SQL, Spring Boot, Hibernate, PostgreSQL, Redis, Kafka, Docker, Kubernetes, Git", "## Skills\n**Languages:** Java, Kotlin, SQL\n**Frameworks:** Spring Boot, Hibernate\n**Databases:** PostgreSQL, Redis\n**Platform:** Kafka, Docker, Kubernetes, Git"],
  "technical-and-soft": ["## Skills\n**Languages:** Go, Python\n**Databases:** PostgreSQL", "## Skills\n**Languages:** Go, Python\n**Databases:** PostgreSQL\n**Soft skills:** Communication, Mentoring"],
  "backend-core": ["## Skills\nGo, Docker, Kubernetes", "## Skills\n**Languages:** Go\n**Databases:** PostgreSQL\n**Frameworks:** gRPC-Gateway, Gin\n**Tools:** Git, Docker, Kubernetes"],
  "skills-evidenced": ["## Skills\n**Languages:** Java, Scala\n## Experience\n- Built Java services for 3 teams.", "## Skills\n**Languages:** Java, Scala\n## Experience\n- Built Java services for 3 teams.\n- Rewrote the pricing engine in Scala, cutting latency by 40%."],
  "unlisted-skills": ["## Skills\n**Languages:** Java\n## Experience\n- Built a Kafka pipeline in Java.", "## Skills\n**Languages:** Java\n**Messaging:** Apache Kafka\n## Experience\n- Built a Kafka pipeline in Java."],
  "work-experience": ["# Dana Miller\n## Skills\n…\n## Projects\n- ledger-lite: a double-entry ledger in Go", "# Dana Miller\n## Experience\n### Backend Engineer, Acme (2020 – present)\n- Built …"],
  "action-verbs": ["- Responsible for the Jenkins build pipeline.\n- Worked on the migration to PostgreSQL.", "- Rebuilt the Jenkins pipeline, cutting build time from 40 to 12 minutes.\n- Migrated 14 services to PostgreSQL with zero downtime."],
  "quantified-achievements": ["- Built the billing API.\n- Improved search performance.\n- Maintained the CI pipeline.", "- Built the billing API used by 120 clinics.\n- Cut search latency from 1.2 s to 180 ms.\n- Kept the CI pipeline under 10 minutes for 40 services."],
  "profile-summary": ["# Dana Miller\n## Experience\n…", "# Dana Miller\n## Summary\nBackend engineer with 6 years in Java, Spring Boot and PostgreSQL, building payment APIs."],
  "skill-spelling": ["**Languages:** Javascript, Typescript\n**Databases:** MySql, mongo db", "**Languages:** JavaScript, TypeScript, NodeJS\n**Databases:** MySQL, MongoDB, Postgres"],
  "duplicate-skills": ["**Languages:** Go, Golang\n**Databases:** PostgreSQL, Postgres", "**Languages:** Go\n**Libraries:** node-postgres\n**Databases:** PostgreSQL"],
  "unknown-skill": ["**Platform:** Kubernets, Dockre", "**Platform:** Kubernetes, Docker"],
  "skills-overload": ["**Languages:** Java, Kotlin, Scala, Groovy, Python, Go, Rust, C, C++, C#, Ruby, PHP, Perl, Elixir, Erlang, Haskell, Lua, Dart, Swift, TypeScript", "**Languages:** Java, Kotlin, Python, SQL"],
  "skills-misgrouped": ["**Databases:** PostgreSQL, Kafka\n**Languages:** Java, Teamwork", "**Databases:** PostgreSQL\n**Messaging:** Kafka\n**Languages:** Java\n**Soft skills:** Teamwork"],
  "stack-coherence": ["## Skills\n**Frameworks:** Django\n## Experience\n- Built Django services for 8 teams.", "## Skills\n**Languages:** Python\n**Frameworks:** Django\n## Experience\n- Built Django services for 8 teams."],
  "portfolio-link": ["Dana Miller · dana@example.com · linkedin.com/in/dana", "Dana Miller · dana@example.com · github.com/danam"],
  "job-missing-skill": ["Posting — Requirements: Go, PostgreSQL, Kubernetes\nCV — Skills: Go, PostgreSQL", "Posting — Requirements: Go, PostgreSQL, Kubernetes\nCV — Skills: Go, PostgreSQL, Kubernetes"],
  "job-skill-not-listed": ["Posting — Requirements: Kafka\nCV — Skills: Java\n       Experience: - Built a Kafka pipeline…", "CV — Skills: Java, Apache Kafka\n     Experience: - Built a Kafka pipeline…"],
  "job-skill-order": ["Posting — Requirements: PostgreSQL\nCV — Databases: MySQL, MongoDB, PostgreSQL", "CV — Databases: PostgreSQL, MySQL, MongoDB"],
  "stray-markup": ["A PDF printed from a JSON Resume whose highlights hold HTML: Migrated <b>40 services</b> to Kubernetes.", "The same highlight in plain words: Migrated 40 services to Kubernetes."],
  "extraction-quality": ["A PDF whose fonts have no Unicode map (text comes out as (cid:12)(cid:34)…), or a scanned page", "A PDF exported from Word, Google Docs or LaTeX with real text"],
};

function optionsTable(rule) {
  const defaults = rule.meta.defaults;
  const keys = Object.keys(defaults);
  if (keys.length === 0) return "This rule has no options.";
  return ["| option | default |", "| --- | --- |", ...keys.map((k) => `| \`${k}\` | \`${JSON.stringify(defaults[k])}\` |`)].join("\n") + `\n\nSet them in a config file: \`"rules": { "${rule.name}": ["warning", { "${keys[0]}": ${JSON.stringify(defaults[keys[0]])} }] }\`.`;
}

for (const r of RULES) {
  const [bad, good] = EXAMPLES[r.name] ?? ["", ""];
  const strict = r.meta.strictSeverity ?? (r.meta.severity === "warning" ? "error" : r.meta.severity);
  const md = `# ${r.name}

${r.meta.description}

- Default severity: **${r.meta.severity}** (cvlint:strict: **${strict}**)
- Category: ${r.meta.category}
- Fixable with \`--fix\`: ${r.meta.fixable ? "yes, for whole items of a skills list in Markdown and text files (never a word in a sentence, a heading, a link, a code span or a longer name such as \`node-postgres\`)" : "no"}
- Score weight: ${r.meta.weight} (see [the score](../score.md))

## Why

The CV advice this rule applies: ${r.meta.advice}

## Messages

${Object.entries(r.meta.messages).map(([id, m]) => `- \`${id}\`: ${m}`).join("\n")}

## Examples

Reported:

\`\`\`markdown
${bad}
\`\`\`

Not reported:

\`\`\`markdown
${good}
\`\`\`

## Options

${optionsTable(r)}

Turn it off for one file with \`<!-- cvlint-disable ${r.name} -->\`, or everywhere with \`"${r.name}": "off"\` in \`.cvlintrc.json\` or \`--rule ${r.name}:off\`.
`;
  writeFileSync(new URL(`../docs/rules/${r.name}.md`, import.meta.url), md);
}

const total = RULES.reduce((n, r) => n + r.meta.weight, 0);
writeFileSync(
  new URL("../docs/score.md", import.meta.url),
  `# The score

Every result carries a \`score\` from 0 to 100. Each enabled rule can take away at most its
weight; how much it takes is its findings' extent (1 for most findings; rules that judge a share,
like \`quantified-achievements\` or \`skills-evidenced\`, report the share), capped at 1, times
1 for errors and warnings or 0.5 for info:

    score = round(100 × (1 − Σ weight × min(1, extent) × severity factor / Σ weight of enabled rules))

Rules that are \`off\` count in neither sum, and findings switched off by inline comments do not
count. Weights (total ${total}):

| rule | weight |
| --- | --- |
${RULES.map((r) => `| [${r.name}](rules/${r.name}.md) | ${r.meta.weight} |`).join("\n")}
`,
);
console.log(`docs/rules/*.md (${RULES.length}) and docs/score.md written`);
