/**
 * One step of the schedule decoder: given what the lines so far say (DecodeState) and one reading
 * of the next line, the state after it and the weighted clues that speak for or against it.
 * Pure: the beam search (decode-schedule.ts) calls it for every reading of every line.
 */
import type { ColumnRole } from "./table-header";
import { STAR_MARKS, type LineUnit } from "./line-unit";
import type { Reading } from "./readings";
import { weightOf, type WeightName } from "./weights";
import { isScheduleKeyword } from "./schedule-keyword";
import { readDatePhrase } from "../../schedule/date-phrase";
import { foldKey } from "../../normalize/fold";
import { isNameField, isTimeField } from "../field-tasks";

export interface DecodeState {
  /** out: no 行事历 yet; in: reading one; after: left one this plan already has. */
  mode: "out" | "in" | "after";
  /** First and last month of the current month group (0 when none). */
  month: number;
  lastMonth: number;
  /** The months already passed December once (school-year order); a second fall back is going back. */
  wrapped: boolean;
  /** Tasks under the current month so far. */
  tasks: number;
  /** Number of the last task under the current month (-1: none or unnumbered), and its level. */
  ordinal: number;
  ordinalLevel: number;
  /** Number of the last task under the month before: some plans number on across months. */
  carried: number;
  /** Outline level the tasks of this 行事历 are written at (0: not known yet). */
  taskLevel: number;
  /** Outline level and number of the item the last month was written in (0 / -1: not in an item). */
  headLevel: number;
  headOrdinal: number;
  headStyle: string;
  /** The last task did not end its sentence, so the next line may go on with it. */
  open: boolean;
  /** A line naming a schedule was just read. */
  keyword: boolean;
  /** Months come from digits glued to item numbers. */
  glued: boolean;
  /** Columns of a table pasted one cell per line, and the column the next cell falls in. */
  table: readonly ColumnRole[] | null;
  column: number;
  /** The line before was (part of) a table header: a header cell on this line adds a column. */
  inHeader: boolean;
}

export const START: DecodeState = {
  mode: "out",
  month: 0,
  lastMonth: 0,
  wrapped: false,
  tasks: 0,
  ordinal: -1,
  ordinalLevel: 0,
  carried: -1,
  taskLevel: 0,
  headLevel: 0,
  headOrdinal: -1,
  headStyle: "",
  open: false,
  keyword: false,
  glued: false,
  table: null,
  column: 0,
  inHeader: false,
};

/**
 * A copy of a state with some fields changed. Written out field by field: the decoder makes several
 * states per line, and an object spread with overrides is several times slower in V8.
 */
function next(s: DecodeState, change: Partial<DecodeState>): DecodeState {
  const n: DecodeState = {
    mode: s.mode,
    month: s.month,
    lastMonth: s.lastMonth,
    wrapped: s.wrapped,
    tasks: s.tasks,
    ordinal: s.ordinal,
    ordinalLevel: s.ordinalLevel,
    carried: s.carried,
    taskLevel: s.taskLevel,
    headLevel: s.headLevel,
    headOrdinal: s.headOrdinal,
    headStyle: s.headStyle,
    open: s.open,
    keyword: s.keyword,
    glued: s.glued,
    table: s.table,
    column: s.column,
    inHeader: s.inHeader,
  };
  return Object.assign(n, change);
}

export { stateKey } from "./state-key";

export type Term = [WeightName, number];

const START_AFTER_KEYWORD: DecodeState = { ...START, keyword: true };
const NO_TERMS: Term[] = [];

export interface StepResult {
  state: DecodeState;
  terms: Term[];
}

function term(name: WeightName, times = 1): Term {
  return [name, weightOf(name) * times];
}

/**
 * Months run forward: within a calendar year, or across one new year in school-year order
 * (九月 … 十二月, 一月 … 六月). Returns whether this month passes December.
 */
