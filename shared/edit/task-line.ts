/**
 * Pure text edits on a plan note's 行事历, shared by the plugin and the Notion mirror. Every edit
 * asks the engine (parsePlans) where things are (task.line, month.line) and touches only the lines
 * it means to: the one checkbox, the one moved line and its month heading, or the 行事历 block.
 * The only text these functions read for themselves is the checkbox of the one line they toggle.
 */
import { parsePlans } from "../plan/parse-plans";
import type { Plan, ScheduleMonth, Task, YearMonth } from "../plan/types";
import { renderTaskLine } from "../markdown/render-plan";
import { monthHeadingText } from "../calendar/year-month";
import { lastDayOfMonth, parseYm } from "../calendar/year-month";
import { joinNoteLines, spliceNoteLines, splitNoteLines, type NoteLines } from "./note-lines";
import { pushAll } from "../collections/array-edit";

/** Why an edit was refused: a code the caller words for its user. */
export type EditRefusal =
  /** The line no longer says what the caller saw (the note changed underneath). */
  | "line-changed"
  /** The note has fewer lines than the task's line number. */
  | "no-such-line"
  /** The task's line is not a `- [ ]` list item (plain text 行事历: normalize it first). */
  | "not-a-checkbox"
  /** No task with that id in the plan. */
  | "task-not-found"
  /** The task shares its line with a month heading or other tasks (table row, "3月：…；…"). */
  | "shared-line"
  /** The month is not a "YYYY-MM". */
  | "bad-month";

export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: EditRefusal };

export interface DueDateOptions {
  /** Write Tasks-plugin due dates (📅 YYYY-MM-DD): the task's own date, else its month's last day. */
  dueDates?: boolean;
}

// "- [ ] ", "  * [x] ", "+ [X] ": the list marker, the box and what it holds.
const CHECKBOX = /^(\s*[-*+] +\[)([ xX])(\])/;
// 📅 is a surrogate pair; written out so no pattern needs the `u` flag (iOS).
const DUE_MARK = "\ud83d\udcc5";
// No leading " *": a pattern that starts with a repetition rescans a run of spaces at every position
// (quadratic); moveDueDate walks back over the spaces by hand.
const DUE_DATE = /\ud83d\udcc5 *\d{4}-\d{2}-\d{2}/;

/** Whether a line is a checkbox list item, and ticked. */
export function checkboxState(line: string): boolean | null {
  const m = CHECKBOX.exec(line);
  return m ? m[2] !== " " : null;
}

function setCheckbox(line: string, done: boolean): string {
  return line.replace(CHECKBOX, (_all, open: string, _mark: string, close: string) => `${open}${done ? "x" : " "}${close}`);
}

function findTask(plan: Plan, taskId: string): { month: ScheduleMonth; task: Task } | null {
  for (const month of plan.schedule) for (const task of month.tasks) if (task.id === taskId) return { month, task };
  return null;
}

/** Sets one task's checkbox (by its id) in a note; other lines are untouched. */
export function setTaskDone(text: string, taskId: string, done: boolean): { text: string; changed: boolean } {
  const { plans } = parsePlans(text);
  for (const plan of plans) {
    const found = findTask(plan, taskId);
    if (!found) continue;
    const note = splitNoteLines(text);
    const i = found.task.line - 1;
    const line = note.lines[i];
    if (line === undefined || checkboxState(line) === null || checkboxState(line) === done) return { text, changed: false };
    note.lines[i] = setCheckbox(line, done);
    return { text: joinNoteLines(note), changed: true };
  }
  return { text, changed: false };
}

/**
 * Flips `- [ ]` / `- [x]` on a 1-based line, only when that line still reads `expectedLineText`
 * (what the view showed). Returns the new done state.
 */
export function toggleTaskAtLine(text: string, line: number, expectedLineText: string): { ok: true; text: string; done: boolean } | { ok: false; reason: EditRefusal } {
  const note = splitNoteLines(text);
  const current = note.lines[line - 1];
  if (current === undefined || line < 1) return { ok: false, reason: "no-such-line" };
  if (current !== expectedLineText) return { ok: false, reason: "line-changed" };
  const state = checkboxState(current);
  if (state === null) return { ok: false, reason: "not-a-checkbox" };
  note.lines[line - 1] = setCheckbox(current, !state);
  return { ok: true, text: joinNoteLines(note), done: !state };
}

function monthKey(m: YearMonth, fallbackYear: number): number {
  return (m.year ?? fallbackYear) * 12 + m.month - 1;
}

/** Whether no other task and no month heading lives on the task's line. */
function ownsItsLine(plan: Plan, month: ScheduleMonth, task: Task): boolean {
  if (task.line === month.line) return false;
  for (const sm of plan.schedule) {
    if (sm.line === task.line) return false;
    for (const t of sm.tasks) if (t !== task && t.line === task.line) return false;
  }
  return true;
}

/** The last line (1-based) of a month's block: its heading or its last task. */
function monthEnd(sm: ScheduleMonth): number {
  let end = sm.line;
  for (const t of sm.tasks) end = Math.max(end, t.line);
  return end;
}

