/**
 * One step of the schedule decoder: given what the lines so far say (DecodeState) and one reading
 * of the next line, the state after it and the weighted clues that speak for or against it.
 * Pure: the beam search (decode-schedule.ts) calls it for every reading of every line.
 */
import type { ColumnRole } from "./table-header";
import { STAR_MARK_CODES, type LineUnit } from "./line-unit";
import type { Reading } from "./readings";
import { Clues, type Term } from "./clues";
import { isScheduleKeyword } from "./schedule-keyword";
import { readDatePhrase } from "../../schedule/date-phrase";
import { foldKey } from "../../normalize/fold";
import { isNameField, isTimeField } from "../field-tasks";
import { copyOf, START, withoutKeyword, type DecodeState } from "./state";

export { START, type DecodeState } from "./state";
export { stateKey } from "./state-key";

const START_AFTER_KEYWORD: DecodeState = { ...START, keyword: true };
const START_AFTER_OPEN_FIELD: DecodeState = { ...START, fieldValue: true };

export interface StepResult {
  state: DecodeState;
  terms: Term[];
}

/**
 * Months run forward: within a calendar year, or across one new year in school-year order
 * (九月 … 十二月, 一月 … 六月). Returns whether this month passes December.
 */
function orderTerms(s: DecodeState, month: number, c: Clues, laterDay = false): boolean {
  if (s.lastMonth === 0) return false;
  if (month === s.lastMonth) {
    // "3月8日 …" then "3月20日 …": a list of dated days names a month again for each of its days.
    if (laterDay && s.headDay) c.add("dayAdvance");
    else if (!s.table) c.add("monthSame");
    return false;
  }
  const wraps = month < s.lastMonth;
  const d = wraps ? month + 12 - s.lastMonth : month - s.lastMonth;
  if (wraps && (s.wrapped || d > 6)) {
    c.add(s.table ? "monthBackInTable" : "monthBack");
    return false;
  }
  c.add(d <= 3 ? "monthAdvance" : "monthLeap");
  return wraps;
}

function entryTerms(s: DecodeState, c: Clues): void {
  if (s.mode === "out") c.add("enter");
  else if (s.mode === "after") c.add("reenter");
  if (s.mode !== "in" && s.keyword) c.add("keywordBefore");
  if (s.mode === "in" && s.tasks === 0 && s.month !== 0) c.add("emptyMonth");
}

function taskCountTerms(count: number, past: number, c: Clues): void {
  if (count > 0) c.add("task");
  if (count > 1) c.add("inlineTask", count - 1);
  if (past > 0) c.add("pastTense", past);
}

/** Where a table's next cell falls after a month cell or a content cell. */
function tableColumn(table: readonly ColumnRole[] | null, role: ColumnRole): number {
  return table ? table.indexOf(role) + 1 : 0;
}

/** "活动内容 | 参加人员 | 完成时间": a row's month cell comes after its content, which waits for it. */
export function monthAfterContent(table: readonly ColumnRole[] | null): boolean {
  if (table === null) return false;
  const content = table.indexOf("content");
  return content >= 0 && content < table.indexOf("month");
}

/** The column a cell falls in: past the last, a new row starts (its blank cells were dropped with the blank lines). */
function columnIn(table: readonly ColumnRole[], column: number): number {
  return column >= table.length ? 0 : column;
}

function stepMonth(s: DecodeState, r: Extract<Reading, { kind: "month" }>, u: LineUnit, c: Clues): DecodeState | null {
  // "暑期疗休养" in a table whose month comes last is a content cell that opens with a date word, not a heading.
  if (r.tasks.length > 0 && monthAfterContent(s.table)) return null;
  // A bare number is a month only where a table's month column expects its cell.
  if (r.style === "cell") {
    if (s.table === null || s.table[columnIn(s.table, s.column)] !== "month") return null;
    c.add("monthCell");
  }
  // Every month heading costs a hair, so that where two readings tie the one with fewer months wins,
  // the same way every time.
  c.add("heading");
  entryTerms(s, c);
  const first = r.months[0]?.month ?? 0;
  const last = r.months[r.months.length - 1]?.month ?? first;
  // A month cell's order says little: a table's rows repeat and revisit months (its columns decide instead).
  const wraps = r.style === "cell" ? false : orderTerms(s, first, c, r.phrase.day !== null && u.dayAfterEarlier);
  if (r.style === "space") c.add("styleSpace");
  else if (r.style === "comma") c.add("styleComma");
  else if (r.style === "glued") c.add("styleGlued");
  if (s.headStyle === r.style && s.lastMonth !== 0) c.add("sameStyle");
  if (r.phrase.day !== null) c.add("headingWithDay");
  if (r.phrase.relativeYear !== null) c.add("relativeYear");
  if (u.markdownDepth !== null && u.token.kind === "month" && r.style === "bare") c.add("markdownMonth");
  const level = r.itemLevel ?? 0;
  if (level > 0 && s.headLevel === level && r.itemOrdinal !== null && r.itemOrdinal === s.headOrdinal + 1) c.add("itemSequence");
  if (s.glued) c.add("gluedAmongHeadings");
  taskCountTerms(r.tasks.length, r.past, c);
  // Field by field on a copy: Object.assign of a literal of changes costs several times as much.
  const n = copyOf(s);
  n.mode = "in";
  n.month = first;
  n.lastMonth = last;
  n.wrapped = s.wrapped || wraps || last < first;
  // A row whose month comes last already has its task.
  n.tasks = monthAfterContent(s.table) && s.mode === "in" ? s.tasks : r.tasks.length;
  n.ordinal = -1;
  n.carried = s.ordinal >= 0 ? s.ordinal : s.carried;
  n.headLevel = level;
  n.headOrdinal = r.itemOrdinal ?? -1;
  n.headStyle = r.style;
  n.headDay = r.phrase.day !== null;
  n.open = n.keyword = n.glued = false;
  n.column = tableColumn(s.table, "month");
  return n;
}

