/**
 * Plan → plan page properties, Task → task page properties, as canonical values
 * (properties.ts turns them into request JSON and compares them with what Notion holds).
 */
import type { Plan, ScheduleMonth, Task } from "../shared/plan/types";
import { planTasks } from "../shared/tasks/extract-tasks";
import { lastDayOfMonth } from "../shared/time/year-month";
import type { PlanPropertyNames, PropValue, TaskPropertyNames } from "./properties";

/**
 * The tasks that get a page: the 行事历's and the body's dated items (the engine never gives one
 * item to both, so none gets two pages). Every walk over a plan's tasks in the mirror goes through here.
 */
export function mirroredTasks(plan: Plan): Task[] {
  return planTasks(plan);
}

/** The same tasks by month group: the 行事历's months, then the body's date phrases. */
export function mirroredMonths(plan: Plan): ScheduleMonth[] {
  return plan.schedule.concat(plan.bodyTasks);
}

export function taskCount(plan: Plan): number {
  return mirroredTasks(plan).length;
}

/** Whether a task is one of the body's dated items (plan.bodyTasks), not a 行事历 task. */
export function isBodyTask(plan: Plan, task: Task): boolean {
  return plan.bodyTasks.some((m) => m.tasks.includes(task));
}

/** 年度/学年: "2026学年" for a term plan (the school year starts in August), "2026年" otherwise. */
export function yearText(plan: Plan): string {
  const start = plan.period?.start;
  if (!start) return "";
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  if (plan.kind === "学期") return `${month >= 8 ? year : year - 1}学年`;
  return `${year}年`;
}

/** 学期: 第一学期 (September–January) or 第二学期 (February–July) for a term plan. */
export function termText(plan: Plan): string {
  if (plan.kind !== "学期" || !plan.period) return "";
  const month = Number(plan.period.start.slice(5, 7));
  return month >= 8 || month === 1 ? "第一学期" : "第二学期";
}

export interface PlanPageInput {
  plan: Plan;
  key: string;
  path: string;
  /** The review status to write (the note's, unless Notion's is newer). */
  reviewStatus: string | null;
  reviewComment: string | null;
}

export function planProperties(n: PlanPropertyNames, input: PlanPageInput): Record<string, PropValue> {
  const { plan } = input;
  return {
    [n.title]: { type: "title", text: plan.title ?? input.path.replace(/^.*\//, "").replace(/\.md$/, "") },
    [n.school]: { type: "rich_text", text: plan.school ?? "" },
    [n.year]: { type: "rich_text", text: yearText(plan) },
    [n.term]: { type: "rich_text", text: termText(plan) },
    [n.kind]: { type: "select", name: plan.kind },
    [n.reviewStatus]: { type: "select", name: input.reviewStatus && input.reviewStatus !== "" ? input.reviewStatus : null },
    [n.reviewComment]: { type: "rich_text", text: input.reviewComment ?? "" },
    [n.taskCount]: { type: "number", value: taskCount(plan) },
    [n.source]: { type: "rich_text", text: input.path },
    [n.key]: { type: "rich_text", text: input.key },
  };
}

/**
 * 月份 as a date range: the task's own day (or day range) when it names one, else the months it
 * falls in (first day of the first to last day of the last); null when the year is unknown.
 */
export function taskDateRange(task: Task): { start: string | null; end: string | null } {
  if (task.date) return { start: task.date, end: task.dateEnd && task.dateEnd !== task.date ? task.dateEnd : null };
  const first = task.months[0];
  const last = task.months[task.months.length - 1];
  if (!first || !last || first.year === null || last.year === null) return { start: null, end: null };
  const start = `${first.year}-${String(first.month).padStart(2, "0")}-01`;
  return { start, end: lastDayOfMonth(last.year, last.month) };
}

export interface TaskPageInput {
  task: Task;
  key: string;
  planPageId: string;
  done: boolean;
  /** A dated item of the plan's body: its page is marked so (来自正文). */
  fromBody?: boolean;
  /** The owners' member ids (负责成员); absent: the property is not written (members not read, or no owner named). */
  memberIds?: string[];
}

export function taskProperties(n: TaskPropertyNames, input: TaskPageInput): Record<string, PropValue> {
  const range = taskDateRange(input.task);
  return {
    [n.title]: { type: "title", text: input.task.text },
    [n.month]: { type: "date", start: range.start, end: range.end },
    [n.plan]: { type: "relation", ids: [input.planPageId] },
    [n.done]: { type: "checkbox", value: input.done },
    [n.owner]: { type: "rich_text", text: input.task.owner ?? "" },
    ...(input.memberIds !== undefined ? { [n.members]: { type: "people", ids: input.memberIds } } : {}),
    [n.fromBody]: { type: "checkbox", value: input.fromBody === true },
    [n.key]: { type: "rich_text", text: input.key },
  };
}

/**
 * What the user is told when Notion has a tick the note cannot show (its line has no box). A 行事历
 * line gets its box from “规范行事历”; a body sentence gets one when it is ticked in the 行事历 view
 * (normalizing leaves the body alone), so each is told its own way.
 */
export function noCheckboxNote(path: string, task: Task, done: boolean, fromBody: boolean): string {
  const state = done ? "已完成" : "未完成";
  const stateEn = done ? "done" : "not done";
  return fromBody
    ? `${path}：「${task.text}」在 Notion 中${state}，但它写在计划正文里，没有复选框；在行事历视图中勾选它可加上复选框 / "${task.text}" is ${stateEn} in Notion but it is a sentence of the plan's body with no checkbox: tick it in the 行事历 view to add one`
    : `${path}：「${task.text}」在 Notion 中${state}，但这一行不是复选框，先“规范行事历”再同步 / "${task.text}" is ${stateEn} in Notion but its line has no checkbox: normalize the 行事历 first`;
}

/** The mark a page gets when its plan or task was deleted in Obsidian (and trash is not allowed). */
export const DELETED_MARK = "〔已在 Obsidian 删除〕";