/** "### " when the plan's month headings are Markdown headings, as many #s as they have. */
function headingPrefix(note: NoteLines, plan: Plan): string {
  const first = plan.schedule[0];
  const line = first ? (note.lines[first.line - 1] ?? "") : "";
  let n = 0;
  while (line.charAt(n) === "#") n++;
  return n > 0 && line.charAt(n) === " " ? `${"#".repeat(n)} ` : "### ";
}

/** A 📅 date inside the moved month(s) follows the task to the last day of its new month. */
function moveDueDate(line: string, from: readonly YearMonth[], to: { year: number; month: number }): string {
  const m = DUE_DATE.exec(line);
  if (!m) return line;
  const date = m[0].trim().slice(DUE_MARK.length).trim();
  const inFrom = from.some((ym) => ym.year !== null && date.startsWith(`${ym.year}-${String(ym.month).padStart(2, "0")}-`));
  if (!inFrom) return line;
  let start = m.index;
  while (start > 0 && line.charAt(start - 1) === " ") start--;
  return line.slice(0, start) + ` ${DUE_MARK} ${lastDayOfMonth(to.year, to.month)}` + line.slice(m.index + m[0].length);
}

/**
 * Moves a task's line under the heading of month `ym` ("YYYY-MM"), after that month's last task.
 * When the plan has no heading for that month, one is created in month order. `plan` is the
 * engine's reading of `text`.
 */
export function moveTaskToMonth(text: string, plan: Plan, taskId: string, ym: string, options: DueDateOptions = {}): EditResult {
  const target = parseYm(ym);
  if (!target) return { ok: false, reason: "bad-month" };
  const found = findTask(plan, taskId);
  if (!found) return { ok: false, reason: "task-not-found" };
  const { month: from, task } = found;
  const note = splitNoteLines(text);
  const taskIdx = task.line - 1;
  const taskLine = note.lines[taskIdx];
  if (taskLine === undefined) return { ok: false, reason: "no-such-line" };
  if (!ownsItsLine(plan, from, task)) return { ok: false, reason: "shared-line" };

  const yearsKnown = plan.schedule.some((sm) => sm.months.some((m) => m.year !== null));
  // A heading without a year matches on the month alone, as tasksInMonth does.
  const matches = (m: YearMonth): boolean => m.month === target.month && (m.year === null || m.year === target.year);
  const exact = plan.schedule.find((sm) => sm.months.length === 1 && sm.months[0] !== undefined && matches(sm.months[0]));
  const dest = exact ?? plan.schedule.find((sm) => sm.months.some(matches)) ?? null;
  if (dest === from) return { ok: true, text, changed: false };

  const moved = options.dueDates ? moveDueDate(taskLine, from.months, target) : taskLine;
  let insertAt: number;
  let insert: string[];
  if (dest) {
    insertAt = monthEnd(dest);
    insert = [moved];
  } else {
    // Month order: the first heading whose month comes after the target month gets the new one before it.
    const fallbackYear = plan.schedule.find((sm) => sm.months[0]?.year !== undefined && sm.months[0]?.year !== null)?.months[0]?.year ?? target.year;
    const targetKey = target.year * 12 + target.month - 1;
    const after = plan.schedule.find((sm) => sm.months[0] !== undefined && monthKey(sm.months[0], fallbackYear) > targetKey);
    const headingMonths: YearMonth[] = [{ year: yearsKnown ? target.year : null, month: target.month }];
    const heading = `${headingPrefix(note, plan)}${monthHeadingText(headingMonths)}`;
    if (after) {
      insertAt = after.line - 1;
      insert = [heading, moved, ""];
    } else {
      const last = plan.schedule[plan.schedule.length - 1];
      insertAt = last ? monthEnd(last) : note.lines.length;
      insert = ["", heading, moved];
    }
  }
  // Insert first (it may be after the task's line), then remove the old line.
  spliceNoteLines(note, insertAt, insertAt, insert);
  const removeAt = insertAt <= taskIdx ? taskIdx + insert.length : taskIdx;
  note.lines.splice(removeAt, 1);
  note.eols.splice(removeAt, 1);
  return { ok: true, text: joinNoteLines(note), changed: true };
}

/** A task's canonical line, with a 📅 due date when asked for. */
export function canonicalTaskLine(task: Task, options: DueDateOptions = {}): string {
  if (!options.dueDates) return renderTaskLine(task);
  const due = dueDateOf(task);
  if (due === null) return renderTaskLine(task);
  const line = renderTaskLine({ ...task, date: null });
  const at = line.lastIndexOf(` ^${task.id}`);
  return at < 0 ? `${line} ${DUE_MARK} ${due}` : `${line.slice(0, at)} ${DUE_MARK} ${due}${line.slice(at)}`;
}

/** The Tasks-plugin due date of a task: its own date, else the last day of its (last) month. */
export function dueDateOf(task: Task): string | null {
  if (task.date) return task.date;
  const last = task.months[task.months.length - 1];
  return last && last.year !== null ? lastDayOfMonth(last.year, last.month) : null;
}

