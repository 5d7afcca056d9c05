/**
 * Which plan notes have tasks in which month: month key ("2026-03", or "?-03" for a month without
 * a year) → those notes in path order. Immutable, like the snapshot that holds it.
 *
 * The next filing keeps only the months a change touched and looks the others up in the one it
 * came from, so a change costs its own months, not a copy of every month of the vault (copying a
 * Map of a hundred months was most of a snapshot's cost). Past a few links the chain is copied
 * flat, so a lookup never walks far and old filings are let go.
 */
import type { NoteEntry } from "./note-entry";
import { PathList } from "./path-list";

/** Links a lookup may walk before the filing is copied flat. */
const MAX_DEPTH = 16;

export class MonthFiling {
  private constructor(
    /** This filing's own months; an empty month is held as undefined (it hides the older one). */
    private readonly own: ReadonlyMap<string, PathList<NoteEntry> | undefined>,
    private readonly older: MonthFiling | null,
    private readonly depth: number,
  ) {}

  /** The filing of these entries (in path order). */
  static of(sorted: readonly NoteEntry[]): MonthFiling {
    const byMonth = new Map<string, NoteEntry[]>();
    for (const entry of sorted) {
      for (const key of entry.monthKeys) {
        let list = byMonth.get(key);
        if (!list) byMonth.set(key, (list = []));
        list.push(entry);
      }
    }
    const own = new Map<string, PathList<NoteEntry>>();
    for (const [key, list] of byMonth) own.set(key, PathList.of(list));
    return new MonthFiling(own, null, 0);
  }

  /** The notes with tasks in the month `key`, in path order (none: an empty list). */
  get(key: string): PathList<NoteEntry> | undefined {
    return this.own.has(key) ? this.own.get(key) : this.older?.get(key);
  }

  /**
   * The next filing: each entry of `changes` moved from the months of `before` (the entry the path
   * held, or null) to its own months (null: the note has no plans now). `touched` gets every month
   * key a change was or is filed under.
   */
  next(changes: Iterable<{ path: string; before: NoteEntry | null; after: NoteEntry | null }>, touched: Set<string>): MonthFiling {
    const own = new Map<string, PathList<NoteEntry> | undefined>();
    const list = (key: string) => (own.has(key) ? own.get(key) : this.get(key));
    for (const { path, before, after } of changes) {
      if (before) {
        for (const key of before.monthKeys) {
          touched.add(key);
          // A month the note stays in has the entry replaced below, not taken out and put back.
          if (after?.monthKeys.includes(key)) continue;
          const rest = list(key)?.without(path);
          own.set(key, rest && rest.size > 0 ? rest : undefined);
        }
      }
      if (after) {
        for (const key of after.monthKeys) {
          touched.add(key);
          own.set(key, (list(key) ?? PathList.empty<NoteEntry>()).with(after));
        }
      }
    }
    if (this.depth < MAX_DEPTH) return new MonthFiling(own, this, this.depth + 1);
    const flat = this.flatWith(own);
    for (const [key, list] of flat) if (!list) flat.delete(key);
    return new MonthFiling(flat, null, 0);
  }

  /** Every month of this filing with `over` laid over it, in one map (emptied months as undefined). */
  private flatWith(over: ReadonlyMap<string, PathList<NoteEntry> | undefined>): Map<string, PathList<NoteEntry> | undefined> {
    // Oldest first, so each newer filing's months overwrite the older ones'.
    const out = this.older ? this.older.flatWith(this.own) : new Map(this.own);
    for (const [key, list] of over) out.set(key, list);
    return out;
  }
}
