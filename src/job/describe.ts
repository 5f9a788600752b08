/** What a requirement's description needs: a posting's requirement, or the `job` JSON's. */
export interface Describable {
  name: string;
  names?: string[];
  anyOf: string | null;
  head?: string;
}

/**
 * A requirement as a reader should see it: "one of Java, Kotlin" for alternatives, "CI/CD (e.g.
 * GitHub Actions, GitLab CI: any of them)" for examples of what they illustrate, else its name.
 */
export function describeRequirement(r: Describable): string {
  const names = r.names ?? [];
  if (names.length < 2) return r.name;
  if (r.anyOf === "examples" && r.head) {
    const rest = names.filter((n) => n !== r.head);
    return `${r.head} (e.g. ${rest.join(", ")}: any of them)`;
  }
  if (r.anyOf) return `one of ${names.join(", ")}`;
  return r.name;
}
