/** One day and one month of the holiday calendar: chinese-days, with the user's overrides on top. */
import dayjs from "dayjs";
import type { DayInfo, HolidayOverrides, MonthHolidays } from "./types";
import { builtInCovers, builtInDay } from "./chinese-days-source";

function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

/** Whether the user's overrides name any day of the year. */
export function overridesCoverYear(year: number, overrides: HolidayOverrides | undefined): boolean {
  if (!overrides) return false;
  const prefix = `${year}-`;
  return Object.keys(overrides).some((k) => k.startsWith(prefix));
}

/** Whether holidays are known for the year: chinese-days has it, or the user gave days for it. */
export function yearCovered(year: number, overrides?: HolidayOverrides): boolean {
  return builtInCovers(year) || overridesCoverYear(year, overrides);
}

/** The message shown instead of an empty holiday list for a year nobody has data for. */
export function noDataNote(year: number): string {
  return `暂无 ${year} 年节假日数据 / no holiday data for ${year}`;
}

/** One day ("YYYY-MM-DD"): a user override wins over chinese-days, which wins over the weekday. */
export function dayInfo(date: string, overrides?: HolidayOverrides): DayInfo {
  const d = dayjs(date);
  const iso = d.isValid() ? d.format("YYYY-MM-DD") : "";
  // dayjs rolls 2026-02-30 over into March: only a date that formats back to itself is a real day.
  if (iso !== date) throw new RangeError(`不是有效日期（应为 YYYY-MM-DD）：${date} / not a valid YYYY-MM-DD date: ${date}`);
  const weekday = d.day();
  const plain: DayInfo = { date: iso, kind: isWeekend(weekday) ? "weekend" : "weekday", name: null, weekday };
  const own = overrides?.[iso];
  if (own) {
    if (own.kind === "normal") return plain;
    const name = own.name && own.name.trim() !== "" ? own.name.trim() : null;
    return { date: iso, kind: own.kind, name, weekday };
  }
  const built = builtInDay(iso);
  if (!built) return plain;
  return { date: iso, kind: built.kind, name: built.kind === "workday" ? `${built.name}调休` : built.name, weekday };
}

/** Every day of a month (month 1–12) with its kind, and whether the year's holidays are known at all. */
export function holidaysInMonth(year: number, month: number, overrides?: HolidayOverrides): MonthHolidays {
  const first = dayjs(new Date(year, month - 1, 1));
  const days: DayInfo[] = [];
  for (let i = 0; i < first.daysInMonth(); i++) days.push(dayInfo(first.add(i, "day").format("YYYY-MM-DD"), overrides));
  const covered = yearCovered(year, overrides);
  return { days, covered, note: covered ? null : noDataNote(year) };
}
