/**
 * The readings one line may have inside a plan, each from a small named rule (the chain is
 * readingsOf at the end). A rule proposes; it never decides: the decoder (decode-schedule.ts)
 * picks the reading of every line that makes the whole plan most consistent.
 *
 *   month        a month heading, maybe with its tasks on the same line ("三月份：", "五月份  教工羽毛球赛",
 *                "3、20xx年4月：教工登山活动", "十月、")
 *   glued        a flattened table's month number glued to the item number ("21、" = 二月 item 1)
 *   task         an item under the current month (numbered, bulleted, a checkbox, a table cell, a bare line)
 *   continuation the rest of the item above, broken by a PDF or a narrow page
 *   header       a flattened table's header row ("月份" / "活动内容" / "备注")
 *   row          a table row pasted on one line, its cells kept apart by spaces or tabs ("1  篮球赛  5月  体育组")
 *   cell         a flattened table's other cell (参加对象, 地点, 负责人 …), not a task
 *   field        an activity block's "时间：…" or "活动名称：…" field (shared/plan/field-tasks.ts reads them)
 *   furniture    text around a plan: a sign-off, a "related articles" line, a page number, a closing note
 *   other        the plan's body: the line is not part of a 行事历
 */
import { readDatePhrase, type DatePhrase } from "../../schedule/date-phrase";
import { isSpaceCode, SPACES, trimEndOf } from "../../normalize/trim-chars";
import type { MonthRef } from "../../schedule/month-heading";
import { leadingDigits, type LineUnit } from "./line-unit";
import { splitInlineItems } from "./inline-items";
import { headerRoles, type ColumnRole } from "./table-header";
import { endBeforeSpacesAndColons, headingTail, weekdayEnd } from "./heading-tail";
import { tellsOfThePast } from "../../schedule/past-tense";
import { isFieldKeyLine, isNameField, isOpenTimeField, isTimeField } from "../field-tasks";
import { hasMonthWord } from "../schedule-signal";
import { furnitureReading, TERMINAL_LAST } from "./furniture-reading";
import { flagOf } from "../../schedule/code-flags";
import { codeAt, spacesFrom } from "../../schedule/date-codes";

export type HeadStyle = "bare" | "colon" | "space" | "comma" | "glued" | "lost-number" | "cell";

export type Reading =
  | { kind: "month"; label: string; months: MonthRef[]; tasks: string[]; style: HeadStyle; itemLevel: number | null; itemOrdinal: number | null; phrase: DatePhrase; past: number }
  | { kind: "glued"; month: number; ordinal: number | null; text: string }
  | { kind: "task"; tasks: string[]; ordinal: number | null; level: number | null; numbered: boolean; done: boolean; open: boolean; cells: boolean; past: number; namesMonth: number | null }
  | { kind: "continuation"; text: string; open: boolean }
  | { kind: "header"; roles: ColumnRole[] }
  | { kind: "row"; cells: string[] }
  | { kind: "cell"; text: string }
  | { kind: "furniture"; why: "sign-off" | "related" | "page-number" | "closing-note" | "detail" | "item-detail" }
  | { kind: "field"; role: "time" | "name"; open: boolean }
  | { kind: "other" };

/** A rule adds the line's readings it finds to `out` (no list of its own: most find none). */
type ReadingRule = (u: LineUnit, out: Reading[]) => void;
/** A rule that finds one reading at most. */
export type OneReadingRule = (u: LineUnit) => Reading | null;

/**
 * Whether a reading places a line in the 行事历 (the rest are body text, fields or page furniture):
 * month, glued, task, continuation, header, cell, row. A switch, not a set: the plan builder asks
 * it of every decision, several times.
 */
export function isScheduleReading(kind: Reading["kind"]): boolean {
  switch (kind) {
    case "month":
    case "glued":
    case "task":
    case "continuation":
    case "header":
    case "cell":
    case "row":
      return true;
    default:
      return false;
  }
}

const PAST = /^(以来|以來|至今|份以来|份以來)/;
// "5月份完成工作", "四月工作总结": a month's report of what was done heads no month of the plan.
const REPORT = /^(完成工作|已完成工作|已完成|工作完成情况|工作完成情況|完成情况|完成情況|工作总结|工作總結|工作小结|工作小結|工作回顾|工作回顧)/;
// Their first characters: one look after the heading spares both patterns (and the slices they test).
const PAST_FIRST = flagOf("以至份");
const REPORT_FIRST = flagOf("完已工");
/** A line a narrow page or a PDF broke is long; a short line without a full stop is just an item. */
const BROKEN_LINE_MIN = 14;

