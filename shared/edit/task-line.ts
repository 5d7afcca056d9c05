/**
 * Pure text edits on a plan note's 行事历, shared by the plugin and the Notion mirror. Every edit
 * asks the engine (parsePlans) where things are (task.line, task.form, month.line) and touches only
 * the lines it means to: the one checkbox, the one moved line and its month heading. How a line is
 * written (the box, Tasks' fields, the block id) is the serializer's business
 * (shared/tasks/task-serializer.ts); nothing here reads note text with a pattern of its own.
 */
import { parsePlans } from "../plan/parse-plans";
import type { Plan, ScheduleMonth, Task, YearMonth } from "../plan/types";
import { renderTaskLine } from "../markdown/render-plan";
import { lastDayOfMonth, monthHeadingText, parseYm, ymIndex } from "../time/year-month";
import { blockIdOf, findDueField, serializerFor, setLineDone, withBlockId, type TaskFormat } from "../tasks/task-serializer";
import { joinNoteLines, spliceNoteLines, splitNoteLines, type NoteLines } from "./note-lines";
import { pushAll } from "../collections/array-edit";
import { planTasks } from "../tasks/extract-tasks";

/** Why an edit was refused: a code the caller words for its user. */
export type EditRefusal =
  /** The line no longer says what the caller saw (the note changed underneath). */
  | "line-changed"
  /** The note has fewer lines than the task's line number. */
  | "no-such-line"
  /** The task's line is not a `- [ ]` list item (plain text 行事历: normalize it first; fenced text is never one). */
  | "not-a-checkbox"
  /** Another task line reads exactly the same, so a line number alone cannot say which one was meant. */
  | "ambiguous"
  /** No task with that id in the plan. */
  | "task-not-found"
  /** The task shares its line with a month heading or other tasks (table row, "3月：…；…"). */
  | "shared-line"
  /** The month is not a "YYYY-MM". */
  | "bad-month"
  /** The line a body task would be ticked on, with a box added, would not read back as that task, done. */
  | "not-read-back";

export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: EditRefusal };

export interface DueDateOptions {
  /** Also give a task that names no day its month's last day as the Tasks due date (opt-in). */
  dueDates?: boolean;
  /** Tasks' format for the fields written: emoji (Tasks' default) or Dataview. */
  format?: TaskFormat;
}

export interface TickOptions {
  /** The done date a tick writes, "YYYY-MM-DD" (today when absent). */
  today?: string;
  format?: TaskFormat;
}

/** A 行事历 task by id (moves are for these alone: a body sentence has no month heading to move under). */
function findTask(plan: Plan, taskId: string): { month: ScheduleMonth; task: Task } | null {
  for (const month of plan.schedule) for (const task of month.tasks) if (task.id === taskId) return { month, task };
  return null;
}

/** Every task line of the notes, the body's ticked sentences included: ticks, twins and fresh ids look at all. */
export function allTasks(plans: readonly Plan[]): Task[] {
  const out: Task[] = [];
  for (const plan of plans) pushAll(out, planTasks(plan));
  return out;
}

/**
 * A copied line repeats a `^t-` id the engine already gave an earlier task; the copy was given a
 * fresh id when read, and every write puts that id on its line, so the two stop sharing a key.
 */
export function writeFreshIds(note: NoteLines, plans: readonly Plan[]): boolean {
  let changed = false;
  for (const task of allTasks(plans)) {
    if (!task.writtenId) continue;
    const line = note.lines[task.line - 1];
    if (line === undefined || blockIdOf(line) !== task.writtenId) continue;
    note.lines[task.line - 1] = withBlockId(line, task.id);
    changed = true;
  }
  return changed;
}

/** Whether another task line of the note reads exactly as this one (a twin the line number cannot tell apart). */
function hasTwin(note: NoteLines, tasks: readonly Task[], line: number): boolean {
  const text = (note.lines[line - 1] ?? "").trim();
  return tasks.some((t) => t.line !== line && (note.lines[t.line - 1] ?? "").trim() === text);
}