function orderTerms(s: DecodeState, month: number, terms: Term[]): boolean {
  if (s.lastMonth === 0) return false;
  if (month === s.lastMonth) {
    if (!s.table) terms.push(term("monthSame"));
    return false;
  }
  const wraps = month < s.lastMonth;
  const d = wraps ? month + 12 - s.lastMonth : month - s.lastMonth;
  if (wraps && (s.wrapped || d > 6)) {
    terms.push(term(s.table ? "monthBackInTable" : "monthBack"));
    return false;
  }
  terms.push(term(d <= 3 ? "monthAdvance" : "monthLeap"));
  return wraps;
}

function entryTerms(s: DecodeState, terms: Term[]): void {
  if (s.mode === "out") terms.push(term("enter"));
  else if (s.mode === "after") terms.push(term("reenter"));
  if (s.mode !== "in" && s.keyword) terms.push(term("keywordBefore"));
  if (s.mode === "in" && s.tasks === 0 && s.month !== 0) terms.push(term("emptyMonth"));
}

function taskCountTerms(count: number, past: number, terms: Term[]): void {
  if (count > 0) terms.push(term("task"));
  if (count > 1) terms.push(term("inlineTask", count - 1));
  if (past > 0) terms.push(term("pastTense", past));
}

/** Where a table's next cell falls after a month cell or a content cell. */
function tableColumn(table: readonly ColumnRole[] | null, role: ColumnRole): number {
  return table ? table.indexOf(role) + 1 : 0;
}

function stepMonth(s: DecodeState, r: Extract<Reading, { kind: "month" }>, u: LineUnit): StepResult | null {
  // Every month heading costs a hair, so that where two readings tie the one with fewer months wins,
  // the same way every time.
  const terms: Term[] = [term("heading")];
  entryTerms(s, terms);
  const first = r.months[0]?.month ?? 0;
  const last = r.months[r.months.length - 1]?.month ?? first;
  const wraps = orderTerms(s, first, terms);
  if (r.style === "space") terms.push(term("styleSpace"));
  else if (r.style === "comma") terms.push(term("styleComma"));
  else if (r.style === "glued") terms.push(term("styleGlued"));
  if (s.headStyle === r.style && s.lastMonth !== 0) terms.push(term("sameStyle"));
  if (r.phrase.day !== null) terms.push(term("headingWithDay"));
  if (r.phrase.relativeYear !== null) terms.push(term("relativeYear"));
  if (u.markdownDepth !== null && u.token.kind === "month" && r.style === "bare") terms.push(term("markdownMonth"));
  const level = r.itemLevel ?? 0;
  if (level > 0 && s.headLevel === level && r.itemOrdinal !== null && r.itemOrdinal === s.headOrdinal + 1) terms.push(term("itemSequence"));
  if (s.glued) terms.push(term("gluedAmongHeadings"));
  taskCountTerms(r.tasks.length, r.past, terms);
  const state: DecodeState = next(s, {
    mode: "in",
    month: first,
    lastMonth: last,
    wrapped: s.wrapped || wraps || last < first,
    tasks: r.tasks.length,
    ordinal: -1,
    carried: s.ordinal >= 0 ? s.ordinal : s.carried,
    headLevel: level,
    headOrdinal: r.itemOrdinal ?? -1,
    headStyle: r.style,
    open: false,
    keyword: false,
    glued: false,
    column: tableColumn(s.table, "month"),
  });
  return { state, terms };
}

function stepGlued(s: DecodeState, r: Extract<Reading, { kind: "glued" }>): StepResult | null {
  const terms: Term[] = [];
  const firstItem = r.ordinal === null || r.ordinal === 1;
  if (s.mode === "in" && s.glued && r.month === s.month) {
    if (r.ordinal !== null && r.ordinal === s.ordinal + 1) terms.push(term("gluedSequence"));
    else terms.push(term("gluedBreak"));
  } else {
    if (!firstItem) return null;
    entryTerms(s, terms);
    if (s.mode === "in" && !s.glued) terms.push(term("gluedAmongHeadings"));
    const d = s.lastMonth === 0 ? 1 : (r.month - s.lastMonth + 12) % 12;
    terms.push(term(d >= 1 && d <= 3 ? "gluedSequence" : "gluedBreak"));
  }
  terms.push(term("task"));
  const state = next(s, { mode: "in", month: r.month, lastMonth: r.month, tasks: s.month === r.month && s.glued ? s.tasks + 1 : 1, ordinal: r.ordinal ?? -1, headLevel: 0, headOrdinal: -1, headStyle: "glued-number", open: false, keyword: false, glued: true });
  return { state, terms };
}

