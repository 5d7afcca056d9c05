/**
 * The month's 行事历 and the term / year overview as complete, printable HTML pages (A4, zh-CN):
 * the month grid marks weekends, public holidays and 调休 workdays and shows dated tasks on their
 * day; a table lists every task. All text is escaped; the page needs nothing from outside.
 */
import type { Plan } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { monthGrid, weekdayHeaders, type GridDay } from "./month-grid";
import { monthRows, tasksByDay } from "./month-model";
import { overviewModel } from "./overview-model";
import { monthHolidayLine, monthTitle, overviewTitle, ownersOf, planFacts, shownText, type ExportOptions } from "./export-model";
import { parseYm } from "../time/year-month";
import dayjs from "dayjs";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const CSS = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; color: #222; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 11pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 4mm; text-align: center; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; }
.facts, .holidays, .legend, footer { color: #555; font-size: 9.5pt; }
.holidays { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 5mm; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.grid { table-layout: fixed; }
.grid th { text-align: center; }
.grid td { height: 22mm; font-size: 9pt; }
.grid td.out { background: #fafafa; }
.grid .num { font-weight: bold; font-size: 10.5pt; }
.grid .tag { margin-left: 1mm; padding: 0 1mm; border-radius: 1mm; font-size: 8pt; }
.grid ul { margin: 1mm 0 0; padding-left: 4mm; }
td.weekend { background: #f3f3f3; }
td.holiday { background: #fde8e8; }
td.holiday .tag { background: #c62828; color: #fff; }
td.workday { background: #e8eefc; }
td.workday .tag { background: #1e4fb3; color: #fff; }
.done { color: #777; text-decoration: line-through; }
.when { white-space: nowrap; width: 22mm; }
.month { white-space: nowrap; width: 30mm; }
.owner { width: 22mm; }
.check { width: 14mm; text-align: center; white-space: nowrap; }
ol { margin: 0; padding-left: 5mm; }
.legend span { display: inline-block; padding: 0 2mm; margin-right: 2mm; border: 1px solid #bbb; }
.legend .holiday { background: #fde8e8; } .legend .workday { background: #e8eefc; } .legend .weekend { background: #f3f3f3; }
@media print {
  body { padding: 0; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`;

function page(title: string, body: string[], opts: ExportOptions): string {
  const footer = opts.generatedAt ? [`<footer>生成于 / made ${escapeHtml(dayjs(opts.generatedAt).format("YYYY-MM-DD HH:mm"))} · union-plan</footer>`] : [];
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    ...footer,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function dayCell(day: GridDay | null, tasksByDate: ReadonlyMap<string, PlanTask[]>): string {
  if (!day) return '<td class="out"></td>';
  const tag =
    day.kind === "holiday"
      ? `<span class="tag" title="法定节假日 / public holiday">休${day.name ? ` ${escapeHtml(day.name)}` : ""}</span>`
      : day.kind === "workday"
        ? `<span class="tag" title="调休上班 / make-up workday">班</span>`
        : "";
  const cls = day.kind === "weekday" ? "" : ` class="${day.kind}"`;
  const tasks = tasksByDate.get(day.date) ?? [];
  const list = tasks.length > 0 ? `<ul>${tasks.map((t) => `<li${t.done ? ' class="done"' : ""}>${escapeHtml(shownText(t))}</li>`).join("")}</ul>` : "";
  return `<td${cls}><span class="num">${day.day}</span>${tag}${list}</td>`;
}

/** A printable page for one month: grid with holidays, 调休 and dated tasks, then every task in a table. */
export function renderMonthHtml(tasks: readonly PlanTask[], ym: string, opts: ExportOptions = {}): string {
  const title = opts.title ?? `${monthTitle(ym)} 行事历`;
  const body: string[] = [];
  const holiday = monthHolidayLine(ym, opts.holidays);
  if (holiday) body.push(`<p class="holidays">${escapeHtml(holiday)}</p>`);
  const rows = monthRows(tasks, ym);
  const p = parseYm(ym);
  if (p) {
    const weekStart = opts.weekStart ?? 1;
    const grid = monthGrid(p.year, p.month, weekStart, opts.holidays);
    // On every day a task's range covers, as the view's grid shows it.
    const byDate = tasksByDay(rows.map((r) => r.task), ym);
    body.push('<table class="grid">', `<thead><tr>${weekdayHeaders(weekStart).map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>`, "<tbody>");
    for (const week of grid.weeks) body.push(`<tr>${week.map((d) => dayCell(d, byDate)).join("")}</tr>`);
    body.push("</tbody>", "</table>");
    body.push('<p class="legend"><span class="holiday">休 法定节假日 / public holiday</span><span class="workday">班 调休上班 / make-up workday</span><span class="weekend">周末 / weekend</span></p>');
  }
  if (rows.length === 0) {
    body.push("<p>本月没有任务 / no tasks this month</p>");
  } else {
    const showPlan = new Set(rows.map((r) => r.task.planId)).size > 1;
    body.push("<table>", `<thead><tr><th class="when">日期</th><th>工作内容</th><th class="owner">负责人</th>${showPlan ? "<th>计划</th>" : ""}<th class="check">完成</th></tr></thead>`, "<tbody>");
    for (const r of rows) {
      const t = r.task;
      body.push(
        `<tr${t.done ? ' class="done"' : ""}><td class="when">${escapeHtml(r.when || "本月")}</td><td>${escapeHtml(shownText(t))}</td><td class="owner">${escapeHtml(t.owner ?? "")}</td>${showPlan ? `<td>${escapeHtml(t.planTitle ?? t.planId)}</td>` : ""}<td class="check">${t.done ? "✓" : "☐"}</td></tr>`,
      );
    }
    body.push("</tbody>", "</table>");
  }
  return page(title, body, opts);
}

/** A printable page with each plan's months as one table: 月份 | 工作内容 | 负责人. */
export function renderOverviewHtml(plans: readonly Plan[], tasks: readonly PlanTask[], opts: ExportOptions = {}): string {
  const model = overviewModel(plans, tasks);
  const title = overviewTitle(plans, opts.title);
  const body: string[] = [];
  if (model.length === 0) body.push("<p>没有计划 / no plans</p>");
  for (const { plan, rows } of model) {
    if (model.length > 1 || opts.title !== undefined) body.push(`<h2>${escapeHtml(plan.title ?? plan.id)}</h2>`);
    const facts = planFacts(plan);
    if (facts.length > 0) body.push(`<p class="facts">${facts.map(escapeHtml).join(" · ")}</p>`);
    body.push("<table>", '<thead><tr><th class="month">月份</th><th>工作内容</th><th class="owner">负责人</th></tr></thead>', "<tbody>");
    for (const r of rows) {
      const list = r.tasks.length > 0 ? `<ol>${r.tasks.map((t) => `<li${t.done ? ' class="done"' : ""}>${escapeHtml(shownText(t))}</li>`).join("")}</ol>` : "";
      body.push(`<tr><td class="month">${escapeHtml(r.label)}</td><td>${list}</td><td class="owner">${escapeHtml(ownersOf(r.tasks).join("、"))}</td></tr>`);
    }
    body.push("</tbody>", "</table>");
  }
  return page(title, body, opts);
}
