/**
 * The term / year overview (学期 / 年度总览) of a plan, worked out once: the view's overview table,
 * the Markdown, HTML and text overview exports and the CLI all show these rows.
 *
 * One row per 行事历 heading, so a task under 七、八月份 is shown once, in a row labelled
 * "2026年7月—8月" that spans both months (the month pages list it in each month, marked with its
 * span). The body's dated items join the row of their month; each month of the period no heading
 * covers gets an empty row.
 */
import type { Plan, ScheduleMonth, YearMonth } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { monthHeadingText, monthsBetween, parseYm, ymIndex, ymKey } from "../time/year-month";
import { planMatches, uniquePlans, type Filters } from "./filters";

export interface OverviewRow {
  /** The row's first month as a key: "2026-07", or "?-03" when the plan does not say the year. */
  key: string;
  /** "2026年9月", "2026年7月—8月", "3月" when the plan does not say which year. */
  label: string;
  months: YearMonth[];
  /** The key of every month the row covers. */
  keys: string[];
  /** The row's tasks that were handed in (the caller's filters apply), in the plan's order. */
  tasks: PlanTask[];
  /** The row's tasks before any filter, and how many of them are done (the progress column). */
  total: number;
  done: number;
}

export interface OverviewPlan {
  plan: Plan;
  rows: OverviewRow[];
}

interface RowDraft {
  months: YearMonth[];
  ids: string[];
}

function monthOrder(m: YearMonth | undefined): number | null {
  return m && m.year !== null ? ymIndex({ year: m.year, month: m.month }) : null;
}

/** The rows' months and task ids, before any task is looked up. */
function drafts(plan: Plan): RowDraft[] {
  const rows: RowDraft[] = plan.schedule.map((s) => ({ months: s.months, ids: s.tasks.map((t) => t.id) }));
  const byFirstKey = new Map<string, RowDraft>();
  for (const r of rows) for (const m of r.months) if (!byFirstKey.has(ymKey(m))) byFirstKey.set(ymKey(m), r);
  // A body item joins the row of its month (after the 行事历's own tasks); a month the 行事历 lacks gets a row.
  for (const s of plan.bodyTasks ?? []) {
    const first = s.months[0];
    const row = first ? byFirstKey.get(ymKey(first)) : undefined;
    if (row) {
      for (const t of s.tasks) row.ids.push(t.id);
    } else {
      const added = { months: s.months, ids: s.tasks.map((t) => t.id) };
      rows.push(added);
      for (const m of s.months) if (!byFirstKey.has(ymKey(m))) byFirstKey.set(ymKey(m), added);
    }
  }
  if (plan.period) addPeriodMonths(rows, plan.period.start, plan.period.end);
  if (rows.every((r) => monthOrder(r.months[0]) !== null)) {
    // Stable: two rows starting in the same month keep the plan's order.
    rows.sort((a, b) => (monthOrder(a.months[0]) ?? 0) - (monthOrder(b.months[0]) ?? 0));
  }
  return rows;
}

/** An empty row for each month of the period that no row covers (a row without a year covers its month number). */
function addPeriodMonths(rows: RowDraft[], start: string, end: string): void {
  const covered = new Set<string>();
  const numbersWithoutYear = new Set<number>();
  for (const r of rows) {
    for (const m of r.months) {
      covered.add(ymKey(m));
      if (m.year === null) numbersWithoutYear.add(m.month);
    }
  }
  for (const key of monthsBetween(start, end)) {
    const p = parseYm(key);
    if (!p || covered.has(key) || numbersWithoutYear.has(p.month)) continue;
    rows.push({ months: [p], ids: [] });
  }
}

/** The plan's tasks among `tasks` by id (two notes may hold the same plan: the first note's task wins). */
function tasksById(plan: Plan, tasks: readonly PlanTask[]): Map<string, PlanTask> {
  const out = new Map<string, PlanTask>();
  for (const t of tasks) if (t.planId === plan.id && !out.has(t.id)) out.set(t.id, t);
  return out;
}

/**
 * The overview rows of one plan, in calendar order when every year is known, else in the plan's
 * order. `tasks` are what is shown (the caller's filters applied); `all` what the progress column
 * counts (default: the same).
 */
export function overviewRows(plan: Plan, tasks: readonly PlanTask[], all: readonly PlanTask[] = tasks): OverviewRow[] {
  const shown = tasksById(plan, tasks);
  const every = all === tasks ? shown : tasksById(plan, all);
  return drafts(plan).map((d) => {
    const out: PlanTask[] = [];
    let total = 0;
    let done = 0;
    for (const id of d.ids) {
      const s = shown.get(id);
      if (s) out.push(s);
      const a = every.get(id);
      if (a) {
        total++;
        if (a.done) done++;
      }
    }
    const first = d.months[0];
    return { key: first ? ymKey(first) : "", label: monthHeadingText(d.months), months: d.months, keys: d.months.map(ymKey), tasks: out, total, done };
  });
}

export function overviewModel(plans: readonly Plan[], tasks: readonly PlanTask[], all: readonly PlanTask[] = tasks): OverviewPlan[] {
  return plans.map((plan) => ({ plan, rows: overviewRows(plan, tasks, all) }));
}

/** Does the plan cover the month "YYYY-MM" (its period, else its 行事历 and body months)? */
export function planCovers(plan: Plan, ym: string): boolean {
  if (plan.period) return plan.period.start <= ym && ym <= plan.period.end;
  const month = Number(ym.slice(5, 7));
  const covers = (s: ScheduleMonth) => s.months.some((m) => ymKey(m) === ym || (m.year === null && m.month === month));
  return plan.schedule.some(covers) || (plan.bodyTasks ?? []).some(covers);
}

/** The plans an overview of month `ym` shows: the chosen plan, else every plan passing the filters that covers the month. */
export function overviewPlans<P extends { plan: Plan }>(plans: readonly P[], filters: Filters, ym: string): P[] {
  return uniquePlans(plans).filter((p) => planMatches(p.plan, filters) && (filters.planId !== null || planCovers(p.plan, ym)));
}

/** The row holding month `ym`, if any. */
export function rowOfMonth(rows: readonly OverviewRow[], ym: string): OverviewRow | undefined {
  return rows.find((r) => r.keys.includes(ym));
}

/**
 * The month a task dropped on this row moves to, or null when a drop there means nothing: a row
 * without a year, or a row of several months whose first month has a heading of its own (a move
 * goes to the single month's heading first, so it would land in the other row).
 */
export function dropMonth(plan: Plan, row: OverviewRow): string | null {
  const first = row.months[0];
  if (!first || first.year === null) return null;
  if (row.months.length > 1) {
    const own = plan.schedule.some((s) => s.months.length === 1 && s.months[0] !== undefined && ymKey(s.months[0]) === row.key);
    if (own) return null;
  }
  return row.key;
}