/** Whether `month` falls in the group from `first` to `last` (wrapping past December). */
function withinMonths(month: number, first: number, last: number): boolean {
  return first <= last ? month >= first && month <= last : month >= first || month <= last;
}

function isSectionHeading(u: LineUnit): boolean {
  // "★保龄球赛规程：" heads a part of the page as 一、 does.
  if (STAR_MARKS.includes(u.whole.text.charAt(0))) return true;
  return u.number !== null && u.number.level !== null && u.number.level <= 2;
}

function stepTask(s: DecodeState, r: Extract<Reading, { kind: "task" }>, u: LineUnit): StepResult | null {
  // A heading that is not a month (## 附则, 具体要求：) ends the 行事历; it is never a task.
  if (s.mode !== "in" || u.token.kind === "heading" || (u.markdownDepth !== null && u.token.kind === "month")) return null;
  // Space-separated parts are cells only inside a table pasted as text; a month alone is no task.
  if ((r.cells && !s.table) || r.bareDate) return null;
  const terms: Term[] = [];
  if (!r.cells && s.table && u.gaps.length > 0) terms.push(term("cellUnsplit"));
  if (isTimeField(u) || isNameField(u)) terms.push(term("fieldAsTask"));
  // A checkbox is a task where its writer put it (moved to another month, it keeps its words).
  if (r.namesMonth !== null && s.month !== 0 && u.token.kind !== "checkbox" && !withinMonths(r.namesMonth, s.month, s.lastMonth)) terms.push(term("otherMonthTask"));
  taskCountTerms(r.tasks.length, r.past, terms);
  const level = r.level ?? 0;
  if (r.numbered && r.ordinal !== null) {
    if (r.ordinal === 1) terms.push(term("ordinalNext"));
    else if (s.ordinal < 0) terms.push(term(r.ordinal === s.carried + 1 ? "ordinalNext" : "ordinalBreak"));
    else if (level === s.ordinalLevel) terms.push(term(r.ordinal === s.ordinal + 1 ? "ordinalNext" : "ordinalBreak"));
  } else if (s.ordinal > 0) {
    terms.push(term("unnumberedAmongNumbered"));
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
    terms.push(term(umbrella && level !== s.taskLevel ? "sectionAsFirstTask" : "sectionAsTask"));
  }
  let column = s.column;
  if (s.table) {
    const content = s.table.indexOf("content");
    if (column === content) terms.push(term("cellInPlace"));
    else if (column >= s.table.length || column === 0) terms.push(term("cellInPlace"));
    else terms.push(term("cellOutOfPlace"));
    column = content + 1;
  }
  const state: DecodeState = next(s, {
    tasks: s.tasks + r.tasks.length,
    ordinal: r.numbered && r.ordinal !== null ? r.ordinal : s.ordinal,
    ordinalLevel: r.numbered && r.ordinal !== null ? level : s.ordinalLevel,
    taskLevel: s.taskLevel === 0 ? level : s.taskLevel,
    open: r.open,
    keyword: false,
    column,
  });
  return { state, terms };
}

function stepContinuation(s: DecodeState, r: Extract<Reading, { kind: "continuation" }>): StepResult | null {
  if (s.mode !== "in" || s.tasks === 0 || !s.open || s.table) return null;
  return { state: next(s, { open: r.open }), terms: [term("continuation")] };
}

function stepCell(s: DecodeState): StepResult | null {
  if (!s.table || s.mode !== "in") return null;
  const role = s.table[s.column];
  if (role !== "extra" && role !== "owner") return null;
  return { state: next(s, { column: s.column + 1 }), terms: [term("extraCell")] };
}

