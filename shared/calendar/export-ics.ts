/**
 * Tasks → an iCalendar file (RFC 5545) a phone calendar can import or subscribe to.
 *
 * - Every event is an all-day event (DATE values; no time zone needed).
 * - A task with a date is an event on that day (a range 3月6日—30日 spans it).
 * - A task without a date is an event on ONE day of its month, not a month-long bar (which would
 *   sit on every day of the month on a phone): the 1st, or the 11th for 中旬, the 21st for 下旬,
 *   the last day for 月末 / 月底. Its title starts with 【本月】 (【中旬】 …, 【7月—8月】 for a
 *   task under a two-month heading) so nobody takes the 1st for its date.
 * - A task whose year the plan does not tell cannot be placed: it is skipped and counted.
 * - UIDs come from the plan id and the task id, so re-exporting updates events instead of
 *   duplicating them. DTSTAMP is `generatedAt` (pass it for reproducible files).
 * - Lines end in CRLF, are folded at 75 octets without splitting a UTF-8 character, and TEXT values
 *   escape \ ; , and line breaks.
 */
import dayjs from "dayjs";
import type { YearMonth } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { isoDate, lastDayOfMonth } from "../time/year-month";

export interface IcsOptions {
  /** X-WR-CALNAME / NAME; default "工会行事历". */
  calendarName?: string;
  /** DTSTAMP of every event; default now. */
  generatedAt?: Date;
  /** How often a subscribed calendar should refresh, in hours (default 12). */
  refreshHours?: number;
}

export interface IcsResult {
  /** The whole file, CRLF line endings. */
  ics: string;
  /** Events written. */
  events: number;
  /** Tasks left out because their year is unknown. */
  skipped: number;
  skippedTasks: PlanTask[];
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  // Line breaks become \n; every other control character (RFC 5545 CONTROL, tab aside) is dropped:
  // calendar apps refuse a file holding one, and a task text pasted from Word can.
  const escaped = text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  return dropControls(escaped);
}

/** Without C0 controls but tab, and DEL (the line breaks were escaped before this runs). */
function dropControls(text: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9) || c === 0x7f) {
      out += text.slice(last, i);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds one content line: at most 75 octets a line, continuation lines start with a space. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + n > limit) {
      parts.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join("\r\n");
}

function icsDate(iso: string): string {
  return iso.replace(/-/g, "");
}

function stamp(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`;
}

function uidPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}`);
}

const PART_DAY: Readonly<Record<string, number | "last">> = { 月初: 1, 初旬: 1, 上旬: 1, 上中旬: 1, 月中: 11, 中旬: 11, 中下旬: 11, 下旬: 21, 月底: "last", 月末: "last" };

interface Placement {
  start: string;
  /** Exclusive end (the day after the last day). */
  end: string;
  /** 【本月】 and the like for a task without its own date; "" for a dated one. */
  marker: string;
}

function firstKnownMonth(months: readonly YearMonth[]): { year: number; month: number } | null {
  for (const m of months) if (m.year !== null) return { year: m.year, month: m.month };
  return null;
}

function place(task: PlanTask): Placement | null {
  if (task.date && dayjs(task.date).isValid()) {
    const last = task.dateEnd && task.dateEnd >= task.date ? task.dateEnd : task.date;
    return { start: task.date, end: dayjs(last).add(1, "day").format("YYYY-MM-DD"), marker: "" };
  }
  const first = firstKnownMonth(task.months);
  if (!first) return null;
  const part = task.partOfMonth ? PART_DAY[task.partOfMonth] : undefined;
  const day = part === "last" ? lastDayOfMonth(first.year, first.month) : isoDate(first.year, first.month, part ?? 1);
  if (!day) return null;
  let marker = `【${task.partOfMonth ?? "本月"}】`;
  if (task.months.length > 1) {
    const last = task.months[task.months.length - 1];
    if (last) marker = `【${first.month}月—${last.month}月】`;
  }
  return { start: day, end: dayjs(day).add(1, "day").format("YYYY-MM-DD"), marker };
}

export function renderIcs(tasks: readonly PlanTask[], opts: IcsOptions = {}): IcsResult {
  const name = opts.calendarName ?? "工会行事历";
  const dtstamp = stamp(opts.generatedAt ?? new Date());
  const refresh = Math.max(1, Math.round(opts.refreshHours ?? 12));
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//union-plan//union-plan 行事历//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeIcsText(name)}`,
    `NAME:${escapeIcsText(name)}`,
    "X-WR-TIMEZONE:Asia/Shanghai",
    `REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}H`,
    `X-PUBLISHED-TTL:PT${refresh}H`,
  ];
  const seen = new Set<string>();
  const skippedTasks: PlanTask[] = [];
  let events = 0;
  for (const task of tasks) {
    const uid = `${uidPart(task.id)}.${uidPart(task.planId)}@union-plan`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const at = place(task);
    if (!at) {
      skippedTasks.push(task);
      continue;
    }
    const description = [
      task.planTitle ? `计划：${task.planTitle}` : null,
      `月份：${task.monthLabel}`,
      task.owner ? `负责人：${task.owner}` : null,
      task.done ? "状态：已完成" : null,
      task.source === "body" ? "出处：计划正文，不在行事历中 / from the plan's body, not its 行事历" : null,
      at.marker ? "本月内完成，日期未定 / sometime this month" : null,
    ].filter((x): x is string => x !== null);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${icsDate(at.start)}`,
      `DTEND;VALUE=DATE:${icsDate(at.end)}`,
      `SUMMARY:${escapeIcsText(`${task.done ? "✓ " : ""}${at.marker}${task.text}`)}`,
      `DESCRIPTION:${escapeIcsText(description.join("\n"))}`,
      // A category calendars can filter on; "正文" = the body.
      task.source === "body" ? "CATEGORIES:工会,正文" : "CATEGORIES:工会",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
    events++;
  }
  lines.push("END:VCALENDAR");
  return { ics: `${lines.map(foldIcsLine).join("\r\n")}\r\n`, events, skipped: skippedTasks.length, skippedTasks };
}
