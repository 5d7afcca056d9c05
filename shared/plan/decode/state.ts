/**
 * What the schedule decoder knows after a line (DecodeState), its starting value, and the copy a
 * step makes of it (step.ts). Kept apart from the steps so both stay short.
 */
import type { ColumnRole } from "./table-header";

export interface DecodeState {
  /** out: no 行事历 yet; in: reading one; after: left one this plan already has. */
  mode: "out" | "in" | "after";
  /** First and last month of the current month group (0 when none). */
  month: number;
  lastMonth: number;
  /** The months already passed December once (school-year order); a second fall back is going back. */
  wrapped: boolean;
  /** Tasks under the current month so far. */
  tasks: number;
  /** Number of the last task under the current month (-1: none or unnumbered), and its level. */
  ordinal: number;
  ordinalLevel: number;
  /** Number of the last task under the month before: some plans number on across months. */
  carried: number;
  /** Outline level the tasks of this 行事历 are written at (0: not known yet). */
  taskLevel: number;
  /** Outline level and number of the item the last month was written in (0 / -1: not in an item). */
  headLevel: number;
  headOrdinal: number;
  headStyle: string;
  /** The last month heading named a day ("3月8日 …"): a list of dated days goes on day by day. */
  headDay: boolean;
  /** The last task did not end its sentence, so the next line may go on with it. */
  open: boolean;
  /** A line naming a schedule was just read. */
  keyword: boolean;
  /** Months come from digits glued to item numbers. */
  glued: boolean;
  /** Columns of a table pasted one cell per line, and the column the next cell falls in. */
  table: readonly ColumnRole[] | null;
  column: number;
  /** The line before was (part of) a table header: a header cell on this line adds a column. */
  inHeader: boolean;
  /** The line before was a time field with its value left for this line ("二、活动时间：" / "xx年3月12日"). */
  fieldValue: boolean;
}

export const START: DecodeState = {
  mode: "out",
  month: 0,
  lastMonth: 0,
  wrapped: false,
  tasks: 0,
  ordinal: -1,
  ordinalLevel: 0,
  carried: -1,
  taskLevel: 0,
  headLevel: 0,
  headOrdinal: -1,
  headStyle: "",
  headDay: false,
  open: false,
  keyword: false,
  glued: false,
  table: null,
  column: 0,
  inHeader: false,
  fieldValue: false,
};

/**
 * A copy of a state, written out field by field: the decoder makes several states per line, and an
 * object spread with overrides is several times slower in V8. The steps taken on most lines change
 * a few fields of the copy, set one by one.
 */
export function copyOf(s: DecodeState): DecodeState {
  return {
    mode: s.mode,
    month: s.month,
    lastMonth: s.lastMonth,
    wrapped: s.wrapped,
    tasks: s.tasks,
    ordinal: s.ordinal,
    ordinalLevel: s.ordinalLevel,
    carried: s.carried,
    taskLevel: s.taskLevel,
    headLevel: s.headLevel,
    headOrdinal: s.headOrdinal,
    headStyle: s.headStyle,
    headDay: s.headDay,
    open: s.open,
    keyword: s.keyword,
    glued: s.glued,
    table: s.table,
    column: s.column,
    inHeader: s.inHeader,
    fieldValue: s.fieldValue,
  };
}

export function withoutKeyword(s: DecodeState): DecodeState {
  if (!s.keyword) return s;
  const n = copyOf(s);
  n.keyword = false;
  return n;
}
