/** Public holidays and 调休 workdays (chinese-days, 2004–2026) with the user's own days on top. */
export * from "./types";
export { dayInfo, holidaysInMonth, yearCovered, noDataNote } from "./day-info";
export { builtInCovers } from "./chinese-days-source";
export {
  formatHolidayLine,
  formatHolidayLineForMonths,
  holidayQuoteLine,
  holidayRuns,
  weekdayName,
  monthDayText,
  dayRangeText,
  HOLIDAY_LINE_PREFIX,
  NO_HOLIDAYS_TEXT,
  type HolidayRun,
} from "./holiday-line";
export { parseHolidayOverrides, formatHolidayOverrides, mergeOverrides, normalizeDate, type OverrideParseResult, type OverrideParseError } from "./override-text";
