/**
 * A note as lines with their own line endings, so an edit can change some lines and give every
 * other byte back as it was. Lines are split where the engine splits them (normalize-text.ts), so
 * the engine's 1-based line numbers index this array directly.
 */
import { spliceAll } from "../collections/array-edit";

const EOL = /\r\n|\r|\n|\u2028|\u2029/g;

export interface NoteLines {
  lines: string[];
  /** The ending after each line ("" after the last one when the note does not end in a newline). */
  eols: string[];
  /** The ending new lines get: the note's first one, "\n" when it has none. */
  eol: string;
}

export function splitNoteLines(text: string): NoteLines {
  const lines: string[] = [];
  const eols: string[] = [];
  let last = 0;
  EOL.lastIndex = 0;
  for (let m = EOL.exec(text); m !== null; m = EOL.exec(text)) {
    lines.push(text.slice(last, m.index));
    eols.push(m[0]);
    last = m.index + m[0].length;
  }
  lines.push(text.slice(last));
  eols.push("");
  const first = eols.find((e) => e === "\r\n" || e === "\n" || e === "\r");
  return { lines, eols, eol: first ?? "\n" };
}

export function joinNoteLines(note: NoteLines): string {
  let out = "";
  for (let i = 0; i < note.lines.length; i++) out += (note.lines[i] ?? "") + (note.eols[i] ?? "");
  return out;
}

/**
 * Replaces lines [from, to) (0-based) with `replacement`, which end in the note's own ending; the
 * last replacement line keeps the ending the last replaced line had.
 */
export function spliceNoteLines(note: NoteLines, from: number, to: number, replacement: readonly string[]): void {
  const tailEol = to > from ? (note.eols[to - 1] ?? note.eol) : note.eol;
  const newEols = replacement.map((_, i) => (i === replacement.length - 1 ? tailEol : note.eol));
  if (to === from && from >= note.lines.length && replacement.length > 0) {
    // Appending after the last line: it needs an ending before the new lines.
    const lastIdx = note.lines.length - 1;
    if ((note.eols[lastIdx] ?? "") === "") note.eols[lastIdx] = note.eol;
    newEols[newEols.length - 1] = "";
  }
  spliceAll(note.lines, from, to - from, replacement);
  spliceAll(note.eols, from, to - from, newEols);
}
