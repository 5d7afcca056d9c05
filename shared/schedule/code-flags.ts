/**
 * Sets of character codes asked of every line (a line's first or last character, the one after a
 * date): which sets each code is in is kept as bits of one table, so a code is asked with one load,
 * where a Set<number> is a call into V8's hash table.
 */
import { charCodeSet } from "./word-lookup";

const FLAGS = new Uint32Array(65536);
let sets = 0;

/** A set of character codes, asked as a Set is (`has`), by its bit in FLAGS. */
export class CodeFlag {
  constructor(readonly bit: number) {}

  /** Whether the code is in the set (never for -1 or NaN, which a read past a string's end gives). */
  has(c: number): boolean {
    return c >= 0 && ((FLAGS[c] as number) & this.bit) !== 0;
  }
}

export function codeFlag(codes: Iterable<number>): CodeFlag {
  // Thirty-two sets at most: one more would need a wider table.
  if (sets >= 32) throw new Error("code-flags: more sets than FLAGS has bits");
  const bit = 1 << sets++;
  for (const c of codes) FLAGS[c] = (FLAGS[c] as number) | bit;
  return new CodeFlag(bit);
}

/** The set of the characters of `chars`. */
export function flagOf(chars: string): CodeFlag {
  return codeFlag(charCodeSet(chars));
}
