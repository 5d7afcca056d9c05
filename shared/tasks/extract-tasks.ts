/**
 * Plan → flat task list: what the 行事历 view, the CLI, Tasks/Dataview users and the Notion mirror read.
 *
 * The list holds the 行事历's tasks and then the body's dated items (plan.bodyTasks), each with its
 * `source`. Where a task comes from is its own field, not read off `form`: a body sentence the user
 * ticked becomes a checkbox line, and is still a body task. The engine never puts an item in both
 * lists, and this is the only place the two are joined, so no consumer shows one twice.
 */
import type { Plan, ScheduleMonth, Task } from "../plan/types";
import { ymKey } from "../time/year-month";

/** Where a task is written: under the plan's 行事历, or as a dated sentence in its body. */
export type TaskSource = "schedule" | "body";

export interface PlanTask extends Task {
  planId: string;
  planTitle: string | null;
  school: string | null;
  reviewStatus: string | null;
  /** The month heading the task sits under, as written; for a body task, its date phrase ("11月左右"). */
  monthLabel: string;
  source: TaskSource;
  /** Vault or file path of the note, when known. */
  path: string | null;
  /** Open review discussions about this task (the note's 审核意见 section), each as its lines; absent when none. */
  comments?: string[][];
}

export function extractTasks(plans: readonly Plan[], path: string | null = null): PlanTask[] {
  const out: PlanTask[] = [];
  for (const plan of plans) {
    pushMonths(out, plan, plan.schedule, "schedule", path);
    // Plans built by older code (or by hand in tests) may lack the field.
    pushMonths(out, plan, plan.bodyTasks ?? [], "body", path);
  }
  return out;
}

/** Every task of a plan, 行事历 first, then the body's: the one list every writer (edits, the mirror) walks. */
export function planTasks(plan: Plan): Task[] {
  const out: Task[] = [];
  for (const month of plan.schedule) for (const task of month.tasks) out.push(task);
  for (const month of plan.bodyTasks ?? []) for (const task of month.tasks) out.push(task);
  return out;
}

/** The plan's review discussions by the task they are about (most plans have none: no map then). */
function commentsByTask(plan: Plan): Map<string, string[][]> | null {
  if (!plan.reviewThreads || plan.reviewThreads.length === 0) return null;
  const out = new Map<string, string[][]>();
  for (const t of plan.reviewThreads) {
    if (t.taskId === null) continue;
    const list = out.get(t.taskId) ?? [];
    list.push(t.lines);
    out.set(t.taskId, list);
  }
  return out;
}

function pushMonths(out: PlanTask[], plan: Plan, months: readonly ScheduleMonth[], source: TaskSource, path: string | null): void {
  const comments = commentsByTask(plan);
  for (const month of months) {
    for (const task of month.tasks) {
      // Fields copied one by one: an object spread here was the slowest step of the whole parse.
      out.push({
        id: task.id,
        text: task.text,
        months: task.months,
        date: task.date,
        dateEnd: task.dateEnd,
        partOfMonth: task.partOfMonth,
        owner: task.owner,
        done: task.done,
        line: task.line,
        // How the line is written travels with the task, so no consumer re-reads the note to learn it.
        form: task.form,
        span: task.span,
        doneDate: task.doneDate,
        details: task.details,
        writtenId: task.writtenId,
        planId: plan.id,
        planTitle: plan.title,
        school: plan.school,
        reviewStatus: plan.reviewStatus,
        monthLabel: month.label,
        source,
        path,
      });
      const onTask = comments?.get(task.id);
      if (onTask) (out[out.length - 1] as PlanTask).comments = onTask;
    }
  }
}

/** Tasks that fall in a calendar month ("YYYY-MM"). Tasks whose year is unknown match on the month alone. */
export function tasksInMonth<T extends Task>(tasks: readonly T[], ym: string): T[] {
  const p = /^(\d{4})-(\d{2})$/.exec(ym);
  // Compared as numbers: this runs over every task of the vault each time the calendar redraws.
  const year = p ? Number(p[1]) : Number.NaN;
  const month = Number(ym.slice(5, 7));
  if (!p) return tasks.filter((t) => t.months.some((m) => ymKey(m) === ym || (m.year === null && m.month === month)));
  return tasks.filter((t) => t.months.some((m) => m.month === month && (m.year === null || m.year === year)));
}
