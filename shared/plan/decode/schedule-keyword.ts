/** A short line that names a 行事历 ("2012年工会工作行事历", "四、主要活動安排：", "具体工作安排"). */
import type { LineUnit } from "./line-unit";

export const SCHEDULE_KEYWORD = /(行事[历曆]|工作安排|活动安排|活動安排|工作日程|日程安排|月主[题題]|具体安排|具體安排|月工作|工作[历曆]|计划表|計劃表|安排如下|安排表|时间安排|時間安排|活动计划|活動計劃|月份安排|进度安排|進度安排)/;

/** Asked by the decoder for every state of the beam at a line: found once per line, kept on the unit. */
export function isScheduleKeyword(u: LineUnit): boolean {
  return (u.scheduleKeyword ??= namesSchedule(u));
}

function namesSchedule(u: LineUnit): boolean {
  const text = u.body.text;
  // A title ("……2027年工会工作安排") names the whole plan, not the 行事历 below it.
  if (text.length > 40 || u.token.kind === "checkbox" || u.token.kind === "title") return false;
  return SCHEDULE_KEYWORD.test(text);
}
