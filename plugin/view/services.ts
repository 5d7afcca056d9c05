/**
 * The view's links to shared/: the holiday calendar and the exporters. Kept in one place so the
 * rest of the view reads plain data.
 */
import type { DayMark } from "./model";
import { holidaysInMonth, type HolidayOverrides } from "../../shared/holidays";
import type { PlanIndexSnapshot } from "../host";
import type { ExportKind, ViewState } from "./context";
import type { Lang } from "./strings";

export interface MonthHolidays {
  /** Days the holiday calendar says something about, by "YYYY-MM-DD". */
  marks: Map<string, DayMark>;
  /** false when there is no holiday data for the year (the view says so). */
  covered: boolean;
  note: string | null;
}

/** The month's public holidays and 调休 workdays (chinese-days with the user's overrides on top). */
export function monthHolidays(year: number, month: number, overrides?: HolidayOverrides): MonthHolidays {
  const found = holidaysInMonth(year, month, overrides);
  const marks = new Map<string, DayMark>();
  for (const d of found.days) marks.set(d.date, { date: d.date, kind: d.kind, name: d.name });
  return { marks, covered: found.covered, note: found.note };
}

export interface ExportInput {
  snapshot: PlanIndexSnapshot;
  state: ViewState;
  lang: Lang;
  weekStart: 0 | 1;
}

export function buildExport(_kind: ExportKind, _input: ExportInput): { content: string; name: string } {
  throw new Error("export not wired yet");
}
