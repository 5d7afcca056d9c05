/**
 * The characters date-phrase.ts looks for, as char codes, and the small scans it makes with them.
 * Its readers run at every position that may open a date, on every line: charAt would make a new
 * string of every CJK character it is asked for, and a code is compared without one.
 */
import { startsWithAny } from "./word-lookup";
import { codeFlag, flagOf, type CodeFlag } from "./code-flags";
import { FIRST_CHARS, HAN_DIGITS, HOLIDAYS_BY_FIRST, NOT_ONLY_FESTIVAL_FIRST, LIST_MARKS, PARTS_FIRST, PLACEHOLDER, QUARTERS_BY_FIRST, RANGE_MARKS, RELATIVE_FIRST, SUFFIXES_FIRST, TEN_DAYS_FIRST } from "./date-words";

export const SPACE = 0x20;
export const SLASH = 0x2f;
export const QUESTION = 0x3f;
export const NIAN = "年".charCodeAt(0);
export const YUE = "月".charCodeAt(0);
export const FEN = "份".charCodeAt(0);
export const YUAN = "元".charCodeAt(0);
export const ZHENG = "正".charCodeAt(0);
export const DUN = "、".charCodeAt(0);
const SHI = "十".charCodeAt(0);

export const FIRST_CODES = codeFlag(FIRST_CHARS);
export const NOT_ONLY_FESTIVAL_CODES = codeFlag(NOT_ONLY_FESTIVAL_FIRST);
export const DAY_CODES = flagOf("日号號");
export const PLACEHOLDER_CODES = flagOf(PLACEHOLDER);
export const HAN_DIGIT_CODES = flagOf(HAN_DIGITS);
export const RANGE_CODES = flagOf(RANGE_MARKS);
export const LIST_CODES = flagOf(LIST_MARKS);
// The first characters of each word list: a list is tried only where one of its words may start.
export const PARTS_CODES = flagOf(PARTS_FIRST);
export const SUFFIXES_CODES = flagOf(SUFFIXES_FIRST);
export const RELATIVE_CODES = flagOf(RELATIVE_FIRST);
export const TEN_DAYS_CODES = flagOf(TEN_DAYS_FIRST);
export const HOLIDAY_CODES = flagOf([...HOLIDAYS_BY_FIRST.keys()].join(""));
export const QUARTER_CODES = flagOf([...QUARTERS_BY_FIRST.keys()].join(""));

// The value of each Chinese numeral but 十, as parseChineseNumber gives it (〇 and 零 are 0).
const HAN_VALUES = new Map([..."〇零一二三四五六七八九"].map((c, k) => [c.charCodeAt(0), Math.max(0, k - 1)]));

/** The value of a Chinese numeral other than 十, or -1. */
function hanDigitValue(c: number): number {
  return HAN_VALUES.get(c) ?? -1;
}

/**
 * The code at `i`, or -1 past the key's end: charCodeAt would give NaN there, and NaN asked of a set
 * or read out of range costs V8 a slower path, on every line that ends with its date ("3月").
 */
export function codeAt(key: string, i: number): number {
  return i < key.length ? key.charCodeAt(i) : -1;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Where the run of ASCII spaces at `at` ends. */
export function spacesFrom(key: string, at: number): number {
  let i = at;
  while (codeAt(key, i) === SPACE) i++;
  return i;
}

/** The word of `words` at `at`, when the character there may start one (`first`: their first characters' codes). */
export function wordAt(key: string, at: number, words: readonly string[], first: CodeFlag): string | null {
  return first.has(codeAt(key, at)) ? startsWithAny(key, at, words) : null;
}

/**
 * The number a run of one to three Chinese numerals (HAN_DIGITS) writes, as parseChineseNumber reads
 * the run's slice ("三" 3, "十二" 12, "二十三" 23, "二三" none), or -1 where it gives null: by code,
 * without the slice, the patterns and the lookups by string it makes for every month word.
 */
export function hanNumber(key: string, at: number, end: number): number {
  let ten = at;
  while (ten < end && codeAt(key, ten) !== SHI) ten++;
  if (ten === end) return end - at === 1 ? hanDigitValue(codeAt(key, at)) : -1;
  if (ten - at > 1 || end - ten > 2) return -1;
  const tens = ten === at ? 1 : hanDigitValue(codeAt(key, at));
  const ones = ten + 1 === end ? 0 : hanDigitValue(codeAt(key, ten + 1));
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}
