/**
 * One plan segment's tokens → a Plan: facts, outline, 行事历 and tasks, with diagnostics.
 * A 行事历 is recognised by its structure (a run of month headings with items under them), or a
 * single month heading right after a 行事历 / 安排 heading; a lone line that looks like a month
 * heading in the middle of the text stays text.
 */
import type { Diagnostic, Plan, ScheduleMonth } from "./types";
import type { LineToken, TokenLine } from "./line-token";
import type { PlanSegment } from "./split-plans";
import { OutlineBuilder } from "../outline/outline-builder";
import { cleanTitle, factsFromTitle, kindFromTitle, SCHOOL_LINES, schoolFromBody, schoolFromTitle } from "./plan-facts";
import { resolveYears } from "../schedule/resolve-years";
import { monthCell, scheduleColumns } from "../schedule/schedule-table";
import { readTable } from "./read-table";
import { IdAllocator, shortHash } from "./stable-id";
import { parseYm, ymFromIndex, ymIndex, ymKey } from "../time/year-month";
import { toChineseNumber } from "../outline/chinese-number";
import { formatItemNumber } from "../outline/item-number";
import { bodySentences, withBoxedSentences, type BodyBox } from "./body-tasks";
import { bodyTaskMonths } from "./body-task-months";
import { fieldSentences } from "./field-tasks";
import { dropGroupTitles } from "./group-titles";
import { readTrailingOwners } from "../schedule/trailing-owner";
import { lostNumberDiagnostic, mojibakeDiagnostic, silentDateDiagnostics, wholePageDiagnostics } from "./plan-diagnostics";
import { makeTask, NO_DETAILS, taskForm, type AddTask, type RawTask } from "./make-task";
import { joinBrokenLines } from "./join-broken-lines";
import { SCHEDULE_KEYWORD } from "./decode/schedule-keyword";
import { decodeSchedule, type Decision } from "./decode/decode-schedule";
import { monthAfterContent } from "./decode/step";
import { withoutReportRuns } from "./decode/report-runs";
import { DecisionCursor } from "./decode/decision-cursor";
import { isScheduleReading } from "./decode/readings";
import { maxOf, minOf } from "../collections/array-edit";
import { fitLists } from "./fit-lists";

export interface BuildContext {
  frontmatter: Record<string, string>;
  planIds: IdAllocator;
  pinyinLines: ReadonlyMap<number, number>;
  /** When given, each plan's decoder decisions are added here, in plan order (for --explain). */
  decisions?: (readonly Decision[])[] | null;
}

function tokenText(tok: LineToken): string | null {
  return "text" in tok ? tok.text : null;
}

/** A short line naming the 行事历 ("2012年工会工作行事历", "四、主要活動安排："); never a garbled one. */
function isScheduleHeading(tok: LineToken): boolean {
  const text = tokenText(tok);
  if (text === null || text.length > 40) return false;
  if ((tok.kind === "paragraph" && tok.mojibake) || tok.kind === "title" || tok.kind === "checkbox") return false;
  return SCHEDULE_KEYWORD.test(text);
}

