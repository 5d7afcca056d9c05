/**
 * One plan note as the index holds it: the text it was read from, the engine's plans, and what
 * every snapshot needs from them made once per read (tasks with the note's path, the plans paired
 * with the path, the months the tasks fall in). A snapshot only ever points at entries, so a
 * changed note costs its own entry, never a copy of the others'.
 */
import type { Plan } from "../../shared/plan/types";
import { extractTasks, type PlanTask } from "../../shared/tasks/extract-tasks";
import { ymKey } from "../../shared/time/year-month";
import { dataEqual } from "../../shared/collections/data-equal";
import type { IndexedPlan } from "../host";

export interface NoteEntry {
  readonly path: string;
  /**
   * The note's text as last read: edits check task lines against it. The one field that changes
   * in place, when a note is re-read and its plans are the same (snapshots never show the text).
   */
  text: string;
  readonly plans: readonly Plan[];
  readonly indexed: readonly IndexedPlan[];
  readonly tasks: readonly PlanTask[];
  /**
   * Month key ("2026-03", or "?-03" for a month without a year) → the note's tasks in that month,
   * in note order: a snapshot files the note under its keys, and a month's list is these slices
   * joined, with no task looked at twice.
   */
  readonly months: ReadonlyMap<string, readonly PlanTask[]>;
}

export function noteEntry(path: string, text: string, plans: readonly Plan[]): NoteEntry {
  const tasks = extractTasks(plans, path);
  return { path, text, plans, indexed: plans.map((plan) => ({ path, plan })), tasks, months: tasksByMonth(tasks) };
}

/** The same note under a new path: the plans are the same objects, only the paths they carry change. */
export function renamedEntry(entry: NoteEntry, path: string): NoteEntry {
  const tasks = extractTasks(entry.plans, path);
  return { path, text: entry.text, plans: entry.plans, indexed: entry.plans.map((plan) => ({ path, plan })), tasks, months: tasksByMonth(tasks) };
}

function tasksByMonth(tasks: readonly PlanTask[]): Map<string, PlanTask[]> {
  const out = new Map<string, PlanTask[]>();
  for (const task of tasks) {
    for (const m of task.months) {
      const key = ymKey(m);
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      // A task that names a month twice is still one task of that month.
      if (list[list.length - 1] !== task) list.push(task);
    }
  }
  return out;
}

/** Whether two reads of a note gave the same plans (the test that decides whether anyone is told). */
export function samePlans(a: NoteEntry | null, b: NoteEntry | null): boolean {
  if (a === null || b === null) return a === b;
  return dataEqual(a.plans, b.plans);
}