function stepOther(s: DecodeState, u: LineUnit): StepResult {
  const keyword = isScheduleKeyword(u) || (s.keyword && u.number === null && u.body.text.length <= 40 && /[:：]$/.test(u.body.text));
  // A new section (a heading, 一、 or （一）, a line naming a schedule) starts afresh: a 行事历
  // before it does not make one after it cheaper to believe.
  const section = keyword || u.token.kind === "heading" || u.token.kind === "title" || isSectionHeading(u);
  if (section || s.mode === "out") return { state: keyword ? START_AFTER_KEYWORD : START, terms: NO_TERMS };
  // Out of the 行事历, only what a later month heading is scored against is kept (its order, its
  // layout); the rest is reset, so readings that differ only inside the old month merge.
  return {
    state: next(START, { mode: "after", lastMonth: s.lastMonth, wrapped: s.wrapped, headLevel: s.headLevel, headOrdinal: s.headOrdinal, headStyle: s.headStyle, keyword }),
    terms: NO_TERMS,
  };
}

/**
 * A table row on one line under a header that named its columns: the month cell must name a month,
 * the content cell is the task. Rows may come in any month order (a table ordered by activity).
 */
function stepRow(s: DecodeState, cells: readonly string[]): StepResult | null {
  const table = s.table;
  if (!table || s.inHeader || cells.length !== table.length) return null;
  // The month cell holds a date and nothing else ("5月", "3月8日"), not an activity that starts with one.
  const monthKey = foldKey(cells[table.indexOf("month")] ?? "");
  const phrase = readDatePhrase(monthKey);
  if (!phrase || phrase.end < monthKey.length || (cells[table.indexOf("content")] ?? "") === "") return null;
  const month = phrase.months[0]?.month ?? 0;
  const terms: Term[] = [term("heading")];
  if (s.mode !== "in") entryTerms(s, terms);
  terms.push(term("rowInPlace"));
  taskCountTerms(1, 0, terms);
  return { state: next(s, { mode: "in", month, lastMonth: month, tasks: 1, ordinal: -1, keyword: false, column: 0 }), terms };
}

/** A header line, or one more header cell on its own line ("时间 |" / "活动内容 |" / "参加范围 |"). */
function stepHeader(s: DecodeState, roles: readonly ColumnRole[]): StepResult | null {
  const table = s.inHeader && s.table ? s.table.concat(roles) : roles;
  const complete = table.includes("month") && table.includes("content");
  const partial = !complete && roles.length === 1 && table.length < 6;
  if (!complete && !partial) return null;
  return { state: next(s, { table, column: 0, keyword: complete, inHeader: true }), terms: complete ? [term("header")] : [] };
}

export function step(s: DecodeState, r: Reading, u: LineUnit): StepResult | null {
  if (r.kind !== "header" && s.inHeader) {
    // A header that never named both a month and a content column was no table header.
    const complete = s.table !== null && s.table.includes("month") && s.table.includes("content");
    return stepReading(next(s, { inHeader: false, table: complete ? s.table : null }), r, u);
  }
  return stepReading(s, r, u);
}

function stepReading(s: DecodeState, r: Reading, u: LineUnit): StepResult | null {
  switch (r.kind) {
    case "month":
      return stepMonth(s, r, u);
    case "glued":
      return stepGlued(s, r);
    case "task":
      return stepTask(s, r, u);
    case "continuation":
      return stepContinuation(s, r);
    case "header":
      return stepHeader(s, r.roles);
    case "cell":
      return stepCell(s);
    case "furniture":
      // Nothing under a sign-off belongs to the plan's 行事历 (ads, "related articles" often follow).
      if (r.why === "sign-off") return { state: START, terms: [term("signOff")] };
      return { state: next(s, { keyword: false }), terms: [term(r.why === "related" ? "related" : "furniture")] };
    case "row":
      return stepRow(s, r.cells);
    case "field":
      // An activity block dates its activity in fields; it is not a 行事历 month's list.
      return { state: START, terms: [term("field")] };
    case "other":
      return stepOther(s, u);
  }
}

/** What the end of the plan says about the reading: a month left with no task. */
export function finish(s: DecodeState): Term[] {
  return s.mode === "in" && s.tasks === 0 && s.month !== 0 ? [term("emptyMonth")] : [];
}
