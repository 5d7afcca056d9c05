/**
 * What the 行事历 shows when the user narrows it: one plan, one school, done or not done. The
 * view's filters and the exports it makes use these, so an export holds what the view showed.
 */
import type { Plan } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";

export type DoneFilter = "all" | "open" | "done";

export interface Filters {
  planId: string | null;
  school: string | null;
  status: DoneFilter;
}

export const NO_FILTERS: Readonly<Filters> = { planId: null, school: null, status: "all" };

export function planMatches(plan: Plan, filters: Filters): boolean {
  if (filters.planId !== null && plan.id !== filters.planId) return false;
  if (filters.school !== null && (plan.school ?? "") !== filters.school) return false;
  return true;
}

export function taskMatches(task: PlanTask, filters: Filters): boolean {
  if (filters.planId !== null && task.planId !== filters.planId) return false;
  if (filters.school !== null && (task.school ?? "") !== filters.school) return false;
  if (filters.status === "open" && task.done) return false;
  if (filters.status === "done" && !task.done) return false;
  return true;
}

export function filterTasks(tasks: readonly PlanTask[], filters: Filters): PlanTask[] {
  if (filters.planId === null && filters.school === null && filters.status === "all") return tasks.slice();
  return tasks.filter((t) => taskMatches(t, filters));
}

/** Plans one each, as the index lists them (an id may come from two notes: the first wins). */
export function uniquePlans<P extends { plan: Plan }>(plans: readonly P[]): P[] {
  const seen = new Set<string>();
  const out: P[] = [];
  for (const p of plans) {
    if (seen.has(p.plan.id)) continue;
    seen.add(p.plan.id);
    out.push(p);
  }
  return out;
}

/** The schools the plans name, sorted, each once. */
export function schoolsOf(plans: readonly { plan: Plan }[]): string[] {
  const set = new Set<string>();
  for (const p of plans) if (p.plan.school) set.add(p.plan.school);
  return [...set].sort((a, b) => a.localeCompare(b, "zh-CN"));
}
