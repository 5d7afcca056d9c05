/**
 * What every export shows, worked out once: the rows of a month's 行事历 and the rows of a plan's
 * term / year overview. The text, Markdown and HTML renderers only lay these out.
 */
import dayjs from "dayjs";
import type { Plan, ScheduleMonth, YearMonth } from "../plan/types";
import { pushAll } from "../collections/array-edit";
import type { PlanTask } from "../tasks/extract-tasks";
import { tasksInMonth } from "../tasks/extract-tasks";
import type { HolidayOverrides } from "../holidays/types";
import { formatHolidayLine } from "../holidays/holiday-line";
import { weekdayName } from "../holidays/holiday-line";
import { monthHeadingText, monthsBetween, parseYm, ymIndex, ymKey } from "../time/year-month";

export interface ExportOptions {
  /** The user's own holidays and 调休 days, merged over chinese-days. */
  holidays?: HolidayOverrides;
  /** First column of the month grid: 1 = Monday (default), 0 = Sunday. */
  weekStart?: 0 | 1;
  /** Replaces the default heading ("2026年11月 行事历"). */
  title?: string;
  /** When given, the page says when it was made; left out by default so the output is stable. */
  generatedAt?: Date;
}

/**
 * How every export marks a dated item of the plan's body (not of its 行事历): after its text, so a
 * reader sees the task first and where it is written second.
 */
export const BODY_MARK = "（正文 / from the body）";

/** A task's text as the exports show it: marked when it comes from the body. */
export function shownText(task: PlanTask): string {
  return task.source === "body" ? `${task.text}${BODY_MARK}` : task.text;
}

export interface MonthRow {
  task: PlanTask;
  /** "8日（周日）", "6日—30日", "中旬", "7月15日" (a date outside the month), or "" for sometime this month. */
  when: string;
  /** "YYYY-MM-DD" when the task has a date. */
  date: string | null;
}

/** Order of the parts of a month a task may name, for sorting. */
const PART_ORDER: Readonly<Record<string, number>> = { 月初: 1, 初旬: 1, 上旬: 1, 月中: 2, 中旬: 2, 下旬: 3, 月底: 4, 月末: 4 };

function sortKey(row: MonthRow): [number, string] {
  if (row.date) return [0, row.date];
  const part = row.task.partOfMonth ? PART_ORDER[row.task.partOfMonth] : undefined;
  if (part !== undefined) return [part, ""];
  return [5, ""];
}

export function dayLabel(date: string, ym: string): string {
  const d = dayjs(date);
  const inMonth = d.format("YYYY-MM") === ym;
  return `${inMonth ? "" : `${d.month() + 1}月`}${d.date()}日（${weekdayName(d.day())}）`;
}

/** "6日—30日" for a range inside the month. */
function rangeLabel(start: string, end: string, ym: string): string {
  const a = dayjs(start);
  const b = dayjs(end);
  const sameMonth = a.format("YYYY-MM") === ym && b.format("YYYY-MM") === ym;
  return sameMonth ? `${a.date()}日—${b.date()}日` : `${a.month() + 1}月${a.date()}日—${b.month() + 1}月${b.date()}日`;
}

/** The month's tasks as rows: dated ones by date, then 上旬 … 月末, then the rest in plan order. */
export function monthRows(tasks: readonly PlanTask[], ym: string): MonthRow[] {
  const rows: MonthRow[] = tasksInMonth(tasks, ym).map((task) => {
    let when = "";
    if (task.date) when = task.dateEnd ? rangeLabel(task.date, task.dateEnd, ym) : dayLabel(task.date, ym);
    else if (task.partOfMonth) when = task.partOfMonth;
    // A body item's date phrase as written ("11月左右") says more than "本月".
    else if (task.source === "body") when = task.monthLabel;
    return { task, when, date: task.date };
  });
  const index = new Map(rows.map((r, i) => [r, i]));
  return rows.sort((a, b) => {
    const [ka, da] = sortKey(a);
    const [kb, db] = sortKey(b);
    if (ka !== kb) return ka - kb;
    if (da !== db) return da < db ? -1 : 1;
    return (index.get(a) ?? 0) - (index.get(b) ?? 0);
  });
}

