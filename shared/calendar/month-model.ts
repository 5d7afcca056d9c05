/**
 * One month of the 行事历, worked out once for every reader: the grid (holidays, 调休 days, today),
 * the month's tasks in the order a page lists them, the dated ones by day, and the tasks by plan.
 * The view draws this; the text, Markdown, HTML and ICS month exports print it.
 *
 * A task under a heading of several months (七、八月份) belongs to each of them: it is on every
 * one of its month pages, marked with its span ("7月—8月") so nobody takes it for that month's
 * alone. The term overview (overview-model.ts) shows it once, in one row spanning its months.
 */
import type { Plan, YearMonth } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { tasksInMonth } from "../tasks/extract-tasks";
import type { HolidayOverrides } from "../holidays/types";
import { weekdayName } from "../holidays/holiday-line";
import { parseYm } from "../time/year-month";
import { filterTasks, type Filters } from "./filters";
import { monthGrid, type MonthGrid } from "./month-grid";

export interface MonthRow {
  readonly task: PlanTask;
  /**
   * What the page prints in its 日期 column: "8日（周日）", "6日—30日", "中旬", "7月15日（周三）"
   * (a date outside the month), "7月—8月" for a task of several months, a body item's date phrase,
   * or "" for sometime this month.
   */
  readonly when: string;
  /** "YYYY-MM-DD" when the task has a date. */
  readonly date: string | null;
}

/** The first and last month of a task that spans several (七、八月份), else null. */
export function monthSpan(task: { months: readonly YearMonth[] }): [YearMonth, YearMonth] | null {
  if (task.months.length < 2) return null;
  const first = task.months[0];
  const last = task.months[task.months.length - 1];
  return first && last ? [first, last] : null;
}

/** Order of the parts of a month a task may name, for sorting. */
const PART_ORDER: Readonly<Record<string, number>> = { 月初: 1, 初旬: 1, 上旬: 1, 上中旬: 1, 月中: 2, 中旬: 2, 中下旬: 2, 下旬: 3, 月底: 4, 月末: 4 };

/** Weekday of a "YYYY-MM-DD" (0 = Sunday), read without a date library: this runs for every dated task. */
function weekdayOf(iso: string): number {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))).getUTCDay();
}

/** "8日（周日）", or "7月15日（周三）" for a day outside the month `ym`. */
export function dayLabel(date: string, ym: string): string {
  const month = date.startsWith(ym) ? "" : `${Number(date.slice(5, 7))}月`;
  return `${month}${Number(date.slice(8, 10))}日（${weekdayName(weekdayOf(date))}）`;
}

/** "6日—30日" for a range inside the month, "6月28日—7月3日" across months. */
function rangeLabel(start: string, end: string, ym: string): string {
  const d = (iso: string) => `${Number(iso.slice(8, 10))}日`;
  const md = (iso: string) => `${Number(iso.slice(5, 7))}月${d(iso)}`;
  return start.startsWith(ym) && end.startsWith(ym) ? `${d(start)}—${d(end)}` : `${md(start)}—${md(end)}`;
}

function whenOf(task: PlanTask, ym: string): string {
  if (task.date) return task.dateEnd ? rangeLabel(task.date, task.dateEnd, ym) : dayLabel(task.date, ym);
  if (task.partOfMonth) return task.partOfMonth;
  const span = monthSpan(task);
  if (span) return `${span[0].month}月—${span[1].month}月`;
  // A body item's date phrase as written ("11月左右") says more than "本月".
  if (task.source === "body") return task.monthLabel;
  return "";
}

/** A row whose "when" is worked out when first read: the view never reads it, a page reads it once. */
class LazyRow implements MonthRow {
  private label: string | null = null;

  constructor(
    readonly task: PlanTask,
    private readonly ym: string,
  ) {}

  get date(): string | null {
    return this.task.date;
  }

  get when(): string {
    if (this.label === null) this.label = whenOf(this.task, this.ym);
    return this.label;
  }
}

function rank(task: PlanTask): number {
  if (task.date) return 0;
  const part = task.partOfMonth ? PART_ORDER[task.partOfMonth] : undefined;
  return part ?? 5;
}

/**
 * The month's tasks as a page lists them: dated ones by date, then 上旬 … 月末, then the rest in
 * plan order. Tasks whose year the plan does not say match on the month alone.
 */
export function monthRows(tasks: readonly PlanTask[], ym: string): MonthRow[] {
  return rowsInPageOrder(tasksInMonth(tasks, ym), ym);
}

/** Rows of tasks already known to be in the month, in page order (each sort key worked out once, not per comparison). */
function rowsInPageOrder(tasks: readonly PlanTask[], ym: string): MonthRow[] {
  const keyed = tasks.map((task, i) => ({ task, rank: rank(task), date: task.date ?? "", i }));
  keyed.sort((a, b) => a.rank - b.rank || (a.date === b.date ? a.i - b.i : a.date < b.date ? -1 : 1));
  return keyed.map((k) => new LazyRow(k.task, ym));
}

