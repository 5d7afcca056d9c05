/**
 * The date a task's own words give it, within the months of its heading: "3月8日" under 三月 of a
 * known year is 2026-03-08; "15日" takes the heading's month; a day in a month the heading does
 * not cover gives no date. Reading and writing a note both ask this, so a 📅 is written exactly
 * when the words alone would not give the task its date.
 */
import type { YearMonth } from "../plan/types";
import { isoDate } from "../time/year-month";
import { findDayReference } from "./task-text";

export interface TextDates {
  date: string | null;
  dateEnd: string | null;
  partOfMonth: string | null;
}

export function datesFromText(text: string, months: readonly YearMonth[]): TextDates {
  const ref = findDayReference(text);
  if (!ref) return { date: null, dateEnd: null, partOfMonth: null };
  const monthOf = (n: number | null): YearMonth | null => {
    if (n === null) return months.length === 1 ? (months[0] ?? null) : null;
    return months.find((m) => m.month === n) ?? null;
  };
  const at = (n: number | null, day: number | null): string | null => {
    const m = monthOf(n);
    return m && m.year !== null && day !== null ? isoDate(m.year, m.month, day) : null;
  };
  return { date: at(ref.month, ref.day), dateEnd: ref.endDay === null ? null : at(ref.endMonth, ref.endDay), partOfMonth: ref.partOfMonth };
}
