/**
 * A date phrase at the start of a folded key: the months a 行事历 heading or a dated sentence
 * names, read by one hand-written scan (no backtracking, so any input costs linear time).
 *
 *   3月 · 三月份 · 元月 · 2027年3月 · 20xx年4月 · 今年10月 · 7-8月 · 2~3月 · 2———3月 · 4月——10月 · 9,10月
 *   七、八月份 · 12月至1月 · 2020年12月至2021年1月 · 10月中旬—11月中旬 · 6月3日至7月2日 · 11月20日—28日
 *   6月上旬 · 11月左右 · 9月1日起 · 5月底 · 4月18日和25日 · 寒假 · 暑假 · 第一季度 · 9/1 · 2/1~2/15 · 115/2/1
 *
 * It only reads; whether the phrase heads a 行事历 month, opens a dated sentence or is part of a
 * longer account is for the caller (the schedule decoder, the body-task reader) to decide.
 */
import type { MonthRef } from "./month-heading";
import { festivalPhrase } from "./festival-period";
import { commonEraOfRepublicYear } from "../time/year-month";
import { firstStartingAt } from "./word-lookup";
import { codeAt, DAY_CODES, FIRST_CODES, NOT_ONLY_FESTIVAL_CODES, DUN, FEN, HAN_DIGIT_CODES, hanNumber, HOLIDAY_CODES, isDigitCode, LIST_CODES, NIAN, PARTS_CODES, PLACEHOLDER_CODES, QUARTER_CODES, QUESTION, RANGE_CODES, RELATIVE_CODES, SLASH, SPACE, spacesFrom, SUFFIXES_CODES, TEN_DAYS_CODES, wordAt, YUAN, YUE, ZHENG } from "./date-codes";
import { HAN_YEAR_DIGIT, HOLIDAYS_BY_FIRST, PARTS, QUARTERS_BY_FIRST, RELATIVE_YEARS, SUFFIXES, TEN_DAYS, dayMarkLength, isSlashBoundary } from "./date-words";

export { isDigit } from "./word-lookup";

export interface DatePhrase {
  /** Offset just after the phrase (and any 左右 / 前 / 起 suffix). */
  end: number;
  months: MonthRef[];
  /** First day named (6月3日 → 3), with the month it belongs to. */
  day: { month: number; day: number } | null;
  dayEnd: { month: number; day: number } | null;
  partOfMonth: string | null;
  /** A relative year word was written (今年, 明年): the year is the plan's, not written. */
  relativeYear: string | null;
}

interface Point {
  year: number | null;
  month: number | null;
  day: number | null;
  hasMonthWord: boolean;
  part: string | null;
}

// The readers below run at every position that may open a date, on every line: they return a value
// and leave where they stopped in `readEnd`, and a point is read into one of two points kept here,
// so a phrase costs no array or object per step (only the phrase it gives back).
let readEnd = 0;
const FIRST: Point = { year: null, month: null, day: null, hasMonthWord: false, part: null };
const SECOND: Point = { year: null, month: null, day: null, hasMonthWord: false, part: null };

function setPoint(p: Point, year: number | null, month: number | null, day: number | null, hasMonthWord: boolean, part: string | null): void {
  p.year = year;
  p.month = month;
  p.day = day;
  p.hasMonthWord = hasMonthWord;
  p.part = part;
}

/** readYear found no year. */
const NO_YEAR = -1;
/** readYear found a year it cannot know ("20xx年", a year out of range): written, but null. */
const UNKNOWN_YEAR = 0;


/** "2027年", "20xx年", "二〇二六年" at `at`: the year, UNKNOWN_YEAR or NO_YEAR; its end in readEnd. */
function readYear(key: string, at: number): number {
  // "xx年": the whole year left as a placeholder, as templates and redacted copies write it.
  if (PLACEHOLDER_CODES.has(codeAt(key, at)) && PLACEHOLDER_CODES.has(codeAt(key, at + 1)) && codeAt(key, at + 2) === NIAN) {
    readEnd = spacesFrom(key, at + 3);
    return UNKNOWN_YEAR;
  }
  const republic = readRepublicYear(key, at);
  if (republic !== NO_YEAR) return republic;
  // A year is four characters and its 年 (spaces between): most phrases have none.
  const fifth = codeAt(key, at + 4);
  if (fifth !== NIAN && fifth !== SPACE) return NO_YEAR;
  let i = at;
  let digits = "";
  while (i < key.length && i - at < 4) {
    const c = key.charAt(i);
    if (c >= "0" && c <= "9") digits += c;
    else if (c in HAN_YEAR_DIGIT) digits += String(HAN_YEAR_DIGIT[c]);
    else if ("xX×*_？?".includes(c) && i - at >= 2) digits += "?";
    else break;
    i++;
  }
  if (i - at !== 4) return NO_YEAR;
  i = spacesFrom(key, i);
  if (codeAt(key, i) !== NIAN) return NO_YEAR;
  i = spacesFrom(key, i + 1);
  readEnd = i;
  const year = digits.includes("?") ? null : Number(digits);
  return year !== null && year >= 1900 && year <= 2199 ? year : UNKNOWN_YEAR;
}

