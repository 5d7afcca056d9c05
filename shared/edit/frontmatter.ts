/**
 * Sets, adds or removes top-level keys in a note's YAML frontmatter, and touches no other line:
 * the rest of the frontmatter and the body come back byte for byte (line endings included). Used
 * to bring a review from Notion (review-status, review-comment) into a plan note.
 */
import { yamlScalar } from "../markdown/frontmatter";
import { joinNoteLines, spliceNoteLines, splitNoteLines } from "./note-lines";

/** A YAML scalar for one line: bare when safe, else double-quoted (JSON escapes are valid YAML). */
export function yamlValue(value: string): string {
  if (/[\n\r\t\u2028\u2029]/.test(value)) return JSON.stringify(value);
  return yamlScalar(value);
}

function keyOf(line: string): string | null {
  // Greedy up to the first ":" and trimmed after: a lazy key followed by \s* rescanned every run of
  // spaces once per character (quadratic on a long line).
  const m = /^([^\s#:'"][^:]*):(\s|$)/.exec(line);
  return m?.[1]?.trimEnd() ?? null;
}

/**
 * `fields`: key → new value, or null to remove the key. Creates the frontmatter when the note
 * has none (and some value is not null). Keys are written in the order given when added.
 */
export function setFrontmatterFields(text: string, fields: Record<string, string | null>): string {
  const note = splitNoteLines(text);
  const entries = Object.entries(fields);
  let close = -1;
  if (note.lines[0] === "---") {
    for (let i = 1; i < note.lines.length; i++) {
      const l = note.lines[i];
      if (l === "---" || l === "...") {
        close = i;
        break;
      }
    }
  }
  if (close < 0) {
    const added = entries.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${yamlValue(v as string)}`);
    if (added.length === 0) return text;
    const head = ["---", ...added, "---"];
    if (text === "") return `${head.join(note.eol)}${note.eol}`;
    spliceNoteLines(note, 0, 0, head);
    return joinNoteLines(note);
  }
  let changed = false;
  for (const [key, value] of entries) {
    // Where the key is, and the lines that continue its value (indented, or a list under it).
    let at = -1;
    for (let i = 1; i < close; i++) {
      if (keyOf(note.lines[i] ?? "") === key) {
        at = i;
        break;
      }
    }
    const line = value === null ? null : `${key}: ${yamlValue(value)}`;
    if (at < 0) {
      if (line === null) continue;
      spliceNoteLines(note, close, close, [line]);
      // The new line took the closing fence's place: give the fence back its own ending.
      close++;
      changed = true;
      continue;
    }
    let end = at + 1;
    while (end < close && /^(\s|- |-$)/.test(note.lines[end] ?? "")) end++;
    if (line !== null && end === at + 1 && note.lines[at] === line) continue;
    if (line === null) {
      note.lines.splice(at, end - at);
      note.eols.splice(at, end - at);
      close -= end - at;
    } else {
      spliceNoteLines(note, at, end, [line]);
      close -= end - at - 1;
    }
    changed = true;
  }
  return changed ? joinNoteLines(note) : text;
}
