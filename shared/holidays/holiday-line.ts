/**
 * The one-line summary of a month's holidays that templates put under each month heading, as a
 * quote line so the plan engine keeps it as a note and never takes it for a task:
 *   > 节假日 / Holidays: 国庆节 10月1日—7日放假；9月20日（周日）、10月10日（周六）调休上班
 * No space ever stands between two Chinese characters: the engine drops such spaces when it reads
 * the note back, and the line must read back as written.
 */
import dayjs from "dayjs";
import type { DayInfo, HolidayOverrides } from "./types";
import { dayInfo, holidaysInMonth, noDataNote } from "./day-info";

export const HOLIDAY_LINE_PREFIX = "节假日 / Holidays: ";
export const NO_HOLIDAYS_TEXT = "本月无法定节假日和调休 / none this month";

const WEEKDAY_ZH = ["日", "一", "二", "三", "四", "五", "六"] as const;

/** "周六" */
export function weekdayName(weekday: number): string {
  return `周${WEEKDAY_ZH[weekday] ?? ""}`;
}

/** "10月1日" */
export function monthDayText(date: string): string {
  const d = dayjs(date);
  return `${d.month() + 1}月${d.date()}日`;
}

/** "10月1日—7日", "1月28日—2月4日", or "6月19日" for one day. */
export function dayRangeText(start: string, end: string): string {
  if (start === end) return monthDayText(start);
  const a = dayjs(start);
  const b = dayjs(end);
  if (a.year() === b.year() && a.month() === b.month()) return `${monthDayText(start)}—${b.date()}日`;
  return `${monthDayText(start)}—${monthDayText(end)}`;
}

export interface HolidayRun {
  /** "YYYY-MM-DD", first and last day of the run (it may reach into the neighbouring month). */
  start: string;
  end: string;
  /** Names in order, each once ("国庆节", "中秋节"). */
  names: string[];
}

/** Longest a run of holidays is followed outside its month (春节 and 国庆 are at most 9 days). */
const MAX_RUN_REACH = 15;

/** Consecutive holidays touching the month, each followed to its real first and last day. */
export function holidayRuns(days: readonly DayInfo[], overrides?: HolidayOverrides): HolidayRun[] {
  const runs: HolidayRun[] = [];
  let i = 0;
  while (i < days.length) {
    const day = days[i];
    if (!day || day.kind !== "holiday") {
      i++;
      continue;
    }
    const run: DayInfo[] = [day];
    let j = i + 1;
    for (; j < days.length; j++) {
      const next = days[j];
      if (!next || next.kind !== "holiday") break;
      run.push(next);
    }
    if (i === 0) {
      for (let k = 1; k <= MAX_RUN_REACH; k++) {
        const before = dayInfo(dayjs(day.date).subtract(k, "day").format("YYYY-MM-DD"), overrides);
        if (before.kind !== "holiday") break;
        run.unshift(before);
      }
    }
    if (j === days.length) {
      const lastInMonth = run[run.length - 1] as DayInfo;
      for (let k = 1; k <= MAX_RUN_REACH; k++) {
        const after = dayInfo(dayjs(lastInMonth.date).add(k, "day").format("YYYY-MM-DD"), overrides);
        if (after.kind !== "holiday") break;
        run.push(after);
      }
    }
    const names: string[] = [];
    for (const d of run) if (d.name !== null && !names.includes(d.name)) names.push(d.name);
    runs.push({ start: (run[0] as DayInfo).date, end: (run[run.length - 1] as DayInfo).date, names });
    i = j;
  }
  return runs;
}

/** The body of the line for one month, without the prefix; null when the year has no data. */
function monthBody(year: number, month: number, overrides?: HolidayOverrides): string | null {
  const info = holidaysInMonth(year, month, overrides);
  if (!info.covered) return null;
  const parts: string[] = [];
  const runs = holidayRuns(info.days, overrides);
  if (runs.length > 0) {
    parts.push(runs.map((r) => `${r.names.length > 0 ? r.names.join("、") : "节假日"} ${dayRangeText(r.start, r.end)}放假`).join("；"));
  }
  const workdays = info.days.filter((d) => d.kind === "workday");
  if (workdays.length > 0) {
    parts.push(`${workdays.map((d) => `${monthDayText(d.date)}（${weekdayName(d.weekday)}）`).join("、")}调休上班`);
  }
  return parts.length > 0 ? parts.join("；") : null;
}

/**
 * One line for a month: "节假日 / Holidays: 春节 2月15日—23日放假；2月14日（周六）、2月28日（周六）调休上班",
 * "节假日 / Holidays: 本月无法定节假日和调休 / none this month", or, for a year nobody has data for,
 * "节假日 / Holidays: 暂无 2027 年节假日数据 / no holiday data for 2027". No "> " in front: see
 * `holidayQuoteLine` for the line as a plan note writes it.
 */
export function formatHolidayLine(year: number, month: number, overrides?: HolidayOverrides): string {
  return formatHolidayLineForMonths([{ year, month }], overrides);
}

/**
 * The same for a heading that covers several months (七、八月份): each month's part after its
 * name ("7月：…；8月：…"); months of a year without data say so once.
 */
export function formatHolidayLineForMonths(months: readonly { year: number; month: number }[], overrides?: HolidayOverrides): string {
  if (months.length === 0) return HOLIDAY_LINE_PREFIX + NO_HOLIDAYS_TEXT;
  const pieces: string[] = [];
  const uncovered: number[] = [];
  let anyCovered = false;
  for (const { year, month } of months) {
    const info = holidaysInMonth(year, month, overrides);
    if (!info.covered) {
      if (!uncovered.includes(year)) uncovered.push(year);
      continue;
    }
    anyCovered = true;
    const body = monthBody(year, month, overrides);
    if (body !== null) pieces.push(months.length > 1 ? `${month}月：${body}` : body);
  }
  const out: string[] = [];
  if (anyCovered) out.push(pieces.length > 0 ? pieces.join("；") : months.length > 1 ? "无法定节假日和调休 / none" : NO_HOLIDAYS_TEXT);
  for (const y of uncovered) out.push(noDataNote(y));
  return HOLIDAY_LINE_PREFIX + out.join("；");
}

/** The line as a plan note holds it: a quote line, so the engine keeps it as a note of the month. */
export function holidayQuoteLine(year: number, month: number, overrides?: HolidayOverrides): string {
  return `> ${formatHolidayLine(year, month, overrides)}`;
}
