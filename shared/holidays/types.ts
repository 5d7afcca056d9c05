/** Public holidays and 调休 workdays: the shapes every consumer (templates, view, exports) reads. */

/** holiday: 法定节假日放假; workday: 调休上班 (a weekend day worked); weekend / weekday: an ordinary day. */
export type DayKind = "holiday" | "workday" | "weekend" | "weekday";

export interface DayInfo {
  /** "YYYY-MM-DD" */
  date: string;
  kind: DayKind;
  /** The holiday's Chinese name (春节, 国庆节 …) for holidays and 调休 workdays; null for ordinary days. */
  name: string | null;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/**
 * A user's own entry for one day, merged over chinese-days. `normal` clears what chinese-days says
 * (the day is an ordinary weekday or weekend again).
 */
export type OverrideKind = "holiday" | "workday" | "normal";

export interface HolidayOverride {
  kind: OverrideKind;
  name?: string | null;
}

/** By "YYYY-MM-DD", e.g. { "2027-02-07": { kind: "workday", name: "春节调休" } }. */
export type HolidayOverrides = Readonly<Record<string, HolidayOverride>>;

export interface MonthHolidays {
  /** Every day of the month, in order. */
  days: DayInfo[];
  /** true when chinese-days knows the year, or the user gave days of their own for it. */
  covered: boolean;
  /** Why the month shows no holidays when it is not covered ("暂无 2027 年节假日数据 / no holiday data for 2027"); null otherwise. */
  note: string | null;
}
