/**
 * What the exports share beyond the calendar model (month-model.ts, overview-model.ts): options,
 * how a body item is marked, titles and the holiday line. The text, Markdown, HTML and ICS
 * renderers only lay out the model's rows.
 */
import type { Plan } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import type { HolidayOverrides } from "../holidays/types";
import { formatHolidayLine } from "../holidays/holiday-line";
import { parseYm } from "../time/year-month";

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

/** "2026-09..2027-01" as "2026年9月—2027年1月". */
export function periodText(plan: Plan): string | null {
  if (!plan.period) return null;
  const a = parseYm(plan.period.start);
  const b = parseYm(plan.period.end);
  if (!a || !b) return null;
  return a.year === b.year ? `${a.year}年${a.month}月—${b.month}月` : `${a.year}年${a.month}月—${b.year}年${b.month}月`;
}

/** The facts line under a plan's title in an overview: school, period, review status. */
export function planFacts(plan: Plan): string[] {
  return [plan.school, periodText(plan), plan.reviewStatus ? `审核状态：${plan.reviewStatus}` : null].filter((x): x is string => !!x);
}

/** The overview's title: the plan's when there is one plan, else 行事历总览. */
export function overviewTitle(plans: readonly Plan[], title?: string): string {
  if (title !== undefined) return title;
  const only = plans.length === 1 ? plans[0] : undefined;
  return only?.title ? `${only.title} 行事历` : "行事历总览";
}

/** Owners of a row's tasks, each once. */
export function ownersOf(tasks: readonly PlanTask[]): string[] {
  const out: string[] = [];
  for (const t of tasks) if (t.owner && !out.includes(t.owner)) out.push(t.owner);
  return out;
}
