/**
 * Sets, adds or removes top-level keys in a note's YAML frontmatter, and touches no other line:
 * the rest of the frontmatter and the body come back byte for byte (line endings included). Used
 * to bring a review from Notion (review-status, review-comment) into a plan note. Each value is
 * written on one line that the registered YAML codec reads back unchanged, and the block is read
 * again after the edit: an edit that would not read back as asked is refused (it throws) rather
 * than written.
 */
import { frontmatterLine, parseFrontmatterBlock } from "../markdown/frontmatter";
import { joinNoteLines, spliceNoteLines, splitNoteLines } from "./note-lines";

/** A YAML scalar for one line that reads back as `value` (kept for callers of the old name). */
export function yamlValue(value: string): string {
  return frontmatterLine("k", value).slice(3);
}

/** The key a top-level `key: …` line sets, found with indexOf (linear on any line). */
function keyOf(line: string): string | null {
  if (line === "" || /^[\s#'"]/.test(line)) return null;
  let colon = line.indexOf(":");
  while (colon >= 0 && colon + 1 < line.length && !/\s/.test(line.charAt(colon + 1))) colon = line.indexOf(":", colon + 1);
  if (colon <= 0) return null;
  const key = line.slice(0, colon).trimEnd();
  return key === "" ? null : key;
}

/** Lines after a key line that belong to its value: indented, list items, and blank lines inside them. */
function valueEnd(lines: readonly string[], at: number, close: number): number {
  let end = at + 1;
  let scan = at + 1;
  while (scan < close) {
    const l = lines[scan] ?? "";
    if (l.trim() === "") {
      scan++;
      continue;
    }
    if (!/^(\s|- |-$)/.test(l)) break;
    scan++;
    end = scan;
  }
  return end;
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
    const added = entries.filter(([, v]) => v !== null).map(([k, v]) => frontmatterLine(k, v as string));
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
    const line = value === null ? null : frontmatterLine(key, value);
    if (at < 0) {
      if (line === null) continue;
      spliceNoteLines(note, close, close, [line]);
      // The new line took the closing fence's place: give the fence back its own ending.
      close++;
      changed = true;
      continue;
    }
    const end = valueEnd(note.lines, at, close);
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
  if (!changed) return text;
  // Read the block again, as the engine will: what was asked must be what a reader now finds.
  const values = parseFrontmatterBlock(note.lines.slice(1, close).join("\n"));
  for (const [key, value] of entries) {
    if ((values[key] ?? null) !== value) throw new Error(`frontmatter: ${key} would not read back as written; the note was not changed`);
  }
  return joinNoteLines(note);
}
