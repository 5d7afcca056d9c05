/**
 * One 行事历 item's text → the parts of a task: its clean text, block id, owner and the day or part
 * of the month it names. Text keeps the writer's characters; only the item number (already gone),
 * trailing 。；;,， and the markers we recognise are taken off.
 */
import { foldKey } from "../normalize/fold";
import { collapseLayoutSpaces } from "../normalize/normalize-text";
import { parseChineseNumber } from "../outline/chinese-number";

export interface TaskTextParts {
  text: string;
  blockId: string | null;
  owner: string | null;
  /** 📅 date written by Tasks-plugin users, "YYYY-MM-DD". */
  dueDate: string | null;
}

// No pattern here starts with a repetition (" *"): one that does is retried at every position of a
// run and rescans it each time, quadratic on a long run. The spaces they left are trimmed below.
const BLOCK_ID = /\^([A-Za-z0-9-]+)$/;
// 📅 is a surrogate pair; written out so the pattern needs no `u` flag (iOS).
const DUE = /\ud83d\udcc5 *(\d{4}-\d{2}-\d{2})/g;
const DONE_DATE = /\u2705 *\d{4}-\d{2}-\d{2}/g;
const OWNER = /[(（] *(?:负责人|負責人|责任人|責任人|负责|負責|牵头|牽頭) *[:：]? *([^()（）]+?) *[)）]/g;
const OWNER_HINT = /[负負责責牵牽]/;
// Trailing punctuation is walked off by hand (trimTrailing): /[ 。；;,，、]+$/ is tried at every
// position of a run and took 99 s on 1 MB of "，".
const TRAILING = " 。；;,，、";

function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.includes(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

export function splitTaskText(raw: string): TaskTextParts {
  let text = raw.trim();
  let blockId: string | null = null;
  const id = BLOCK_ID.exec(text);
  if (id) {
    blockId = id[1] ?? null;
    text = text.slice(0, id.index);
  }
  // Every 📅 comes off the text; the last one is the date (Tasks keeps one, a paste may repeat it).
  let dueDate: string | null = null;
  if (text.indexOf("\ud83d\udcc5") >= 0) {
    text = text.replace(DUE, (_m: string, date: string) => {
      dueDate = date;
      return "";
    });
  }
  if (text.indexOf("\u2705") >= 0) text = text.replace(DONE_DATE, "");
  let owner: string | null = null;
  if (OWNER_HINT.test(text)) {
    text = text.replace(OWNER, (_m: string, name: string) => {
      owner = name.trim() || owner;
      return "";
    });
  }
  // Taking a marker out of the middle can leave two CJK characters with a space between them.
  text = trimTrailing(collapseLayoutSpaces(text.trim()));
  return { text, blockId, owner, dueDate };
}

export interface DayReference {
  /** Month named with the day (3月8日 → 3), or null when only the day is written (8日). */
  month: number | null;
  day: number | null;
  endMonth: number | null;
  endDay: number | null;
  partOfMonth: string | null;
}

const NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const DAY_RANGE = new RegExp(`(?:${NUM}月)?${NUM}[日号號] *[-—–~至到] *(?:${NUM}月)?${NUM}[日号號]`);
const DAY = new RegExp(`(?:${NUM}月)?${NUM}[日号號](?![-—–~至到])`);
const PART = /(上旬|中旬|下旬|月初|月中|月底|月末|初旬)/;

function num(text: string | undefined): number | null {
  return text === undefined ? null : parseChineseNumber(text);
}

/** 3月8日 · 3月6日—30日 · 8日 · 中旬 · 月末, as written in a task. */
export function findDayReference(text: string): DayReference | null {
  const key = foldKey(text);
  const part = PART.exec(key)?.[1] ?? null;
  const range = DAY_RANGE.exec(key);
  if (range) {
    const month = num(range[1]);
    const day = num(range[2]);
    const endMonth = num(range[3]) ?? month;
    const endDay = num(range[4]);
    if (day !== null && endDay !== null && day <= 31 && endDay <= 31) return { month, day, endMonth, endDay, partOfMonth: part };
  }
  const single = DAY.exec(key);
  if (single) {
    const day = num(single[2]);
    // "12日" inside "2012日" is not a day: require no digit just before the match.
    const before = single.index > 0 ? key.charAt(single.index - 1) : "";
    if (day !== null && day >= 1 && day <= 31 && !/\d/.test(before)) {
      return { month: num(single[1]), day, endMonth: null, endDay: null, partOfMonth: part };
    }
  }
  return part ? { month: null, day: null, endMonth: null, endDay: null, partOfMonth: part } : null;
}
