/**
 * What the index shows at one moment: its plan notes in path order. Immutable: a view drawn from
 * one snapshot keeps seeing it while the index moves on to the next.
 *
 * A changed note makes the next snapshot from this one by replacing that note's entry (a binary
 * search and a move of pointers, one per note, not one per task) and refiling it under its months.
 * The lists consumers read are made on first use and kept: the whole plan list and task list once
 * per snapshot, a month's task list once; the next snapshot inherits every month list, with the
 * changed notes' parts replaced in the months they are (or were) in.
 */
import { tasksInMonth as filterToMonth, type PlanTask } from "../../shared/tasks/extract-tasks";
import type { IndexedPlan, PlanIndexSnapshot } from "../host";
import type { NoteEntry } from "./note-entry";
import { comparePaths, lowerBound, mergeByPath, removeByPath, upsertByPath } from "./sorted-by-path";

const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Past this many changed notes, the whole task list is made afresh rather than patched. */
const MAX_PATCHED_NOTES = 16;

/** A whole task list made for an earlier snapshot, and the notes changed since. */
interface TaskBase {
  list: readonly PlanTask[];
  changed: ReadonlySet<string>;
}

export class IndexSnapshot implements PlanIndexSnapshot {
  private planList: IndexedPlan[] | null = null;
  private taskList: readonly PlanTask[] | null = null;

  private constructor(
    private readonly entries: readonly NoteEntry[],
    /** Month key → the entries with a task in that month, in path order. */
    private readonly byMonth: ReadonlyMap<string, readonly NoteEntry[]>,
    /** "YYYY-MM" → that month's tasks, as made so far. */
    private readonly monthLists: Map<string, readonly PlanTask[]>,
    /** Where the whole task list can be patched from, when it is asked for; null: made afresh. */
    private taskBase: TaskBase | null = null,
  ) {}

