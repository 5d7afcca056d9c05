/**
 * The words date phrases are made of (date-phrase.ts reads them): numerals, range and list marks,
 * parts of a month, suffixes, relative years, holidays and quarters, each with the first characters
 * its words start with, so a reader looks at one character before it tries a list.
 */
import { byFirstChar, charCodeSet, firstCharsOf, isDigit, isOneOf, startsWithAnyOf } from "./word-lookup";

export const HAN_DIGITS = "〇零一二三四五六七八九十";
export const HAN_YEAR_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const RANGE_MARKS = "-—–―‐~〜至到";
export const LIST_MARKS = "、,和及与與";
export const PARTS = ["上中旬", "中下旬", "上、中旬", "中、下旬", "上旬", "中旬", "下旬", "月初", "月中", "月底", "月末", "初", "底", "末"];
export const SUFFIXES = ["左右", "前后", "前後", "以前", "之前", "以后", "以後", "期间", "期間", "起", "前", "间", "間", "内", "內"];
export const RELATIVE_YEARS = ["今年", "本年", "明年", "次年", "本年度", "今年度"];
export const TEN_DAYS = ["上中旬", "中下旬", "上、中旬", "中、下旬", "上旬", "中旬", "下旬"];
const HOLIDAYS: readonly [string, number[]][] = [
  ["寒假", [1, 2]],
  ["暑假", [7, 8]],
  ["暑期", [7, 8]],
];
const QUARTERS: readonly [string, number[]][] = [
  ["第一季度", [1, 2, 3]],
  ["第二季度", [4, 5, 6]],
  ["第三季度", [7, 8, 9]],
  ["第四季度", [10, 11, 12]],
  ["一季度", [1, 2, 3]],
  ["二季度", [4, 5, 6]],
  ["三季度", [7, 8, 9]],
  ["四季度", [10, 11, 12]],
];

export const PLACEHOLDER = "xX×";
export const PARTS_FIRST = firstCharsOf(PARTS);
export const SUFFIXES_FIRST = firstCharsOf(SUFFIXES);
export const RELATIVE_FIRST = firstCharsOf(RELATIVE_YEARS);
export const TEN_DAYS_FIRST = firstCharsOf(TEN_DAYS);
export const HOLIDAYS_BY_FIRST = byFirstChar(HOLIDAYS);
export const QUARTERS_BY_FIRST = byFirstChar(QUARTERS);

// "3月7曰": 曰 is a common slip for 日 right after a day's number.
const DAY_MARKS = "日号號曰";
// "1月6下午", "3月7（周三）": a day's number whose 日 was lost before the part of the day or the weekday.
const AFTER_LOST_DAY_MARK = ["上午", "下午", "中午", "晚上", "早上", "傍晚", "(周", "(星期", "(週"];
const AFTER_LOST_DAY_MARK_FIRST = firstCharsOf(AFTER_LOST_DAY_MARK);

/**
 * How many characters after a day's number (at `at`, after 月) mark it as the day: 1 for its 日,
 * 0 where the 日 was lost ("2017年11月30" ending a cell, "1月6下午"), -1 when it is no day.
 */
export function dayMarkLength(key: string, at: number): number {
  // "27 日": a space copied from a form's layout.
  let spaces = 0;
  while (key.charAt(at + spaces) === " " && spaces < 2) spaces++;
  if (isOneOf(DAY_MARKS, key.charAt(at + spaces))) return spaces + 1;
  if (at === key.length || startsWithAnyOf(key, at, AFTER_LOST_DAY_MARK, AFTER_LOST_DAY_MARK_FIRST)) return 0;
  return -1;
}

/** Whether `c` may stand right before or after a slash date: not part of a longer number, path or fraction. */
export function isSlashBoundary(c: string): boolean {
  return c === "" || !(isDigit(c) || c === "/" || c === "." || c === ":" || c === "%" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
}

// Every date phrase starts with one of these: a digit, a Chinese numeral, 元/正, a relative year
// (今年, 本年, 明年, 次年), 寒假/暑假/暑期, a quarter (第一季度, 一季度), a placeholder year (xx年), or a
// festival, maybe quoted ("“五一”期间").
// Most positions start with none.
export const FIRST_CHARS = charCodeSet("0123456789〇零一二三四五六七八九十元正今本明次寒暑第xX×“\"「『国國妇婦劳勞青儿兒建教");

/**
 * The first characters of every phrase but a festival's: a point (a digit, a Chinese numeral, 元/正, a
 * placeholder year), a relative year, a holiday, a quarter. A phrase starting with any other of
 * FIRST_CHARS can only be a festival period.
 */
export const NOT_ONLY_FESTIVAL_FIRST = charCodeSet(`0123456789${HAN_DIGITS}元正${PLACEHOLDER}${RELATIVE_FIRST}${[...HOLIDAYS_BY_FIRST.keys()].join("")}${[...QUARTERS_BY_FIRST.keys()].join("")}`);
