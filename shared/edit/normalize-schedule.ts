/**
 * "Normalize 行事历": rewrites each plan's 行事历 into canonical form (a Markdown heading, one
 * `### 2027年3月` heading per month, `- [ ] text … ^t-id` lines written by the one serializer),
 * keeping every piece of information the note had: Tasks' done dates, table columns beyond month
 * and content (as `[地点:: …]`), days, owners, notes, and fenced or commented text as it was. The
 * rewrite is checked character by character (schedule-loss.ts); if anything would be lost the note
 * is left alone and the caller hears what and where.
 */
import { parsePlans } from "../plan/parse-plans";
import type { Plan, ScheduleMonth } from "../plan/types";
import { normalizeText } from "../normalize/normalize-text";
import { markVerbatim } from "../plan/verbatim";
import { monthHeadingText } from "../time/year-month";
import { canonicalTaskLine, writeFreshIds, type DueDateOptions } from "./task-line";
import { joinNoteLines, spliceNoteLines, splitNoteLines, type NoteLines } from "./note-lines";
import { lostCharacters, type LostText } from "./schedule-loss";

/** The 1-based lines of one plan's 行事历 block, as the engine placed it. */
export interface ScheduleBlock {
  /** The heading the engine claimed for the 行事历, when it did. */
  headingLine: number | null;
  /** First line of the month headings / table. */
  firstLine: number;
  lastLine: number;
}

export type NormalizeResult = { ok: true; text: string; changed: boolean } | { ok: false; lost: LostText[] };

function isTableLine(line: string | undefined): boolean {
  return line !== undefined && line.trimStart().startsWith("|");
}

/** The last line (1-based) of a month's block: its heading or its last task. */
function monthEnd(sm: ScheduleMonth): number {
  let end = sm.line;
  for (const t of sm.tasks) end = Math.max(end, t.line);
  return end;
}

/** Where a plan's 行事历 sits in the note (null when it has none). */
export function scheduleBlock(note: NoteLines, plan: Plan, verbatim: ReadonlySet<number> = new Set()): ScheduleBlock | null {
  const first = plan.schedule[0];
  if (!first) return null;
  let firstIdx = first.line - 1;
  let lastIdx = firstIdx;
  for (const sm of plan.schedule) {
    firstIdx = Math.min(firstIdx, sm.line - 1);
    lastIdx = Math.max(lastIdx, monthEnd(sm) - 1);
  }
  // A table 行事历 starts at its header row and ends at its last row.
  if (isTableLine(note.lines[firstIdx])) while (firstIdx > 0 && isTableLine(note.lines[firstIdx - 1])) firstIdx--;
  if (isTableLine(note.lines[lastIdx])) while (isTableLine(note.lines[lastIdx + 1])) lastIdx++;
  let headingLine: number | null = null;
  if (plan.scheduleHeading !== null) {
    // The engine claims the last line with content before the first month (or table); fenced or
    // commented lines are not content to it.
    let i = firstIdx - 1;
    while (i >= 0 && ((note.lines[i] ?? "").trim() === "" || verbatim.has(i + 1))) i--;
    if (i >= 0) headingLine = i + 1;
  }
  return { headingLine, firstLine: firstIdx + 1, lastLine: lastIdx + 1 };
}

/** 1-based lines inside a code fence or an HTML comment, as the engine reads them. */
function verbatimLines(text: string): Set<number> {
  const lines = normalizeText(text);
  const flags = markVerbatim(lines);
  const out = new Set<number>();
  lines.forEach((l, i) => {
    if (flags[i]) out.add(l.source);
  });
  return out;
}

/**
 * Rewrites the 行事历 of every plan in the note. Every line outside the blocks is given back byte
 * for byte; a copied line's repeated id is replaced by its fresh one. Refuses (changing nothing)
 * when the rewrite would drop any character of an old 行事历.
 */
export function normalizeSchedule(text: string, options: DueDateOptions = {}): NormalizeResult {
  const { plans } = parsePlans(text);
  const note = splitNoteLines(text);
  const verbatim = verbatimLines(text);
  const blocks: { plan: Plan; block: ScheduleBlock }[] = [];
  for (const plan of plans) {
    const block = scheduleBlock(note, plan, verbatim);
    if (block) blocks.push({ plan, block });
  }
  // Bottom-up, so earlier line numbers stay valid.
  blocks.sort((a, b) => b.block.firstLine - a.block.firstLine);
  let lowestStart = Infinity;
  const lost: LostText[] = [];
  const rewrites: { start: number; end: number; lines: string[] }[] = [];
  for (const { plan, block } of blocks) {
    const start = block.headingLine ?? block.firstLine;
    if (block.lastLine >= lowestStart) continue; // overlapping readings: leave the note alone there
    lowestStart = start;
    const out = renderScheduleBlock(note, plan, block, verbatim, options);
    const old: [number, string][] = [];
    for (let line = start; line <= block.lastLine; line++) old.push([line, note.lines[line - 1] ?? ""]);
    for (const l of lostCharacters(old, out.join("\n"))) lost.push(l);
    rewrites.push({ start, end: block.lastLine, lines: out });
  }
  if (lost.length > 0) return { ok: false, lost: lost.sort((a, b) => a.line - b.line) };
  writeFreshIds(note, plans);
  for (const r of rewrites) spliceNoteLines(note, r.start - 1, r.end, r.lines);
  const next = joinNoteLines(note);
  return { ok: true, text: next, changed: next !== text };
}