/**
 * "108 年 06 月 27 日", "115年3月": a year of the Republic, as Taiwanese plans write it, in three
 * digits counted from 1911. Only before a month: "建校110年" alone is an age, not a year. The year,
 * or NO_YEAR; its end (where the month starts) in readEnd.
 */
function readRepublicYear(key: string, at: number): number {
  const digits = readDigits(key, at, 3);
  if (digits < 100 || readEnd - at !== 3) return NO_YEAR;
  let i = spacesFrom(key, readEnd);
  if (codeAt(key, i) !== NIAN) return NO_YEAR;
  i = spacesFrom(key, i + 1);
  const month = readDigits(key, i, 2);
  if (month < 1 || month > 12) return NO_YEAR;
  if (codeAt(key, spacesFrom(key, readEnd)) !== YUE) return NO_YEAR;
  readEnd = i;
  return commonEraOfRepublicYear(digits);
}

/** A month or day number (1–31): Arabic or Chinese; -1 when there is none; its end in readEnd. */
function readNumber(key: string, at: number): number {
  const c = codeAt(key, at);
  if (isDigitCode(c)) return readDigits(key, at, 2);
  if (c === YUAN || (c === ZHENG && codeAt(key, at + 1) === YUE)) {
    readEnd = at + 1;
    return 1;
  }
  let i = at;
  while (i < key.length && HAN_DIGIT_CODES.has(codeAt(key, i)) && i - at < 3) i++;
  if (i === at) return -1;
  const n = hanNumber(key, at, i);
  if (n < 0) return -1;
  readEnd = i;
  return n;
}

/** A day of the month ("17日") at `at`. */
function isDayAt(key: string, at: number): boolean {
  const n = readNumber(key, at);
  return n >= 1 && n <= 31 && DAY_CODES.has(codeAt(key, readEnd));
}

function opensDayRange(key: string, at: number): boolean {
  if (readJoin(key, at) !== RANGE) return false;
  return readNumber(key, readEnd) >= 0 && DAY_CODES.has(codeAt(key, readEnd));
}

/** The digits at `at` (at most `max`), or -1 when there are none or more follow; their end in readEnd. */
function readDigits(key: string, at: number, max: number): number {
  let i = at;
  let n = 0;
  // The value is summed as the digits are read (the same number Number() makes of their slice).
  while (i < key.length && i - at < max && isDigitCode(codeAt(key, i))) n = n * 10 + codeAt(key, i++) - 48;
  if (i === at || isDigitCode(codeAt(key, i))) return -1;
  readEnd = i;
  return n;
}

/**
 * "9/1", "2/15", "2026/2/1", "115/2/1": a day as Taiwanese plans and many tables write it, month
 * first, maybe after a year (a three-digit year counts from 1911, the Republic's first). The slash
 * stands for 月, so the point names its month. Not a fraction or a path: nothing number-like on
 * either side, and a real month and day.
 */
function readSlashPoint(key: string, at: number, out: Point): number {
  let year: number | null = null;
  const lead = readDigits(key, at, 4);
  const leadEnd = readEnd;
  // The slash first: most digits have none after them (a failed read leaves readEnd to no one).
  if (lead < 0 || codeAt(key, leadEnd) !== SLASH) return -1;
  if (at > 0 && !isSlashBoundary(key.charAt(at - 1))) return -1;
  let month = lead;
  let dayAt = leadEnd + 1;
  const afterYear = leadEnd - at >= 3 ? readDigits(key, dayAt, 2) : -1;
  if (afterYear >= 0 && key.charAt(readEnd) === "/") {
    // "2019/08/15": a zero-padded stamp (a page's post date) is a machine's, not a plan's.
    if (leadEnd - at === 4 && key.charAt(dayAt) === "0") return -1;
    year = leadEnd - at === 3 && lead >= 100 ? commonEraOfRepublicYear(lead) : lead;
    if (year < 1900 || year > 2199) return -1;
    month = afterYear;
    dayAt = readEnd + 1;
  } else if (leadEnd - at > 2) return -1;
  const day = readDigits(key, dayAt, 2);
  if (day < 0 || month < 1 || month > 12 || day < 1 || day > 31 || !isSlashBoundary(key.charAt(readEnd))) return -1;
  setPoint(out, year, month, day, true, null);
  return readEnd;
}

/**
 * One point into `out`: [year] M [月[份]] [part] [D日] — or a bare day "28日" after a range mark, or
 * a slash date. Returns where it ends, or -1 when there is none.
 */