/** "2026年11月" */
export function monthTitle(ym: string): string {
  const p = parseYm(ym);
  if (p) return `${p.year}年${p.month}月`;
  const unknown = /^\?-(\d{2})$/.exec(ym);
  return unknown ? `${Number(unknown[1])}月（年份未知 / year unknown）` : ym;
}

/** The month's holiday line ("节假日 / Holidays: …"), or null for a key without a year. */
export function monthHolidayLine(ym: string, holidays?: HolidayOverrides): string | null {
  const p = parseYm(ym);
  return p ? formatHolidayLine(p.year, p.month, holidays) : null;
}

export interface OverviewRow {
  /** "2026年9月", "2026年7月—8月", "3月" when the plan does not say which year. */
  label: string;
  months: YearMonth[];
  tasks: PlanTask[];
}

export interface OverviewPlan {
  plan: Plan;
  rows: OverviewRow[];
}

function monthOrder(m: YearMonth | undefined): number | null {
  return m && m.year !== null ? ymIndex({ year: m.year, month: m.month }) : null;
}

/**
 * One row per 行事历 heading of the plan (so a 七、八月份 heading stays one row and its tasks are
 * not shown twice), the body's dated items in the rows of their months, plus an empty row for each month of the period no heading covers; in
 * calendar order when the years are known, else in the plan's order. Only tasks found in `tasks`
 * are shown, so the caller's filters apply.
 */
export function overviewRows(plan: Plan, tasks: readonly PlanTask[]): OverviewRow[] {
  const byId = new Map<string, PlanTask>();
  for (const t of tasks) if (t.planId === plan.id) byId.set(t.id, t);
  const shown = (s: ScheduleMonth): PlanTask[] => s.tasks.map((t) => byId.get(t.id)).filter((t): t is PlanTask => t !== undefined);
  const rows: OverviewRow[] = plan.schedule.map((s) => ({ label: monthHeadingText(s.months), months: s.months, tasks: shown(s) }));
  // A body item joins the row of its month (after the 行事历's own tasks); a month the 行事历 lacks gets a row.
  for (const s of plan.bodyTasks) {
    const first = s.months[0];
    const key = first ? ymKey(first) : null;
    const row = rows.find((r) => r.months.some((m) => ymKey(m) === key));
    if (row) pushAll(row.tasks, shown(s));
    else rows.push({ label: monthHeadingText(s.months), months: s.months, tasks: shown(s) });
  }
  if (plan.period) {
    const covered = new Set<string>();
    for (const r of rows) for (const m of r.months) covered.add(ymKey(m));
    const numbersWithoutYear = new Set(rows.flatMap((r) => r.months.filter((m) => m.year === null).map((m) => m.month)));
    for (const key of monthsBetween(plan.period.start, plan.period.end)) {
      const p = parseYm(key);
      if (!p || covered.has(key) || numbersWithoutYear.has(p.month)) continue;
      rows.push({ label: monthHeadingText([p]), months: [p], tasks: [] });
    }
  }
  if (rows.every((r) => monthOrder(r.months[0]) !== null)) {
    rows.sort((a, b) => (monthOrder(a.months[0]) ?? 0) - (monthOrder(b.months[0]) ?? 0));
  }
  return rows;
}

export function overviewModel(plans: readonly Plan[], tasks: readonly PlanTask[]): OverviewPlan[] {
  return plans.map((plan) => ({ plan, rows: overviewRows(plan, tasks) }));
}

/** "2026-09..2027-01" as "2026年9月—2027年1月". */
export function periodText(plan: Plan): string | null {
  if (!plan.period) return null;
  const a = parseYm(plan.period.start);
  const b = parseYm(plan.period.end);
  if (!a || !b) return null;
  return a.year === b.year ? `${a.year}年${a.month}月—${b.month}月` : `${a.year}年${a.month}月—${b.year}年${b.month}月`;
}

/** Owners of a row's tasks, each once. */
export function ownersOf(tasks: readonly PlanTask[]): string[] {
  const out: string[] = [];
  for (const t of tasks) if (t.owner && !out.includes(t.owner)) out.push(t.owner);
  return out;
}
