/**
 * The one place that knows how a task line is written: the `- [ ]` box, our owner and detail
 * markers, the Tasks-plugin fields (📅 due, 🛫 start, ✅ done) in either of Tasks' formats, and the
 * `^t-…` block id. The engine reads task text through `readTaskFields`, and every writer (the
 * plan note, templates, edits, the mirror's ticks) goes through `writeTaskLine` / `setLineDone`,
 * so the syntax cannot drift between a reader and a writer.
 *
 * As obsidian-tasks' TaskSerializer, the Tasks fields come as a pair of formats behind one
 * interface: the emoji format (Tasks' default) and the Dataview format (`[due:: …]`). Reading
 * accepts both whatever the setting says, because a note may hold lines written before the user
 * switched; writing uses the chosen one. Tasks reads its fields only at the end of a line, before
 * the block id, so that is where they are written.
 *
 * No pattern uses the `u` flag or a lookbehind (iOS), and every pattern is anchored or bounded, so
 * reading stays linear on any line.
 */
import dayjs from "dayjs";
import { isSpaceCode } from "../normalize/trim-chars";

/** How a task is written in its note; only a checkbox can be ticked in place. */
export type TaskForm = "checkbox" | "item" | "table-cell" | "inline" | "body-sentence";

/** Tasks' two ways of writing its fields. */
export type TaskFormat = "emoji" | "dataview";

/** A column of a 行事历 table beside month, content, owner and done (地点, 备注 …), kept with the task. */
export interface TaskDetail {
  label: string;
  value: string;
}

/** What a task line says besides its description. */
export interface TaskFields {
  blockId: string | null;
  /** Tasks' due date (📅 / [due:: ]), "YYYY-MM-DD". */
  due: string | null;
  /** Tasks' start date (🛫 / [start:: ]): the first day of a day range. */
  start: string | null;
  /** Tasks' done date (✅ / [completion:: ]). */
  doneDate: string | null;
  details: TaskDetail[];
}

/** The fields Tasks reads, in the order Tasks itself writes them. */
interface DateFields {
  start: string | null;
  due: string | null;
  doneDate: string | null;
}

/** One of the pair: how the three date fields are spelled. */
export interface TaskSerializer {
  readonly format: TaskFormat;
  /** " 🛫 2027-11-20 📅 2027-11-28 ✅ 2027-11-29": each present field with its leading space. */
  serializeDates(fields: DateFields): string;
}

// The emoji are surrogate pairs (✅ is one unit); written out so no pattern needs the `u` flag.
const DUE = "\ud83d\udcc5";
const START = "\ud83d\udeeb";
const DONE = "\u2705";

export const EMOJI_SERIALIZER: TaskSerializer = {
  format: "emoji",
  serializeDates: (f) => (f.start ? ` ${START} ${f.start}` : "") + (f.due ? ` ${DUE} ${f.due}` : "") + (f.doneDate ? ` ${DONE} ${f.doneDate}` : ""),
};

export const DATAVIEW_SERIALIZER: TaskSerializer = {
  format: "dataview",
  serializeDates: (f) => (f.start ? ` [start:: ${f.start}]` : "") + (f.due ? ` [due:: ${f.due}]` : "") + (f.doneDate ? ` [completion:: ${f.doneDate}]` : ""),
};

export function serializerFor(format: TaskFormat | undefined): TaskSerializer {
  return format === "dataview" ? DATAVIEW_SERIALIZER : EMOJI_SERIALIZER;
}

// ---- reading -------------------------------------------------------------------------------

