/** Plans and tasks of every plan file under the given paths: the input of `tasks`, `calendar` and the demo. */
import { extractTasks, parsePlans, type Plan, type PlanTask } from "../shared/index";
import { collectPlanFiles } from "./read-plans";
import { InputError } from "./read-plans";
import { pushAll } from "../shared/collections/array-edit";

export interface Collected {
  plans: { path: string; plan: Plan }[];
  tasks: PlanTask[];
}

export function collectTasks(paths: readonly string[]): Collected {
  const plans: Collected["plans"] = [];
  const tasks: PlanTask[] = [];
  for (const f of collectPlanFiles(paths)) {
    const result = parsePlans(f.text, { fileName: f.path });
    for (const plan of result.plans) plans.push({ path: f.path, plan });
    pushAll(tasks, extractTasks(result.plans, f.path));
  }
  if (plans.length === 0) throw new InputError(`没有找到任何计划 / no plans found in ${paths.join(", ")}`);
  return { plans, tasks };
}
