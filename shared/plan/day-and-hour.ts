/**
 * What may stand between a date and the task it dates: a weekday, a part of the day, an hour and how
 * long from it ("（周四）下午5点", "(星期日)上午十時", "晚7:00至9:30", "下午4:30以后"), how many days it
 * runs ("两天"), that it starts then ("开始"). Dates in notices carry them; the task is what follows them.
 */
import { SPACES } from "../normalize/trim-chars";

// Hours are written in digits or in Chinese numerals ("上午十時"), minutes likewise or as 半.
const HOUR = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";
const MINUTES = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";
// "9:30", "9:30点", "5点", "十時", "4点半", "8点30分".
const CLOCK = `${HOUR}(?:\\s*[:：]\\s*${MINUTES}\\s*[点點分]?|\\s*[点點时時]\\s*(?:半|${MINUTES}\\s*分?)?)`;
const PART_OF_DAY = "(?:上午|下午|中午|晚上|早上|凌晨|傍晚|晚|早)";
// Alone, without an hour, only the two-character words: "晚会", "早操" are no times.
const PART_OF_DAY_ALONE = "(?:上午|下午|中午|晚上|早上|凌晨|傍晚)";
const WEEKDAY = "(?:[(（][^()（）]{1,4}[)）]|(?:星期|周|週|礼拜|禮拜)[一二三四五六日天])";
// "11月8日、9日两天在…", "3月8日为期半天的…": how many days the date runs says when, not what. (天 only:
// "一日游" is what is done.)
const DURATION = "(?:(?:共|为期|為期)?(?:\\d{1,2}|[两兩一二三四五六七八九十]{1,2}|半)\\s*天的?)";
// Sticky, each part bounded: read at one offset, it costs time linear in what it reads.
const DAY_AND_HOUR = new RegExp(
  `\\s*${WEEKDAY}?\\s*${DURATION}?\\s*(?:${PART_OF_DAY}?\\s*${CLOCK}(?:\\s*[-—~～至到]\\s*${PART_OF_DAY}?\\s*${CLOCK})?|${PART_OF_DAY_ALONE})?\\s*(?:以后|以後|之后|之後|开始|開始|起)?`,
  "y",
);
// Every match that is not empty opens (after spaces) with one of these.
const FIRST = "(（星周週礼禮上下中晚早凌傍0123456789一二三四五六七八九十两兩共为為半开開起以之";

/** How many characters of `text` from `at` are a weekday, a time of day and the like (0 if none). */
export function dayAndHourLength(text: string, at = 0): number {
  let i = at;
  while (i < text.length && SPACES.includes(text.charAt(i))) i++;
  // charAt past the end is "", which includes() would find.
  if (i >= text.length || !FIRST.includes(text.charAt(i))) return 0;
  DAY_AND_HOUR.lastIndex = at;
  return DAY_AND_HOUR.exec(text)?.[0].length ?? 0;
}
