/** The plan engine's public surface: text → Plan, and everything read from a Plan. */
export * from "./plan/types";
export { parsePlans, type ParseOptions } from "./plan/parse-plans";
export { renderPlanMarkdown } from "./markdown/render-plan";
export { extractTasks, planTasks, tasksInMonth, type PlanTask, type TaskSource } from "./tasks/extract-tasks";
export * from "./time/year-month";