/** The same rewrite, for callers that keep the note as it was when it is refused. */
export function normalizeScheduleInNote(text: string, options: DueDateOptions = {}): string {
  const r = normalizeSchedule(text, options);
  return r.ok ? r.text : text;
}

/** Words a refusal for the user: which lines would lose what. */
export function describeLoss(lost: readonly LostText[]): string {
  const parts = lost.slice(0, 5).map((l) => `第 ${l.line} 行「${l.text}」`);
  const more = lost.length > 5 ? ` 等 ${lost.length} 处` : "";
  const en = lost.slice(0, 5).map((l) => `line ${l.line} "${l.text}"`).join(", ");
  return `规范行事历会丢失内容，未做修改：${parts.join("，")}${more} / normalizing would lose text, so nothing was changed: ${en}${lost.length > 5 ? ", …" : ""}`;
}

function renderScheduleBlock(note: NoteLines, plan: Plan, block: ScheduleBlock, verbatim: ReadonlySet<number>, options: DueDateOptions): string[] {
  const out: string[] = [];
  // The heading the engine claimed stays when it is a Markdown heading, else becomes one. No heading
  // is added where the note had none: the writer's own section heading may sit a paragraph above.
  if (block.headingLine !== null) {
    const headingText = note.lines[block.headingLine - 1] ?? "";
    out.push(/^#{1,6} /.test(headingText) ? headingText : `## ${plan.scheduleHeading ?? "行事历"}`, "");
  }

  const used = new Set<number>();
  if (block.headingLine !== null) used.add(block.headingLine);
  for (const sm of plan.schedule) {
    used.add(sm.line);
    for (const t of sm.tasks) used.add(t.line);
  }
  // A table the tasks were read from is rewritten whole (header and separator included): its
  // columns live on in the task lines. Any other table stays as written.
  const tableUsed = new Set<number>();
  for (let line = block.firstLine; line <= block.lastLine; line++) {
    if (!isTableLine(note.lines[line - 1]) || tableUsed.has(line)) continue;
    let end = line;
    while (end < block.lastLine && isTableLine(note.lines[end])) end++;
    let read = false;
    for (let l = line; l <= end; l++) if (used.has(l)) read = true;
    if (read) for (let l = line; l <= end; l++) tableUsed.add(l);
    line = end;
  }

  // Lines of the block the engine read as neither month nor task stay, after their month's tasks;
  // a blank line inside fenced or commented text is part of that text and stays with it.
  const kept = new Map<ScheduleMonth, string[]>();
  const leading: string[] = [];
  // From just after the claimed heading: what sits between it and the first month is rewritten too.
  for (let line = (block.headingLine ?? block.firstLine - 1) + 1; line <= block.lastLine; line++) {
    const raw = note.lines[line - 1] ?? "";
    if (used.has(line) || tableUsed.has(line)) continue;
    if (raw.trim() === "" && !(nearestVerbatim(note, verbatim, line, -1) && nearestVerbatim(note, verbatim, line, 1))) continue;
    let owner: ScheduleMonth | null = null;
    for (const sm of plan.schedule) if (sm.line <= line) owner = sm;
    const list = owner ? (kept.get(owner) ?? []) : leading;
    list.push(raw);
    if (owner) kept.set(owner, list);
  }
  if (leading.length > 0) {
    for (const l of leading) out.push(l);
    out.push("");
  }

  for (const sm of plan.schedule) {
    out.push(`### ${monthHeadingText(sm.months) || sm.label}`);
    for (const t of sm.tasks) out.push(canonicalTaskLine(t, options));
    for (const l of kept.get(sm) ?? []) out.push(l);
    out.push("");
  }
  // The block ends where it ended; a blank line only when something follows at once.
  const next = note.lines[block.lastLine];
  if (next === undefined || next.trim() === "") out.pop();
  return out;
}

/** Whether the nearest non-blank line before (step -1) or after (step 1) `line` is fenced or commented text. */
function nearestVerbatim(note: NoteLines, verbatim: ReadonlySet<number>, line: number, step: 1 | -1): boolean {
  let i = line + step;
  while (i >= 1 && i <= note.lines.length && (note.lines[i - 1] ?? "").trim() === "") i += step;
  return verbatim.has(i);
}
