/**
 * One plan note as the index holds it: the text it was read from, the engine's plans, and what
 * every snapshot needs from them made once per read (tasks with the note's path, the plans paired
 * with the path, the keys of the months the tasks fall in). A snapshot only ever points at entries, so a
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
   * The month keys ("2026-03", or "?-03" for a month without a year) the note's tasks fall in, each
   * once: a snapshot files the note under them. A list, not a map of each month's tasks: a note
   * has a few months, and a month's part is picked out of its tasks when a month list is made.
   */
  readonly monthKeys: readonly string[];
}

export function noteEntry(path: string, text: string, plans: readonly Plan[]): NoteEntry {
  const tasks = extractTasks(plans, path);
  return { path, text, plans, indexed: plans.map((plan) => ({ path, plan })), tasks, monthKeys: monthKeysOf(tasks) };
}

/** The same note under a new path: the plans are the same objects, only the paths they carry change. */
export function renamedEntry(entry: NoteEntry, path: string): NoteEntry {
  const tasks = extractTasks(entry.plans, path);
  return { path, text: entry.text, plans: entry.plans, indexed: entry.plans.map((plan) => ({ path, plan })), tasks, monthKeys: monthKeysOf(tasks) };
}

function monthKeysOf(tasks: readonly PlanTask[]): string[] {
  const out: string[] = [];
  for (const task of tasks) {
    for (const m of task.months) {
      const key = ymKey(m);
      if (!out.includes(key)) out.push(key);
    }
  }
  return out;
}

/** Whether two reads of a note gave the same plans (the test that decides whether anyone is told). */
export function samePlans(a: NoteEntry | null, b: NoteEntry | null): boolean {
  if (a === null || b === null) return a === b;
  return dataEqual(a.plans, b.plans);
}
