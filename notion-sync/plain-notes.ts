/**
 * Notes whose plan or tasks carry no written id. Their 同步键 are derived from the title and the
 * task's words, so rewording a task (or fixing a title) makes a new Notion page, marks the old one
 * deleted, and the tick made in Notion does not follow. The mirror does not write ids into a note
 * on its own; it says so once per note, and the README says the same: normalize the 行事历 (or
 * import the note) to give it ids first.
 */
import type { Plan } from "../shared/plan/types";
import { splitNoteLines } from "../shared/edit/note-lines";

export interface NoteLike {
  path: string;
  text: string;
  plans: Plan[];
}

/** Whether the note's frontmatter names the plan's id (`plan-id:` on a line of its own). */
function hasPlanId(text: string): boolean {
  if (!text.startsWith("---")) return false;
  const lines = splitNoteLines(text).lines;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (l === "---" || l === "...") return false;
    if (l.startsWith("plan-id:")) return true;
  }
  return false;
}

/** One line per note whose plan id or task ids are derived from its words. */
export function plainNoteWarnings(notes: readonly NoteLike[]): string[] {
  const out: string[] = [];
  for (const note of notes) {
    const lines = splitNoteLines(note.text).lines;
    let derivedTasks = 0;
    for (const plan of note.plans) for (const month of plan.schedule) for (const task of month.tasks) if (!(lines[task.line - 1] ?? "").includes(`^${task.id}`)) derivedTasks++;
    const derivedPlan = !hasPlanId(note.text);
    if (!derivedPlan && derivedTasks === 0) continue;
    const fixes: string[] = [];
    const plan = note.plans[0];
    // The id it has now, written down, keeps its pages: the key does not change.
    if (derivedPlan && plan && note.plans.length === 1) fixes.push(`在 frontmatter 写上 plan-id: ${plan.id} / add "plan-id: ${plan.id}" to the frontmatter`);
    if (derivedTasks > 0) fixes.push(`运行“规范本笔记的行事历”给 ${derivedTasks} 项任务编号 / run "Normalize 行事历" to give ${derivedTasks} tasks ^t- ids`);
    out.push(
      `${note.path}：同步键取自文字，改写任务或标题会在 Notion 中新建页面（旧页面标记为已删除，Notion 中的勾选不跟过来）/ its sync keys come from its words: rewording a task or the title makes new Notion pages (old ones marked deleted, Notion ticks left behind). ${fixes.join("；")}`,
    );
  }
  return out;
}
