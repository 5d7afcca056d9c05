/**
 * Plans and tasks of every plan file under the given paths: the input of `tasks`, `calendar` and
 * the demo. One rule for "no plan found" everywhere: `import` stops with a message and exit 1; the
 * read-only commands print an info line on stderr and go on with what they found.
 */
import { extractTasks, parsePlans, type Plan, type PlanTask } from "../shared/index";
import { isPlanFound } from "../shared/plan/plan-found";
import { pushAll } from "../shared/collections/array-edit";
import { collectPlanFiles } from "./read-plans";
import { err } from "./output";

export interface Collected {
  plans: { path: string; plan: Plan }[];
  tasks: PlanTask[];
}

/** The plans of a parse that are plans (a title, a 行事历 or numbered sections), not stray sentences. */
export function plansFound(text: string, path: string): Plan[] {
  return parsePlans(text, { fileName: path }).plans.filter(isPlanFound);
}

export function noPlanMessage(where: string): string {
  return `${where} 里没有找到计划（计划要有标题、编号条目或行事历）/ no plan found in ${where} (a plan has a title, numbered items or a 行事历)`;
}

/** The info line a read-only command prints when it found no plan. */
export function noPlanInfo(command: string, where: string): void {
  err(`union-plan ${command}: ${noPlanMessage(where)}`);
}

export function collectTasks(paths: readonly string[], command = "tasks"): Collected {
  const plans: Collected["plans"] = [];
  const tasks: PlanTask[] = [];
  for (const f of collectPlanFiles(paths)) {
    const found = plansFound(f.text, f.path);
    for (const plan of found) plans.push({ path: f.path, plan });
    pushAll(tasks, extractTasks(found, f.path));
  }
  if (plans.length === 0) noPlanInfo(command, paths.join(", "));
  return { plans, tasks };
}