export function buildPlan(segment: PlanSegment, ctx: BuildContext): Plan {
  const diagnostics: Diagnostic[] = [];
  const tokens = segment.tokens;
  const fm = ctx.frontmatter;
  const outline = new OutlineBuilder(diagnostics);
  const schedule: ScheduleMonth[] = [];
  const decoded = withoutReportRuns(decodeSchedule(tokens, Boolean(ctx.decisions)));
  ctx.decisions?.push(decoded);
  const decisions = new DecisionCursor(decoded);
  const bodyTexts: string[] = [];

  let title: string | null = fm["title"] ?? null;
  let scheduleHeading: string | null = null;
  // Widened on purpose: applyDecision (a closure) sets it, which flow analysis does not see.
  let current = null as ScheduleMonth | null;
  let lastContent: LineToken | null = null;
  const rawTasks: RawTask[] = [];
  const bodyBoxes: BodyBox[] = []; // checkbox lines outside the 行事历: maybe body sentences a user ticked
  let headingDay: string | null = null; // the current heading, when it names a day: its tasks' day
  // A table row whose month cell comes after its content: the row's tasks wait here for that month.
  const unplaced: ScheduleMonth = { label: "", months: [], writtenYear: null, line: 0, tasks: [] };
  let waiting: RawTask[] = [];

  // A raw task's details are only read (make-task.ts copies them): the tasks without share one empty list.
  const addTask: AddTask = (month, raw, done, line, form, owner = null, details = NO_DETAILS, dayText = null) => {
    rawTasks.push({ month, raw, done, line, owner, form, details, dayText });
  };

  /** One line's reading by the decoder, applied: a month opens, tasks join it, a broken line rejoins its item. */
  const applyDecision = (d: Decision, line: number): void => {
    const r = d.reading;
    switch (r.kind) {
      case "month":
        if (current === null) claimScheduleHeading();
        current = { label: r.label, months: r.months.map((m) => ({ year: m.year, month: m.month })), writtenYear: r.months[0]?.year ?? null, line, tasks: [] };
        schedule.push(current);
        headingDay = r.phrase.day !== null ? r.label : null;
        for (const part of r.tasks) addTask(current, part, false, line, "inline", null, NO_DETAILS, headingDay);
        for (const w of waiting) {
          w.month = current;
          w.dayText = headingDay;
        }
        waiting = [];
        break;
      case "glued":
        if (current === null || current.months.length !== 1 || current.months[0]?.month !== r.month || current.label !== `${r.month}`) {
          if (current === null) claimScheduleHeading();
          current = { label: String(r.month), months: [{ year: null, month: r.month }], writtenYear: null, line, tasks: [] };
          schedule.push(current);
          headingDay = null;
        }
        addTask(current, r.text, false, line, "table-cell");
        break;
      case "task": {
        const early = monthAfterContent(d.table);
        if (current === null && !early) break;
        if (d.unit.number?.lost) diagnostics.push(lostNumberDiagnostic(line, null));
        for (const part of r.tasks) addTask(early ? unplaced : (current as ScheduleMonth), part, r.done, line, taskForm(d), null, NO_DETAILS, headingDay);
        if (early) for (let k = rawTasks.length - r.tasks.length; k < rawTasks.length; k++) waiting.push(rawTasks[k] as RawTask);
        break;
      }
      case "continuation": {
        const last = rawTasks[rawTasks.length - 1];
        if (last && last.month === current) (last.more ??= []).push(r.text);
        break;
      }
      case "cell":
        if (current !== null) (current.notes ??= []).push(r.text);
        break;
      case "row":
        current = applyRow(d, r.cells, line, current);
        headingDay = null;
        break;
      default:
        break;
    }
  };

  /** A table row on one line: its month cell opens (or continues) a month, its content cell is the task. */
  const applyRow = (d: Decision, cells: readonly string[], line: number, month: ScheduleMonth | null): ScheduleMonth | null => {
    const table = d.table;
    if (!table) return month;
    const monthText = cells[table.indexOf("month")] ?? "";
    const found = monthCell(monthText);
    if (!found) return month;
    let target = month;
    if (target === null || target.label !== found.label) {
      if (target === null) claimScheduleHeading();
      target = { label: found.label, months: found.months.map((m) => ({ year: m.year, month: m.month })), writtenYear: found.months[0]?.year ?? null, line, tasks: [] };
      schedule.push(target);
    }
    const ownerAt = table.indexOf("owner");
    const owner = ownerAt >= 0 ? (cells[ownerAt] ?? null) : null;
    addTask(target, cells[table.indexOf("content")] ?? "", false, line, "table-cell", owner, [], monthText);
    return target;
  };

  const addOutlineItem = (writtenLevel: number | null, writtenOrdinal: number | null, numberLost: boolean, markdownDepth: number | null, text: string, line: number): void => {
    let level = writtenLevel;
    let ordinal = writtenOrdinal;
    // "### 1、…": under a Markdown heading the heading's depth places the item.
    if (markdownDepth !== null && level !== null && level > 2 && markdownDepth >= 2) level = Math.min(markdownDepth - 1, 5);
    if (level === null) {
      level = outline.guessLevel();
      if (numberLost) {
        ordinal = outline.nextOrdinal(level);
        diagnostics.push(lostNumberDiagnostic(line, formatItemNumber(level, ordinal, toChineseNumber)));
      }
    }
    outline.addItem(level, ordinal, text, line);
  };

  /** The heading right before the first month heads the 行事历: it leaves the outline, number and all. */
  const claimScheduleHeading = (): void => {
    if (scheduleHeading !== null || lastContent === null || !isScheduleHeading(lastContent)) return;
    const lastContentText = tokenText(lastContent) ?? "";
    // Number and all, as written: "四、工會月主題活動安排".
    const written = lastContent.kind === "item" ? lastContent.source : lastContentText;
    scheduleHeading = written.replace(/[:：\s]+$/, "");
    const node = outline.lastNode();
    if (node && node.children.length === 0 && node.text === lastContentText) outline.removeLast(node);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TokenLine;
    const tok = t.token;
    if (tok.kind === "blank" || tok.kind === "noise" || tok.kind === "verbatim") continue;
    const text = tokenText(tok);
    // Only the first lines can name the school (schoolFromBody): a long plan keeps no list of all.
    if (text !== null && bodyTexts.length < SCHOOL_LINES) bodyTexts.push(text);
    if (tok.kind === "month" && tok.rest !== null && bodyTexts.length < SCHOOL_LINES) bodyTexts.push(tok.rest);

    if (tok.kind === "title") {
      // The first title names the plan; "# title" under frontmatter that already names it repeats it.
      // A pasted title loses its collection number ("… 篇4"); a Markdown "# " title is taken as written.
      const clean = tok.markdownDepth === null ? cleanTitle(tok.text) : tok.text.trim();
      current = null;
      // A union-plan note names its plan in frontmatter or with "# ": a plain line that reads like a
      // title is a paragraph there (the Markdown we write keeps an untitled plan's first line plain).
      const named = tok.markdownDepth !== null || fm["type"] !== "union-plan";
      if (title === null && clean !== "" && named) title = clean;
      else if (clean !== title) outline.addParagraph(tok.text, t.line);
      continue;
    }

    decisions.seek(i);
    if (decisions.anyScheduled()) {
      for (let k = decisions.start; k < decisions.end; k++) {
        const d = decoded[k] as Decision;
        if (isScheduleReading(d.reading.kind)) applyDecision(d, t.line);
        else if (d.unit.number !== null && (d.unit.number.level !== null || d.unit.number.lost)) {
          // The numbered piece of a line whose rest is 行事历 stays the outline item it was (so does a lost number).
          addOutlineItem(d.unit.number.level, d.unit.number.ordinal, d.unit.number.lost, d.unit.markdownDepth, d.unit.body.text, t.line);
        } else outline.addParagraph(d.unit.whole.text, t.line);
      }
      if (decisions.anyBut("header")) lastContent = tok;
      continue;
    }
    if (current !== null && decisions.anyOf("furniture")) {
      // A page number or a closing note inside the 行事历 is kept, as a note, and does not end it.
      (current.notes ??= []).push(tokenText(tok) ?? "");
      continue;
    }

    if (tok.kind === "table-row") {
      if (current === null && scheduleColumns(tok.cells) !== null) claimScheduleHeading();
      i = readTable(tokens, i, schedule, outline, addTask, diagnostics) - 1;
      current = null;
      continue;
    }

    if (current !== null && (tok.kind === "quote" || (tok.kind === "paragraph" && tok.mojibake))) {
      if (tok.kind === "paragraph") diagnostics.push(mojibakeDiagnostic(t.line));
      (current.notes ??= []).push(tok.text);
      continue;
    }
    current = null;

    switch (tok.kind) {
      case "item":
        addOutlineItem(tok.level, tok.ordinal, tok.numberLost, tok.markdownDepth, tok.text, t.line);
        break;
      case "heading":
        outline.addItem(Math.max(1, Math.min((tok.markdownDepth ?? 2) - 1, 5)), null, tok.text, t.line);
        break;
      case "month":
        // Not part of a 行事历 after all: the line stays what it was.
        if (tok.item) addOutlineItem(tok.item.level, tok.item.ordinal, tok.item.numberLost, tok.markdownDepth, tok.source, t.line);
        else if (tok.markdownDepth !== null) outline.addItem(Math.max(1, Math.min(tok.markdownDepth - 1, 5)), null, tok.source, t.line);
        else outline.addParagraph(tok.source, t.line);
        break;
      case "paragraph":
        if (tok.mojibake) diagnostics.push(mojibakeDiagnostic(t.line));
        outline.addParagraph(tok.text, t.line);
        break;
      case "checkbox":
        // A checkbox outside the 行事历 stays as the line it was; it is a task only when it is a dated sentence.
        outline.addParagraph(`- [${tok.done ? "x" : " "}] ${tok.text}`.trim(), t.line);
        bodyBoxes.push({ line: t.line, text: tok.text, done: tok.done });
        break;
      case "quote":
        outline.addParagraph(tok.text, t.line);
        break;
    }
    lastContent = tok;
  }

  // Facts: frontmatter first, then the title, then the body.
  const titleFacts = title ? factsFromTitle(title) : { kind: null, period: null, year: null };
  const fmPeriod = parsePeriod(fm["period"]);
  const period = fmPeriod ?? titleFacts.period;
  resolveYears(schedule, period, titleFacts.year, diagnostics);

  const { startLine, endLine, firstText, pinyin } = contentFacts(tokens, ctx.pinyinLines);
  const id = ctx.planIds.take(fm["plan-id"] ?? `p-${shortHash(title ?? firstText)}`);

  const taskIds = new IdAllocator();
  for (const r of rawTasks) {
    // A row whose month cell never came (left blank) names no month: its content stays a table cell.
    if (r.month === unplaced) continue;
    if (r.more) r.raw = joinBrokenLines(r.raw, r.more);
    const task = makeTask(r, id, taskIds);
    if (task) r.month.tasks.push(task);
  }
  readTrailingOwners(schedule);
  const notSentences = new Set<number>();
  // A 行事历 line's dated words are its tasks already (the body would only find them again), and
  // furniture and fields are not sentences of the plan.
  for (const d of decoded) if (d.reading.kind !== "other") notSentences.add(d.unit.line);
  const fields = fieldSentences(decoded);
  // The date line under an open "时间：" field is the field's value, not a sentence of its own.
  for (const f of fields) notSentences.add(f.line);
  const inBody = withBoxedSentences(bodySentences(outline.roots, notSentences), bodyBoxes);
  const titles = dropGroupTitles(schedule, inBody.sentences, fields);
  const dated = bodyTaskMonths(fields, inBody.sentences.filter((b) => !titles.has(b.line)), schedule, period, titleFacts.year);
  const bodyTasks: ScheduleMonth[] = [];
  for (const { month, text } of dated) {
    // A ticked body sentence is a checkbox: its box says done, its fields (✅, ^id) are the task's.
    const box = inBody.boxOf(month.line);
    const task = makeTask({ month, raw: text + (box?.fields ?? ""), done: box?.done ?? false, line: month.line, owner: null, form: box ? "checkbox" : "body-sentence", details: NO_DETAILS, dayText: month.label }, id, taskIds);
    if (task) {
      // A body month holds its one task: a list of one, at its length already (fit-lists.ts).
      month.tasks = [task];
      bodyTasks.push(month);
    }
  }
  for (const sm of schedule) {
    if (sm.tasks.length === 0) {
      diagnostics.push({ line: sm.line, severity: "warning", code: "empty-month", message: `「${sm.label}」下没有工作项 / no tasks under ${sm.label}` });
    }
  }

  wholePageDiagnostics(decoded, diagnostics);
  silentDateDiagnostics(decoded, schedule, bodyTasks, startLine, diagnostics);

  if (pinyin > 0) {
    diagnostics.push({ line: startLine, severity: "info", code: "pinyin-removed", message: `已去掉夹在文字中的 ${pinyin} 处拼音注音 / removed ${pinyin} pinyin annotations glued into the text` });
  }

  const derivedPeriod = period ?? periodFromSchedule(schedule);
  return fitLists({
    id,
    title,
    school: fm["school"] ?? (title ? schoolFromTitle(title) : null) ?? schoolFromBody(bodyTexts),
    kind: (fm["kind"] as Plan["kind"] | undefined) ?? titleFacts.kind ?? (title ? kindFromTitle(title) : null),
    period: derivedPeriod,
    reviewStatus: fm["review-status"] ?? null,
    reviewComment: fm["review-comment"] ?? null,
    lines: { start: startLine, end: endLine },
    scheduleHeading,
    outline: outline.roots,
    schedule,
    bodyTasks,
    diagnostics: diagnostics.sort((a, b) => a.line - b.line),
  });
}

