/**
 * What the view shows, worked out without touching the DOM: filters, the month grid, tasks by day,
 * tasks by plan, the months of a plan's overview and where a task may be moved.
 */
import dayjs from "dayjs";
import type { Plan } from "../../shared/plan/types";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { tasksInMonth } from "../../shared/tasks/extract-tasks";
import { compareYm, monthsBetween, parseYm, ymKey } from "../../shared/time/year-month";
import type { IndexedPlan, PlanIndexSnapshot } from "../host";

export type DoneFilter = "all" | "open" | "done";

export interface Filters {
  planId: string | null;
  school: string | null;
  status: DoneFilter;
}

export const NO_FILTERS: Filters = { planId: null, school: null, status: "all" };

export type DayKind = "holiday" | "workday" | "weekend" | "weekday";

/** One day of the month as the holiday calendar describes it. */
export interface DayMark {
  date: string;
  kind: DayKind;
  name: string | null;
}

export interface GridDay {
  date: string;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  kind: DayKind;
  holidayName: string | null;
  isToday: boolean;
}

/** A week row: null stands for a day of the neighbouring month. */
export type GridWeek = (GridDay | null)[];

/** A task is identified by its note, its plan and its id (ids are unique within a plan). */
export function taskKey(task: PlanTask): string {
  return `${task.path ?? ""}|${task.planId}|${task.id}`;
}

export function planMatches(plan: Plan, filters: Filters): boolean {
  if (filters.planId !== null && plan.id !== filters.planId) return false;
  if (filters.school !== null && (plan.school ?? "") !== filters.school) return false;
  return true;
}

export function taskMatches(task: PlanTask, filters: Filters): boolean {
  if (filters.planId !== null && task.planId !== filters.planId) return false;
  if (filters.school !== null && (task.school ?? "") !== filters.school) return false;
  if (filters.status === "open" && task.done) return false;
  if (filters.status === "done" && !task.done) return false;
  return true;
}

export function filterTasks(tasks: readonly PlanTask[], filters: Filters): PlanTask[] {
  return tasks.filter((t) => taskMatches(t, filters));
}

/** The schools named by the plans, sorted, each once. */
export function schoolsOf(plans: readonly IndexedPlan[]): string[] {
  const set = new Set<string>();
  for (const p of plans) if (p.plan.school) set.add(p.plan.school);
  return [...set].sort((a, b) => a.localeCompare(b, "zh-CN"));
}

/** Plans one each (an id may come from two notes: the first wins). */
export function uniquePlans(plans: readonly IndexedPlan[]): IndexedPlan[] {
  const seen = new Set<string>();
  const out: IndexedPlan[] = [];
  for (const p of plans) {
    if (seen.has(p.plan.id)) continue;
    seen.add(p.plan.id);
    out.push(p);
  }
  return out;
}

/** Holidays first, then 调休 workdays, then weekends by the calendar. */
export function monthGrid(
  year: number,
  month: number,
  weekStart: 0 | 1,
  marks: ReadonlyMap<string, DayMark>,
  today: string,
): GridWeek[] {
  const first = dayjs(new Date(year, month - 1, 1));
  const days = first.daysInMonth();
  const lead = (first.day() - weekStart + 7) % 7;
  const cells: (GridDay | null)[] = [];
  for (let i = 0; i < lead; i++) cells.push(null);
  for (let d = 1; d <= days; d++) {
    const date = first.date(d);
    const iso = date.format("YYYY-MM-DD");
    const weekday = date.day();
    const mark = marks.get(iso);
    const kind: DayKind = mark ? mark.kind : weekday === 0 || weekday === 6 ? "weekend" : "weekday";
    cells.push({ date: iso, day: d, weekday, kind, holidayName: mark?.name ?? null, isToday: iso === today });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: GridWeek[] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday numbers in display order. */
export function weekdayOrder(weekStart: 0 | 1): number[] {
  return Array.from({ length: 7 }, (_, i) => (i + weekStart) % 7);
}

/** Tasks that name a day, on each day they cover within the month (date … dateEnd). */
export function tasksByDate(tasks: readonly PlanTask[], ym: string): Map<string, PlanTask[]> {
  const out = new Map<string, PlanTask[]>();
  for (const task of tasks) {
    if (!task.date) continue;
    if (!task.dateEnd || task.dateEnd === task.date) {
      // One day: no date arithmetic needed (this runs for every task of the month).
      if (!task.date.startsWith(ym)) continue;
      const list = out.get(task.date);
      if (list) list.push(task);
      else out.set(task.date, [task]);
      continue;
    }
    const start = dayjs(task.date);
    if (!start.isValid()) continue;
    const end = task.dateEnd && dayjs(task.dateEnd).isValid() ? dayjs(task.dateEnd) : start;
    // A long range is shown on its first day only beyond 31 days (a mistyped end date).
    const span = Math.min(Math.max(end.diff(start, "day"), 0), 31);
    for (let i = 0; i <= span; i++) {
      const d = start.add(i, "day");
      if (d.format("YYYY-MM") !== ym) continue;
      const iso = d.format("YYYY-MM-DD");
      const list = out.get(iso);
      if (list) list.push(task);
      else out.set(iso, [task]);
    }
  }
  return out;
}

export interface PlanGroup {
  planId: string;
  title: string | null;
  school: string | null;
  reviewStatus: string | null;
  reviewComment: string | null;
  tasks: PlanTask[];
}

/** Tasks grouped by plan, in the index's plan order; dated tasks by date, then the rest in note order. */
export function groupByPlan(tasks: readonly PlanTask[], plans: readonly IndexedPlan[]): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  const byId = new Map(plans.map((p) => [p.plan.id, p.plan] as const));
  for (const p of plans) {
    if (!groups.has(p.plan.id)) {
      groups.set(p.plan.id, {
        planId: p.plan.id,
        title: p.plan.title,
        school: p.plan.school,
        reviewStatus: p.plan.reviewStatus,
        reviewComment: p.plan.reviewComment,
        tasks: [],
      });
    }
  }
  for (const task of tasks) {
    let g = groups.get(task.planId);
    if (!g) {
      const plan = byId.get(task.planId);
      g = {
        planId: task.planId,
        title: task.planTitle,
        school: task.school,
        reviewStatus: task.reviewStatus,
        reviewComment: plan?.reviewComment ?? null,
        tasks: [],
      };
      groups.set(task.planId, g);
    }
    g.tasks.push(task);
  }
  const out = [...groups.values()].filter((g) => g.tasks.length > 0);
  for (const g of out) g.tasks.sort(compareTasks);
  return out;
}

function compareTasks(a: PlanTask, b: PlanTask): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return a.line - b.line;
}

