/** A file name for a plan note: its title, made safe for every file system Obsidian runs on. */
import type { Plan } from "../plan/types";

export function noteFileName(plan: Plan, index: number, copy = 1): string {
  const base = (plan.title ?? plan.school ?? `工会计划-${index + 1}`).replace(/[\\/:*?"<>|#^[\]]/g, "-").replace(/\s+/g, " ").trim().slice(0, 80) || `工会计划-${index + 1}`;
  return copy > 1 ? `${base} ${copy}.md` : `${base}.md`;
}
