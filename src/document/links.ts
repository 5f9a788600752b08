import { hasWww } from "../match/scan.js";
import type { Link } from "../types.js";
import { oneOf, trimEndWhile } from "../trim.js";

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+|\b(?:github|gitlab|linkedin|bitbucket|codeberg|stackoverflow)\.(?:com|org|io)\/[^\s<>()"']+/gi;

/** URLs written out in a line of text (PDF, DOCX and plain text have no link markup). */
export function findLinks(text: string, line: number): Link[] {
  const links: Link[] = [];
  // Every URL_RE match holds a "/" or "www.": most lines have neither, and skip the expression.
  if (!text.includes("/") && !hasWww(text)) return links;
  for (const m of text.matchAll(URL_RE)) {
    const url = trimEndWhile(m[0], oneOf(".,;:"));
    links.push({ url, text: url, line });
  }
  return links;
}
