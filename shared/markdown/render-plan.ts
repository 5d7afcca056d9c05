/**
 * Plan → the canonical plan note (HANDBOOK §7): frontmatter with the plan facts, the outline as
 * headings and lists, and a `## 行事历` with one `### 2012年3月` heading per month and `- [ ]` task
 * lines carrying their ids as block ids. parsePlans reads it back to the same plan.
 */
import type { OutlineNode, Plan, ScheduleMonth, Task } from "../plan/types";
import { lastDayOfMonth, monthHeadingText } from "../time/year-month";
import { yamlScalar } from "./frontmatter";
import { formatItemNumber } from "../outline/item-number";
import { toChineseNumber } from "../outline/chinese-number";
import { PARAGRAPH_LEVEL } from "../outline/outline-builder";
import { writeTaskLine, type TaskFormat } from "../tasks/task-serializer";
import { matchMonthHeading } from "../schedule/month-heading";
import { foldKey } from "../normalize/fold";

export function renderPlanMarkdown(plan: Plan, options: TaskLineOptions = {}): string {
  const out: string[] = ["---", "type: union-plan"];
  const field = (key: string, value: string | null): void => {
    if (value !== null && value !== "") out.push(`${key}: ${yamlScalar(value)}`);
  };
  field("title", plan.title);
  field("school", plan.school);
  field("kind", plan.kind);
  field("period", plan.period ? `${plan.period.start}..${plan.period.end}` : null);
  field("plan-id", plan.id);
  field("review-status", plan.reviewStatus);
  field("review-comment", plan.reviewComment);
  out.push("---");
  if (plan.title) out.push(`# ${plan.title}`, "");
  for (const node of plan.outline) renderNode(node, out);
  if (plan.schedule.length > 0) {
    if (out[out.length - 1] !== "") out.push("");
    out.push(`## ${plan.scheduleHeading ?? "行事历"}`, "");
    for (const month of plan.schedule) renderMonth(month, out, options);
  }
  while (out[out.length - 1] === "") out.pop();
  return `${joinTableRows(out).join("\n")}\n`;
}

/** Rows of a table kept in the outline (a budget, say) must stay together to remain a table. */
function joinTableRows(lines: string[]): string[] {
  return lines.filter((line, i) => !(line === "" && lines[i - 1]?.startsWith("|") && lines[i + 1]?.startsWith("|")));
}

function renderNode(node: OutlineNode, out: string[]): void {
  let number = node.ordinal === null ? "" : formatItemNumber(node.level, node.ordinal, toChineseNumber);
  // "二、" + "三月份：" would read back as the months 二、三月份; "二．三月份：" cannot.
  if (number.endsWith("、") && matchMonthHeading(foldKey(number + node.text))) number = `${number.slice(0, -1)}．`;
  const text = `${number}${node.text}`;
  if (node.level === PARAGRAPH_LEVEL) {
    out.push(text, "");
  } else if (node.level <= 2) {
    if (out[out.length - 1] !== "") out.push("");
    out.push(`${"#".repeat(node.level + 1)} ${text}`, "");
  } else {
    // Levels 3–5 are list items; Markdown needs the item number text to stay ours, so they are bullets.
    out.push(`${"  ".repeat(node.level - 3)}- ${text}`);
  }
  for (const child of node.children) renderNode(child, out);
}

function renderMonth(month: ScheduleMonth, out: string[], options: TaskLineOptions): void {
  out.push(`### ${monthHeadingText(month.months)}`);
  for (const note of month.notes ?? []) out.push(`> ${note}`);
  for (const task of month.tasks) out.push(renderTaskLine(task, options));
  out.push("");
}

/** How task lines are written: Tasks' format, and whether a task with no day gets its month's last day as 📅. */
export interface TaskLineOptions {
  format?: TaskFormat;
  /** Opt-in: a task that names only a month is due on the month's last day (a date the plan never wrote). */
  monthDueDates?: boolean;
}

/**
 * A task's canonical line, through the one serializer. A day the words name is written as Tasks'
 * 📅 (a range as 🛫 start and 📅 end) by default, because a Tasks user expects a dated task in
 * Tasks' date queries; only the month's-last-day due date, which the plan never wrote, is opt-in.
 */
export function renderTaskLine(task: Task, options: TaskLineOptions = {}): string {
  const last = task.months[task.months.length - 1];
  const fallbackDue = options.monthDueDates && last && last.year !== null ? lastDayOfMonth(last.year, last.month) : null;
  return writeTaskLine(task, { format: options.format, fallbackDue });
}