function readPoint(key: string, at: number, out: Point): number {
  const slash = isDigitCode(codeAt(key, at)) ? readSlashPoint(key, at, out) : -1;
  if (slash >= 0) return slash;
  let i = at;
  let year: number | null = null;
  // A year opens with two placeholders ("xx年"), three digits (a Republic year) or has its 年 or a
  // space fifth ("2027年"): where none can, readYear would find none (most points have no year).
  const fifth = codeAt(key, at + 4);
  const mayHaveYear = PLACEHOLDER_CODES.has(codeAt(key, at)) || isDigitCode(codeAt(key, at + 2)) || fifth === NIAN || fifth === SPACE;
  const y = mayHaveYear ? readYear(key, i) : NO_YEAR;
  const hasYear = y !== NO_YEAR;
  if (hasYear) {
    year = y === UNKNOWN_YEAR ? null : y;
    i = readEnd;
  }
  const n = readNumber(key, i);
  if (n < 0) return -1;
  let j = spacesFrom(key, readEnd);
  const c = codeAt(key, j);
  if (DAY_CODES.has(c)) {
    // A bare day ("28日") is only a point inside a range; the caller checks that.
    if (hasYear || n > 31 || n < 1) return -1;
    setPoint(out, null, null, n, false, null);
    return j + 1;
  }
  const month = n;
  if (month < 1 || month > 12) return -1;
  let part: string | null = null;
  let day: number | null = null;
  let hasMonthWord = false;
  if (c === YUE) {
    hasMonthWord = true;
    j++;
    if (codeAt(key, j) === FEN) j++;
    j = spacesFrom(key, j);
    const p = wordAt(key, j, PARTS, PARTS_CODES);
    if (p) {
      // "上、中旬" is 上中旬 written as a list.
      part = p.replace("、", "");
      j += p.length;
    } else if (PLACEHOLDER_CODES.has(codeAt(key, j)) && DAY_CODES.has(codeAt(key, j + 1))) {
      // "3月x日": a day left to be filled in; the month is real, the day unknown.
      j += 2;
    } else {
      const d = readNumber(key, j);
      const dEnd = readEnd;
      const mark = d >= 0 ? dayMarkLength(key, dEnd) : -1;
      if (d >= 1 && d <= 31 && mark >= 0) {
        day = d;
        j = dEnd + mark;
      } else if (d >= 1 && d <= 31 && codeAt(key, dEnd) === DUN && isDayAt(key, dEnd + 1)) {
        // "9月16、17日": two days of the month; the first is the day, the list is the phrase.
        // (isDayAt read the second day: readEnd is its end.)
        day = d;
        j = readEnd + 1;
      } else if (d >= 1 && d <= 31 && opensDayRange(key, dEnd)) {
        // "4月16—18日": the first day of a range leaves its 日 to the last.
        day = d;
        j = dEnd;
      }
    }
  } else if (hasYear) {
    return -1;
  }
  setPoint(out, year, month, day, hasMonthWord, part);
  return j;
}

function span(a: number, b: number): number[] {
  const out: number[] = [];
  for (let m = a, guard = 0; guard < 12; guard++, m = (m % 12) + 1) {
    out.push(m);
    if (m === b) break;
  }
  return out;
}

const RANGE = "range";
const LIST = "list";

/** Skips a run of range or list marks (and spaces): which it was, or null; its end in readEnd. */
function readJoin(key: string, at: number): "range" | "list" | null {
  let i = spacesFrom(key, at);
  const c = codeAt(key, i);
  // At the key's end this has always answered a range (whose second point then is not there).
  if (i >= key.length || RANGE_CODES.has(c)) {
    while (i < key.length && RANGE_CODES.has(codeAt(key, i)) && i - at < 8) i++;
    readEnd = spacesFrom(key, i);
    return RANGE;
  }
  if (LIST_CODES.has(c)) {
    readEnd = spacesFrom(key, i + 1);
    return LIST;
  }
  return null;
}

function withSuffix(key: string, at: number): number {
  const s = wordAt(key, at, SUFFIXES, SUFFIXES_CODES);
  return s ? at + s.length : at;
}

/**
 * "7月1日?8月5日": a page that lost its dash to a "?" (an encoding it could not write). Read as a
 * range only between two whole days with their months, where a question mark says nothing else.
 */
function lostRangeMark(key: string, at: number, first: Point): "range" | null {
  if (codeAt(key, at) !== QUESTION || first.day === null) return null;
  // SECOND is read again by the caller, from readEnd.
  if (readPoint(key, at + 1, SECOND) < 0 || !SECOND.hasMonthWord || SECOND.day === null) return null;
  readEnd = at + 1;
  return RANGE;
}

