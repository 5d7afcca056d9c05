/**
 * A table or list of what was done, under a caption that says so ("表1 2023年工会文体活动情况表",
 * "上半年工作完成情况"), has the layout of a 行事历 and none of its meaning: the decoder reads its
 * layout, this step reads its caption. Such a run is the plan's body (its dates are the past).
 */
import type { Decision } from "./decode-schedule";
import { isScheduleReading, type Reading } from "./readings";

const REPORT_CAPTION = /(情况表|情況表|完成情况|完成情況|开展情况|開展情況|工作总结|工作總結|活动总结|活動總結|工作回顾|工作回顧)/;
// A caption is a short line.
const CAPTION_LENGTH = 40;
const BODY: Reading = { kind: "other" };

// Between the caption and the run: a table's header cells, a row number, fields.
const LOOK_BACK = 8;

/** Whether the run opening at `at` stands under a report caption, past its header lines. */
function underReportCaption(decisions: readonly Decision[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - LOOK_BACK); k--) {
    const text = (decisions[k] as Decision).unit.whole.text;
    if (text.length > CAPTION_LENGTH) return false;
    if (REPORT_CAPTION.test(text)) return true;
  }
  return false;
}

/**
 * The decisions, with each 行事历 run that opens right under a report caption read as body text.
 * Most plans have none: the list is copied only from the first decision that changes.
 */
export function withoutReportRuns(decisions: readonly Decision[]): readonly Decision[] {
  let out: Decision[] | null = null;
  let inReport = false;
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i] as Decision;
    const scheduled = isScheduleReading(d.reading.kind);
    if (!scheduled) {
      // A row number or a short cell between the rows keeps the table going; text of the plan ends it.
      if (d.reading.kind !== "furniture" && d.unit.whole.text.length > CAPTION_LENGTH) inReport = false;
      if (d.unit.token.kind === "heading" || (d.unit.number?.level ?? 9) <= 2) inReport = false;
      out?.push(d);
      continue;
    }
    const before = decisions[i - 1];
    if (!inReport && before && !isScheduleReading(before.reading.kind)) inReport = underReportCaption(decisions, i);
    if (inReport) (out ??= decisions.slice(0, i)).push({ unit: d.unit, reading: BODY, table: null, terms: d.terms, runnerUp: d.runnerUp });
    else out?.push(d);
  }
  return out ?? decisions;
}
