/**
 * One plan note as the index holds it: the text it was read from, the engine's plans, and what
 * every snapshot needs from them (the plans paired with the path and the keys of the months the
 * tasks fall in, made once per read; the tasks with the note's path, made when first asked for). A snapshot only ever points at entries, so a
 * changed note costs its own entry, never a copy of the others'.
 */
import type { Plan, ScheduleMonth, YearMonth } from "../../shared/plan/types";
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
  return new PlanNote(path, text, plans);
}

/** The same note under a new path: the plans are the same objects, only the paths they carry change. */
export function renamedEntry(entry: NoteEntry, path: string): NoteEntry {
  return new PlanNote(path, entry.text, entry.plans);
}

/**
 * An entry whose tasks are made when first asked for: a view asks for one month, so most notes of
 * a large vault never need theirs (a cold build skips making them, and the heap does not hold
 * them). Made once, then kept: the entry never changes.
 */
class PlanNote implements NoteEntry {
  readonly indexed: readonly IndexedPlan[];
  readonly monthKeys: readonly string[];
  private made: readonly PlanTask[] | null = null;

  constructor(
    readonly path: string,
    public text: string,
    readonly plans: readonly Plan[],
  ) {
    this.indexed = plans.map((plan) => ({ path, plan }));
    this.monthKeys = monthKeysOf(plans);
  }

  get tasks(): readonly PlanTask[] {
    if (!this.made) this.made = extractTasks(this.plans, this.path);
    return this.made;
  }
}

/** The month keys of the plans' tasks, read where extractTasks reads them: 行事历 then body, each task's months. */
function monthKeysOf(plans: readonly Plan[]): string[] {
  const out: string[] = [];
  for (const plan of plans) {
    addMonthKeys(plan.schedule, out);
    if (plan.bodyTasks) addMonthKeys(plan.bodyTasks, out);
  }
  return out;
}

/** Adds the month keys of these months' tasks to `out`, each once, in the order they come. */
function addMonthKeys(months: readonly ScheduleMonth[], out: string[]): void {
  for (const month of months) {
    let seen: readonly YearMonth[] | null = null;
    for (const task of month.tasks) {
      // The tasks of a 行事历 month share its list of months (make-task.ts): its keys are added once.
      if (task.months === seen) continue;
      seen = task.months;
      for (const m of task.months) {
        const key = ymKey(m);
        if (!out.includes(key)) out.push(key);
      }
    }
  }
}

/** Whether two reads of a note gave the same plans (the test that decides whether anyone is told). */
export function samePlans(a: NoteEntry | null, b: NoteEntry | null): boolean {
  if (a === null || b === null) return a === b;
  return dataEqual(a.plans, b.plans);
}