function stepGlued(s: DecodeState, r: Extract<Reading, { kind: "glued" }>, c: Clues): DecodeState | null {
  const firstItem = r.ordinal === null || r.ordinal === 1;
  if (s.mode === "in" && s.glued && r.month === s.month) {
    if (r.ordinal !== null && r.ordinal === s.ordinal + 1) c.add("gluedSequence");
    else c.add("gluedBreak");
  } else {
    if (!firstItem) return null;
    entryTerms(s, c);
    if (s.mode === "in" && !s.glued) c.add("gluedAmongHeadings");
    // The first glued number continues nothing: "11 …" after 附则 is no table's row until "12、" follows.
    if (s.lastMonth !== 0) {
      const d = (r.month - s.lastMonth + 12) % 12;
      c.add(d >= 1 && d <= 3 ? "gluedSequence" : "gluedBreak");
    }
  }
  c.add("task");
  const n = copyOf(s);
  n.mode = "in";
  n.month = n.lastMonth = r.month;
  n.tasks = s.month === r.month && s.glued ? s.tasks + 1 : 1;
  n.ordinal = r.ordinal ?? -1;
  n.headLevel = 0;
  n.headOrdinal = -1;
  n.headStyle = "glued-number";
  n.headDay = false;
  n.open = n.keyword = false;
  n.glued = true;
  return n;
}

/** Whether `month` falls in the group from `first` to `last` (wrapping past December). */
function withinMonths(month: number, first: number, last: number): boolean {
  return first <= last ? month >= first && month <= last : month >= first || month <= last;
}

function isSectionHeading(u: LineUnit): boolean {
  // "★保龄球赛规程：" heads a part of the page as 一、 does.
  // (An empty line's first character is "", which String.includes found in the marks: it still counts.)
  // By code: this looks at every line a step reads as a task or as other text.
  if (u.whole.text === "" || STAR_MARK_CODES.has(u.whole.text.charCodeAt(0))) return true;
  return u.number !== null && u.number.level !== null && u.number.level <= 2;
}

