/**
 * Month arithmetic for plans. Every date goes through dayjs; no hand-rolled month lengths.
 */
import dayjs from "dayjs";
import type { YearMonth } from "../plan/types";

/** "2012-03" for a known year, "?-03" when the plan does not say which year. */
export function ymKey(ym: YearMonth): string {
  const mm = String(ym.month).padStart(2, "0");
  return ym.year === null ? `?-${mm}` : `${ym.year}-${mm}`;
}

/** Parses "YYYY-MM"; null when it is not one. */
export function parseYm(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

export function addMonths(ym: { year: number; month: number }, n: number): { year: number; month: number } {
  const d = dayjs(new Date(ym.year, ym.month - 1, 1)).add(n, "month");
  return { year: d.year(), month: d.month() + 1 };
}

/** Every month from start to end inclusive ("YYYY-MM" strings); empty when end is before start. */
export function monthsBetween(start: string, end: string): string[] {
  const a = parseYm(start);
  const b = parseYm(end);
  if (!a || !b) return [];
  const out: string[] = [];
  for (let cur = a; cur.year * 12 + cur.month <= b.year * 12 + b.month; cur = addMonths(cur, 1)) {
    out.push(ymKey(cur));
    if (out.length > 1200) break;
  }
  return out;
}

/** Days in a month, through dayjs. */
export function daysInMonth(year: number, month: number): number {
  return dayjs(new Date(year, month - 1, 1)).daysInMonth();
}

/** "YYYY-MM-DD" of the month's last day. */
export function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" for a real calendar day, or null (3月31日 in April → null). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The current month as "YYYY-MM". */
export function currentYm(now: Date = new Date()): string {
  return dayjs(now).format("YYYY-MM");
}

/** "2012年3月", "2012年7月—8月", "2020年12月—2021年1月", or "3月" when the year is unknown. */
export function monthHeadingText(months: readonly YearMonth[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return "";
  const one = (m: YearMonth, withYear: boolean): string => (withYear && m.year !== null ? `${m.year}年${m.month}月` : `${m.month}月`);
  if (months.length === 1) return one(first, true);
  const crossesYear = first.year !== null && last.year !== null && first.year !== last.year;
  return `${one(first, true)}—${one(last, crossesYear)}`;
}
