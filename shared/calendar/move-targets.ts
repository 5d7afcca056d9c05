/**
 * The months a task may be moved to ("移到…月"): its plan's months with a known year, except those
 * it is already in. A row only needs to know whether there is any (to show the button), so that
 * answer is counted, not listed; the list is made when the menu opens.
 */
import type { Plan } from "../plan/types";
import type { PlanTask } from "../tasks/extract-tasks";
import { compareYm, monthsBetween, parseYm, ymKey } from "../time/year-month";

function compareKeys(a: string, b: string): number {
  const pa = parseYm(a);
  const pb = parseYm(b);
  if (pa && pb) return compareYm(pa, pb);
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A plan's months as keys: its period when it has one, widened to any 行事历 or body month outside
 * it; else those months in the plan's order ("?-03" when the year is unknown).
 */
export function planMonths(plan: Plan): string[] {
  const cached = monthsOfPlan.get(plan);
  if (cached) return cached.slice();
  const made = workOutPlanMonths(plan);
  monthsOfPlan.set(plan, made);
  return made.slice();
}

/** A plan object never changes (a re-read makes a new one): its months are worked out once. */
const monthsOfPlan = new WeakMap<Plan, string[]>();

function workOutPlanMonths(plan: Plan): string[] {
  const keys: string[] = plan.period ? monthsBetween(plan.period.start, plan.period.end) : [];
  const seen = new Set(keys);
  const extra: string[] = [];
  for (const month of plan.schedule.concat(plan.bodyTasks ?? [])) {
    for (const m of month.months) {
      const k = ymKey(m);
      if (seen.has(k)) continue;
      // A month without a year matches a period month of the same number.
      if (m.year === null && keys.some((key) => Number(key.slice(5, 7)) === m.month)) continue;
      seen.add(k);
      extra.push(k);
    }
  }
  if (keys.length === 0) return extra;
  return keys.concat(extra).sort(compareKeys);
}

interface PlanMonthsIndex {
  /** Known-year month keys, in order. */
  keys: string[];
  set: Set<string>;
  /** How many known keys each month number (1–12) has. */
  byNumber: number[];
}

function inTask(task: PlanTask, key: string): boolean {
  const month = Number(key.slice(5, 7));
  return task.months.some((m) => (m.year === null ? m.month === month : ymKey(m) === key));
}

/** Move targets for the tasks of a set of plans, each plan's months worked out once. */
export class MoveTargets {
  private readonly plans = new Map<string, Plan>();
  private readonly index = new Map<string, PlanMonthsIndex>();

  constructor(plans: Iterable<Plan>) {
    for (const p of plans) if (!this.plans.has(p.id)) this.plans.set(p.id, p);
  }

  private monthsOf(planId: string): PlanMonthsIndex | null {
    const cached = this.index.get(planId);
    if (cached) return cached;
    const plan = this.plans.get(planId);
    if (!plan) return null;
    const keys = planMonths(plan).filter((k) => !k.startsWith("?"));
    const byNumber = new Array<number>(13).fill(0);
    for (const k of keys) byNumber[Number(k.slice(5, 7))] = (byNumber[Number(k.slice(5, 7))] ?? 0) + 1;
    const made = { keys, set: new Set(keys), byNumber };
    this.index.set(planId, made);
    return made;
  }

  /** The months the task can go to, in calendar order (empty for a body item: its date is in its words). */
  targets(task: PlanTask): string[] {
    if (task.source === "body") return [];
    const months = this.monthsOf(task.planId);
    return months ? months.keys.filter((k) => !inTask(task, k)) : [];
  }

  /** targets(task).length > 0, without making the list. */
  canMove(task: PlanTask): boolean {
    if (task.source === "body") return false;
    const months = this.monthsOf(task.planId);
    if (!months || months.keys.length === 0) return false;
    // A task of several months is rare: count it the long way, so the two answers never differ.
    if (task.months.length !== 1) return this.targets(task).length > 0;
    const m = task.months[0];
    if (!m) return true;
    const covered = m.year === null ? (months.byNumber[m.month] ?? 0) : months.set.has(ymKey(m)) ? 1 : 0;
    return covered < months.keys.length;
  }
}
