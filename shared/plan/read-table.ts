/** A 行事历 written as a Markdown pipe table: its rows become months and tasks, by its header's columns. */
import type { Diagnostic, ScheduleMonth } from "./types";
import type { TokenLine } from "./line-token";
import type { OutlineBuilder } from "../outline/outline-builder";
import { monthCell, scheduleColumns, splitContentCell, tableDetails } from "../schedule/schedule-table";
import type { AddTask } from "./make-task";

/** A table row's cells; the |---| separator row has none. */
function cellsAt(tokens: readonly TokenLine[], i: number): string[] | null {
  const tok = tokens[i]?.token;
  return tok?.kind === "table-row" ? tok.cells : null;
}

/**
 * Whether the row at `i` goes on the table that starts at `start`. A table is a run of table rows;
 * Markdown ends one at a blank line, but a page pasted from Word or the web puts a blank line
 * between all its lines: after blank lines, a row goes on when it has the header's cells and
 * heads no table of its own (no |---| row right under it).
 */
function goesOn(tokens: readonly TokenLine[], start: number, i: number): boolean {
  const cells = cellsAt(tokens, i);
  if (cells === null) return false;
  if ((tokens[i] as TokenLine).line === (tokens[i - 1] as TokenLine).line + 1) return true;
  const header = cellsAt(tokens, start) ?? [];
  const under = cellsAt(tokens, i + 1);
  return cells.length === 0 || (cells.length === header.length && !(under !== null && under.length === 0));
}

/** Reads a pipe table starting at `start`; returns the index after it. */
export function readTable(
  tokens: readonly TokenLine[],
  start: number,
  schedule: ScheduleMonth[],
  outline: OutlineBuilder,
  addTask: AddTask,
  diagnostics: Diagnostic[],
): number {
  let end = start + 1;
  while (end < tokens.length && goesOn(tokens, start, end)) end++;
  const rows = tokens.slice(start, end);
  const header = rows[0]?.token.kind === "table-row" ? rows[0].token.cells : [];
  const cols = scheduleColumns(header);
  if (!cols) {
    // Not a 行事历 table: its rows stay as written.
    for (const r of rows) if (r.token.kind === "table-row") outline.addParagraph(r.token.text, r.line);
    return end;
  }
  let month: ScheduleMonth | null = null;
  for (const r of rows.slice(1)) {
    if (r.token.kind !== "table-row" || r.token.cells.length === 0) continue;
    const cells = r.token.cells;
    const monthText = cells[cols.month] ?? "";
    if (monthText !== "") {
      const found = monthCell(monthText);
      if (!found) {
        diagnostics.push({ line: r.line, severity: "warning", code: "table-month", message: `表格这一行的月份「${monthText}」看不懂，这一行未读入 / cannot read the month "${monthText}"; row skipped` });
        month = null;
        continue;
      }
      const same = month !== null && month.label === found.label;
      if (!same) {
        month = { label: found.label, months: found.months.map((m) => ({ ...m })), writtenYear: found.months[0]?.year ?? null, line: r.line, tasks: [] };
        schedule.push(month);
      }
    }
    if (!month) continue;
    const owner = cols.owner === null ? null : (cells[cols.owner] ?? "").trim() || null;
    const done = cols.done === null ? false : /(已完成|完成|是|√|✓|x)/i.test(cells[cols.done] ?? "") && !/未/.test(cells[cols.done] ?? "");
    const details = tableDetails(header, cells, cols);
    for (const item of splitContentCell(cells[cols.content] ?? "")) addTask(month, item, done, r.line, "table-cell", owner, details, monthText || null);
  }
  return end;
}
