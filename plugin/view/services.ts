/**
 * The view's links to shared/: the holiday calendar and the exporters. Kept in one place so the
 * rest of the view reads plain data.
 */
import type { DayMark } from "./model";
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

export function monthHolidays(_year: number, _month: number): MonthHolidays {
  // Provisional until shared/holidays lands: weekends come from the calendar itself.
  return { marks: new Map(), covered: true, note: null };
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
