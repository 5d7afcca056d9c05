/**
 * Trims characters from the end of a string by walking back. A pattern such as /[。；;]+$/ is tried at
 * every position of a long run and rescans it each time (quadratic); this is linear.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  // By char code: charAt would make a string of every CJK character it looks at.
  while (end > 0 && hasCode(chars, text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function hasCode(chars: string, code: number): boolean {
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === code) return true;
  return false;
}

/** Whitespace as \s sees it, for trimEndOf. */
export const SPACES = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** Whether a character code is whitespace as \s sees it (one of SPACES), without a pattern call. */
export function isSpaceCode(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