const BLOCK_ID = / {0,8}\^([A-Za-z0-9-]{1,64})$/;
const EMOJI_DATE = / {0,8}(\ud83d\udcc5|\ud83d\udeeb|\u2705) *(\d{4}-\d{2}-\d{2})/g;
// Dataview inline fields, bracketed or in parentheses (Tasks reads both); the key is bounded so a
// run of "[" cannot make the scan quadratic.
const INLINE_FIELD = / {0,8}[[(] {0,8}([^\][()\n:]{1,20}?) *:: *([^\][()\n]{0,200}?) *[\])]/g;
// 负责 or 牵头 alone needs a colon or a space after it: "（负责任地使用经费）" names no one.
const OWNER = /[(（] *(?:(?:负责人|負責人|责任人|責任人) *[:：]? *|(?:负责|負責|牵头|牽頭)(?:部门|部門|单位|單位)? *[:：] *|(?:负责|負責|牵头|牽頭) +)([^()（）]{1,100}?) *[)）]/g;
const OWNER_HINT = /[负負责責牵牽]/;
// "…进行彩排（校工会负责）": who is in charge, named before 负责, in brackets at the end.
const OWNER_SUFFIX = /[(（]([^()（）:：，,。；;]{1,16}?)(?:负责|負責)[)）][。；;]?$/;
// "职工心理健康讲座 责任人：周洁": the owner written after the task, without brackets.
// Anchored on the label, not on spaces before it (a leading \s* would be retried along a run of spaces).
const OWNER_AFTER = /(?:负责人|負責人|责任人|責任人|负责部门|負責部門|责任部门|責任部門|牵头部门|牽頭部門|牵头单位|牽頭單位) ?[:：] ?([^\s:：，,。；;]{1,12}) ?[。；;]?$/;

function isIdCharCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * Where BLOCK_ID matches in `text` (the spaces before the ^ included), or -1: found from the last ^
 * instead of trying the pattern at every offset. Only the last ^ can start an id (the id's own
 * characters hold none), and the match starts as far back as up to eight spaces before it go.
 */
function blockIdStart(text: string): number {
  const caret = text.lastIndexOf("^");
  const length = text.length - caret - 1;
  if (caret < 0 || length < 1 || length > 64) return -1;
  for (let i = caret + 1; i < text.length; i++) if (!isIdCharCode(text.charCodeAt(i))) return -1;
  let at = caret;
  while (at > 0 && caret - at < 8 && text.charCodeAt(at - 1) === 0x20) at--;
  return at;
}

/**
 * The text without its bracketed owners (OWNER, every match), and the last owner named: what a
 * replace with a callback gives, found by exec so no callback is called per match.
 */
function withoutOwners(text: string): { text: string; owner: string | null } {
  let owner: string | null = null;
  // A list joined once, not a string grown by += (a rope one node per match on a hostile line).
  const parts: string[] = [];
  let last = 0;
  OWNER.lastIndex = 0;
  for (let m = OWNER.exec(text); m !== null; m = OWNER.exec(text)) {
    owner = (m[1] ?? "").trim() || owner;
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
  }
  if (last === 0) return { text, owner };
  parts.push(text.slice(last));
  return { text: parts.join(""), owner };
}

/**
 * Takes the fields off a task's text: the block id at the end, every Tasks date in either format
 * (a paste may repeat one: the last wins, as the last one written is the one a user edited), our
 * `[label:: value]` details and the owner. What is left is the description, as written.
 */
export function readTaskFields(raw: string): { text: string; owner: string | null; fields: TaskFields } {
  let text = raw.trim();
  const fields: TaskFields = { blockId: null, due: null, start: null, doneDate: null, details: [] };
  const idAt = blockIdStart(text);
  if (idAt >= 0) {
    fields.blockId = text.slice(text.lastIndexOf("^") + 1);
    text = text.slice(0, idAt);
  }
  // 📅 and 🛫 both open with the surrogate \ud83d: two looks instead of three for the texts with none.
  if ((text.indexOf("\ud83d") >= 0 && (text.indexOf(DUE) >= 0 || text.indexOf(START) >= 0)) || text.indexOf(DONE) >= 0) {
    text = text.replace(EMOJI_DATE, (_m: string, mark: string, date: string) => {
      if (mark === DUE) fields.due = date;
      else if (mark === START) fields.start = date;
      else fields.doneDate = date;
      return "";
    });
  }
  if (text.indexOf("::") >= 0) {
    text = text.replace(INLINE_FIELD, (all: string, key: string, value: string) => {
      const k = key.trim();
      const v = value.trim();
      const date = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
      if (k === "due" && date) fields.due = date;
      else if (k === "start" && date) fields.start = date;
      else if (k === "completion" && date) fields.doneDate = date;
      else if (isDetailLabel(k)) fields.details.push({ label: k, value: v });
      else return all;
      return "";
    });
  }
  let owner: string | null = null;
  if (OWNER_HINT.test(text)) {
    ({ text, owner } = withoutOwners(text));
    const after = OWNER_AFTER.exec(text);
    if (after && after.index > 0) {
      owner = after[1] ?? owner;
      text = text.slice(0, after.index).trimEnd();
    }
    const suffix = owner === null ? OWNER_SUFFIX.exec(text) : null;
    if (suffix && suffix.index > 0) {
      owner = suffix[1]?.trim() ?? null;
      text = text.slice(0, suffix.index).trimEnd();
    }
  }
  return { text, owner, fields };
}

