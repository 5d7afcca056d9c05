/** Hand-made tasks for the export tests (our own wording). */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import type { YearMonth } from "../../shared/plan/types";

export const PLAN_TITLE = "晨光小学2026学年度第一学期工会工作计划";

export function task(id: string, text: string, months: YearMonth[], extra: Partial<PlanTask> = {}): PlanTask {
  return {
    id,
    text,
    months,
    date: null,
    dateEnd: null,
    partOfMonth: null,
    owner: null,
    done: false,
    line: 1,
    planId: "p-demo01",
    planTitle: PLAN_TITLE,
    school: "晨光小学",
    reviewStatus: null,
    monthLabel: months.map((m) => `${m.month}月`).join("—"),
    source: "schedule",
    path: "计划/晨光小学.md",
    ...extra,
  };
}

export const ym = (year: number | null, month: number): YearMonth => ({ year, month });
