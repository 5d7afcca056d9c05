/**
 * The weeks of a month as a calendar grid shows them: every day with its holiday kind (法定节假日,
 * 调休 workday, weekend, weekday) from chinese-days and the user's own days, and today marked.
 * The 行事历 view and the Markdown and HTML exports draw this same grid.
 */
import dayjs from "dayjs";
import type { DayInfo, HolidayOverrides } from "../holidays/types";
import { holidaysInMonth } from "../holidays/day-info";

export interface GridDay extends DayInfo {
  /** Day of the month, 1–31. */
  day: number;
  isToday: boolean;
}

/** A week row; null is a day of the neighbouring month. */
export type GridWeek = (GridDay | null)[];

export interface MonthGrid {
  year: number;
  month: number;
  weeks: GridWeek[];
  /** false when there is no holiday data for the year (the grid then shows plain weekends). */
  covered: boolean;
  /** Why there are no holidays ("暂无 2027 年节假日数据 …"), or null. */
  note: string | null;
}

/** `today` is "YYYY-MM-DD" (null: no day is marked as today). */
export function monthGrid(year: number, month: number, weekStart: 0 | 1, overrides?: HolidayOverrides, today: string | null = null): MonthGrid {
  const info = holidaysInMonth(year, month, overrides);
  const weeks: GridWeek[] = [];
  const lead = (dayjs(new Date(year, month - 1, 1)).day() - weekStart + 7) % 7;
  let row: GridWeek = Array.from({ length: lead }, () => null);
  for (const d of info.days) {
    row.push({ ...d, day: Number(d.date.slice(8)), isToday: d.date === today });
    if (row.length === 7) {
      weeks.push(row);
      row = [];
    }
  }
  if (row.length > 0) {
    while (row.length < 7) row.push(null);
    weeks.push(row);
  }
  return { year, month, weeks, covered: info.covered, note: info.note };
}

/** Weekday numbers (0 = Sunday) in the grid's column order. */
export function weekdayOrder(weekStart: 0 | 1): number[] {
  return Array.from({ length: 7 }, (_, i) => (i + weekStart) % 7);
}

/** Column titles of the grid: 一 二 … 日 for a Monday start. */
export function weekdayHeaders(weekStart: 0 | 1): string[] {
  const names = ["日", "一", "二", "三", "四", "五", "六"];
  return weekdayOrder(weekStart).map((d) => names[d] ?? "");
}
