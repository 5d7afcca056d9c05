/**
 * School terms: 第一学期 runs September to January, 第二学期 February to July. August belongs to
 * the summer before the first term, so it shows the coming term.
 */
import dayjs from "dayjs";
import type { Period } from "../plan/types";

export interface Term {
  /** 学年 start year: the 2026学年 runs from September 2026. */
  schoolYear: number;
  term: 1 | 2;
  period: Period;
  /** "2026学年第一学期" */
  label: string;
}

export function termOf(date: Date): Term {
  const d = dayjs(date);
  const y = d.year();
  const m = d.month() + 1;
  if (m >= 8) return term(y, 1);
  if (m === 1) return term(y - 1, 1);
  return term(y - 1, 2);
}

export function term(schoolYear: number, which: 1 | 2): Term {
  const period =
    which === 1
      ? { start: `${schoolYear}-09`, end: `${schoolYear + 1}-01` }
      : { start: `${schoolYear + 1}-02`, end: `${schoolYear + 1}-07` };
  return { schoolYear, term: which, period, label: `${schoolYear}学年${which === 1 ? "第一学期" : "第二学期"}` };
}