/** The tasks of the month that pass the filters. */
export function monthTasks(snapshot: PlanIndexSnapshot, ym: string, filters: Filters): PlanTask[] {
  return filterTasks(tasksInMonth(snapshot.tasks, ym), filters);
}

/**
 * The months a plan's overview shows, as keys: its period when it has one, widened to any
 * 行事历 month outside it; else its 行事历 months in order ("?-03" when the year is unknown).
 */
export function planMonths(plan: Plan): string[] {
  const keys: string[] = plan.period ? monthsBetween(plan.period.start, plan.period.end) : [];
  const seen = new Set(keys);
  const extra: string[] = [];
  // The body's dated items have months too: a plan without a 行事历 still shows them.
  for (const month of plan.schedule.concat(plan.bodyTasks)) {
    for (const m of month.months) {
      const k = ymKey(m);
      if (seen.has(k)) continue;
      // A month without a year matches a period month of the same number.
      if (m.year === null && keys.some((key) => Number(key.slice(5, 7)) === m.month)) continue;
      seen.add(k);
      extra.push(k);
    }
  }
  if (keys.length === 0) return extra;
  return [...keys, ...extra].sort(compareKeys);
}

function compareKeys(a: string, b: string): number {
  const pa = parseYm(a);
  const pb = parseYm(b);
  if (pa && pb) return compareYm(pa, pb);
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Does the plan cover the month "YYYY-MM" (its period, else its 行事历 months)? */
export function planCovers(plan: Plan, ym: string): boolean {
  if (plan.period) return plan.period.start <= ym && ym <= plan.period.end;
  const month = Number(ym.slice(5, 7));
  return plan.schedule.concat(plan.bodyTasks).some((s) => s.months.some((m) => ymKey(m) === ym || (m.year === null && m.month === month)));
}

/** Tasks of one plan that fall in one overview month key. */
export function tasksOfPlanMonth(tasks: readonly PlanTask[], planId: string, key: string): PlanTask[] {
  const own = tasks.filter((t) => t.planId === planId);
  if (key.startsWith("?-")) {
    return own.filter((t) => t.months.some((m) => ymKey(m) === key));
  }
  return tasksInMonth(own, key);
}

/** Months a task can be moved to: the plan's months with a known year, except where it already is. */
export function moveTargets(plan: Plan | undefined, task: PlanTask, months: readonly string[] = plan ? planMonths(plan) : []): string[] {
  // A body sentence has no month heading to move under: its date is in its words.
  if (!plan || task.source === "body") return [];
  return months.filter((k) => {
    if (k.startsWith("?")) return false;
    const month = Number(k.slice(5, 7));
    return !task.months.some((m) => (m.year === null ? m.month === month : ymKey(m) === k));
  });
}

/** moveTargets with each plan's months worked out once. */
export function moveTargetsCached(plansById: ReadonlyMap<string, Plan>): (task: PlanTask) => string[] {
  const months = new Map<string, string[]>();
  return (task) => {
    const plan = plansById.get(task.planId);
    if (!plan) return [];
    let list = months.get(plan.id);
    if (!list) {
      list = planMonths(plan);
      months.set(plan.id, list);
    }
    return moveTargets(plan, task, list);
  };
}

/** Label parts of a month key: "?-03" has no year. */
export function keyParts(key: string): { year: number | null; month: number } {
  const p = parseYm(key);
  if (p) return p;
  return { year: null, month: Number(key.slice(2, 4)) || 0 };
}
