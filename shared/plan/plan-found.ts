/**
 * Whether a parsed plan is a plan a person would call one: it has a title, a 行事历, dated items, or numbered or
 * headed sections. Plain sentences alone ("今天天气很好。") are not a plan, so every command says
 * "no plan found" for them, as for an empty file or a title with nothing under it.
 */
import type { OutlineNode, Plan } from "./types";
import { PARAGRAPH_LEVEL } from "../outline/outline-builder";

function hasSection(nodes: readonly OutlineNode[]): boolean {
  return nodes.some((n) => n.level < PARAGRAPH_LEVEL || n.ordinal !== null || hasSection(n.children));
}

export function isPlanFound(plan: Plan): boolean {
  return plan.title !== null || plan.schedule.length > 0 || plan.bodyTasks.length > 0 || hasSection(plan.outline);
}