function pastCount(tasks: readonly string[]): number {
  let n = 0;
  for (const t of tasks) if (tellsOfThePast(t)) n++;
  return n;
}

/** A long line that does not end its sentence (asked by code: this runs for every task reading). */
function isOpen(text: string): boolean {
  return text.length >= BROKEN_LINE_MIN && !TERMINAL_LAST.has(text.charCodeAt(text.length - 1));
}

/** A month heading read from the line after its number (or from the whole line when it has none). */
const monthReading: OneReadingRule = (u) => {
  const { text, key } = u.body;
  // A checkbox is a task as its writer marked it; a title names the plan.
  if (u.token.kind === "title" || u.token.kind === "checkbox") return null;
  const phrase = u.phrase;
  // A slash date ("9/1") names its month without 月; a festival ("五一期间") alone heads no month.
  if (!phrase || (!hasMonthWord(key) && key.lastIndexOf("/", phrase.end - 1) < 0)) return null;
  const labelEnd = phrase.end;
  // codeAt: -1 past the end, where most headings end ("3月"), as charCodeAt's NaN there is slow.
  if (PAST_FIRST.has(codeAt(key, labelEnd)) && PAST.test(key.slice(labelEnd))) return null;
  const reportAt = spacesFrom(key, labelEnd);
  if (REPORT_FIRST.has(codeAt(key, reportAt)) && REPORT.test(key.slice(reportAt))) return null;
  const i = phrase.day !== null ? weekdayEnd(key, labelEnd) : headingTail(key, labelEnd);
  // The label is text[0, i) without the spaces and colons at its end and the spaces at its start,
  // found by code: one slice, no trimmed copies.
  const labelTo = endBeforeSpacesAndColons(text, Math.min(i, text.length));
  let labelFrom = 0;
  while (labelFrom < labelTo && isSpaceCode(text.charCodeAt(labelFrom))) labelFrom++;
  const label = text.slice(labelFrom, labelTo);
  const itemLevel = u.number?.level ?? null;
  const itemOrdinal = u.number?.ordinal ?? null;
  // Literals, not a spread of a shared base: this runs for every line with a month word.
  if (i >= key.length) return { kind: "month", label, months: phrase.months, itemLevel, itemOrdinal, phrase, tasks: [], style: "bare", past: 0 };
  const c = key.charAt(i);
  let style: HeadStyle;
  let restAt: number;
  if (c === ":") {
    style = "colon";
    restAt = i + 1;
  } else if (c === "、") {
    style = "lost-number";
    // "十月、慰问…" lost its first item's number as well as its colon: the 、 opens an item.
    restAt = i;
  } else if (c === ",") {
    style = "comma";
    restAt = i + 1;
  } else if (c === " " || i > labelEnd || u.gaps.includes(i)) {
    style = "space";
    restAt = i;
  } else {
    style = "glued";
    restAt = i;
  }
  const rest = text.slice(restAt).trim();
  const tasks = rest === "" ? [] : splitInlineItems(rest, true);
  return { kind: "month", label: label === "" ? text.slice(0, labelEnd) : label, months: phrase.months, itemLevel, itemOrdinal, phrase, tasks, style, past: pastCount(tasks) };
};

// What may follow a number that is no month glued to an item: a unit of time or a count.
const NOT_GLUED_AFTER = flagOf("月日号號年周天点時时个個");

const SPACES_AND_BAR = SPACES + "|";

// "3", "4-6", "9~10": a bare month number, as a table's 时间 column holds it.
const BARE_MONTHS = /^(?:[1-9]|1[0-2])(?:[-~—–至](?:[1-9]|1[0-2]))?$/;

/** A table's month cell written as a bare number ("3", "4-6"); step.ts takes it only in a month column. */
const monthCellReading: OneReadingRule = (u) => {
  if (u.number !== null || u.token.kind !== "paragraph") return null;
  const key = trimEndOf(u.whole.key, SPACES_AND_BAR).trim();
  if (!BARE_MONTHS.test(key)) return null;
  const phrase = readDatePhrase(`${key}月`);
  if (!phrase) return null;
  return { kind: "month", label: key, months: phrase.months, tasks: [], style: "cell", itemLevel: null, itemOrdinal: null, phrase, past: 0 };
};

