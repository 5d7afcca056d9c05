/**
 * The month's 行事历 and a plan's term / year overview as Markdown tables, for a note or a printout.
 * The note starts with `type: union-plan-export` frontmatter so an index of plan notes can tell it
 * from a plan (the overview's 月份 table would otherwise read as a schedule).
 */
import type { Plan } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { monthGrid, weekdayHeaders } from "./month-grid";
import { monthRows } from "./month-model";
import { overviewModel } from "./overview-model";
import { monthHolidayLine, monthTitle, overviewTitle, ownersOf, planFacts, shownText, type ExportOptions } from "./export-model";
import { parseYm } from "../time/year-month";
import { pushAll } from "../collections/array-edit";

export interface MarkdownExportOptions extends ExportOptions {
  /** Start with `type: union-plan-export` frontmatter (default true). */
  frontmatter?: boolean;
  /** Include the month's calendar grid (default true). */
  grid?: boolean;
}

/**
 * Text from a plan as Markdown text: raw HTML in a task ("<img onerror=…>", "<script>") shows as
 * written instead of running in a Markdown viewer, as the HTML export escapes it. &, < and > become
 * entities (Markdown renders them as the characters).
 */
export function mdText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A table cell: HTML escaped, pipes escaped, line breaks as <br>, never empty-looking. */
export function mdCell(text: string): string {
  return mdText(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>").trim();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.map(mdCell).join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${header.map((_, i) => mdCell(r[i] ?? "")).join(" | ")} |`)];
}

function frontmatter(kind: "month" | "overview", key: string): string[] {
  return ["---", "type: union-plan-export", `export: ${kind}`, `range: "${key}"`, "---"];
}

export function renderMonthMarkdown(tasks: readonly PlanTask[], ym: string, opts: MarkdownExportOptions = {}): string {
  const out: string[] = [];
  if (opts.frontmatter !== false) pushAll(out, frontmatter("month", ym));
  out.push(`# ${mdText(opts.title ?? `${monthTitle(ym)} 行事历`)}`, "");
  const holiday = monthHolidayLine(ym, opts.holidays);
  if (holiday) out.push(`> ${holiday}`, "");
  const p = parseYm(ym);
  if (p && opts.grid !== false) {
    const weekStart = opts.weekStart ?? 1;
    const grid = monthGrid(p.year, p.month, weekStart, opts.holidays);
    const rows = grid.weeks.map((week) =>
      week.map((d) => {
        if (!d) return "";
        const day = String(d.day);
        if (d.kind === "holiday") return `**${day}** 休`;
        if (d.kind === "workday") return `${day} 班`;
        if (d.kind === "weekend") return `*${day}*`;
        return day;
      }),
    );
    pushAll(out, table(weekdayHeaders(weekStart), rows));
    out.push("");
    out.push("休：法定节假日 / public holiday；班：调休上班 / make-up workday；*斜体*：周末 / weekend", "");
  }
  const rows = monthRows(tasks, ym);
  if (rows.length === 0) {
    out.push("本月没有任务 / no tasks this month");
  } else {
    const showPlan = new Set(rows.map((r) => r.task.planId)).size > 1;
    const header = ["日期", "工作内容", "负责人", ...(showPlan ? ["计划"] : []), "完成"];
    pushAll(out, table(header, rows.map((r) => [r.when || "本月", shownText(r.task), r.task.owner ?? "", ...(showPlan ? [r.task.planTitle ?? r.task.planId] : []), r.task.done ? "✓" : ""])));
  }
  return `${out.join("\n")}\n`;
}

/** Every plan's months as one table each: 月份 | 工作内容 | 负责人, the shape committees print and pin up. */
export function renderOverviewMarkdown(plans: readonly Plan[], tasks: readonly PlanTask[], opts: MarkdownExportOptions = {}): string {
  const model = overviewModel(plans, tasks);
  const out: string[] = [];
  const key = model.map((m) => (m.plan.period ? `${m.plan.period.start}..${m.plan.period.end}` : m.plan.id)).join(", ");
  if (opts.frontmatter !== false) pushAll(out, frontmatter("overview", key));
  out.push(`# ${mdText(overviewTitle(plans, opts.title))}`, "");
  if (model.length === 0) out.push("没有计划 / no plans");
  for (const { plan, rows } of model) {
    if (model.length > 1 || opts.title !== undefined) out.push(`## ${mdText(plan.title ?? plan.id)}`, "");
    const facts = planFacts(plan);
    if (facts.length > 0) out.push(facts.join(" · "), "");
    const body = rows.map((r) => [r.label, r.tasks.map((t, i) => `${i + 1}. ${t.done ? "✓ " : ""}${shownText(t)}`).join("\n"), ownersOf(r.tasks).join("、")]);
    pushAll(out, table(["月份", "工作内容", "负责人"], body));
    out.push("");
  }
  while (out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}
