/**
 * The month's 行事历 and the term / year overview as tables for the terminal. Columns are measured in display columns, so
 * Chinese text (two columns a character) lines up with ASCII; long cells wrap inside their column.
 * ASCII borders only: box-drawing characters are "ambiguous" width and misalign in CJK terminals.
 */
import type { Plan } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { displayWidth, padEnd, wrapToWidth, type WidthOptions } from "./display-width";
import { monthRows } from "./month-model";
import { overviewModel } from "./overview-model";
import { monthHolidayLine, monthTitle, overviewTitle, ownersOf, planFacts, shownText, type ExportOptions } from "./export-model";
import { maxOf, pushAll } from "../collections/array-edit";

export interface TextTableOptions extends ExportOptions, WidthOptions {
  /** Widest the table may be, in columns (default 100). */
  maxWidth?: number;
  /** Show the 计划 column (default: when the tasks come from more than one plan). */
  showPlan?: boolean;
}

/** Lays out rows of cells as an ASCII table; `flex` columns shrink (and wrap) to fit `maxWidth`. */
export function renderTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: WidthOptions & { maxWidth?: number; flex?: readonly number[]; rowRules?: boolean } = {},
): string {
  const cols = header.length;
  const widths = header.map((h, i) => maxOf(rows.map((r) => maxOf((r[i] ?? "").split("\n").map((l) => displayWidth(l, options)), 0)), displayWidth(h, options)));
  const maxWidth = options.maxWidth ?? 100;
  const flex = options.flex ?? [];
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 3 * cols + 1;
  // Shrink the widest flexible column first, never below 8 columns.
  while (total() > maxWidth) {
    let widest = -1;
    for (const i of flex) if ((widths[i] ?? 0) > 8 && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const line = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((c, i) => c.split("\n").flatMap((part) => wrapToWidth(part, widths[i] ?? 1, options)));
    const height = maxOf(wrapped.map((w) => w.length), 1);
    const out: string[] = [];
    for (let r = 0; r < height; r++) {
      out.push(`| ${wrapped.map((w, i) => padEnd(w[r] ?? "", widths[i] ?? 0, options)).join(" | ")} |`);
    }
    return out;
  };
  const out = [rule, ...line(header), rule];
  rows.forEach((r, i) => {
    // Rows of several lines each (the overview's months) read apart only with a rule between them.
    if (i > 0 && options.rowRules) out.push(rule);
    pushAll(out, line(Array.from({ length: cols }, (_, c) => r[c] ?? "")));
  });
  if (rows.length > 0) out.push(rule);
  return out.join("\n");
}

/** The month's 行事历 for a terminal: title, holiday line, and a table of its tasks. */
export function renderMonthText(tasks: readonly PlanTask[], ym: string, opts: TextTableOptions = {}): string {
  const rows = monthRows(tasks, ym);
  const showPlan = opts.showPlan ?? new Set(rows.map((r) => r.task.planId)).size > 1;
  const header = ["日期", "工作内容", "负责人", ...(showPlan ? ["计划"] : []), "完成"];
  const body = rows.map((r) => [r.when || "本月", shownText(r.task), r.task.owner ?? "", ...(showPlan ? [r.task.planTitle ?? r.task.planId] : []), r.task.done ? "[x]" : "[ ]"]);
  const out: string[] = [opts.title ?? `${monthTitle(ym)} 行事历`];
  const holiday = monthHolidayLine(ym, opts.holidays);
  if (holiday) out.push(holiday);
  out.push("");
  if (rows.length === 0) out.push("本月没有任务 / no tasks this month");
  else {
    const tableOptions = { ...opts, flex: showPlan ? [1, 3] : [1] };
    out.push(renderTextTable(header, body, tableOptions));
  }
  return `${out.join("\n")}\n`;
}

/** Every plan's overview rows for a terminal: 月份 | 工作内容 | 负责人, a task a line, the same rows as the Markdown and HTML overviews. */
export function renderOverviewText(plans: readonly Plan[], tasks: readonly PlanTask[], opts: TextTableOptions = {}): string {
  const model = overviewModel(plans, tasks);
  const out: string[] = [overviewTitle(plans, opts.title)];
  if (model.length === 0) out.push("", "没有计划 / no plans");
  for (const { plan, rows } of model) {
    out.push("");
    if (model.length > 1 || opts.title !== undefined) out.push(plan.title ?? plan.id);
    const facts = planFacts(plan);
    if (facts.length > 0) out.push(facts.join(" · "));
    const body = rows.map((r) => [r.label, r.tasks.map((t, i) => `${i + 1}. ${t.done ? "[x] " : ""}${shownText(t)}`).join("\n"), ownersOf(r.tasks).join("、")]);
    const tableOpts = { ...opts, flex: [1], rowRules: true };
    out.push(renderTextTable(["月份", "工作内容", "负责人"], body, tableOpts));
  }
  return `${out.join("\n")}\n`;
}