/** Sets one task's checkbox (by its id) in a note; other lines are untouched, but for fresh ids on copied lines. */
export function setTaskDone(text: string, taskId: string, done: boolean, options: TickOptions = {}): { text: string; changed: boolean } {
  const { plans } = parsePlans(text);
  for (const plan of plans) {
    // A body sentence ticked into a checkbox is ticked like a 行事历 line.
    const found = planTasks(plan).find((t) => t.id === taskId);
    if (!found) continue;
    if (found.form !== "checkbox" || found.done === done) return { text, changed: false };
    const note = splitNoteLines(text);
    writeFreshIds(note, plans);
    const i = found.line - 1;
    const next = setLineDone(note.lines[i] ?? "", done, options);
    if (next === null) return { text, changed: false };
    note.lines[i] = next;
    return { text: joinNoteLines(note), changed: true };
  }
  return { text, changed: false };
}

/** The note, the line and the engine's reading, when the 1-based `line` still reads as the view showed it. */
export function lineAsShown(
  text: string,
  line: number,
  expectedLineText: string,
): { ok: true; note: NoteLines; current: string; plans: Plan[]; tasks: Task[] } | { ok: false; reason: EditRefusal } {
  const note = splitNoteLines(text);
  const current = note.lines[line - 1];
  if (current === undefined || line < 1) return { ok: false, reason: "no-such-line" };
  if (current !== expectedLineText) return { ok: false, reason: "line-changed" };
  const { plans } = parsePlans(text);
  return { ok: true, note, current, plans, tasks: allTasks(plans) };
}

/**
 * Flips `- [ ]` / `- [x]` on a 1-based line, only when that line still reads `expectedLineText`
 * (what the view showed), the engine reads a checkbox task there (never fenced text), and no other
 * task line reads the same (a stale view could otherwise tick the twin and report success). A tick
 * writes Tasks' done date and an untick removes it. Returns the new done state.
 */
export function toggleTaskAtLine(text: string, line: number, expectedLineText: string, options: TickOptions = {}): { ok: true; text: string; done: boolean } | { ok: false; reason: EditRefusal } {
  const at = lineAsShown(text, line, expectedLineText);
  if (!at.ok) return at;
  const { note, current, plans, tasks } = at;
  const task = tasks.find((t) => t.line === line && t.form === "checkbox");
  if (!task) return { ok: false, reason: "not-a-checkbox" };
  if (hasTwin(note, tasks, line)) return { ok: false, reason: "ambiguous" };
  const next = setLineDone(current, !task.done, options);
  if (next === null) return { ok: false, reason: "not-a-checkbox" };
  writeFreshIds(note, plans);
  note.lines[line - 1] = next;
  return { ok: true, text: joinNoteLines(note), done: !task.done };
}

function monthKey(m: YearMonth, fallbackYear: number): number {
  return ymIndex({ year: m.year ?? fallbackYear, month: m.month });
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

/** A Tasks due date inside the moved month(s) follows the task to the last day of its new month. */
function moveDueDate(line: string, from: readonly YearMonth[], to: { year: number; month: number }): string {
  const due = findDueField(line);
  if (!due) return line;
  const inFrom = from.some((ym) => ym.year !== null && due.date.startsWith(`${ym.year}-${String(ym.month).padStart(2, "0")}-`));
  if (!inFrom) return line;
  // Written back in the format it was found in: the user's line keeps its own format.
  const field = serializerFor(due.format).serializeDates({ start: null, due: lastDayOfMonth(to.year, to.month), doneDate: null });
  return line.slice(0, due.start) + field + line.slice(due.end);
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
  // As for a tick: with an identical line elsewhere, the caller's line number cannot say which one it saw.
  if (hasTwin(note, allTasks([plan]), task.line)) return { ok: false, reason: "ambiguous" };
  writeFreshIds(note, [plan]);
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
    const targetKey = ymIndex(target);
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

/** A task's canonical line: Tasks' dates in the chosen format, the month's last day as due when asked for. */
export function canonicalTaskLine(task: Task, options: DueDateOptions = {}): string {
  return renderTaskLine(task, { format: options.format, monthDueDates: options.dueDates });
}
