/**
 * The vault's side of a sync, read once: every plan with its 同步键, and which pages the state knows
 * whose plan or task is no longer in the notes (the tombstones to write). Pure.
 */
import type { Plan } from "../shared/plan/types";
import { mirroredTasks } from "./mapping";
import type { PlanEntry, SyncState, TaskEntry } from "./sync-state";
import type { SyncNote } from "./sync-types";

export interface LocalPlan {
  key: string;
  plan: Plan;
  note: SyncNote;
  /** Whether review fields may come back into this note's frontmatter (one plan per note). */
  ownsFrontmatter: boolean;
}

/** Plans of the notes, each with its key; a plan id used twice gets a key of its own, with a note saying so. */
export function collectLocalPlans(notes: readonly SyncNote[]): { locals: LocalPlan[]; notes: string[] } {
  const locals: LocalPlan[] = [];
  const messages: string[] = [];
  const seen = new Set<string>();
  for (const note of notes) {
    for (const plan of note.plans) {
      let key = plan.id;
      if (seen.has(key)) {
        key = `${plan.id}@${note.path}`;
        messages.push(`计划编号 ${plan.id} 重复（${note.path}）：请给笔记一个自己的 plan-id / plan id ${plan.id} is used twice (${note.path}): give the note its own plan-id`);
      }
      seen.add(key);
      locals.push({ key, plan, note, ownsFrontmatter: note.plans.length === 1 });
    }
  }
  return { locals, notes: messages };
}

export interface Gone {
  plans: Array<[string, PlanEntry]>;
  tasks: Array<[string, TaskEntry]>;
}

/**
 * State entries whose plan or task left the notes. With `onlyPaths` ("sync this plan") only plans
 * of those paths can be judged gone; a task is judged gone only when its plan is in the sync.
 */
export function findGone(state: SyncState, locals: readonly LocalPlan[], onlyPaths?: readonly string[]): Gone {
  const scope = onlyPaths ? new Set(onlyPaths) : null;
  const inScope = (path: string): boolean => scope === null || scope.has(path);
  const planKeys = new Set(locals.map((l) => l.key));
  const taskKeys = new Set<string>();
  for (const l of locals) for (const task of mirroredTasks(l.plan)) taskKeys.add(`${l.key}/${task.id}`);
  const plans = Object.entries(state.plans).filter(([key, e]) => !planKeys.has(key) && !e.gone && inScope(e.path));
  const gonePlanKeys = new Set(plans.map(([k]) => k));
  const tasks = Object.entries(state.tasks).filter(([key, e]) => !taskKeys.has(key) && !e.gone && (planKeys.has(e.planKey) || gonePlanKeys.has(e.planKey)));
  return { plans, tasks };
}