/** Whether a number can be read as a month glued to an item number (11 → 1月 item 1; not 10 or 20: no item 0). */
function isGluedNumber(digits: string): boolean {
  for (let cut = 1; cut < digits.length; cut++) {
    const month = Number(digits.slice(0, cut));
    if (month >= 1 && month <= 12 && !digits.slice(cut).startsWith("0")) return true;
  }
  return false;
}

/** "21、…" after "13、…": a two-column table lost its column break; the month is the leading digits. */
const gluedReading: ReadingRule = (u, out) => {
  if (u.token.kind === "checkbox" || u.markdownDepth !== null) return;
  const key = u.whole.key;
  const digits = leadingDigits(key);
  const n = digits.length;
  if (n === 0 || n > 3) return;
  const sep = key.charAt(n);
  // "10. …" after "9. …", "10滨海…" after "9. …": 9 and 10 cannot be a month glued to an item (no
  // item 0), so the number goes on counting the list.
  const previous = u.previousOrdinal;
  if (previous !== null && previous === Number(digits) - 1 && !isGluedNumber(String(previous))) return;
  if (sep === "、" || sep === "." || sep === "," || sep === " ") {
    const text = u.whole.text.slice(spacesFrom(key, n + 1)).trim();
    if (text === "" || /^[\d月日号]/.test(text)) return;
    for (let cut = 1; cut < n; cut++) {
      const month = Number(digits.slice(0, cut));
      const tail = digits.slice(cut);
      if (month < 1 || month > 12 || tail.startsWith("0")) continue;
      out.push({ kind: "glued", month, ordinal: Number(tail), text });
    }
  } else if (n <= 2 && !NOT_GLUED_AFTER.has(key.charCodeAt(n)) && /^[“"《]?[\u4e00-\u9fff]{2}/.test(key.slice(n))) {
    // "7组织…": a month with a single item, its number never written.
    const month = Number(digits);
    if (month >= 1 && month <= 12) out.push({ kind: "glued", month, ordinal: null, text: u.whole.text.slice(n).trim() });
  }
};

const taskReading: ReadingRule = (u, out) => {
  const tok = u.token;
  if (tok.kind === "title" || isFieldKeyLine(u)) return;
  const text = u.body.text;
  if (text === "") return;
  const numbered = u.number !== null && u.number.ordinal !== null;
  const done = tok.kind === "checkbox" ? tok.done : false;
  // "九月" alone names a month and nothing to do, whatever was read before it, so it has no task
  // reading; "寒假" in a table's content cell is what happens then.
  const phrase = u.body.key.indexOf("月") >= 0 ? u.phrase : null;
  if (phrase !== null && headingTail(u.body.key, phrase.end) >= endBeforeSpacesAndColons(u.body.key)) return;
  const namesMonth = phrase?.months[0]?.month ?? null;
  const ordinal = u.number?.ordinal ?? null;
  const level = u.number?.level ?? null;
  const open = isOpen(text);
  const tasks = splitInlineItems(text);
  // Written out, not spread from a shared base: this runs for every line inside a 行事历, and an
  // object spread costs several times a literal in V8.
  out.push({ kind: "task", tasks, ordinal, level, numbered, done, open, namesMonth, cells: false, past: pastCount(tasks) });
  // A table cell pasted as text holds one activity per space-separated part.
  const cells = u.gaps.length > 0 ? splitAtGaps(text, u.gaps) : [];
  // "寒 假": one word spread out by Word's justification, not two cells.
  if (u.number === null && cells.length > 1 && cells.every((c) => c.length >= 2)) {
    out.push({ kind: "task", tasks: cells, ordinal, level, numbered, done, open, namesMonth, cells: true, past: 0 });
  }
};

// In a row split by layout spaces, a space kept before a digit ("5.1福利 5.12护士节…": the space sat
// between a word and a festival date, so normalization kept it) splits cells too.
const SPACE_BEFORE_DIGIT = /\s(?=\d)/;

function splitAtGaps(text: string, gaps: readonly number[]): string[] {
  const out: string[] = [];
  const push = (part: string): void => {
    for (const p of part.split(SPACE_BEFORE_DIGIT)) if (p.trim() !== "") out.push(p.trim());
  };
  let from = 0;
  for (const g of gaps) {
    push(text.slice(from, g));
    from = g;
  }
  push(text.slice(from));
  return out;
}

const continuationReading: OneReadingRule = (u) => {
  if (u.number !== null || u.token.kind !== "paragraph") return null;
  return { kind: "continuation", text: u.body.text, open: isOpen(u.body.text) };
};

/** The line's cells: parts kept apart by spaces, tabs or the gaps normalization recorded. */
export function cellsOf(u: LineUnit): string[] {
  const text = u.whole.text;
  // Gaps are offsets in the body; the whole line has the item number in front of it.
  const offset = text.endsWith(u.body.text) ? text.length - u.body.text.length : -1;
  const cuts = new Set<number>();
  if (offset >= 0) for (const g of u.gaps) cuts.add(g + offset);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charAt(i) === " " || cuts.has(i)) {
      const cell = text.slice(from, i).trim();
      if (cell !== "") out.push(cell);
      from = i;
    }
  }
  return out;
}

