/**
 * One 行事历 item's text → the parts of a task: its clean text, block id, owner and the day or part
 * of the month it names. Text keeps the writer's characters; only the item number (already gone),
 * trailing 。；;,， and the markers we recognise are taken off.
 */
import { foldKey } from "../normalize/fold";
import { collapseLayoutSpaces } from "../normalize/normalize-text";
import { parseChineseNumber } from "../outline/chinese-number";
import { isDigit, readDatePhrase } from "./date-phrase";
import { readTaskFields, type TaskDetail } from "../tasks/task-serializer";

export interface TaskTextParts {
  text: string;
  blockId: string | null;
  owner: string | null;
  /** 📅 / [due:: ] date written by Tasks-plugin users, "YYYY-MM-DD". */
  dueDate: string | null;
  /** 🛫 / [start:: ]: the first day of a range whose last day is the due date. */
  startDate: string | null;
  /** ✅ / [completion:: ]: the day Tasks recorded the tick. */
  doneDate: string | null;
  /** [地点:: …] and other table columns kept on the line. */
  details: TaskDetail[];
}

/** Strips trailing 。；;,，、 and spaces by walking back: a regex anchored at $ is quadratic on long runs. */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && " 。；;,，、".indexOf(text.charAt(end - 1)) >= 0) end--;
  return text.slice(0, end);
}

/** The task-line syntax itself (box, fields, block id, owner) is read by shared/tasks/task-serializer. */
export function splitTaskText(raw: string): TaskTextParts {
  const { text: described, owner, fields } = readTaskFields(raw);
  // Taking a marker out of the middle can leave two CJK characters with a space between them.
  const text = trimTrailing(collapseLayoutSpaces(described.trim()));
  return { text, blockId: fields.blockId, owner, dueDate: fields.due, startDate: fields.start, doneDate: fields.doneDate, details: fields.details };
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
const PART = /(上中旬|中下旬|上旬|中旬|下旬|月初|月中|月底|月末|初旬)/;

function num(text: string | undefined): number | null {
  return text === undefined ? null : parseChineseNumber(text);
}

/** 3月8日 · 3月6日—30日 · 8日 · 中旬 · 月末, as written in a task. */
// Every day reference holds one of these (日/号/號 after a day, 旬, or 月初/月中/月底/月末).
const DAY_CHARS = /[日号號旬月]/;

/** The first slash date in a task ("9/1", "2/1~2/15"): each slash is tried once, from the digits before it. */
function slashDay(key: string, part: string | null): DayReference | null {
  for (let s = key.indexOf("/"); s > 0; s = key.indexOf("/", s + 1)) {
    let start = s;
    while (start > 0 && s - start < 4 && isDigit(key.charAt(start - 1))) start--;
    const p = start < s ? readDatePhrase(key, start) : null;
    if (p?.day) return { month: p.day.month, day: p.day.day, endMonth: p.dayEnd?.month ?? null, endDay: p.dayEnd?.day ?? null, partOfMonth: part };
  }
  return null;
}

export function findDayReference(text: string): DayReference | null {
  if (!DAY_CHARS.test(text)) return text.indexOf("/") >= 0 ? slashDay(foldKey(text), null) : null;
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
  const slash = key.indexOf("/") >= 0 ? slashDay(key, part) : null;
  if (slash) return slash;
  return part ? { month: null, day: null, endMonth: null, endDay: null, partOfMonth: part } : null;
}