function stepTask(s: DecodeState, r: Extract<Reading, { kind: "task" }>, u: LineUnit, c: Clues): DecodeState | null {
  // Under a table whose month comes last, a content cell opens its row before any month.
  const contentFirst = monthAfterContent(s.table);
  // A heading that is not a month (## 附则, 具体要求：) ends the 行事历; it is never a task.
  if ((s.mode !== "in" && !contentFirst) || u.token.kind === "heading" || (u.markdownDepth !== null && u.token.kind === "month")) return null;
  if (s.mode !== "in") entryTerms(s, c);
  // Space-separated parts are cells only inside a table pasted as text (a month alone has no task
  // reading at all: readings.ts).
  if (r.cells && !s.table) return null;
  // A flattened table numbers every row: its month glued on ("21、") or the month's next item ("2、").
  // A line with no number under one is its cell going on (a continuation), not an activity of its own.
  if (s.glued && !r.numbered) return null;
  // Under a heading that names a day ("4月11日，…"), its items are numbered or listed; plain paragraphs
  // below it tell about that day (a news story, a notice's sections): no activities of their own.
  if (s.headDay && u.number === null && u.token.kind === "paragraph" && !contentFirst && s.table === null) return null;
  if (!r.cells && s.table && u.gaps.length > 0) c.add("cellUnsplit");
  if (isTimeField(u) || isNameField(u)) c.add("fieldAsTask");
  // A checkbox is a task where its writer put it (moved to another month, it keeps its words).
  if (r.namesMonth !== null && s.month !== 0 && !contentFirst && u.token.kind !== "checkbox" && !withinMonths(r.namesMonth, s.month, s.lastMonth)) c.add("otherMonthTask");
  taskCountTerms(r.tasks.length, r.past, c);
  const level = r.level ?? 0;
  if (r.numbered && r.ordinal !== null) {
    if (r.ordinal === 1) c.add("ordinalNext");
    else if (s.ordinal < 0) c.add(r.ordinal === s.carried + 1 ? "ordinalNext" : "ordinalBreak");
    else if (level === s.ordinalLevel) c.add(r.ordinal === s.ordinal + 1 ? "ordinalNext" : "ordinalBreak");
  } else if (s.ordinal > 0) {
    c.add("unnumberedAmongNumbered");
  }
  // An item numbered like the items that carry the months is their sibling, never their task;
  // a section heading (一、 （一）) is a task only where this 行事历 writes its tasks at that level,
  // or as the first item under a heading with nothing on its own line (an umbrella item).
  if (level > 0 && level === s.headLevel) return null;
  if (isSectionHeading(u)) {
    const umbrella = s.tasks === 0 && (s.headStyle === "bare" || s.headStyle === "colon");
    // A ★ heading has no level a task could share.
    const sectionLevel = level > 0 ? level : -1;
    if (sectionLevel !== s.taskLevel && !umbrella) return null;
    c.add(umbrella && level !== s.taskLevel ? "sectionAsFirstTask" : "sectionAsTask");
  }
  let column = s.column;
  if (s.table) {
    const content = s.table.indexOf("content");
    // A row whose month comes last may end early (blank cells are dropped): past its month, a content cell opens the
    // next row, unless a 序号 column says where rows start.
    const nextRow = column >= s.table.length || column === 0 || (contentFirst && column > s.table.indexOf("month") && !s.table.includes("number"));
    c.add(column === content || nextRow ? "cellInPlace" : "cellOutOfPlace");
    column = content + 1;
  }
  const state = copyOf(s);
  state.mode = "in";
  state.tasks = s.tasks + r.tasks.length;
  if (r.numbered && r.ordinal !== null) {
    state.ordinal = r.ordinal;
    state.ordinalLevel = level;
  }
  if (s.taskLevel === 0) state.taskLevel = level;
  state.open = r.open;
  state.keyword = false;
  state.column = column;
  return state;
}

function stepContinuation(s: DecodeState, r: Extract<Reading, { kind: "continuation" }>, c: Clues): DecodeState | null {
  if (s.mode !== "in" || s.tasks === 0 || !s.open || s.table) return null;
  c.add("continuation");
  const n = copyOf(s);
  n.open = r.open;
  return n;
}

// A row's number in a 序号 column: "1", "12".
const ROW_NUMBER = /^\d{1,3}$/;

function stepCell(s: DecodeState, u: LineUnit, c: Clues): DecodeState | null {
  if (!s.table || (s.mode !== "in" && !monthAfterContent(s.table))) return null;
  let column = columnIn(s.table, s.column);
  const role = s.table[column];
  // A number where no month is expected starts the next row: the cells before it may have been blank (and dropped).
  const numberAt = s.table.indexOf("number");
  if (numberAt >= 0 && role !== "month" && ROW_NUMBER.test(u.whole.key.trim())) {
    c.add("rowNumber");
    column = numberAt;
  } else if (role === "extra" || role === "owner" || role === "number") c.add("extraCell");
  else return null;
  const n = copyOf(s);
  n.column = column + 1;
  return n;
}

/**
 * "4、20xx年5月：乒乓球赛。 / 35—45岁为乙组": under a month written inside a numbered item that holds
 * its own task, and before any numbered task, a bare line is a detail of that item (kept as the
 * month's note), not a task of its own.
 */
function stepItemDetail(s: DecodeState, c: Clues): DecodeState | null {
  if (s.mode !== "in" || s.headLevel === 0 || s.tasks === 0 || s.ordinal >= 0 || s.table !== null || s.open) return null;
  c.add("itemDetail");
  return withoutKeyword(s);
}

function stepOther(s: DecodeState, u: LineUnit): DecodeState {
  const keyword = isScheduleKeyword(u) || (s.keyword && u.number === null && u.body.text.length <= 40 && /[:：]$/.test(u.body.text));
  // A new section (a heading, 一、 or （一）, a line naming a schedule) starts afresh: a 行事历
  // before it does not make one after it cheaper to believe.
  const section = keyword || u.token.kind === "heading" || u.token.kind === "title" || isSectionHeading(u);
  if (section || s.mode === "out") return keyword ? START_AFTER_KEYWORD : START;
  // Out of the 行事历, only what a later month heading is scored against is kept (its order, its
  // layout); the rest is reset, so readings that differ only inside the old month merge.
  const n = copyOf(START);
  n.mode = "after";
  n.lastMonth = s.lastMonth;
  n.wrapped = s.wrapped;
  n.headLevel = s.headLevel;
  n.headOrdinal = s.headOrdinal;
  n.headStyle = s.headStyle;
  n.keyword = keyword;
  return n;
}

