/**
 * Terminal-safe text. A CV is untrusted: a control character or an escape sequence in its text
 * (ESC, CSI as U+009B, BEL, backspace, a bare carriage return) would be obeyed by a terminal
 * that prints it: clear the screen, set the window title, hide or overwrite what cvlint reports.
 * Every format meant for a terminal (stylish, text, skills, github) shows such characters escaped
 * as \xHH; JSON shows them only as JSON escapes (\u001b, \u009b).
 */

/** C0 controls but the tab, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** `s` with its control characters written \xHH (a tab is kept). */
export function escapeControls(s: string): string {
  return CONTROL.test(s) ? s.replace(CONTROLS, hex) : s;
}

/**
 * Escape, in place, every string held by `value` (results, a document, an analysis) before a
 * terminal format renders it: messages, file names, headings, skills and lines alike. Objects
 * reached twice (an analysis refers to its document) are walked once.
 */
export function terminalSafe<T>(value: T, skip?: ReadonlySet<string>): T {
  const seen = new Set<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return escapeControls(v);
    if (v === null || typeof v !== "object" || seen.has(v) || ArrayBuffer.isView(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        const y = walk(x);
        if (y !== x) v[i] = y;
      }
    } else if (v instanceof Map) {
      for (const [k, x] of v) {
        const y = walk(x);
        if (y !== x) v.set(k, y);
      }
    } else if (!(v instanceof Set)) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (skip?.has(k)) continue;
        const x = o[k];
        const y = walk(x);
        if (y !== x) o[k] = y;
      }
    }
    return v;
  };
  walk(value);
  return value;
}

/**
 * Keys of a lint result that the terminal reports (stylish, compact, github) do not render: the
 * document, the analysis and the source (kept for --fix and html), and where each skill occurs.
 * Walking them escaped nothing shown and took most of a report's time on a large file (issue 24).
 */
const UNRENDERED = new Set(["document", "analysis", "source", "occurrences"]);

/** terminalSafe for results about to be rendered by a terminal report. */
export function terminalSafeResults<T>(results: T): T {
  return terminalSafe(results, UNRENDERED);
}

/** DEL and C1 controls, which JSON.stringify leaves as they are (it escapes only U+0000–U+001F). */
const C1 = /[\u007f-\u009f]/g;

/** JSON text with DEL and C1 controls written as JSON escapes too. */
export function escapeJsonControls(json: string): string {
  return /[\u007f-\u009f]/.test(json) ? json.replace(C1, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : json;
}
