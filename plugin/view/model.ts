/**
 * The view's own bits of the calendar model: how it names a task and a month key. Everything a
 * page shows (grid, month list, overview rows, move targets, filters) comes from shared/calendar,
 * the same model every export and the CLI read.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { parseYm } from "../../shared/time/year-month";

export type { DoneFilter, Filters } from "../../shared/calendar/filters";
export { NO_FILTERS } from "../../shared/calendar/filters";

/**
 * Keys made so far, by task object. A task object is never changed (a re-read of a note makes new
 * ones), and every redraw asks for the key of each task of the month: made once, the same string
 * (its hash worked out once) serves every later lookup.
 */
const keys = new WeakMap<PlanTask, string>();

/** A task is identified by its note, its plan and its id (ids are unique within a plan). */
export function taskKey(task: PlanTask): string {
  let key = keys.get(task);
  if (key === undefined) {
    key = `${task.path ?? ""}|${task.planId}|${task.id}`;
    keys.set(task, key);
  }
  return key;
}

/** Label parts of a month key: "?-03" has no year. */
export function keyParts(key: string): { year: number | null; month: number } {
  const p = parseYm(key);
  if (p) return p;
  return { year: null, month: Number(key.slice(2, 4)) || 0 };
}