/**
 * A table row on one line under a header that named its columns: the month cell must name a month,
 * the content cell is the task. Rows may come in any month order (a table ordered by activity).
 */
function stepRow(s: DecodeState, cells: readonly string[], c: Clues): DecodeState | null {
  const table = s.table;
  if (!table || s.inHeader || cells.length !== table.length) return null;
  // The month cell holds a date and nothing else ("5月", "3月8日"), not an activity that starts with one.
  const monthKey = foldKey(cells[table.indexOf("month")] ?? "");
  const phrase = readDatePhrase(monthKey);
  if (!phrase || phrase.end < monthKey.length || (cells[table.indexOf("content")] ?? "") === "") return null;
  const month = phrase.months[0]?.month ?? 0;
  c.add("heading");
  if (s.mode !== "in") entryTerms(s, c);
  c.add("rowInPlace");
  taskCountTerms(1, 0, c);
  const n = copyOf(s);
  n.mode = "in";
  n.month = n.lastMonth = month;
  n.tasks = 1;
  n.ordinal = -1;
  n.keyword = false;
  n.column = 0;
  return n;
}

/** A header line, or one more header cell on its own line ("时间 |" / "活动内容 |" / "参加范围 |"). */
function stepHeader(s: DecodeState, roles: readonly ColumnRole[], c: Clues): DecodeState | null {
  const table = s.inHeader && s.table ? s.table.concat(roles) : roles;
  const complete = table.includes("month") && table.includes("content");
  const partial = !complete && roles.length === 1 && table.length < 6;
  if (!complete && !partial) return null;
  if (complete) c.add("header");
  const n = copyOf(s);
  n.table = table;
  n.column = 0;
  n.keyword = complete;
  n.inHeader = true;
  return n;
}

/**
 * The state after reading `r` on line `u`, or null where that reading cannot follow; its clues are
 * added to `c`. The decoder calls this for every reading of every line.
 */
export function stepScored(s: DecodeState, r: Reading, u: LineUnit, c: Clues): DecodeState | null {
  if (s.fieldValue) {
    // The date under an open time field is the field's value (field-tasks.ts reads it), not a 行事历 month.
    if (r.kind === "month" || r.kind === "glued" || r.kind === "row") return null;
    const n = copyOf(s);
    n.fieldValue = false;
    return stepScored(n, r, u, c);
  }
  if (r.kind !== "header" && s.inHeader) {
    // A header that never named both a month and a content column was no table header.
    const complete = s.table !== null && s.table.includes("month") && s.table.includes("content");
    const n = copyOf(s);
    n.inHeader = false;
    n.table = complete ? s.table : null;
    return stepReading(n, r, u, c);
  }
  return stepReading(s, r, u, c);
}

/** One step with its clues listed: for `--explain` and for tests that name the weights a step uses. */
export function step(s: DecodeState, r: Reading, u: LineUnit): StepResult | null {
  const c = new Clues().reset(true);
  const state = stepScored(s, r, u, c);
  return state ? { state, terms: c.terms ?? [] } : null;
}

function stepReading(s: DecodeState, r: Reading, u: LineUnit, c: Clues): DecodeState | null {
  switch (r.kind) {
    case "month":
      return stepMonth(s, r, u, c);
    case "glued":
      return stepGlued(s, r, c);
    case "task":
      return stepTask(s, r, u, c);
    case "continuation":
      return stepContinuation(s, r, c);
    case "header":
      return stepHeader(s, r.roles, c);
    case "cell":
      return stepCell(s, u, c);
    case "furniture":
      // Nothing under a sign-off belongs to the plan's 行事历 (ads, "related articles" often follow).
      if (r.why === "sign-off") {
        c.add("signOff");
        return START;
      }
      if (r.why === "item-detail") return stepItemDetail(s, c);
      // In a table with a 序号 column, a bare number is a row's number or a month cell, not a page number.
      if (r.why === "page-number" && s.table !== null && s.table.includes("number")) return null;
      c.add(r.why === "related" ? "related" : "furniture");
      return withoutKeyword(s);
    case "row":
      return stepRow(s, r.cells, c);
    case "field":
      // An activity block dates its activity in fields; it is not a 行事历 month's list.
      c.add("field");
      return r.open ? START_AFTER_OPEN_FIELD : START;
    case "other":
      return stepOther(s, u);
  }
}

/** What the end of the plan says about the reading: a month left with no task. */
export function finish(s: DecodeState, c: Clues): void {
  if (s.mode === "in" && s.tasks === 0 && s.month !== 0) c.add("emptyMonth");
}
