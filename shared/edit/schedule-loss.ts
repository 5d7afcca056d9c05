/**
 * The guarantee behind "Normalize 行事历": every character the writer put in the old 行事历 is
 * somewhere in the new one, or the rewrite is refused and the user is told what would be lost.
 *
 * Some characters are structure the canonical form says another way, and only those are set
 * aside before counting: an item number (1、 （二）), a month heading's label (三月份 becomes
 * `### 2027年3月`), the list, box, heading and table syntax, the header and month cells of a
 * 行事历 table (its other columns become `[地点:: …]` on each task), a done cell (becomes [x]),
 * and the separators a line ends with. A day written in a month cell (3月8日) counts as kept
 * when the new text dates a task on that day. Everything else is counted, one by one, so two
 * copies of a word need two copies in the new text.
 */
import { foldKey } from "../normalize/fold";
import { matchItemNumber, matchMissingNumber } from "../outline/item-number";
import { matchMonthHeading } from "../schedule/month-heading";
import { monthCell, scheduleColumns } from "../schedule/schedule-table";
import { matchCheckbox } from "../tasks/task-serializer";

/** Punctuation the canonical form re-writes (separators, list and table syntax). */
const SYNTAX = new Set(Array.from("|-—–:：、.．,，;；。*+#>[]"));

export interface LostText {
  /** 1-based line of the old note. */
  line: number;
  /** The characters of that line missing from the new 行事历, in order. */
  text: string;
}

function isSeparatorRow(cells: readonly string[]): boolean {
  return cells.every((c) => /^:?[-－—\s]*:?$/.test(c));
}

function cellsOf(line: string): string[] {
  return line.replace(/^\s*\|/, "").replace(/\|\s*$/, "").split(/[|｜]/).map((c) => c.trim());
}

/** A line's text without the structure the canonical form re-expresses. */
function contentOf(raw: string, header: readonly string[] | null, newText: string): string {
  let t = raw.trim();
  if (t.startsWith("|")) {
    const cells = cellsOf(t);
    if (isSeparatorRow(cells)) return "";
    const cols = scheduleColumns(header ?? cells);
    if (!cols) return cells.join("");
    if (header === null) return cells.filter((_, i) => i !== cols.month && i !== cols.content && i !== cols.owner && i !== cols.done).join("");
    return cells
      .map((c, i) => {
        if (i === cols.done) return "";
        if (i !== cols.month) return c;
        const m = monthCell(c);
        return m ? keptDays(c.slice(m.label.length), m.months[0]?.month ?? 0, newText) : c;
      })
      .join("");
  }
  t = t.replace(/^#{1,6} +/, "");
  const box = matchCheckbox(t);
  if (box) t = t.slice(box.end);
  else t = t.replace(/^[-*+] +/, "");
  const key = foldKey(t);
  const num = matchItemNumber(key);
  const lost = num ? null : matchMissingNumber(key);
  const start = num ? num.textStart : (lost ?? 0);
  t = t.slice(start);
  const month = matchMonthHeading(foldKey(t).replace(/^[、.,;:\s]+/, ""));
  if (month) {
    const lead = t.length - t.replace(/^[、.,;:\s、．，；：]+/, "").length;
    t = t.slice(lead + month.labelEnd);
  }
  return t;
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) if (ch.trim() !== "") counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/**
 * What the old lines hold that the new ones do not. `oldLines` are [line number, text] pairs of the
 * old 行事历 block; `newText` is the whole rewritten block.
 */
export function lostCharacters(oldLines: readonly (readonly [number, string])[], newText: string): LostText[] {
  const available = countChars(newText);
  const out: LostText[] = [];
  let header: string[] | null = null;
  let prevTable = false;
  for (let k = 0; k < oldLines.length; k++) {
    const [line, raw] = oldLines[k] as readonly [number, string];
    const isTable = raw.trim().startsWith("|");
    let content: string;
    if (isTable && !prevTable) {
      // A table's first row is its header: a 行事历 table's column names are the column roles, and
      // the name of a column no row fills says nothing the new text could keep.
      const cells = cellsOf(raw.trim());
      header = scheduleColumns(cells) ? cells : null;
      const filled = filledColumns(oldLines, k + 1);
      content = header ? contentOf(`|${cells.map((c, i) => (filled.has(i) ? c : "")).join("|")}|`, null, newText) : cells.join("");
    } else {
      content = contentOf(raw, isTable ? header : null, newText);
    }
    prevTable = isTable;
    let missing = "";
    for (const ch of content) {
      if (ch.trim() === "" || SYNTAX.has(ch)) continue;
      const n = available.get(ch) ?? 0;
      if (n > 0) available.set(ch, n - 1);
      else missing += ch;
    }
    if (missing !== "") out.push({ line, text: missing });
  }
  return out;
}

/** Columns with text in some row of the table whose body starts at `from` (the separator row has none). */
function filledColumns(lines: readonly (readonly [number, string])[], from: number): Set<number> {
  const filled = new Set<number>();
  for (let k = from; k < lines.length; k++) {
    const raw = (lines[k] as readonly [number, string])[1].trim();
    if (!raw.startsWith("|")) break;
    const cells = cellsOf(raw);
    if (isSeparatorRow(cells)) continue;
    cells.forEach((c, i) => {
      if (c !== "") filled.add(i);
    });
  }
  return filled;
}

/** "8日" left from the month cell "3月8日" is kept when the new text dates a task on 03-08. */
function keptDays(content: string, month: number, newText: string): string {
  const m = /^ *(\d{1,2}) *[日号號]/.exec(content);
  if (!m) return content;
  const dated = new RegExp(`\\d{4}-${String(month).padStart(2, "0")}-${String(Number(m[1])).padStart(2, "0")}(?!\\d)`);
  return dated.test(newText) ? content.slice(m[0].length) : content;
}