// One Tasks field at a line's end: an emoji date, or a Dataview date field. Bounded, anchored at the end.
const TRAILING_DATE = / {0,8}(?:\ud83d\udcc5|\ud83d\udeeb|\u2705) *\d{4}-\d{2}-\d{2} *$/;
const TRAILING_DV_DATE = / {0,8}[[(] *(?:due|start|completion) *:: *\d{4}-\d{2}-\d{2} *[\])] *$/;

/**
 * Splits the fields Tasks reads at a line's end (its dates and block id) from the words before
 * them, both kept as written. A body sentence turned into a checkbox carries these after its
 * final 。, where no sentence reading would keep them: the engine reads the words as a sentence
 * and the fields as the task's.
 */
export function takeTrailingFields(raw: string): { text: string; fields: string } {
  let text = raw.trimEnd();
  for (let guard = 0; guard < 8; guard++) {
    const m = BLOCK_ID.exec(text) ?? TRAILING_DATE.exec(text) ?? TRAILING_DV_DATE.exec(text);
    if (!m) break;
    text = text.slice(0, m.index).trimEnd();
  }
  return { text, fields: raw.trimEnd().slice(text.length) };
}

/** Our details are named in Chinese (表格的列名); Dataview's and Tasks' own English keys stay text. */
function isDetailLabel(key: string): boolean {
  return key.length > 0 && /^[\u3400-\u9fff]/.test(key);
}

export interface CheckboxMatch {
  done: boolean;
  /** Where the description starts (after the box and its spaces). */
  end: number;
}

// "- [ ] ", "  * [x] ", "+ [X] ": the list marker, the box and what it holds.
const CHECKBOX = /^(\s*[-*+] +\[)([ xX])\]( *)/;

/** Whether a line (or a normalized line's key) is a checkbox list item, and ticked. */
export function matchCheckbox(line: string): CheckboxMatch | null {
  // CHECKBOX walked by char code (it has one way to match): the plan reader asks it of every list line.
  let i = 0;
  while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
  const marker = line.charCodeAt(i);
  if ((marker !== 0x2d && marker !== 0x2a && marker !== 0x2b) || line.charCodeAt(i + 1) !== 0x20) return null;
  i += 2;
  while (line.charCodeAt(i) === 0x20) i++;
  const box = line.charCodeAt(i + 1);
  if (line.charCodeAt(i) !== 0x5b || (box !== 0x20 && box !== 0x78 && box !== 0x58) || line.charCodeAt(i + 2) !== 0x5d) return null;
  i += 3;
  while (line.charCodeAt(i) === 0x20) i++;
  return { done: box !== 0x20, end: i };
}

// ---- writing -------------------------------------------------------------------------------