/** A copy of the months a phrase names, for a reading to keep (the phrase itself is let go). */
export function monthsOf(phrase: DatePhrase): MonthRef[] {
  return phrase.months.map((m) => ({ year: m.year, month: m.month }));
}

/** The date phrase at `at` in `key` (folded), or null. */
export function readDatePhrase(key: string, at = 0): DatePhrase | null {
  const first = codeAt(key, at);
  if (!FIRST_CODES.has(first)) return null;
  // "教职工…", "青年教师…", "“三八”…": a festival is the only phrase that can start here.
  if (!NOT_ONLY_FESTIVAL_CODES.has(first)) return festivalPhrase(key, at);
  let i = at;
  const rel = wordAt(key, i, RELATIVE_YEARS, RELATIVE_CODES);
  if (rel) i += rel.length;
  // Each list is looked up only where its words may start (by code: most phrases open with a digit).
  const holiday = rel || !HOLIDAY_CODES.has(codeAt(key, i)) ? null : firstStartingAt(key, i, HOLIDAYS_BY_FIRST);
  if (holiday) {
    const [word, months] = holiday;
    return { end: withSuffix(key, i + word.length), months: months.map((month) => ({ year: null, month })), day: null, dayEnd: null, partOfMonth: null, relativeYear: null };
  }
  // No festival (festival-period.ts) opens with a digit, quoted or not.
  const festival = isDigitCode(codeAt(key, i)) ? null : festivalPhrase(key, i);
  if (festival) return festival;
  const quarter = rel || !QUARTER_CODES.has(codeAt(key, i)) ? null : firstStartingAt(key, i, QUARTERS_BY_FIRST);
  if (quarter) {
    const [word, months] = quarter;
    return { end: withSuffix(key, i + word.length), months: months.map((month) => ({ year: null, month })), day: null, dayEnd: null, partOfMonth: null, relativeYear: null };
  }
  let end = readPoint(key, i, FIRST);
  const a = FIRST;
  if (end < 0 || a.month === null) return null;
  let b: Point | undefined = undefined;
  let join: "range" | "list" | null = null;
  const next = readJoin(key, end) ?? lostRangeMark(key, end, a);
  const nextAt = readEnd;
  if (next !== null) {
    const secondEnd = readPoint(key, nextAt, SECOND);
    if (secondEnd >= 0) {
      const p = SECOND;
      const isDayOnly = p.month === null;
      // 七、八月份 names two months, but 一、一月 is an item number and a month: a list of months
      // joined by 、 must be consecutive; "9,10月" may not be.
      const consecutive = (a.month % 12) + 1 === p.month;
      // "四月份和九月份", "七月、八月": both written as months, any two may be listed.
      const listOk = next === LIST && !isDayOnly && p.hasMonthWord && p.month !== a.month && (consecutive || key.charAt(end) === "," || a.hasMonthWord);
      const rangeOk = next === RANGE && (isDayOnly ? a.day !== null : p.hasMonthWord);
      if (rangeOk || listOk) {
        b = p;
        join = next;
        end = secondEnd;
      } else if (next === LIST && isDayOnly && a.day !== null && key.charAt(nextAt - 1) !== ",") {
        // "3月6日、7日", "4月24日和28日": a second day of the same month is part of the phrase (its first day stays the day).
        end = secondEnd;
      }
    }
  }
  // A phrase names a month only with 月 (7-8月 has it on its last point).
  if (!a.hasMonthWord && !(b && b.hasMonthWord)) return null;
  let months: MonthRef[];
  let dayEnd: { month: number; day: number } | null = null;
  if (!b || b.month === null) {
    months = [{ year: a.year, month: a.month }];
    if (b && b.day !== null) dayEnd = { month: a.month, day: b.day };
  } else if (join === "list") {
    months = [
      { year: a.year, month: a.month },
      { year: b.year ?? a.year, month: b.month },
    ];
  } else {
    const list = span(a.month, b.month);
    const startYear = a.year;
    const endYear = b.year;
    months = list.map((month) => ({
      year: startYear === null ? (endYear === null ? null : month > b.month! ? endYear - 1 : endYear) : month < (a.month as number) ? startYear + 1 : startYear,
      month,
    }));
    if (b.day !== null) dayEnd = { month: b.month, day: b.day };
  }
  if (a.year === null && b && b.year !== null && join === "list") months[0] = { year: b.year, month: a.month };
  const day = a.day !== null ? { month: a.month, day: a.day } : null;
  let partOfMonth = a.part ?? b?.part ?? null;
  end = withSuffix(key, end);
  if (partOfMonth === null) {
    const p = wordAt(key, end, TEN_DAYS, TEN_DAYS_CODES);
    if (p) {
      partOfMonth = p.replace("、", "");
      end += p.length;
    }
  }
  return { end, months, day, dayEnd, partOfMonth, relativeYear: rel };
}
