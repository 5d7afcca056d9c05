/** The JSON reading of a parse, as `union-plan parse --json` prints it (a stable, documented shape). */
import type { Diagnostic, Plan, ScheduleMonth } from "./types";

export interface PlanJson {
  id: string;
  title: string | null;
  school: string | null;
  kind: string | null;
  period: { start: string; end: string } | null;
  reviewStatus: string | null;
  lines: { start: number; end: number };
  scheduleHeading: string | null;
  schedule: ScheduleMonthJson[];
  /** Dated items found outside the 行事历, in the same shape. */
  bodyTasks: ScheduleMonthJson[];
  diagnostics: { line: number; severity: Diagnostic["severity"]; code: string; message: string }[];
}

export interface ScheduleMonthJson {
    label: string;
    months: { year: number | null; month: number }[];
    writtenYear: number | null;
    line: number;
    tasks: { id: string; text: string; date: string | null; dateEnd: string | null; partOfMonth: string | null; owner: string | null; done: boolean; line: number }[];
}

function monthToJson(m: ScheduleMonth): ScheduleMonthJson {
  return {
    label: m.label,
    months: m.months.map((x) => ({ year: x.year, month: x.month })),
    writtenYear: m.writtenYear,
    line: m.line,
    tasks: m.tasks.map((t) => ({ id: t.id, text: t.text, date: t.date, dateEnd: t.dateEnd, partOfMonth: t.partOfMonth, owner: t.owner, done: t.done, line: t.line })),
  };
}

export function planToJson(plan: Plan): PlanJson {
  return {
    id: plan.id,
    title: plan.title,
    school: plan.school,
    kind: plan.kind,
    period: plan.period,
    reviewStatus: plan.reviewStatus,
    lines: plan.lines,
    scheduleHeading: plan.scheduleHeading,
    schedule: plan.schedule.map(monthToJson),
    bodyTasks: plan.bodyTasks.map(monthToJson),
    diagnostics: plan.diagnostics.map((d) => ({ line: d.line, severity: d.severity, code: d.code, message: d.message })),
  };
}
