/**
 * Array helpers for inputs of any size. `out.push(...items)` and `Math.max(...xs)` pass every
 * element as an argument, and past about 100,000 elements that overflows the stack (a CV pasted
 * into a 200,000-line code block, a PDF page of 150,000 lines: issue 24).
 */

/** Append `items` to `out`, one by one. */
export function pushAll<T>(out: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
  return out;
}

/** The largest of `f(x)` over `xs`; `empty` when there are none. */
export function maxOf<T>(xs: readonly T[], f: (x: T) => number, empty = -Infinity): number {
  let m = empty;
  for (let i = 0; i < xs.length; i++) {
    const v = f(xs[i]!);
    if (v > m) m = v;
  }
  return m;
}
