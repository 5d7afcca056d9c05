/** One day and one month of the holiday calendar: chinese-days, with the user's overrides on top. */
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

/**
 * The weekday (0 = Sunday) of a "YYYY-MM-DD" that names a real day, else null. Plain date
 * arithmetic: a month grid asks this for every day it draws, and a date library's parse and format
 * cost more than the rest of the grid.
 */
function weekdayOfIso(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March: only a date that comes back as itself is a real day.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getUTCDay();
}

/** One day ("YYYY-MM-DD"): a user override wins over chinese-days, which wins over the weekday. */
export function dayInfo(date: string, overrides?: HolidayOverrides): DayInfo {
  const weekday = weekdayOfIso(date);
  if (weekday === null) throw new RangeError(`不是有效日期（应为 YYYY-MM-DD）：${date} / not a valid YYYY-MM-DD date: ${date}`);
  const iso = date;
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
  const days: DayInfo[] = [];
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-`;
  for (let d = 1; d <= length; d++) days.push(dayInfo(`${prefix}${String(d).padStart(2, "0")}`, overrides));
  const covered = yearCovered(year, overrides);
  return { days, covered, note: covered ? null : noDataNote(year) };
}
