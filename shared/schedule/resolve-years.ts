/**
 * Gives every schedule month its calendar year. A 行事历 runs forward in time: in school-year order
 * (九月 … 一月 … 六月) a month smaller than the one before it belongs to the next year. A year written
 * in a heading is used unless it contradicts that order (a plan that writes "2020年3月" after
 * "2020年12月至1月" means 2021-03): then the consistent year wins and a warning says so. With no year
 * anywhere (not in the title, not in a heading) years stay unknown: the engine never invents one.
 */
import type { Diagnostic, Period, ScheduleMonth } from "../plan/types";
import { ymIndex } from "../time/year-month";

interface Cursor {
  year: number;
  month: number;
}

const index = ymIndex;

/** The first occurrence of `month` at or after `from`. */
function nextOccurrence(month: number, from: Cursor): Cursor {
  return { year: month >= from.month ? from.year : from.year + 1, month };
}

/** A period's bound ("2027-03") as a cursor. */
function cursorOf(yearMonth: string): Cursor {
  return { year: Number(yearMonth.slice(0, 4)), month: Number(yearMonth.slice(5, 7)) };
}

/** The year of `month` inside the period, when the period says. */
function yearInPeriod(month: number, period: Period): number | null {
  const candidate = nextOccurrence(month, cursorOf(period.start));
  return index(candidate) <= index(cursorOf(period.end)) ? candidate.year : null;
}

export function resolveYears(months: ScheduleMonth[], period: Period | null, titleYear: number | null, diagnostics: Diagnostic[]): void {
  let cursor: Cursor | null = null;
  for (const sm of months) {
    const first = sm.months[0];
    if (!first) continue;
    const written = sm.writtenYear;
    let year: number | null;
    if (cursor === null) {
      year = written ?? (period ? yearInPeriod(first.month, period) : null) ?? titleYear;
    } else {
      const expected = nextOccurrence(first.month, cursor);
      // A table ordered by activity goes back to a month (5 after 4-6): past the plan's period, the
      // period's own occurrence of that month is the one meant.
      const inPeriod = period && index(expected) > index(cursorOf(period.end)) ? yearInPeriod(first.month, period) : null;
      if (inPeriod !== null) expected.year = inPeriod;
      year = expected.year;
      if (written !== null && written !== expected.year) {
        diagnostics.push({
          line: sm.line,
          severity: "warning",
          code: "year-conflict",
          message: `「${sm.label}」写的是 ${written} 年，但按行事历的先后顺序应是 ${expected.year} 年，已按 ${expected.year} 年处理 / heading says ${written}, but in schedule order it is ${expected.year}; read as ${expected.year}`,
        });
      }
    }
    if (year === null) {
      for (const m of sm.months) m.year = null;
      continue;
    }
    let c: Cursor = { year, month: first.month };
    sm.months[0] = { year, month: first.month };
    for (let i = 1; i < sm.months.length; i++) {
      const m = sm.months[i] as { month: number };
      c = nextOccurrence(m.month, c);
      sm.months[i] = { year: c.year, month: m.month };
    }
    cursor = c;
  }
  backfillLeadingMonths(months);
}

/** The last occurrence of `month` strictly before `before`. */
function previousOccurrence(month: number, before: Cursor): Cursor {
  return { year: month < before.month ? before.year : before.year - 1, month };
}

/**
 * Months before the first one whose year is known ("12月至1月" above "2020年9月") take their years
 * from it, counting back in schedule order: the same years a reader would give them.
 */
function backfillLeadingMonths(months: ScheduleMonth[]): void {
  const firstKnown = months.findIndex((sm) => sm.months[0]?.year !== null && sm.months.length > 0);
  if (firstKnown <= 0) return;
  const anchor = months[firstKnown]?.months[0];
  if (!anchor || anchor.year === null) return;
  let before: Cursor = { year: anchor.year, month: anchor.month };
  for (let i = firstKnown - 1; i >= 0; i--) {
    const sm = months[i] as ScheduleMonth;
    for (let k = sm.months.length - 1; k >= 0; k--) {
      const m = sm.months[k] as { month: number };
      before = previousOccurrence(m.month, before);
      sm.months[k] = { year: before.year, month: m.month };
    }
  }
}
