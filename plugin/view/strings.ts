/**
 * The view's words: Chinese first, English beside. The language chosen in the settings is shown;
 * the other one goes into the element's tooltip, so neither reader is left guessing.
 */

export type Lang = "zh" | "en";

const STRINGS = {
  calendar: ["行事历", "Work calendar"],
  prevMonth: ["上个月", "Previous month"],
  nextMonth: ["下个月", "Next month"],
  thisMonth: ["本月", "This month"],
  pickMonth: ["选择月份", "Pick a month"],
  modeMonth: ["月历", "Month"],
  modeOverview: ["总览", "Overview"],
  viewMode: ["视图", "View"],
  filters: ["筛选", "Filters"],
  filterPlan: ["计划", "Plan"],
  filterSchool: ["学校", "School"],
  filterStatus: ["状态", "Status"],
  allPlans: ["全部计划", "All plans"],
  allSchools: ["全部学校", "All schools"],
  statusAll: ["全部", "All"],
  statusOpen: ["未完成", "Not done"],
  statusDone: ["已完成", "Done"],
  exportLabel: ["导出", "Export"],
  exportMarkdown: ["Markdown 表格", "Markdown table"],
  exportHtml: ["打印版 HTML", "Printable HTML"],
  exportIcs: ["日历 ICS", "Calendar ICS"],
  monthTasks: ["本月工作", "This month's tasks"],
  noTasks: ["本月没有任务", "No tasks this month"],
  noPlansCover: ["没有计划覆盖这个月", "No plan covers this month"],
  noPlans: ["还没有工会工作计划", "No union plans yet"],
  moveTo: ["移到…月", "Move to month"],
  replyHint: ["点击回复", "Click to reply"],
  moveToMonthOf: ["移到", "Move to"],
  openNote: ["打开笔记", "Open the note"],
  done: ["完成", "Done"],
  owner: ["负责人", "Owner"],
  month: ["月份", "Month"],
  work: ["工作内容", "Work"],
  progress: ["完成情况", "Progress"],
  holiday: ["节假日", "Public holiday"],
  workday: ["调休上班", "Make-up workday"],
  weekend: ["周末", "Weekend"],
  today: ["今天", "Today"],
  reviewStatus: ["审核状态", "Review status"],
  unknownPlan: ["未命名计划", "Untitled plan"],
  working: ["正在保存…", "Saving…"],
  legend: ["图例", "Legend"],
  dropHere: ["拖到这里移到本月", "Drop here to move to this month"],
  openMonth: ["打开这个月的月历", "Open this month"],
  yearUnknown: ["年份未知", "year unknown"],
  moved: ["已移动", "Moved"],
  exported: ["已导出", "Exported"],
  exportFailed: ["导出失败", "Export failed"],
  editFailed: ["保存失败", "Could not save"],
  fromBody: ["正文", "From the body"],
  reviewComments: ["审核意见", "Review comments"],
  fromBodyTitle: ["计划正文中写了日期的事项，不在行事历里", "A dated item in the plan's body, not in its 行事历"],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

/** The string in the chosen language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang === "zh" ? 0 : 1];
}

/** The string in the other language, for a tooltip beside the visible one. */
export function other(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang === "zh" ? 1 : 0];
}

/** "上个月 / Previous month": both languages, the chosen one first. */
export function both(lang: Lang, key: StringKey): string {
  return `${t(lang, key)} / ${other(lang, key)}`;
}

const WEEKDAYS_ZH = ["日", "一", "二", "三", "四", "五", "六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function weekdayShort(lang: Lang, weekday: number): string {
  return (lang === "zh" ? WEEKDAYS_ZH : WEEKDAYS_EN)[weekday] ?? "";
}

export function weekdayLong(lang: Lang, weekday: number): string {
  return lang === "zh" ? `星期${WEEKDAYS_ZH[weekday] ?? ""}` : (WEEKDAYS_EN[weekday] ?? "");
}

/** "2026年11月" / "November 2026"; year null → "11月" / "November". */
export function monthTitle(lang: Lang, year: number | null, month: number): string {
  if (lang === "zh") return year === null ? `${month}月` : `${year}年${month}月`;
  const name = MONTHS_EN[month - 1] ?? String(month);
  return year === null ? name : `${name} ${year}`;
}

/** "2026年7月—8月" / "July–August 2026" for a heading of several months; the year shown when it changes. */
export function monthSpanTitle(lang: Lang, first: { year: number | null; month: number }, last: { year: number | null; month: number }): string {
  const crosses = first.year !== null && last.year !== null && first.year !== last.year;
  if (lang === "zh") return `${monthTitle(lang, first.year, first.month)}—${monthTitle(lang, crosses ? last.year : null, last.month)}`;
  if (crosses) return `${monthTitle(lang, first.year, first.month)} – ${monthTitle(lang, last.year, last.month)}`;
  const year = first.year ?? last.year;
  const names = `${MONTHS_EN[first.month - 1] ?? first.month}–${MONTHS_EN[last.month - 1] ?? last.month}`;
  return year === null ? names : `${names} ${year}`;
}

/** "7月—8月" / "Jul–Aug": the months a task spans, beside it in a month's list. */
export function monthSpanShort(lang: Lang, first: { month: number }, last: { month: number }): string {
  if (lang === "zh") return `${first.month}月—${last.month}月`;
  return `${(MONTHS_EN[first.month - 1] ?? "").slice(0, 3)}–${(MONTHS_EN[last.month - 1] ?? "").slice(0, 3)}`;
}

/** "11月25日" / "Nov 25" for a "YYYY-MM-DD" (read from the string: this runs for every task row). */
export function shortDate(lang: Lang, iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (lang === "zh") return `${month}月${day}日`;
  return `${(MONTHS_EN[month - 1] ?? "").slice(0, 3)} ${day}`;
}

/** "2026年11月25日 星期三" / "Wednesday, November 25 2026" (read from the string: every grid day has one). */
export function longDate(lang: Lang, iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (lang === "zh") return `${year}年${month}月${day}日 ${weekdayLong(lang, weekday)}`;
  return `${weekdayLong(lang, weekday)}, ${MONTHS_EN[month - 1] ?? ""} ${day} ${year}`;
}

export function taskCount(lang: Lang, n: number): string {
  if (lang === "zh") return `${n} 项任务`;
  return n === 1 ? "1 task" : `${n} tasks`;
}

export function doneCount(lang: Lang, done: number, total: number): string {
  return lang === "zh" ? `已完成 ${done}/${total}` : `${done} of ${total} done`;
}

export function moreTasks(lang: Lang, n: number): string {
  return lang === "zh" ? `另有 ${n} 项` : `${n} more`;
}

export function noHolidayData(lang: Lang, year: number): string {
  return lang === "zh" ? `暂无 ${year} 年节假日数据` : `No public holiday data for ${year} yet`;
}

export function fileStem(lang: Lang, ym: string): string {
  return lang === "zh" ? `行事历 ${ym}` : `Calendar ${ym}`;
}
