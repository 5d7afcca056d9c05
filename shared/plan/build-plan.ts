/**
 * One plan segment's tokens → a Plan: facts, outline, 行事历 and tasks, with diagnostics.
 * A 行事历 is recognised by its structure (a run of month headings with items under them), or a
 * single month heading right after a 行事历 / 安排 heading; a lone line that looks like a month
 * heading in the middle of the text stays text.
 */
import type { Diagnostic, Plan, ScheduleMonth, Task } from "./types";
import type { LineToken, TokenLine } from "./line-token";
import type { PlanSegment } from "./split-plans";
import { OutlineBuilder } from "../outline/outline-builder";
import { cleanTitle, factsFromTitle, kindFromTitle, schoolFromBody, schoolFromTitle } from "./plan-facts";
import { splitTaskText } from "../schedule/task-text";
import { datesFromText } from "../schedule/task-date";
import { resolveYears } from "../schedule/resolve-years";
import { monthCell, scheduleColumns, splitContentCell } from "../schedule/schedule-table";
import { IdAllocator, shortHash } from "./stable-id";
import { parseYm } from "../calendar/year-month";
import { toChineseNumber } from "../outline/chinese-number";
import { formatItemNumber } from "../outline/item-number";
import type { MonthRef } from "../schedule/month-heading";
import { maxOf, minOf } from "../collections/array-edit";

const SCHEDULE_KEYWORD = /(行事[历曆]|工作安排|活动安排|活動安排|工作日程|日程安排|月主[题題]|具体安排|具體安排|月工作|工作[历曆]|计划表|計劃表)/;

export interface BuildContext {
  frontmatter: Record<string, string>;
  planIds: IdAllocator;
  pinyinLines: ReadonlyMap<number, number>;
}

