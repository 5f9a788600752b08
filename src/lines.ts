/**
 * The one line model of cvlint, shared by every reader, every reporter and --fix: a line ends at
 * "\n", "\r\n" or a bare "\r" (old Mac files, and files whose endings were mixed by editors);
 * U+2028 and U+2029 are characters inside a line, as in every editor cvlint's positions are read
 * in. A position is a 1-based line and column in this model, so it names the same character in
 * the source whatever its line endings.
 */

/** The lines of a text, without their line breaks. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The offset where each line starts (its break belongs to the line before). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes("\r")) {
    // (indexOf runs natively: most files have "\n" breaks only.)
    for (let j = text.indexOf("\n"); j >= 0; j = text.indexOf("\n", j + 1)) starts.push(j + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * The text with every line break written "\n": the same lines, each with the same characters at
 * the same columns, so that positions found in it are positions in the original (markdown-it
 * normalizes breaks the same way before it numbers lines).
 */
export function toLf(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
