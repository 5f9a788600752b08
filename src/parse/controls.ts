/**
 * Control characters and terminal escape sequences (ECMA-48) in extracted text, blanked to spaces
 * of the same length, so that every column stays where it was. A job posting pasted from a
 * terminal or a log can hold them ("\x1b[31mPostgreSQL\x1b[0m"): read as text, their parameters
 * became requirements ("2J", "0m") or stuck to the next word ("8mKubernetes") and hid it.
 *
 * Recognised, as a terminal reads them (a linear scan, one pass):
 * - CSI: ESC "[" or U+009B, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E;
 * - OSC, DCS, SOS, PM, APC: ESC "]", "P", "X", "^", "_" or U+009D, U+0090, U+0098, U+009E, U+009F,
 *   a string, then BEL, ESC "\" or U+009C (or the end of the line);
 * - other escapes: ESC, intermediate bytes 0x20–0x2F, one final byte 0x30–0x7E ("ESC c", "ESC ( B");
 * - any other C0 control but the tab, DEL, and C1 controls.
 */

const ESC = 0x1b;
const isControl = (c: number): boolean => (c < 0x20 && c !== 9) || (c >= 0x7f && c <= 0x9f);

/** Whether `text` holds a character neutralizeControls blanks. */
export function hasControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** Where a control string (OSC, DCS…) that starts its body at `i` ends: past its terminator, or the end of the text. */
function stringEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x07 || c === 0x9c) return i + 1;
    if (c === ESC && text.charCodeAt(i + 1) === 0x5c) return i + 2;
  }
  return text.length;
}

/** Where a CSI sequence whose parameters start at `i` ends (past its final byte; at a byte that cannot belong, the sequence ends there). */
function csiEnd(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
  const f = text.charCodeAt(i);
  return f >= 0x40 && f <= 0x7e ? i + 1 : i;
}

/** `text` with each control character and escape sequence blanked to spaces (the same length). */
export function neutralizeControls(text: string): string {
  if (!hasControls(text)) return text;
  let out = "";
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    if (c === 0x9b) end = csiEnd(text, i + 1);
    else if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) end = stringEnd(text, i + 1);
    else if (c === ESC && i + 1 < text.length) {
      const n = text.charCodeAt(i + 1);
      if (n === 0x5b) end = csiEnd(text, i + 2);
      else if (n === 0x5d || n === 0x50 || n === 0x58 || n === 0x5e || n === 0x5f) end = stringEnd(text, i + 2);
      else {
        let k = i + 1;
        while (k < text.length && text.charCodeAt(k) >= 0x20 && text.charCodeAt(k) <= 0x2f) k++;
        const f = text.charCodeAt(k);
        end = f >= 0x30 && f <= 0x7e ? k + 1 : i + 1;
      }
    }
    out += text.slice(from, i) + " ".repeat(end - i);
    from = i = end;
  }
  return out + text.slice(from);
}