/** The 1-based lines of one plan's 行事历 block, as the engine placed it. */
export interface ScheduleBlock {
  /** The heading the engine claimed for the 行事历, when it did. */
  headingLine: number | null;
  /** First line of the month headings / table. */
  firstLine: number;
  lastLine: number;
}

function isTableLine(line: string | undefined): boolean {
  return line !== undefined && line.trimStart().startsWith("|");
}

/** Where a plan's 行事历 sits in the note (null when it has none). */
export function scheduleBlock(note: NoteLines, plan: Plan): ScheduleBlock | null {
  const first = plan.schedule[0];
  if (!first) return null;
  let firstIdx = first.line - 1;
  let lastIdx = firstIdx;
  for (const sm of plan.schedule) {
    firstIdx = Math.min(firstIdx, sm.line - 1);
    lastIdx = Math.max(lastIdx, monthEnd(sm) - 1);
  }
  // A table 行事历 starts at its header row and ends at its last row.
  if (isTableLine(note.lines[firstIdx])) while (firstIdx > 0 && isTableLine(note.lines[firstIdx - 1])) firstIdx--;
  if (isTableLine(note.lines[lastIdx])) while (isTableLine(note.lines[lastIdx + 1])) lastIdx++;
  let headingLine: number | null = null;
  if (plan.scheduleHeading !== null) {
    // The engine claims the last line with content before the first month (or table).
    let i = firstIdx - 1;
    while (i >= 0 && (note.lines[i] ?? "").trim() === "") i--;
    if (i >= 0) headingLine = i + 1;
  }
  return { headingLine, firstLine: firstIdx + 1, lastLine: lastIdx + 1 };
}

/**
 * Rewrites the 行事历 of every plan in the note into canonical form: a Markdown heading, one
 * `### 2027年3月` heading per month, `- [ ] text ^t-id` task lines (ids stable: the engine's). Lines
 * inside the block that are neither month nor task (a quote, a garbled line) stay, under their
 * month. Every line outside the block is given back byte for byte.
 */
export function normalizeScheduleInNote(text: string, options: DueDateOptions = {}): string {
  const { plans } = parsePlans(text);
  const note = splitNoteLines(text);
  const blocks: { plan: Plan; block: ScheduleBlock }[] = [];
  for (const plan of plans) {
    const block = scheduleBlock(note, plan);
    if (block) blocks.push({ plan, block });
  }
  // Bottom-up, so earlier line numbers stay valid.
  blocks.sort((a, b) => b.block.firstLine - a.block.firstLine);
  let lowestStart = Infinity;
  for (const { plan, block } of blocks) {
    const start = block.headingLine ?? block.firstLine;
    if (block.lastLine >= lowestStart) continue; // overlapping readings: leave the note alone there
    lowestStart = start;
    const out = renderScheduleBlock(note, plan, block, options);
    spliceNoteLines(note, start - 1, block.lastLine, out);
  }
  return joinNoteLines(note);
}

function renderScheduleBlock(note: NoteLines, plan: Plan, block: ScheduleBlock, options: DueDateOptions): string[] {
  const out: string[] = [];
  // The heading the engine claimed stays when it is a Markdown heading, else becomes one. No heading
  // is added where the note had none: the writer's own section heading may sit a paragraph above.
  if (block.headingLine !== null) {
    const headingText = note.lines[block.headingLine - 1] ?? "";
    out.push(/^#{1,6} /.test(headingText) ? headingText : `## ${plan.scheduleHeading ?? "行事历"}`, "");
  }

  // Lines of the block the engine read as neither month nor task stay, after their month's tasks.
  const used = new Set<number>();
  if (block.headingLine !== null) used.add(block.headingLine);
  for (const sm of plan.schedule) {
    used.add(sm.line);
    for (const t of sm.tasks) used.add(t.line);
  }
  const table = isTableLine(note.lines[block.firstLine - 1]);
  const kept = new Map<ScheduleMonth, string[]>();
  const leading: string[] = [];
  for (let line = block.firstLine; line <= block.lastLine; line++) {
    const raw = note.lines[line - 1] ?? "";
    if (used.has(line) || raw.trim() === "" || (table && isTableLine(raw))) continue;
    let owner: ScheduleMonth | null = null;
    for (const sm of plan.schedule) if (sm.line <= line) owner = sm;
    if (owner) kept.set(owner, [...(kept.get(owner) ?? []), raw]);
    else leading.push(raw);
  }
  if (leading.length > 0) {
    pushAll(out, leading);
    out.push("");
  }

  for (const sm of plan.schedule) {
    out.push(`### ${monthHeadingText(sm.months) || sm.label}`);
    for (const t of sm.tasks) out.push(canonicalTaskLine(t, options));
    pushAll(out, kept.get(sm) ?? []);
    out.push("");
  }
  // The block ends where it ended; a blank line only when something follows at once.
  const next = note.lines[block.lastLine];
  if (next === undefined || next.trim() === "") out.pop();
  return out;
}