// A list item's marker, to put a box after it; a heading, quote or table row never takes one.
const LIST_MARKER = /^([-*+] +)/;
const NO_BOX = /^[#>|]/;

/**
 * The line as an open checkbox, every other character kept: "（2）11月…。" → "- [ ] （2）11月…。",
 * "  - 6月上旬…" → "  - [ ] 6月上旬…". Null for a line that is a checkbox already, or a heading,
 * quote or table row (a box there is not a task in Markdown).
 */
export function withCheckbox(line: string): string | null {
  if (CHECKBOX.test(line)) return null;
  let indent = 0;
  while (indent < line.length && (line.charAt(indent) === " " || line.charAt(indent) === "\t")) indent++;
  const rest = line.slice(indent);
  if (rest === "" || NO_BOX.test(rest)) return null;
  const marker = LIST_MARKER.exec(rest);
  if (marker) return `${line.slice(0, indent)}${marker[1] ?? ""}[ ] ${rest.slice((marker[1] ?? "").length)}`;
  return `${line.slice(0, indent)}- [ ] ${rest}`;
}

/** What a writer needs of a task (a Plan's Task has all of it). */
export interface WritableTask {
  id: string;
  text: string;
  owner: string | null;
  done: boolean;
  /** Day the task names, "YYYY-MM-DD" (the start of a range). */
  date: string | null;
  /** Last day of a range. */
  dateEnd: string | null;
  doneDate?: string | null;
  details?: readonly TaskDetail[];
}

export interface WriteOptions {
  format?: TaskFormat;
  /** Due date for a task that names no day (the month's last day, when the user asked for it). */
  fallbackDue?: string | null;
  /** Leave out the dates the words already give (the plain, pre-Tasks form). */
  datesOnlyWhenNotInWords?: { date: string | null; dateEnd: string | null };
}

export function ownerText(owner: string): string {
  return `（负责人：${owner}）`;
}

/**
 * A task's line in the canonical form: `- [ ] text（负责人：…） [地点:: …] 🛫 start 📅 due ✅ done ^id`.
 * A day range writes its first day as Tasks' start and its last as the due date, so Tasks shows
 * the whole span; a single day is the due date.
 */
export function writeTaskLine(task: WritableTask, options: WriteOptions = {}): string {
  let line = `- [${task.done ? "x" : " "}] ${task.text}`;
  if (task.owner) line += ownerText(task.owner);
  for (const d of task.details ?? []) line += ` [${d.label}:: ${d.value}]`;
  const words = options.datesOnlyWhenNotInWords;
  const date = words && words.date === task.date ? null : task.date;
  const dateEnd = words && words.dateEnd === task.dateEnd && date === null ? null : task.dateEnd;
  const range = date !== null && dateEnd !== null && dateEnd !== date;
  const dates: DateFields = {
    start: range ? date : null,
    due: range ? dateEnd : (date ?? options.fallbackDue ?? null),
    // Kept even on an open task (a line unticked by hand keeps Tasks' ✅): a rewrite drops nothing.
    doneDate: task.doneDate ?? null,
  };
  line += serializerFor(options.format).serializeDates(dates);
  return `${line} ^${task.id}`;
}

/** Today as Tasks writes a done date. */
export function todayIso(now: Date = new Date()): string {
  return dayjs(now).format("YYYY-MM-DD");
}

const DONE_FIELD = / {0,8}(?:\u2705 *\d{4}-\d{2}-\d{2}|[[(] *completion *:: *[^\][()\n]{0,40}?[\])])/g;

/**
 * Ticks or unticks a checkbox line as Tasks does: a tick writes today's done date (✅ or
 * [completion:: ]) before the block id; an untick takes every done date off, in either format, so
 * Tasks does not still count the task as done on some day. Null when the line is not a checkbox.
 */
export function setLineDone(line: string, done: boolean, options: { today?: string; format?: TaskFormat } = {}): string | null {
  const m = CHECKBOX.exec(line);
  if (!m) return null;
  const open = m[1] ?? "";
  let rest = line.slice(open.length + 2);
  rest = rest.replace(DONE_FIELD, "");
  if (done) {
    const field = serializerFor(options.format).serializeDates({ start: null, due: null, doneDate: options.today ?? todayIso() });
    const id = BLOCK_ID.exec(rest);
    rest = id ? `${rest.slice(0, id.index)}${field}${rest.slice(id.index)}` : `${rest.trimEnd()}${field}`;
  }
  return `${open}${done ? "x" : " "}]${rest}`;
}

/** The block id a line ends with, or null. */
export function blockIdOf(line: string): string | null {
  return BLOCK_ID.exec(line)?.[1] ?? null;
}

/** The line with its block id replaced (or added): how a copied line gets a fresh id. */
export function withBlockId(line: string, id: string): string {
  const m = BLOCK_ID.exec(line);
  return m ? `${line.slice(0, m.index)} ^${id}` : `${line.trimEnd()} ^${id}`;
}

/** Tasks' due date on a line and where it sits, in either format; null when it has none. */
export function findDueField(line: string): { date: string; start: number; end: number; format: TaskFormat } | null {
  const emoji = / {0,8}\ud83d\udcc5 *(\d{4}-\d{2}-\d{2})/.exec(line);
  if (emoji) return { date: emoji[1] ?? "", start: emoji.index, end: emoji.index + emoji[0].length, format: "emoji" };
  const dv = / {0,8}[[(] *due *:: *(\d{4}-\d{2}-\d{2}) *[\])]/.exec(line);
  if (dv) return { date: dv[1] ?? "", start: dv.index, end: dv.index + dv[0].length, format: "dataview" };
  return null;
}
