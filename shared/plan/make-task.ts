/** One task as the plan engine writes it into the Plan: its text, id, months, day, owner and form. */
import type { ScheduleMonth, Task } from "./types";
import type { TaskDetail, TaskForm } from "../tasks/task-serializer";
import type { Decision } from "./decode/decode-schedule";
import { splitTaskText } from "../schedule/task-text";
import { datesFromText } from "../schedule/task-date";
import { IdAllocator, shortHash } from "./stable-id";

export interface RawTask {
  month: ScheduleMonth;
  raw: string;
  /** Lines that go on with this item (broken by a PDF or a narrow page), joined before it is read. */
  more?: string[];
  done: boolean;
  line: number;
  owner: string | null;
  /** How the task is written: the rule that found it knows, so it says (see TaskForm). */
  form: TaskForm;
  details: TaskDetail[];
  /** A table's month cell ("3月8日") or a body task's date phrase: the day it names is the task's when its own words name none. */
  dayText: string | null;
}

export type AddTask = (month: ScheduleMonth, raw: string, done: boolean, line: number, form: TaskForm, owner?: string | null, details?: TaskDetail[], dayText?: string | null) => void;

/** The form of a task the decoder read on a line: a checkbox, a table cell, or a plain item. */
export function taskForm(d: Decision): TaskForm {
  if (d.unit.token.kind === "checkbox") return "checkbox";
  return d.reading.kind === "task" && d.reading.cells ? "table-cell" : "item";
}

/**
 * The details of every task that has none: one shared empty list, frozen so that a push fails
 * loudly instead of giving every such task the detail (a plan of many tasks keeps no list each).
 */
export const NO_DETAILS = Object.freeze([]) as unknown as TaskDetail[];

export function makeTask(r: RawTask, planId: string, ids: IdAllocator): Task | null {
  const parts = splitTaskText(r.raw);
  if (parts.text === "") return null;
  // The heading's own list: its years are resolved before any task is made, and nothing changes
  // either list after, so a task holds no copy (a text of many tasks held one each).
  const months = r.month.months;
  const own = datesFromText(parts.text, months);
  const cell = (own.date === null || own.partOfMonth === null) && r.dayText !== null ? datesFromText(r.dayText, months) : null;
  const fromText = cell !== null && cell.date !== null ? cell : own;
  const id = ids.take(parts.blockId ?? `t-${shortHash(`${planId}|${parts.text}`)}`);
  // A 🛫 start with a 📅 due is a day range as Tasks writes it; a lone 📅 the writer gave wins over a day the words name.
  const ranged = parts.startDate !== null && parts.dueDate !== null;
  const details = r.details.length > 0 ? r.details.concat(parts.details) : parts.details.length > 0 ? parts.details : NO_DETAILS;
  return {
    id,
    text: parts.text,
    months,
    date: ranged ? parts.startDate : (parts.dueDate ?? fromText.date),
    dateEnd: ranged ? parts.dueDate : fromText.dateEnd,
    partOfMonth: fromText.partOfMonth ?? cell?.partOfMonth ?? null,
    owner: parts.owner ?? r.owner,
    // A ✅ date on a line without a box (a pasted Tasks line) still says the task was done.
    done: r.done || (r.form !== "checkbox" && parts.doneDate !== null),
    line: r.line,
    form: r.form,
    span: { line: r.line },
    doneDate: parts.doneDate,
    details,
    writtenId: parts.blockId !== null && parts.blockId !== id ? parts.blockId : null,
  };
}