const headerReading: OneReadingRule = (u) => {
  // A header is a few short words; most lines are far longer.
  if (u.whole.text.length > 60) return null;
  // "内    容" is one word spread out; "序号活动项目时间负责人" lost its tabs: try the line, then its cells.
  const roles = headerRoles(u.whole.text) ?? (u.gaps.length > 0 ? headerRoles(cellsOf(u).join(" ")) : null);
  return roles ? { kind: "header", roles } : null;
};

// A cell is short; a row of a column's cells split by layout spaces ("全院职工 职工代表 …") is short in each part.
const CELL_LENGTH = 30;

function longestPart(u: LineUnit): number {
  let longest = 0;
  let from = 0;
  for (const g of u.gaps) {
    longest = Math.max(longest, g - from);
    from = g;
  }
  return Math.max(longest, u.body.text.length - from);
}

const cellReading: OneReadingRule = (u) => (u.number === null && longestPart(u) <= CELL_LENGTH ? { kind: "cell", text: u.body.text } : null);

const fieldReading: OneReadingRule = (u) => {
  if (isTimeField(u)) return { kind: "field", role: "time", open: isOpenTimeField(u) };
  if (isNameField(u)) return { kind: "field", role: "name", open: false };
  return null;
};

/** A table row on one line: two cells at least, short enough to be a row and not a paragraph. */
const rowReading: OneReadingRule = (u) => {
  if (u.whole.text.length > 120 || (u.gaps.length === 0 && u.whole.text.indexOf(" ") < 0)) return null;
  const cells = cellsOf(u);
  return cells.length >= 2 ? { kind: "row", cells } : null;
};

const OTHER: Reading = { kind: "other" };

/**
 * The readings of a line: the chain of rules, in two parts. Opening readings can be read anywhere;
 * inner readings (a task, the rest of a line, a table cell) only inside a 行事历. Within each, the
 * order only breaks exact ties. `inner` is false when no reading of the lines so far is inside a
 * 行事历, `table` false when none has a table's columns: a row or a cell follows only a state with
 * columns (stepRow, stepCell in step.ts). Readings that could not follow are not made.
 *
 * The chain is written as calls, not a list of rules walked in a loop: each call site then sees one
 * rule, which V8 can inline (a loop's one site sees them all); this runs for every line.
 */
export function readingsOf(u: LineUnit, inner = true, table = true): Reading[] {
  const out: Reading[] = [];
  let r = monthReading(u);
  if (r) out.push(r);
  gluedReading(u, out);
  r = headerReading(u);
  if (r) out.push(r);
  if (table) {
    r = rowReading(u);
    if (r) out.push(r);
  }
  r = fieldReading(u);
  if (r) out.push(r);
  r = furnitureReading(u);
  if (r) out.push(r);
  if (inner) {
    taskReading(u, out);
    r = continuationReading(u);
    if (r) out.push(r);
    if (table) {
      r = cellReading(u);
      if (r) out.push(r);
      r = monthCellReading(u);
      if (r) out.push(r);
    }
  }
  out.push(OTHER);
  return out;
}
