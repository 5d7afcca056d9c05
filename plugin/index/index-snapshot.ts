/**
 * What the index shows at one moment: its plan notes in path order. Immutable: a view drawn from
 * one snapshot keeps seeing it while the index moves on to the next.
 *
 * A changed note makes the next snapshot from this one by replacing that note's entry and refiling
 * it under its months, in chunked lists (path-list.ts): the cost is the changed note's, not the
 * vault's. The lists consumers read are made on first use and kept: the whole plan list and task
 * list once per snapshot, a month's task list once; the next snapshot inherits every month list,
 * the ones a changed note is (or was) in to be patched for it when first asked for.
 */
import { tasksInMonth as filterToMonth, type PlanTask } from "../../shared/tasks/extract-tasks";
import type { IndexedPlan, PlanIndexSnapshot } from "../host";
import type { NoteEntry } from "./note-entry";
import { comparePaths, mergeByPath } from "./sorted-by-path";
import { PathList } from "./path-list";
import { MonthFiling } from "./month-filing";

const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Past this many changed notes, the whole task list is made afresh rather than patched. */
const MAX_PATCHED_NOTES = 16;

/** A task list (whole, or one month's) made for an earlier snapshot, and the notes changed since. */
interface TaskBase {
  list: readonly PlanTask[];
  changed: Set<string>;
}

export class IndexSnapshot implements PlanIndexSnapshot {
  private planList: IndexedPlan[] | null = null;
  private taskList: readonly PlanTask[] | null = null;
  private noteList: readonly NoteEntry[] | null = null;

  private constructor(
    private readonly entries: PathList<NoteEntry>,
    /** Month key → the entries with a task in that month, in path order. */
    private readonly byMonth: MonthFiling,
    /** "YYYY-MM" → that month's tasks as made so far, or a list to patch them from when asked. */
    private readonly monthLists: Map<string, readonly PlanTask[] | TaskBase>,
    /** Where the whole task list can be patched from, when it is asked for; null: made afresh. */
    private taskBase: TaskBase | null = null,
  ) {}

  /** A snapshot of these entries (any order; one per path). */
  static of(entries: Iterable<NoteEntry>): IndexSnapshot {
    const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path));
    return new IndexSnapshot(PathList.of(sorted), MonthFiling.of(sorted), new Map());
  }

  /**
   * The next snapshot: each path in `changes` now holds the given entry, or no plans (null).
   * Costs, per changed note, a copy of one chunk of the note list and of each of its months'
   * lists, and of the chunk pointers: not a copy of every note or every month (path-list.ts,
   * month-filing.ts).
   */
  next(changes: ReadonlyMap<string, NoteEntry | null>): IndexSnapshot {
    if (changes.size === 0) return this;
    let entries = this.entries;
    const moves: { path: string; before: NoteEntry | null; after: NoteEntry | null }[] = [];
    for (const [path, after] of changes) {
      moves.push({ path, before: entries.get(path) ?? null, after });
      entries = after ? entries.with(after) : entries.without(path);
    }
    const touched = new Set<string>();
    const byMonth = this.byMonth.next(moves, touched);
    return new IndexSnapshot(entries, byMonth, this.nextMonthLists(touched, changes), this.nextTaskBase(changes));
  }

  /** Every plan, with its note's path, in path order. */
  get plans(): readonly IndexedPlan[] {
    if (!this.planList) {
      const out: IndexedPlan[] = [];
      for (const entry of this.notes) for (const p of entry.indexed) out.push(p);
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
      const base = this.taskBase;
      this.taskBase = null;
      this.taskList = patched(base, (path) => this.entries.get(path)?.tasks ?? []);
      return this.taskList;
    }
    const out: PlanTask[] = [];
    // A loop, not push(...tasks): one note may hold more tasks than a call has room for arguments.
    for (const entry of this.notes) for (const t of entry.tasks) out.push(t);
    this.taskList = out;
    return out;
  }

  /**
   * The tasks of one month ("YYYY-MM"), in the order of `tasks`: the same list as the engine's
   * tasksInMonth over every task, made from the notes filed under that month (or under the month
   * without a year) only, or patched from an earlier snapshot's list for the notes changed since.
   */
  tasksInMonth(ym: string): readonly PlanTask[] {
    const cached = this.monthLists.get(ym);
    if (cached && !isBase(cached)) return cached;
    let out: readonly PlanTask[];
    if (cached) {
      out = patched(cached, (path) => {
        const entry = this.entries.get(path);
        return entry ? monthPart(entry, ym) : [];
      });
    } else if (!YM.test(ym)) {
      out = filterToMonth(this.tasks, ym);
    } else {
      const notes = mergeByPath(this.byMonth.get(ym)?.toArray() ?? [], this.byMonth.get(yearlessKey(ym))?.toArray() ?? []);
      const made: PlanTask[] = [];
      for (const entry of notes) for (const t of monthPart(entry, ym)) made.push(t);
      out = made;
    }
    this.monthLists.set(ym, out);
    return out;
  }

  /** The plan notes in path order (the index reads their text for the Notion mirror). */
  get notes(): readonly NoteEntry[] {
    if (!this.noteList) this.noteList = this.entries.toArray();
    return this.noteList;
  }

  /**
   * The month lists the next snapshot starts with: a list no changed note is filed under is kept
   * as it is; one a changed note is (or was) filed under is patched when it is first asked for
   * (the view asks for one month; the others it showed before may never be asked again).
   */
  private nextMonthLists(touched: ReadonlySet<string>, changes: ReadonlyMap<string, NoteEntry | null>): Map<string, readonly PlanTask[] | TaskBase> {
    const out = new Map<string, readonly PlanTask[] | TaskBase>();
    for (const [ym, list] of this.monthLists) {
      if (!YM.test(ym)) continue; // made from the whole list, which the next snapshot makes anew
      // A month without a year ("?-03") shows in March of every year.
      if (!touched.has(ym) && !touched.has(yearlessKey(ym))) {
        out.set(ym, list);
        continue;
      }
      const base = withChanged(list, changes);
      if (base) out.set(ym, base);
    }
    return out;
  }

  /** What the next snapshot may patch its whole task list from: this one's list, or this one's base. */
  private nextTaskBase(changes: ReadonlyMap<string, NoteEntry | null>): TaskBase | null {
    return withChanged(this.taskList ?? this.taskBase, changes);
  }
}

