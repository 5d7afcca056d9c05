/**
 * The body's dated sentences and activity fields grouped as the 行事历 is, by month: each with its
 * year from the plan's period, and none twice (not what the 行事历 already lists, not one event
 * found both in a sentence and in its time field).
 */
import type { Period, ScheduleMonth, Task } from "./types";
import type { BodySentence } from "./body-tasks";
import { foldKey } from "../normalize/fold";
import { readDatePhrase } from "../schedule/date-phrase";
import { singleMonth } from "./shared-months";

function yearInPeriod(month: number, period: Period | null, titleYear: number | null): number | null {
  if (!period) return titleYear;
  const sy = Number(period.start.slice(0, 4));
  const sm = Number(period.start.slice(5, 7));
  const ey = Number(period.end.slice(0, 4));
  const em = Number(period.end.slice(5, 7));
  const year = month >= sm ? sy : sy + 1;
  return year * 12 + month <= ey * 12 + em ? year : null;
}

/**
 * A body month's tasks until its one task is made (build-plan.ts gives it a list of that task): an
 * empty list each, replaced at once, was garbage the heap kept until its next full collection.
 * Frozen, so that a push fails loudly.
 */
const NO_TASKS_YET = Object.freeze([]) as unknown as Task[];

// A month of a real 行事历 lists a few dozen tasks at most.
const LISTED_PER_MONTH = 200;

/** Adds a text to its month's list, up to LISTED_PER_MONTH of them. */
function listUnder(lists: Map<number, string[]>, month: number, text: string): void {
  const l = lists.get(month) ?? [];
  lists.set(month, l);
  if (l.length < LISTED_PER_MONTH) l.push(text);
}

/** "3月7日" for a label that names a day of a month, "" otherwise. */
function dayOf(label: string): string {
  const day = readDatePhrase(foldKey(label))?.day;
  return day ? `${day.month}月${day.day}日` : "";
}

const squash = (s: string): string => foldKey(s).replace(/[\s。；;，,、]/g, "");

/**
 * The body's dated sentences as month groups (the shape of the 行事历), years from the plan's period,
 * leaving out any the 行事历 already lists for the same months, and any found twice. An activity
 * field's task (field-tasks.ts) is left out when a body sentence of the same months already holds it:
 * "将在五月份举办“母亲节”感恩活动，…" and "时间：5月10日" under it are one event.
 */
export function bodyTaskMonths(fields: readonly BodySentence[], sentences: readonly BodySentence[], schedule: readonly ScheduleMonth[], period: Period | null, titleYear: number | null): { month: ScheduleMonth; text: string }[] {
  // The 行事历's tasks by month: a sentence is compared with the tasks of its own months only, and
  // with at most LISTED_PER_MONTH of them, so a huge plan costs linear time, not sentences × tasks.
  const listed = new Map<number, string[]>();
  for (const sm of schedule) for (const m of sm.months) for (const t of sm.tasks) listUnder(listed, m.month, squash(t.text));
  const isListed = (text: string, months: BodySentence["months"]): boolean =>
    months.some((m) => (listed.get(m.month) ?? []).some((l) => l.includes(text) || (text.includes(l) && l.length >= 6)));
  // Each body sentence's text with the day its date names ("" for none): "3月3日前将趣味活动报名表报送…"
  // names the field's 趣味活动 (3月7日) but is another day's duty, not the same event.
  const inBody = new Map<number, string[]>();
  for (const s of sentences) for (const m of s.months) listUnder(inBody, m.month, `${dayOf(s.label)}|${squash(s.text)}`);
  const saidInBody = (text: string, months: BodySentence["months"], day: string): boolean =>
    months.some((m) => (inBody.get(m.month) ?? []).some((l) => {
      const bar = l.indexOf("|");
      const other = l.slice(0, bar);
      return (day === "" || other === "" || other === day) && l.indexOf(text, bar + 1) >= 0;
    }));
  const out: { month: ScheduleMonth; text: string }[] = [];
  // What was added, by months and text, with the line and dates it came from: the same activity on
  // another date of the same line is a batch of it ("时间：3月6日；3月10日"), kept; from another line,
  // or on the same date, it is the same event found twice.
  const seen = new Map<string, { line: number; labels: string[] }>();
  const add = (s: BodySentence, isField: boolean): void => {
    const text = squash(s.text);
    const key = `${s.months.map((m) => m.month).join(",")}|${text}`;
    const before = seen.get(key);
    if ((before && (before.line !== s.line || before.labels.includes(s.label))) || isListed(text, s.months) || (isField && saidInBody(text, s.months, dayOf(s.label)))) return;
    if (before) before.labels.push(s.label);
    else seen.set(key, { line: s.line, labels: [s.label] });
    const yearOf = (m: BodySentence["months"][number]): number | null => m.year ?? yearInPeriod(m.month, period, titleYear);
    const only = s.months.length === 1 ? s.months[0] : undefined;
    const months = only ? singleMonth(yearOf(only), only.month) : s.months.map((m) => ({ year: yearOf(m), month: m.month }));
    out.push({ month: { label: s.label, months, writtenYear: s.months[0]?.year ?? null, line: s.line, tasks: NO_TASKS_YET }, text: s.text });
  };
  for (const f of fields) add(f, true);
  for (const s of sentences) add(s, false);
  return out;
}
