/**
 * Year-month arithmetic for every folder of the engine (plan, schedule, edit, calendar, templates)
 * and for the plugin and the mirror. It sits on the ground floor: it imports nothing from
 * shared/, so no folder that needs month sums has to import a folder that imports it back.
 * Every date goes through dayjs; no hand-rolled month lengths.
 */
import dayjs from "dayjs";

/** 1-based month, with the year when the plan lets us know it. */
export interface YearMonth {
  year: number | null;
  month: number;
}

/** A month whose year is known. */
export interface KnownYearMonth {
  year: number;
  month: number;
}

/** Months since year 0: one number per month, so months compare and subtract as integers. */
export function ymIndex(ym: KnownYearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

/** The month a `ymIndex` stands for. */
export function ymFromIndex(index: number): KnownYearMonth {
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** Negative when a is before b, 0 for the same month, positive after. */
export function compareYm(a: KnownYearMonth, b: KnownYearMonth): number {
  return ymIndex(a) - ymIndex(b);
}

/** The calendar month after `month` (12 → 1), ignoring the year. */
export function nextMonthNumber(month: number): number {
  return (month % 12) + 1;
}

/** How many months forward from month number `from` to `to` (0..11), wrapping past December. */
export function monthsForward(from: number, to: number): number {
  return (((to - from) % 12) + 12) % 12;
}

/** "2012-03" for a known year, "?-03" when the plan does not say which year. */
export function ymKey(ym: YearMonth): string {
  const mm = String(ym.month).padStart(2, "0");
  return ym.year === null ? `?-${mm}` : `${ym.year}-${mm}`;
}

/** Parses "YYYY-MM"; null when it is not one. */
export function parseYm(text: string): KnownYearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

export function addMonths(ym: KnownYearMonth, n: number): KnownYearMonth {
  const d = dayjs(new Date(ym.year, ym.month - 1, 1)).add(n, "month");
  return { year: d.year(), month: d.month() + 1 };
}

/** Every month from start to end inclusive ("YYYY-MM" strings); empty when end is before start. */
export function monthsBetween(start: string, end: string): string[] {
  const a = parseYm(start);
  const b = parseYm(end);
  if (!a || !b) return [];
  const out: string[] = [];
  for (let cur = a; compareYm(cur, b) <= 0; cur = addMonths(cur, 1)) {
    out.push(ymKey(cur));
    if (out.length > 1200) break;
  }
  return out;
}

const MONTH_LENGTHS = new Map<number, number>();

/** Days in a month, through dayjs, asked once per month (every dated task asks). */
export function daysInMonth(year: number, month: number): number {
  const k = year * 12 + month;
  let n = MONTH_LENGTHS.get(k);
  if (n === undefined) {
    n = dayjs(new Date(year, month - 1, 1)).daysInMonth();
    // Bounded: a hostile plan naming a million years must not grow it without end.
    if (MONTH_LENGTHS.size < 10000) MONTH_LENGTHS.set(k, n);
  }
  return n;
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

/** A year of the Republic (民国, as Taiwan writes years: 115 = 2026) in the common era. */
export function commonEraOfRepublicYear(year: number): number {
  return year + 1911;
}