/** A list (or a list still to patch) with more changed notes to patch; null when too many changed to be worth it. */
function withChanged(from: readonly PlanTask[] | TaskBase | null, changes: ReadonlyMap<string, NoteEntry | null>): TaskBase | null {
  if (!from) return null;
  const base: TaskBase = isBase(from) ? { list: from.list, changed: new Set(from.changed) } : { list: from, changed: new Set<string>() };
  for (const path of changes.keys()) base.changed.add(path);
  return base.changed.size <= MAX_PATCHED_NOTES ? base : null;
}

function isBase(x: readonly PlanTask[] | TaskBase): x is TaskBase {
  return !Array.isArray(x);
}

/** A base list with each changed note's part replaced by what `partOf` gives now. */
function patched(base: TaskBase, partOf: (path: string) => readonly PlanTask[]): readonly PlanTask[] {
  let list = base.list;
  for (const path of base.changed) list = replacePart(list, path, partOf(path));
  return list;
}

/** A path-ordered task list with the tasks of note `path` replaced by `part` (a new list when they differ). */
function replacePart(list: readonly PlanTask[], path: string, part: readonly PlanTask[]): readonly PlanTask[] {
  const from = taskBound(list, path, false);
  const to = taskBound(list, path, true);
  if (from === to && part.length === 0) return list;
  if (to - from === part.length) {
    // The note kept its number of tasks (an edit, a tick): one copy, no pieces to join. A whole
    // list is a hundred thousand tasks in a large vault; its garbage is the next change's GC.
    const out = list.slice();
    for (let i = 0; i < part.length; i++) out[from + i] = part[i] as PlanTask;
    return out;
  }
  return list.slice(0, from).concat(part, list.slice(to));
}

function yearlessKey(ym: string): string {
  return `?-${ym.slice(5)}`;
}

/** A note's tasks in the month "YYYY-MM", in note order (the engine's tasksInMonth over the note's tasks). */
function monthPart(entry: NoteEntry, ym: string): readonly PlanTask[] {
  if (!entry.monthKeys.includes(ym) && !entry.monthKeys.includes(yearlessKey(ym))) return [];
  const year = Number(ym.slice(0, 4));
  const month = Number(ym.slice(5, 7));
  const out: PlanTask[] = [];
  for (const t of entry.tasks) if (t.months.some((m) => m.month === month && (m.year === null || m.year === year))) out.push(t);
  return out;
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
