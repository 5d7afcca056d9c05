/**
 * The decision step of one plan, before anything is written: what the note must take from Notion
 * (review fields, ticks), the value each field gets on both sides, and the conflicts to report. Pure:
 * it reads the note's plan, the state's last agreed values and the pages the remote index read.
 */
import { isBodyTask, mirroredMonths, noCheckboxNote } from "./mapping";
import { mergeDone, mergeReview } from "./merge-rules";
import type { PageLike } from "./notion-ops";
import { fromNotion, type PlanPropertyNames, type TaskPropertyNames } from "./properties";
import type { LocalPlan } from "./local-plans";
import type { PlanEntry, TaskEntry } from "./sync-state";
import type { NoteEdit, SyncConflict } from "./sync-types";

export interface PlanDecision {
  reviewStatus: string | null;
  reviewComment: string | null;
  /** What the note takes from Notion; null when nothing. */
  edit: NoteEdit | null;
  /** 完成 of each task id, as both sides will have it. */
  doneOf: Map<string, boolean>;
  /** Tasks ticked differently in Notion whose line has no box: Notion keeps its value, the state its last agreed one. */
  unshown: Set<string>;
  conflicts: SyncConflict[];
  notes: string[];
  pulledBack: number;
}

/** What the decision reads of the state and of Notion for one plan. */
export interface DecisionInputs {
  planEntry: PlanEntry | undefined;
  planPage: PageLike | null;
  taskEntry: (taskId: string) => TaskEntry | undefined;
  taskPage: (taskId: string) => PageLike | null;
  names: { plans: PlanPropertyNames; tasks: TaskPropertyNames };
}

function textOf(page: PageLike | null, prop: string, type: "select" | "rich_text"): string | null {
  if (!page) return null;
  const v = fromNotion(page.properties[prop], type);
  if (v === null) return null;
  if (v.type === "select") return v.name;
  if (v.type === "rich_text") return v.text || null;
  return null;
}

function tickOf(page: PageLike | null, prop: string): boolean | null {
  if (!page) return null;
  const v = fromNotion(page.properties[prop], "checkbox");
  return v && v.type === "checkbox" ? v.value : null;
}

export function decidePlan(local: LocalPlan, inputs: DecisionInputs): PlanDecision {
  const { plan, note } = local;
  const { planEntry, planPage, names } = inputs;
  const edit: NoteEdit = { path: note.path };
  let pulledBack = 0;
  const known = planEntry !== undefined && planPage !== null;
  const review = (prop: string, noteValue: string | null, last: string | null, fmKey: string, type: "select" | "rich_text"): string | null => {
    const out = mergeReview({ note: noteValue, notion: textOf(planPage, prop, type), last, adopted: planEntry?.adopted === true, known, ownsFrontmatter: local.ownsFrontmatter });
    if (out.pull) {
      (edit.frontmatter ??= {})[fmKey] = out.value;
      pulledBack++;
    }
    return out.value;
  };
  const reviewStatus = review(names.plans.reviewStatus, plan.reviewStatus, planEntry?.reviewStatus ?? null, "review-status", "select");
  const reviewComment = review(names.plans.reviewComment, plan.reviewComment, planEntry?.reviewComment ?? null, "review-comment", "rich_text");

  const doneOf = new Map<string, boolean>();
  const unshown = new Set<string>();
  const conflicts: SyncConflict[] = [];
  const notes: string[] = [];
  for (const month of mirroredMonths(plan)) {
    for (const task of month.tasks) {
      const entry = inputs.taskEntry(task.id);
      const notion = tickOf(inputs.taskPage(task.id), names.tasks.done);
      const out = mergeDone({ obsidian: task.done, notion, last: entry ? (entry.adopted ? null : entry.done) : null, known: entry !== undefined });
      if (out.conflict && notion !== null) conflicts.push({ path: note.path, plan: plan.title ?? local.key, taskId: task.id, task: task.text, obsidian: task.done, notion });
      if (out.pull) {
        if (task.form === "checkbox") {
          (edit.tasks ??= []).push({ taskId: task.id, done: out.value });
          pulledBack++;
        } else if (!unshown.has(task.id)) {
          // A line with no box cannot take the tick: Notion keeps its value, nothing is lost.
          unshown.add(task.id);
          notes.push(noCheckboxNote(note.path, task, out.value, isBodyTask(plan, task)));
        }
      }
      doneOf.set(task.id, out.value);
    }
  }
  return { reviewStatus, reviewComment, edit: edit.frontmatter || edit.tasks ? edit : null, doneOf, unshown, conflicts, notes, pulledBack };
}