function isTerminator(tok: LineToken): boolean {
  if (tok.kind === "title") return true;
  if (tok.kind === "item" && tok.level !== null && tok.level <= 2) return true;
  if (tok.kind === "heading" && (tok.markdownDepth ?? 9) <= 3) return true;
  return false;
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

/** Which month tokens start or continue a real 行事历. */
function acceptedMonths(tokens: readonly TokenLine[]): Set<number> {
  const accepted = new Set<number>();
  let run: number[] = [];
  let keywordBefore = false;
  let lastContent: LineToken | null = null;
  let anyAccepted = false;
  const close = (): void => {
    if (run.length >= 2 || (run.length === 1 && (keywordBefore || anyAccepted))) {
      for (const i of run) accepted.add(i);
      anyAccepted = true;
    }
    run = [];
  };
  tokens.forEach((t, i) => {
    const tok = t.token;
    if (tok.kind === "blank") return;
    if (tok.kind === "month") {
      if (run.length === 0) {
        keywordBefore = lastContent !== null && isScheduleHeading(lastContent);
      }
      run.push(i);
    } else if (isTerminator(tok)) {
      close();
    }
    lastContent = tok;
  });
  close();
  return accepted;
}

export function buildPlan(segment: PlanSegment, ctx: BuildContext): Plan {
  const diagnostics: Diagnostic[] = [];
  const tokens = segment.tokens;
  const fm = ctx.frontmatter;
  const outline = new OutlineBuilder(diagnostics);
  const schedule: ScheduleMonth[] = [];
  const accepted = acceptedMonths(tokens);
  const bodyTexts: string[] = [];

  let title: string | null = fm["title"] ?? null;
  let scheduleHeading: string | null = null;
  let current: ScheduleMonth | null = null;
  let lastContent: LineToken | null = null;
  const rawTasks: { month: ScheduleMonth; raw: string; done: boolean; line: number; owner: string | null }[] = [];

  const endSchedule = (): void => {
    current = null;
  };

  const addTask = (month: ScheduleMonth, raw: string, done: boolean, line: number, owner: string | null = null): void => {
    rawTasks.push({ month, raw, done, line, owner });
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
    if (tok.kind === "blank" || tok.kind === "noise") continue;
    const text = tokenText(tok);
    if (text !== null) bodyTexts.push(text);
    if (tok.kind === "month" && tok.rest !== null) bodyTexts.push(tok.rest);

    if (tok.kind === "title") {
      // The first title names the plan; "# title" under frontmatter that already names it repeats it.
      // A pasted title loses its collection number ("… 篇4"); a Markdown "# " title is taken as written.
      const clean = tok.markdownDepth === null ? cleanTitle(tok.text) : tok.text.trim();
      current = null;
      if (title === null && clean !== "") title = clean;
      else if (clean !== title) outline.addParagraph(tok.text, t.line);
      continue;
    }

    if (tok.kind === "month" && accepted.has(i)) {
      if (current === null) claimScheduleHeading();
      current = {
        label: tok.label,
        months: tok.months.map((m: MonthRef) => ({ year: m.year, month: m.month })),
        writtenYear: tok.months[0]?.year ?? null,
        line: t.line,
        tasks: [],
      };
      schedule.push(current);
      if (tok.rest !== null) for (const part of splitSameLine(tok.rest)) addTask(current, part, false, t.line);
      lastContent = tok;
      continue;
    }

    if (tok.kind === "table-row") {
      if (current === null && scheduleColumns(tok.cells) !== null) claimScheduleHeading();
      i = readTable(tokens, i, schedule, outline, addTask, diagnostics) - 1;
      current = null;
      continue;
    }

    if (current !== null && !isTerminator(tok)) {
      if (tok.kind === "quote") {
        (current.notes ??= []).push(tok.text);
        continue;
      }
      if (tok.kind === "paragraph" && tok.mojibake) {
        diagnostics.push(mojibakeDiagnostic(t.line));
        (current.notes ??= []).push(tok.text);
        continue;
      }
      if (tok.kind === "item" && tok.numberLost) diagnostics.push(lostNumberDiagnostic(t.line, null));
      const raw = tok.kind === "month" ? tok.label : (tokenText(tok) ?? "");
      addTask(current, raw, tok.kind === "checkbox" ? tok.done : false, t.line);
      continue;
    }
    endSchedule();

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
        // A checkbox outside the 行事历 is not a task; it stays as the line it was.
        outline.addParagraph(`- [${tok.done ? "x" : " "}] ${tok.text}`.trim(), t.line);
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

  const contentLines = tokens.filter((t) => t.token.kind !== "blank");
  const startLine = contentLines[0]?.line ?? 1;
  const endLine = contentLines[contentLines.length - 1]?.line ?? startLine;
  const firstText = contentLines.map((t) => tokenText(t.token)).find((s) => s) ?? "";
  const id = ctx.planIds.take(fm["plan-id"] ?? `p-${shortHash(title ?? firstText)}`);

  const taskIds = new IdAllocator();
  for (const r of rawTasks) {
    const task = makeTask(r.raw, r.done, r.line, r.month, id, taskIds, r.owner);
    if (task) r.month.tasks.push(task);
  }
  for (const sm of schedule) {
    if (sm.tasks.length === 0) {
      diagnostics.push({ line: sm.line, severity: "warning", code: "empty-month", message: `「${sm.label}」下没有工作项 / no tasks under ${sm.label}` });
    }
  }

  const pinyin = contentLines.reduce((n, t) => n + (ctx.pinyinLines.get(t.line) ?? 0), 0);
  if (pinyin > 0) {
    diagnostics.push({ line: startLine, severity: "info", code: "pinyin-removed", message: `已去掉夹在文字中的 ${pinyin} 处拼音注音 / removed ${pinyin} pinyin annotations glued into the text` });
  }

  const derivedPeriod = period ?? periodFromSchedule(schedule);
  return {
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
    diagnostics: diagnostics.sort((a, b) => a.line - b.line),
  };
}

/** "七、八月份：暑期生活" holds one task; "3月：开展…；组织…" holds two. */
function splitSameLine(rest: string): string[] {
  const parts = rest.split(/[；;]/).map((s) => s.trim()).filter((s) => s.length >= 2);
  return parts.length > 0 ? parts : [rest];
}

function makeTask(raw: string, done: boolean, line: number, month: ScheduleMonth, planId: string, ids: IdAllocator, owner: string | null): Task | null {
  const parts = splitTaskText(raw);
  if (parts.text === "") return null;
  const months = month.months.map((m) => ({ ...m }));
  const fromText = datesFromText(parts.text, months);
  return {
    id: ids.take(parts.blockId ?? `t-${shortHash(`${planId}|${parts.text}`)}`),
    text: parts.text,
    months,
    // A 📅 date the writer gave wins over a day the words name.
    date: parts.dueDate ?? fromText.date,
    dateEnd: fromText.dateEnd,
    partOfMonth: fromText.partOfMonth,
    owner: parts.owner ?? owner,
    done,
    line,
  };
}

/** Reads a pipe table starting at `start`; returns the index after it. */
function readTable(
  tokens: readonly TokenLine[],
  start: number,
  schedule: ScheduleMonth[],
  outline: OutlineBuilder,
  addTask: (m: ScheduleMonth, raw: string, done: boolean, line: number, owner: string | null) => void,
  diagnostics: Diagnostic[],
): number {
  // A table is a run of table rows on consecutive lines: a blank line ends it.
  let end = start + 1;
  while (end < tokens.length && (tokens[end] as TokenLine).token.kind === "table-row" && (tokens[end] as TokenLine).line === (tokens[end - 1] as TokenLine).line + 1) end++;
  const rows = tokens.slice(start, end);
  const header = rows[0]?.token.kind === "table-row" ? rows[0].token.cells : [];
  const cols = scheduleColumns(header);
  if (!cols) {
    // Not a 行事历 table: its rows stay as written.
    for (const r of rows) if (r.token.kind === "table-row") outline.addParagraph(r.token.text, r.line);
    return end;
  }
  let month: ScheduleMonth | null = null;
  for (const r of rows.slice(1)) {
    if (r.token.kind !== "table-row" || r.token.cells.length === 0) continue;
    const cells = r.token.cells;
    const monthText = cells[cols.month] ?? "";
    if (monthText !== "") {
      const found = monthCell(monthText);
      if (!found) {
        diagnostics.push({ line: r.line, severity: "warning", code: "table-month", message: `表格这一行的月份「${monthText}」看不懂，这一行未读入 / cannot read the month "${monthText}"; row skipped` });
        month = null;
        continue;
      }
      const same = month !== null && month.label === found.label;
      if (!same) {
        month = { label: found.label, months: found.months.map((m) => ({ ...m })), writtenYear: found.months[0]?.year ?? null, line: r.line, tasks: [] };
        schedule.push(month);
      }
    }
    if (!month) continue;
    const owner = cols.owner === null ? null : (cells[cols.owner] ?? "").trim() || null;
    const done = cols.done === null ? false : /(已完成|完成|是|√|✓|x)/i.test(cells[cols.done] ?? "") && !/未/.test(cells[cols.done] ?? "");
    for (const item of splitContentCell(cells[cols.content] ?? "")) addTask(month, item, done, r.line, owner);
  }
  return end;
}

function parsePeriod(value: string | undefined): { start: string; end: string } | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2})\s*(?:\.\.|~|—|至|to)\s*(\d{4}-\d{2})$/.exec(value.trim());
  if (!m || !m[1] || !m[2] || !parseYm(m[1]) || !parseYm(m[2])) return null;
  return { start: m[1], end: m[2] };
}

function periodFromSchedule(schedule: readonly ScheduleMonth[]): { start: string; end: string } | null {
  const keys: number[] = [];
  for (const sm of schedule) for (const m of sm.months) if (m.year !== null) keys.push(m.year * 12 + m.month - 1);
  if (keys.length === 0) return null;
  const fmt = (k: number): string => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  return { start: fmt(minOf(keys)), end: fmt(maxOf(keys)) };
}

function mojibakeDiagnostic(line: number): Diagnostic {
  return { line, severity: "warning", code: "mojibake", message: `第 ${line} 行疑似乱码（网页编码错误），无法读出，已原样保留 / line ${line} looks garbled (wrong text encoding); kept as it is` };
}

function lostNumberDiagnostic(line: number, assumed: string | null): Diagnostic {
  return {
    line,
    severity: "warning",
    code: "number-lost",
    message: assumed ? `第 ${line} 行的编号缺失，按「${assumed}」处理 / line ${line} lost its number; read as ${assumed}` : `第 ${line} 行的编号缺失 / line ${line} lost its number`,
  };
}