/**
 * The first and last line with content, the first content text, and the pinyin annotations removed
 * from the plan's lines: one pass over the tokens, no list of them.
 */
function contentFacts(tokens: readonly TokenLine[], pinyinLines: ReadonlyMap<number, number>): { startLine: number; endLine: number; firstText: string; pinyin: number } {
  let first: TokenLine | null = null;
  let last: TokenLine | null = null;
  let firstText = "";
  let pinyin = 0;
  for (const t of tokens) {
    if (t.token.kind === "blank") continue;
    first ??= t;
    last = t;
    if (firstText === "") firstText = tokenText(t.token) ?? "";
    pinyin += pinyinLines.get(t.line) ?? 0;
  }
  const startLine = first?.line ?? 1;
  return { startLine, endLine: last?.line ?? startLine, firstText, pinyin };
}

function parsePeriod(value: string | undefined): { start: string; end: string } | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2})\s*(?:\.\.|~|—|至|to)\s*(\d{4}-\d{2})$/.exec(value.trim());
  if (!m || !m[1] || !m[2] || !parseYm(m[1]) || !parseYm(m[2])) return null;
  return { start: m[1], end: m[2] };
}

function periodFromSchedule(schedule: readonly ScheduleMonth[]): { start: string; end: string } | null {
  const keys: number[] = [];
  for (const sm of schedule) for (const m of sm.months) if (m.year !== null) keys.push(ymIndex({ year: m.year, month: m.month }));
  if (keys.length === 0) return null;
  const fmt = (k: number): string => ymKey(ymFromIndex(k));
  return { start: fmt(minOf(keys)), end: fmt(maxOf(keys)) };
}

