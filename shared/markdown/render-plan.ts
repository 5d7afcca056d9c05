/**
 * Plan → the canonical plan note (HANDBOOK §7): frontmatter with the plan facts, the outline as
 * headings and lists, and a `## 行事历` with one `### 2012年3月` heading per month and `- [ ]` task
 * lines carrying their ids as block ids. parsePlans reads it back to the same plan.
 */
import type { OutlineNode, Plan, ScheduleMonth, Task } from "../plan/types";
import { monthHeadingText } from "../time/year-month";
import { yamlScalar } from "./frontmatter";
import { formatItemNumber } from "../outline/item-number";
import { toChineseNumber } from "../outline/chinese-number";
import { PARAGRAPH_LEVEL } from "../outline/outline-builder";
import { datesFromText } from "../schedule/task-date";
import { matchMonthHeading } from "../schedule/month-heading";
import { foldKey } from "../normalize/fold";

export function renderPlanMarkdown(plan: Plan): string {
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
    for (const month of plan.schedule) renderMonth(month, out);
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

function renderMonth(month: ScheduleMonth, out: string[]): void {
  out.push(`### ${monthHeadingText(month.months)}`);
  for (const note of month.notes ?? []) out.push(`> ${note}`);
  for (const task of month.tasks) out.push(renderTaskLine(task));
  out.push("");
}

export function renderTaskLine(task: Task): string {
  let line = `- [${task.done ? "x" : " "}] ${task.text}`;
  if (task.owner) line += `（负责人：${task.owner}）`;
  // A date the words give is read again from the words; any other is written as 📅.
  if (task.date && datesFromText(task.text, task.months).date !== task.date) line += ` \ud83d\udcc5 ${task.date}`;
  return `${line} ^${task.id}`;
}