/** Dated tasks on each day they cover within the month (date … dateEnd), by "YYYY-MM-DD". */
export function tasksByDay(tasks: readonly PlanTask[], ym: string): Map<string, PlanTask[]> {
  const out = new Map<string, PlanTask[]>();
  const add = (iso: string, task: PlanTask) => {
    const list = out.get(iso);
    if (list) list.push(task);
    else out.set(iso, [task]);
  };
  for (const task of tasks) {
    if (!task.date) continue;
    if (!task.dateEnd || task.dateEnd === task.date) {
      if (task.date.startsWith(ym)) add(task.date, task);
      continue;
    }
    const start = Date.parse(`${task.date}T00:00:00Z`);
    const end = Date.parse(`${task.dateEnd}T00:00:00Z`);
    if (Number.isNaN(start)) continue;
    // A range longer than a month is shown on its first 32 days only (a mistyped end date).
    const span = Number.isNaN(end) ? 0 : Math.min(Math.max(Math.round((end - start) / 86400000), 0), 31);
    for (let i = 0; i <= span; i++) {
      const iso = new Date(start + i * 86400000).toISOString().slice(0, 10);
      if (iso.startsWith(ym)) add(iso, task);
    }
  }
  return out;
}

/** Does the task fall on the day (its date, or inside its date range)? */
export function coversDay(task: PlanTask, date: string): boolean {
  if (!task.date) return false;
  return task.date <= date && date <= (task.dateEnd ?? task.date);
}

export interface PlanGroup {
  planId: string;
  title: string | null;
  school: string | null;
  reviewStatus: string | null;
  reviewComment: string | null;
  rows: MonthRow[];
  /** How many of the group's rows are done. */
  done: number;
}

/** The rows by plan: plans in the order given, each plan's rows in page order; plans without rows left out. */
export function groupByPlan(rows: readonly MonthRow[], plans: readonly Plan[]): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  const byId = new Map<string, Plan>();
  for (const p of plans) if (!byId.has(p.id)) byId.set(p.id, p);
  const group = (task: PlanTask): PlanGroup => {
    const plan = byId.get(task.planId);
    return {
      planId: task.planId,
      title: plan ? plan.title : task.planTitle,
      school: plan ? plan.school : task.school,
      reviewStatus: plan ? plan.reviewStatus : task.reviewStatus,
      reviewComment: plan?.reviewComment ?? null,
      rows: [],
      done: 0,
    };
  };
  for (const row of rows) {
    let g = groups.get(row.task.planId);
    if (!g) {
      g = group(row.task);
      groups.set(row.task.planId, g);
    }
    g.rows.push(row);
    if (row.task.done) g.done++;
  }
  const order = new Map<string, number>();
  for (const id of byId.keys()) order.set(id, order.size);
  return [...groups.values()].sort((a, b) => (order.get(a.planId) ?? order.size) - (order.get(b.planId) ?? order.size));
}

export interface MonthModelInput {
  /** Every task the reader knows of (the model picks the month's). */
  tasks: readonly PlanTask[];
  /** The plans, in the order their groups are listed. */
  plans: readonly Plan[];
  /** "YYYY-MM" */
  ym: string;
  weekStart: 0 | 1;
  holidays?: HolidayOverrides;
  /** "YYYY-MM-DD", marked in the grid. */
  today?: string | null;
  filters?: Filters;
}

export interface MonthModel {
  ym: string;
  /** null for a key that is not a calendar month (worked out when first read: a refresh of the same month does not need it). */
  readonly grid: MonthGrid | null;
  rows: MonthRow[];
  byDay: Map<string, PlanTask[]>;
  groups: PlanGroup[];
}

export function monthModel(input: MonthModelInput): MonthModel {
  const { ym } = input;
  const p = parseYm(ym);
  let grid: MonthGrid | null | undefined;
  const month = tasksInMonth(input.tasks, ym);
  const rows = rowsInPageOrder(input.filters ? filterTasks(month, input.filters) : month, ym);
  const tasks = rows.map((r) => r.task);
  return {
    ym,
    get grid() {
      if (grid === undefined) grid = p ? monthGrid(p.year, p.month, input.weekStart, input.holidays, input.today ?? null) : null;
      return grid;
    },
    rows,
    byDay: tasksByDay(tasks, ym),
    groups: groupByPlan(rows, input.plans),
  };
}

/** The month's tasks (after the filters, if any), in page order: what a month export or ICS file holds. */
export function monthTasks(tasks: readonly PlanTask[], ym: string, filters?: Filters): PlanTask[] {
  const month = tasksInMonth(tasks, ym);
  return rowsInPageOrder(filters ? filterTasks(month, filters) : month, ym).map((r) => r.task);
}
