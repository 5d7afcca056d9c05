/**
 * An item a PDF or a narrow page broke over lines, joined again: no space where CJK text meets.
 * The pieces are joined once, at the end (only their own first and last characters are looked at):
 * growing one string line by line would copy it whole at every join.
 */
export function joinBrokenLines(first: string, rest: readonly string[]): string {
  const parts = [first];
  let prev = first;
  for (const next of rest) {
    if (!JOINS_WITHOUT_SPACE.test(prev.charAt(prev.length - 1)) && !JOINS_WITHOUT_SPACE.test(next.charAt(0))) parts.push(" ");
    parts.push(next);
    prev = next;
  }
  return parts.join("");
}

const JOINS_WITHOUT_SPACE = /^[\u4e00-\u9fff，。、“”]$/;