  /** A snapshot of these entries (any order; one per path). */
  static of(entries: Iterable<NoteEntry>): IndexSnapshot {
    const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path));
    const byMonth = new Map<string, NoteEntry[]>();
    for (const entry of sorted) {
      for (const key of entry.months.keys()) {
        let list = byMonth.get(key);
        if (!list) byMonth.set(key, (list = []));
        list.push(entry);
      }
    }
    return new IndexSnapshot(sorted, byMonth, new Map());
  }

  /**
   * The next snapshot: each path in `changes` now holds the given entry, or no plans (null).
   * Costs a copy of the note pointers and of the month lists the changed notes are filed under.
   */
  next(changes: ReadonlyMap<string, NoteEntry | null>): IndexSnapshot {
    if (changes.size === 0) return this;
    const entries = this.entries.slice();
    const byMonth = new Map(this.byMonth);
    const copied = new Set<string>();
    const touched = new Set<string>();
    const monthList = (key: string): NoteEntry[] => {
      touched.add(key);
      const list = byMonth.get(key);
      if (list && copied.has(key)) return list as NoteEntry[];
      copied.add(key);
      const copy = list ? list.slice() : [];
      byMonth.set(key, copy);
      return copy;
    };
    for (const [path, entry] of changes) {
      const before = entryAt(entries, path);
      if (before) for (const key of before.months.keys()) removeByPath(monthList(key), path);
      if (entry) {
        upsertByPath(entries, entry);
        for (const key of entry.months.keys()) upsertByPath(monthList(key), entry);
      } else {
        removeByPath(entries, path);
      }
    }
    for (const key of touched) if (byMonth.get(key)?.length === 0) byMonth.delete(key);
    return new IndexSnapshot(entries, byMonth, this.nextMonthLists(touched, changes), this.nextTaskBase(changes));
  }

  /** Every plan, with its note's path, in path order. */
  get plans(): readonly IndexedPlan[] {
    if (!this.planList) {
      const out: IndexedPlan[] = [];
      for (const entry of this.entries) for (const p of entry.indexed) out.push(p);
      this.planList = out;
    }
    return this.planList;
  }

  /**
   * Every task of every plan, in path order and each note's own order. Patched from an earlier
   * snapshot's list when one was made and few notes changed since: each changed note's part is
   * found by bisection and the rest copied whole, which is far cheaper than a push per task.
   */
  get tasks(): readonly PlanTask[] {
    if (this.taskList) return this.taskList;
    if (this.taskBase) {
      let list = this.taskBase.list;
      for (const path of this.taskBase.changed) list = replacePart(list, path, entryAt(this.entries, path)?.tasks ?? []);
      this.taskList = list;
      this.taskBase = null;
      return list;
    }
    const out: PlanTask[] = [];
    // A loop, not push(...tasks): one note may hold more tasks than a call has room for arguments.
    for (const entry of this.entries) for (const t of entry.tasks) out.push(t);
    this.taskList = out;
    return out;
  }

  /**
   * The tasks of one month ("YYYY-MM"), in the order of `tasks`: the same list as the engine's
   * tasksInMonth over every task, made from the notes filed under that month (or under the month
   * without a year) only.
   */
  tasksInMonth(ym: string): readonly PlanTask[] {
    const cached = this.monthLists.get(ym);
    if (cached) return cached;
    let out: PlanTask[];
    if (!YM.test(ym)) {
      out = filterToMonth(this.tasks, ym);
    } else {
      const notes = mergeByPath(this.byMonth.get(ym) ?? [], this.byMonth.get(yearlessKey(ym)) ?? []);
      out = [];
      for (const entry of notes) for (const t of monthPart(entry, ym)) out.push(t);
    }
    this.monthLists.set(ym, out);
    return out;
  }

  /** The plan notes in path order (the index reads their text for the Notion mirror). */
  get notes(): readonly NoteEntry[] {
    return this.entries;
  }

  /**
   * The month lists the next snapshot starts with: a list no changed note is filed under is kept
   * as it is; one a changed note is (or was) filed under gets that note's part replaced. A month's
   * list is in path order, so the note's part is found by bisection and the rest is copied whole,
   * not walked note by note.
   */
  private nextMonthLists(touched: ReadonlySet<string>, changes: ReadonlyMap<string, NoteEntry | null>): Map<string, readonly PlanTask[]> {
    const out = new Map<string, readonly PlanTask[]>();
    for (const [ym, list] of this.monthLists) {
      if (!YM.test(ym)) continue; // made from the whole list, which the next snapshot makes anew
      // A month without a year ("?-03") shows in March of every year.
      if (!touched.has(ym) && !touched.has(yearlessKey(ym))) {
        out.set(ym, list);
        continue;
      }
      let patched = list;
      for (const [path, entry] of changes) patched = replacePart(patched, path, entry ? monthPart(entry, ym) : []);
      out.set(ym, patched);
    }
    return out;
  }

  /** What the next snapshot may patch its whole task list from: this one's list, or this one's base. */
  private nextTaskBase(changes: ReadonlyMap<string, NoteEntry | null>): TaskBase | null {
    const base = this.taskList ? { list: this.taskList, changed: new Set<string>() } : this.taskBase ? { list: this.taskBase.list, changed: new Set(this.taskBase.changed) } : null;
    if (!base) return null;
    for (const path of changes.keys()) base.changed.add(path);
    return base.changed.size <= MAX_PATCHED_NOTES ? base : null;
  }
}

/** A path-ordered task list with the tasks of note `path` replaced by `part` (a new list when they differ). */
function replacePart(list: readonly PlanTask[], path: string, part: readonly PlanTask[]): readonly PlanTask[] {
  const from = taskBound(list, path, false);
  const to = taskBound(list, path, true);
  if (from === to && part.length === 0) return list;
  return list.slice(0, from).concat(part, list.slice(to));
}

function yearlessKey(ym: string): string {
  return `?-${ym.slice(5)}`;
}

/** A note's tasks in the month "YYYY-MM", in note order. */
function monthPart(entry: NoteEntry, ym: string): readonly PlanTask[] {
  const dated = entry.months.get(ym);
  const undated = entry.months.get(yearlessKey(ym));
  // Tasks of both kinds in one note: filter, so they keep the note's order.
  return dated && undated ? filterToMonth(entry.tasks, ym) : (dated ?? undated ?? []);
}

/** In a path-ordered task list, the first task of `path` (or past it, with `after`). */
function taskBound(tasks: readonly PlanTask[], path: string, after: boolean): number {
  let lo = 0;
  let hi = tasks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = (tasks[mid] as PlanTask).path ?? "";
    if (p < path || (after && p === path)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function entryAt(entries: readonly NoteEntry[], path: string): NoteEntry | null {
  const found = entries[lowerBound(entries, path)];
  return found?.path === path ? found : null;
}
