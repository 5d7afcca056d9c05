/**
 * Lines the writer meant verbatim: fenced code (``` or ~~~, as CommonMark and Obsidian read it: an
 * unclosed fence runs to the end) and HTML comments (`<!-- … -->`, which Obsidian does not show).
 * Their text is never a task, a month or a title, so nothing in them is ticked or rewritten.
 */
import type { NormalizedLine } from "../normalize/normalize-text";

/** Reads lines in order and says of each whether it is fenced or commented out. */
export class VerbatimTracker {
  private fence: { char: string; length: number } | null = null;
  private comment = false;

  /** Whether the line after the ones seen so far, with this text, is verbatim. */
  isVerbatim(text: string): boolean {
    const fence = this.fence;
    if (fence) {
      if (runOf(text, fence.char) >= fence.length && text.slice(runOf(text, fence.char)).trim() === "") this.fence = null;
      return true;
    }
    if (this.comment) {
      if (text.indexOf("-->") >= 0) this.comment = false;
      return true;
    }
    const c = text.charAt(0);
    if ((c === "`" || c === "~") && runOf(text, c) >= 3) {
      // A backtick fence's info string cannot hold a backtick (CommonMark); then it is inline code.
      if (c === "`" && text.indexOf("`", runOf(text, c)) >= 0) return false;
      this.fence = { char: c, length: runOf(text, c) };
      return true;
    }
    if (text.startsWith("<!--")) {
      this.comment = text.indexOf("-->", 4) < 0;
      return true;
    }
    return false;
  }
}

/** One flag per line: true where the line is fenced or commented out. */
export function markVerbatim(lines: readonly NormalizedLine[]): boolean[] {
  const tracker = new VerbatimTracker();
  return lines.map((l) => tracker.isVerbatim(l.text));
}

function runOf(text: string, char: string): number {
  let n = 0;
  while (text.charAt(n) === char) n++;
  return n;
}
