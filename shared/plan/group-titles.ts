/**
 * A period heading over activities that carry their own dates titles the group; its words are no task:
 *   1. 第一季度：迎新与动员          ← a title: the activities below are dated in the quarter
 *   - 活动名称：新年联欢会 / - 时间：1月上旬
 * A line is such a title when its words are short and unpunctuated (a name, not an item) and an
 * activity field below it, before the next dated line, dates a month the line covers.
 */
import type { BodySentence } from "./body-tasks";
import type { ScheduleMonth } from "./types";

export interface DatedLine {
  line: number;
  months: readonly number[];
  /** The words the line dates: its inline task, or the sentence after its date. */
  text: string;
}

// A title is a few words: "迎新与动员", "文体与健康". An item says more, or is punctuated.
const TITLE_LENGTH = 16;
const PUNCTUATED = /[。，,；;！!？?]/;
const REGISTRATION = /^(报名|報名)$/;

/** The lines among `dated` that title the dated fields below them. Linear: both lists are walked in line order. */
export function groupTitleLines(dated: readonly DatedLine[], fields: readonly BodySentence[]): Set<number> {
  const titles = new Set<number>();
  const lines = dated.slice().sort((a, b) => a.line - b.line);
  const below = fields.slice().sort((a, b) => a.line - b.line);
  let f = 0;
  for (let i = 0; i < lines.length; i++) {
    const d = lines[i] as DatedLine;
    const bound = lines[i + 1]?.line ?? Infinity;
    while (f < below.length && (below[f] as BodySentence).line <= d.line) f++;
    if (d.text.length > TITLE_LENGTH || PUNCTUATED.test(d.text)) continue;
    for (let k = f; k < below.length && (below[k] as BodySentence).line < bound; k++) {
      const field = below[k] as BodySentence;
      // A registration window ("报名时间：…") dates the sign-up, not an activity the line would title.
      if (REGISTRATION.test(field.text)) continue;
      if (field.months.some((m) => d.months.includes(m.month))) {
        titles.add(d.line);
        break;
      }
    }
  }
  return titles;
}

/**
 * Finds the titles among the 行事历's months with only their inline task and the body's dated
 * sentences, and takes those months out of the schedule. Returns the title lines, for the caller to
 * leave those body sentences out.
 */
export function dropGroupTitles(schedule: ScheduleMonth[], sentences: readonly BodySentence[], fields: readonly BodySentence[]): Set<number> {
  if (fields.length === 0) return new Set();
  const dated: DatedLine[] = [];
  for (const sm of schedule) {
    const only = sm.tasks.length === 1 ? sm.tasks[0] : undefined;
    if (only && only.line === sm.line) dated.push({ line: sm.line, months: sm.months.map((m) => m.month), text: only.text });
  }
  for (const s of sentences) dated.push({ line: s.line, months: s.months.map((m) => m.month), text: s.text });
  const titles = groupTitleLines(dated, fields);
  if (titles.size === 0) return titles;
  let kept = 0;
  for (const sm of schedule) {
    if (!(titles.has(sm.line) && sm.tasks.length === 1 && sm.tasks[0]?.line === sm.line)) schedule[kept++] = sm;
  }
  schedule.length = kept;
  return titles;
}
