/**
 * What period a template covers and how its 行事历 is headed: one heading per month, except that an
 * annual plan (and a yearly 月主题 plan) puts the two summer months under one `7月—8月` heading, as
 * school plans usually do (七、八月份).
 */
import type { Period } from "../plan/types";
import { addMonths, monthsBetween, parseYm } from "../time/year-month";
import type { TemplateId } from "./catalog";
import { templateInfo } from "./catalog";

export interface CalendarMonth {
  year: number;
  month: number;
}

/** One heading of the 行事历: one month, or two for the summer. */
export type MonthGroup = CalendarMonth[];

export interface TemplatePeriod {
  period: Period;
  /** Every month of the period, in order. */
  months: CalendarMonth[];
  /** The 行事历 headings, in order; flattened they are exactly `months`. */
  groups: MonthGroup[];
  /** "第一学期" / "第二学期", or null for a calendar-year plan. */
  termName: string | null;
}

export function termName(term: 1 | 2): string {
  return term === 1 ? "第一学期" : "第二学期";
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`年份应为 1900—9999 的整数：${year} / the year must be a whole number from 1900 to 9999: ${year}`);
  }
}

/** The period of a template for a year (calendar year, or the 学年 start year when a term is given). */
export function templatePeriod(template: TemplateId, year: number, term?: 1 | 2): TemplatePeriod {
  checkYear(year);
  const info = templateInfo(template);
  if (info.term === "required" && term === undefined) {
    throw new RangeError(`“${info.name}”需要选择学期（1 或 2） / "${info.nameEn}" needs a term (1 or 2)`);
  }
  const useTerm = info.term === "none" ? undefined : term;
  let period: Period;
  if (useTerm === 1) period = { start: `${year}-09`, end: `${year + 1}-01` };
  else if (useTerm === 2) period = { start: `${year + 1}-02`, end: `${year + 1}-07` };
  else period = { start: `${year}-01`, end: `${year}-12` };
  const months = monthsOf(period);
  const combineSummer = useTerm === undefined;
  return { period, months, groups: groupMonths(months, combineSummer), termName: useTerm === undefined ? null : termName(useTerm) };
}

export function monthsOf(period: Period): CalendarMonth[] {
  const out: CalendarMonth[] = [];
  for (const key of monthsBetween(period.start, period.end)) {
    const p = parseYm(key);
    if (p) out.push(p);
  }
  return out;
}

/** One group per month; with `combineSummer`, a July directly followed by August of the same year share one. */
export function groupMonths(months: readonly CalendarMonth[], combineSummer: boolean): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (let i = 0; i < months.length; i++) {
    const m = months[i] as CalendarMonth;
    const next = months[i + 1];
    if (combineSummer && m.month === 7 && next) {
      const after = addMonths(m, 1);
      if (next.year === after.year && next.month === after.month) {
        groups.push([m, next]);
        i++;
        continue;
      }
    }
    groups.push([m]);
  }
  return groups;
}

/** "2027年3月", or "2027年7月—8月" for two months of one year (the engine's canonical heading). */
export function groupHeading(group: MonthGroup): string {
  const first = group[0];
  const last = group[group.length - 1];
  if (!first || !last) return "";
  if (group.length === 1) return `${first.year}年${first.month}月`;
  return first.year === last.year ? `${first.year}年${first.month}月—${last.month}月` : `${first.year}年${first.month}月—${last.year}年${last.month}月`;
}
