/**
 * Month headings of a 行事历, in every form plans use:
 *   一月份工作：  三月份：  3月  3月份  元月  2020年9月  七、八月份  七月、八月  7-8月  12月至1月
 *   2020年12月至2021年1月  七、八月份：暑期生活 (a heading with its task on the same line)
 * The whole line must be the heading (plus an optional ":" and same-line text), so a sentence that
 * mentions a month ("今年4月，组织一次…", "3月8日召开…") is never taken for one.
 */
import { parseChineseNumber } from "../outline/chinese-number";
import { nextMonthNumber } from "../time/year-month";

export interface MonthRef {
  /** The year written in the heading itself, or null. */
  year: number | null;
  month: number;
}

export interface MonthHeading {
  months: MonthRef[];
  /** Offset where the label ends (before the colon); the label is text.slice(0, labelEnd). */
  labelEnd: number;
  /** Offset of same-line text after the colon, or null. */
  restStart: number | null;
}

const MONTH = "(十[一二]|十|[一二三四五六七八九]|元|1[0-2]|0?[1-9])";
const YEAR = "(?:(\\d{4}) *年 *)?";
const SUFFIX = " *月 *份?";
// What may follow the month word in a heading: 一月份工作, 三月份活动安排, 9月主题 …
const TAIL = "(?:工作安排|活动安排|活動安排|工作要点|工作要點|主题活动|主題活動|重点工作|重點工作|工作|安排|活动|活動|计划|計劃|主题|主題|事项|事項)?";
// "九月份（开学月）：" — a short note in brackets may follow the heading word.
const END = " *(?:\\([^)]{0,20}\\))? *(?::|$)";

const SINGLE = new RegExp(`^${YEAR}${MONTH}${SUFFIX}${TAIL}${END}`);
// 七、八月份 / 七月、八月 / 7月和8月
const LIST = new RegExp(`^${YEAR}${MONTH}(?:${SUFFIX})? *[、,和及与與] *${MONTH}${SUFFIX}${TAIL}${END}`);
// 7-8月 / 12月至1月 / 2020年12月至2021年1月 / 七至八月
const RANGE = new RegExp(`^${YEAR}${MONTH}(?:${SUFFIX})? *[-—–~至到] *${YEAR}${MONTH}${SUFFIX}${TAIL}${END}`);

function monthNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = text === "元" ? 1 : parseChineseNumber(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

function yearNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return n >= 1900 && n <= 2199 ? n : null;
}

function finish(key: string, matchEnd: number, months: MonthRef[]): MonthHeading {
  const hasColon = key.charAt(matchEnd - 1) === ":";
  const labelEnd = hasColon ? matchEnd - 1 : matchEnd;
  let restStart: number | null = null;
  if (hasColon) {
    let i = matchEnd;
    while (i < key.length && key[i] === " ") i++;
    restStart = i < key.length ? i : null;
  }
  return { months, labelEnd: trimEnd(key, labelEnd), restStart };
}

function trimEnd(key: string, end: number): number {
  let e = end;
  while (e > 0 && key[e - 1] === " ") e--;
  return e;
}

/** Months from a to b inclusive, wrapping past December (12月至1月 → 12, 1). */
function spanMonths(a: number, b: number): number[] {
  const out: number[] = [];
  for (let m = a, guard = 0; guard < 12; guard++, m = nextMonthNumber(m)) {
    out.push(m);
    if (m === b) break;
  }
  return out;
}

export function matchMonthHeading(key: string): MonthHeading | null {
  let m = SINGLE.exec(key);
  if (m) {
    const month = monthNumber(m[2]);
    if (month !== null) return finish(key, m[0].length, [{ year: yearNumber(m[1]), month }]);
  }
  m = LIST.exec(key);
  if (m) {
    const a = monthNumber(m[2]);
    const b = monthNumber(m[3]);
    // 一、一月 is an outline item followed by a month, not a pair of months.
    if (a !== null && b !== null && b === nextMonthNumber(a)) {
      const year = yearNumber(m[1]);
      return finish(key, m[0].length, [
        { year, month: a },
        { year: year === null ? null : b < a ? year + 1 : year, month: b },
      ]);
    }
  }
  m = RANGE.exec(key);
  if (m) {
    const a = monthNumber(m[2]);
    const b = monthNumber(m[4]);
    if (a !== null && b !== null && a !== b) {
      const year = yearNumber(m[1]);
      const endYear = yearNumber(m[3]);
      const months = spanMonths(a, b).map((month) => ({
        year: year === null ? endYear === null ? null : month > b ? endYear - 1 : endYear : month < a ? year + 1 : year,
        month,
      }));
      return finish(key, m[0].length, months);
    }
  }
  return null;
}
