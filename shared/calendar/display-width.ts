/**
 * How many terminal columns a string takes: Chinese characters and full-width punctuation take
 * two, combining marks and zero-width characters none. East Asian "ambiguous" characters (“ ” — …
 * ① and box drawing) take one unless the caller's terminal shows them wide.
 */

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const AMBIGUOUS: readonly (readonly [number, number])[] = [
  [0x00a1, 0x00a1],
  [0x00a7, 0x00a8],
  [0x00b0, 0x00b1],
  [0x00b7, 0x00b7],
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  [0x2010, 0x2027],
  [0x2030, 0x203e],
  [0x2190, 0x21ff],
  [0x2460, 0x24ff],
  [0x2500, 0x257f],
  [0x25a0, 0x25ff],
  [0x2605, 0x2606],
];

const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [a, b] of ranges) {
    if (cp < a) return false;
    if (cp <= b) return true;
  }
  return false;
}

export interface WidthOptions {
  /** Count East Asian ambiguous characters (“ ” — …) as two columns, as CJK-locale terminals do. */
  ambiguousWide?: boolean;
}

export function charWidth(cp: number, options: WidthOptions = {}): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (inRanges(cp, ZERO)) return 0;
  if (inRanges(cp, WIDE)) return 2;
  if (options.ambiguousWide && inRanges(cp, AMBIGUOUS)) return 2;
  return 1;
}

/** Columns the string takes in a terminal. */
export function displayWidth(text: string, options: WidthOptions = {}): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) ?? 0, options);
  return w;
}

/** Pads with spaces on the right to `width` columns (never cuts). */
export function padEnd(text: string, width: number, options: WidthOptions = {}): string {
  const missing = width - displayWidth(text, options);
  return missing > 0 ? text + " ".repeat(missing) : text;
}

/** Punctuation that must not start a line (Chinese line-breaking rules, 避头点). */
const NO_LINE_START = /^[，。、；：！？）》」』”’〕】,.;:!?)\]}]$/;
const ASCII_WORD_CHAR = /^[A-Za-z0-9_'-]$/;

/**
 * Breaks text into lines of at most `width` columns. Chinese breaks between any two characters,
 * except that closing punctuation never starts a line (the character before it comes along);
 * an ASCII word moves to the next line whole when it fits there.
 */
export function wrapToWidth(text: string, width: number, options: WidthOptions = {}): string[] {
  const max = Math.max(2, width);
  const lines: string[] = [];
  let line: string[] = [];
  let w = 0;
  const widthOf = (chars: readonly string[]): number => chars.reduce((a, c) => a + charWidth(c.codePointAt(0) ?? 0, options), 0);
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0) ?? 0, options);
    if (w + cw > max && line.length > 0) {
      let carry: string[] = [];
      if (NO_LINE_START.test(ch) && line.length > 1) {
        carry = line.splice(line.length - 1, 1);
      } else if (ASCII_WORD_CHAR.test(ch)) {
        let k = line.length;
        while (k > 0 && ASCII_WORD_CHAR.test(line[k - 1] ?? "")) k--;
        if (k > 0 && k < line.length && widthOf(line.slice(k)) + cw <= max) carry = line.splice(k);
      }
      const done = trimSpacesEnd(line.join(""));
      lines.push(done);
      line = carry;
      w = widthOf(carry);
      if (ch === " " && line.length === 0) continue;
    }
    line.push(ch);
    w += cw;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join(""));
  return lines;
}

/** Plain spaces off the end, walked by hand: / +$/ is retried at every space of a run (quadratic). */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}
