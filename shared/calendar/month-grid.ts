/** The weeks of a month as a calendar grid shows them, each day with its holiday kind. */
import dayjs from "dayjs";
import type { DayInfo, HolidayOverrides } from "../holidays/types";
import { holidaysInMonth } from "../holidays/day-info";

/** A week row; null is a day of the neighbouring month. */
export type GridWeekRow = (DayInfo | null)[];

export function monthGridWeeks(year: number, month: number, weekStart: 0 | 1, overrides?: HolidayOverrides): { weeks: GridWeekRow[]; covered: boolean; note: string | null } {
  const info = holidaysInMonth(year, month, overrides);
  const weeks: GridWeekRow[] = [];
  const first = dayjs(new Date(year, month - 1, 1));
  const lead = (first.day() - weekStart + 7) % 7;
  let row: GridWeekRow = Array.from({ length: lead }, () => null);
  for (const day of info.days) {
    row.push(day);
    if (row.length === 7) {
      weeks.push(row);
      row = [];
    }
  }
  if (row.length > 0) {
    while (row.length < 7) row.push(null);
    weeks.push(row);
  }
  return { weeks, covered: info.covered, note: info.note };
}

/** Column titles of the grid: 一 二 … 日 for a Monday start. */
export function weekdayHeaders(weekStart: 0 | 1): string[] {
  const names = ["日", "一", "二", "三", "四", "五", "六"];
  return Array.from({ length: 7 }, (_, i) => names[(i + weekStart) % 7] ?? "");
}
