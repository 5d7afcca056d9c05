/**
 * Plan → flat task list: what the 行事历 view, the CLI, Tasks/Dataview users and the Notion mirror read.
 */
import type { Plan, Task } from "../plan/types";
import { ymKey } from "../time/year-month";

export interface PlanTask extends Task {
  planId: string;
  planTitle: string | null;
  school: string | null;
  reviewStatus: string | null;
  /** The month heading the task sits under, as written. */
  monthLabel: string;
  /** Vault or file path of the note, when known. */
  path: string | null;
}

export function extractTasks(plans: readonly Plan[], path: string | null = null): PlanTask[] {
  const out: PlanTask[] = [];
  for (const plan of plans) {
    for (const month of plan.schedule) {
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
          path,
        });
      }
    }
  }
  return out;
}

/** Tasks that fall in a calendar month ("YYYY-MM"). Tasks whose year is unknown match on the month alone. */
export function tasksInMonth<T extends Task>(tasks: readonly T[], ym: string): T[] {
  const month = Number(ym.slice(5, 7));
  return tasks.filter((t) => t.months.some((m) => ymKey(m) === ym || (m.year === null && m.month === month)));
}
