/**
 * One months array per calendar month, shared by every body task that names that month alone. A
 * 10 MB text has some 60 000 body tasks and nearly all name a single month, so an array and a month
 * object of their own each were several MB of identical copies kept with the parse result. Nothing
 * changes a body task's months once built: resolveYears works on the 行事历 only, before the body
 * is read, and no consumer writes into a parsed plan's months.
 */
import type { YearMonth } from "../time/year-month";

// Years × 12 months in use stay a few hundred; the bound keeps a long-lived plugin's map small
// whatever it reads (past it, a task gets an array of its own, as before).
const MAX_SHARED = 4096;
const single = new Map<number, YearMonth[]>();

/** The shared `[{ year, month }]`: a key for each month 1–12 of a year 0–9999 or of no year. */
export function singleMonth(year: number | null, month: number): YearMonth[] {
  const exact = Number.isInteger(month) && month >= 1 && month <= 12 && (year === null || (Number.isInteger(year) && year >= 0 && year <= 9999));
  if (!exact) return [{ year, month }];
  const key = (year ?? 10000) * 16 + month;
  let months = single.get(key);
  if (!months) {
    months = [{ year, month }];
    if (single.size < MAX_SHARED) single.set(key, months);
  }
  return months;
}
