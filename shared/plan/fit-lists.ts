/**
 * A built plan's lists, copied to their length. V8 gives a list grown by push room for about 16
 * more items; a plan holds a list per month, per outline item with children and more, most of one
 * or two items, and on a long text of many plans that room was a fifth of what the parsed plans
 * weighed. A copy made by slice has none.
 */
import type { OutlineNode, Plan, ScheduleMonth } from "./types";
import { NO_CHILDREN } from "../outline/outline-builder";

function fitMonths(months: ScheduleMonth[]): ScheduleMonth[] {
  for (const m of months) {
    m.tasks = m.tasks.slice();
    if (m.notes) m.notes = m.notes.slice();
  }
  return months.slice();
}

function fitOutline(nodes: OutlineNode[]): OutlineNode[] {
  // A paragraph's children are the one shared empty list (outline-builder.ts); an item left without
  // children takes it too, once the plan is built and nothing adds to its outline any more.
  for (const n of nodes) n.children = n.children.length > 0 ? fitOutline(n.children) : NO_CHILDREN;
  return nodes.slice();
}

/** The plan with every list it holds fitted to its length (in place; the plan is returned). */
export function fitLists(plan: Plan): Plan {
  plan.outline = fitOutline(plan.outline);
  plan.schedule = fitMonths(plan.schedule);
  // A body month's list holds its one task, made at its length (build-plan.ts): only the list of
  // months is fitted, as a copy of each month's list would leave the first behind as garbage.
  plan.bodyTasks = plan.bodyTasks.slice();
  plan.diagnostics = plan.diagnostics.slice();
  return plan;
}
