/**
 * Lines the writer meant verbatim: fenced code (``` or ~~~, as CommonMark and Obsidian read it: an
 * unclosed fence runs to the end) and HTML comments (`<!-- … -->`, which Obsidian does not show).
 * Their text is never a task, a month or a title, so nothing in them is ticked or rewritten.
 */
import type { NormalizedLine } from "../normalize/normalize-text";

/** One flag per line from `from` on (indexed as `lines`): true where the line is fenced or commented out. */
export function markVerbatim(lines: readonly NormalizedLine[], from = 0): boolean[] {
  const out: boolean[] = new Array<boolean>(lines.length).fill(false);
  let fence: { char: string; length: number } | null = null;
  let comment = false;
  for (let i = from; i < lines.length; i++) {
    const text = (lines[i] as NormalizedLine).text;
    if (fence) {
      out[i] = true;
      if (runOf(text, fence.char) >= fence.length && text.slice(runOf(text, fence.char)).trim() === "") fence = null;
      continue;
    }
    if (comment) {
      out[i] = true;
      if (text.indexOf("-->") >= 0) comment = false;
      continue;
    }
    const c = text.charAt(0);
    if ((c === "`" || c === "~") && runOf(text, c) >= 3) {
      // A backtick fence's info string cannot hold a backtick (CommonMark); then it is inline code.
      if (c === "`" && text.indexOf("`", runOf(text, c)) >= 0) continue;
      out[i] = true;
      fence = { char: c, length: runOf(text, c) };
      continue;
    }
    if (text.startsWith("<!--")) {
      out[i] = true;
      comment = text.indexOf("-->", 4) < 0;
    }
  }
  return out;
}

function runOf(text: string, char: string): number {
  let n = 0;
  while (text.charAt(n) === char) n++;
  return n;
}
