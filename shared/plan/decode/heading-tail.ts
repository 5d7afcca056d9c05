/** What may follow the date phrase of a month heading: a word such as 工作, a bracketed note, the colon. */
import { dayAndHourLength } from "../day-and-hour";
import { charCodeSet, firstCharsOf } from "../../schedule/word-lookup";
import { codeAt, spacesFrom } from "../../schedule/date-codes";
import { isSpaceCode } from "../../normalize/trim-chars";

// What may follow a month word in a heading: 一月份工作, 三月份活动安排, 9月主题 …
const TAIL_WORDS = ["工作安排", "活动安排", "活動安排", "工作要点", "工作要點", "主题活动", "主題活動", "重点工作", "重點工作", "工作计划", "工作計劃", "活动内容", "活動內容", "工作", "安排", "活动", "活動", "计划", "計劃", "主题", "主題", "事项", "事項"];
// Every look below is by code, and -1 past the key's end (codeAt): most headings end there ("3月"),
// and charAt or charCodeAt out of range takes V8's slow path.
const TAIL_FIRST = charCodeSet(firstCharsOf(TAIL_WORDS));
const COLON = 0x3a;
const OPEN = 0x28;
const NO_WORDS: readonly string[] = [];

/**
 * Where `text` ends once the spaces and ASCII colons at its end are left off: the length
 * trimEndOf(text, SPACES + ":") would keep, found by code without making the string (asked of
 * every line a month or a task reading looks at).
 */
export function endBeforeSpacesAndColons(text: string, to = text.length): number {
  let end = to;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 0x3a && !isSpaceCode(c)) break;
    end--;
  }
  return end;
}

/** After the date phrase: an optional tail word ("工作") and bracketed note ("（开学月）"), then the separator. */
export function headingTail(key: string, at: number): number {
  // "（一）2024年1月17日（周三）下午1点30分": a session's weekday and hour are part of its heading.
  const timed = dayAndHourLength(key, at);
  if (timed > 0) {
    const after = spacesFrom(key, at + timed);
    if (after >= key.length || codeAt(key, after) === COLON) return after;
  }
  let i = spacesFrom(key, at);
  // Most headings have no tail word: one look at the next character spares the list.
  for (const w of TAIL_FIRST.has(codeAt(key, i)) ? TAIL_WORDS : NO_WORDS) {
    if (key.startsWith(w, i)) {
      const after = spacesFrom(key, i + w.length);
      if (after >= key.length || codeAt(key, after) === COLON || codeAt(key, after) === OPEN) i = after;
      break;
    }
  }
  if (codeAt(key, i) === OPEN) {
    const close = key.indexOf(")", i);
    if (close > i && close - i <= 21) {
      const after = spacesFrom(key, close + 1);
      if (after >= key.length || codeAt(key, after) === COLON) i = after;
    }
  }
  return i;
}

// "（一）", "(周三)", "星期五", "上午", "下午3点": what may follow a day before its activity.
const WEEKDAY_OR_TIME = /^ *(?:[(（](?:周|週|星期|礼拜|禮拜)?[一二三四五六日天][)）]|周|週|星期|礼拜|禮拜|上午|下午|中午|晚上|早上|傍晚|\d)/;

/**
 * Where the heading of a dated day ends: "9月1日（一） 開學日", "3月8日下午 庆祝活动" keep the weekday
 * and the time in the heading, and the activity after them is the task. A bracket that is no weekday
 * ("（三八节）") is the task's own, as is anything after a day without a time.
 */
export function weekdayEnd(key: string, at: number): number {
  const timed = dayAndHourLength(key, at);
  if (timed > 0 && WEEKDAY_OR_TIME.test(key.slice(at, at + timed))) return at + timed;
  return headingTail(key, at);
}
