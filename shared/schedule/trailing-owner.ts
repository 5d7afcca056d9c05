/**
 * "新進同仁歡迎茶會（林慧君）": some plans name each task's owner in brackets after it. A bracketed
 * name is read as the owner only where the 行事历 does it throughout (three tasks at least, and most
 * of them), so a bracketed note on one task ("（暂定）", "（3月8日）") stays part of its text.
 */
import type { ScheduleMonth, Task } from "../plan/types";

const TRAILING_NAME = /[(（]([\u4e00-\u9fff]{2,4})[)）]$/;
// Bracketed words that are notes, dates or places, not people.
const NOT_A_NAME = /(暂定|暫定|待定|另定|全体|全體|已做|已完成|月|日|号|號|周|週|节|節|季|期|年)/;
const AT_LEAST = 3;
const SHARE = 0.6;

function trailingName(task: Task): { name: string; at: number } | null {
  if (task.owner !== null) return null;
  const m = TRAILING_NAME.exec(task.text);
  if (!m || m.index === undefined || m.index === 0) return null;
  const name = m[1] ?? "";
  return NOT_A_NAME.test(name) ? null : { name, at: m.index };
}

export function readTrailingOwners(schedule: readonly ScheduleMonth[]): void {
  let all = 0;
  let named = 0;
  for (const sm of schedule) {
    for (const t of sm.tasks) {
      all++;
      if (trailingName(t)) named++;
    }
  }
  if (named < AT_LEAST || named < all * SHARE) return;
  for (const sm of schedule) {
    for (const t of sm.tasks) {
      const found = trailingName(t);
      if (!found) continue;
      t.owner = found.name;
      t.text = t.text.slice(0, found.at).trimEnd();
    }
  }
}
