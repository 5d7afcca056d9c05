/**
 * The task rows the view has made, by task key. A redraw (a tick, a filter, a note edited
 * elsewhere) asks for rows again: a row that still shows its task as it is comes back as it is,
 * one that differs only in being done, busy or picked out is changed in place (focus stays on
 * it), and any other is made anew and takes the old one's place on the page.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { coversDay } from "../../shared/calendar/month-model";
import type { ViewContext } from "./context";
import { taskKey } from "./model";
import { buildTaskRow, parseTaskFocus, rowControl, showBusy, showDone, taskFocusKey } from "./task-row";

interface Entry {
  task: PlanTask;
  row: HTMLLIElement;
  canMove: boolean;
  busy: boolean;
  selected: boolean;
}

/** Does the row drawn for `a` show `b` the same, but for its done state? */
function sameLook(a: PlanTask, b: PlanTask): boolean {
  if (a === b) return true;
  if (a.text !== b.text || a.date !== b.date || a.dateEnd !== b.dateEnd || a.partOfMonth !== b.partOfMonth || a.owner !== b.owner || a.source !== b.source) return false;
  if (a.months.length !== b.months.length) return false;
  for (let i = 0; i < a.months.length; i++) {
    const x = a.months[i];
    const y = b.months[i];
    if (x?.year !== y?.year || x?.month !== y?.month) return false;
  }
  return true;
}

export class RowStore {
  private readonly entries = new Map<string, Entry>();

  /** `draggable`: rows may be dragged to another month (the overview); `selectable`: the picked day's rows are marked (the month). */
  constructor(
    private readonly ctx: ViewContext,
    private readonly draggable: boolean,
    private readonly selectable: boolean,
  ) {}

  /** The task last drawn under a key. */
  task(key: string): PlanTask | undefined {
    return this.entries.get(key)?.task;
  }

  /** The row made for a key, if one was. */
  made(key: string): HTMLLIElement | undefined {
    return this.entries.get(key)?.row;
  }

  /** The row for a task, up to date. */
  row(task: PlanTask, key: string = taskKey(task)): HTMLLIElement {
    const { ctx } = this;
    const busy = ctx.busy.has(key);
    const selected = this.selectable && ctx.state.selectedDate !== null && coversDay(task, ctx.state.selectedDate);
    const entry = this.entries.get(key);
    if (entry && entry.task === task && entry.busy === busy && entry.selected === selected) return entry.row;
    const canMove = ctx.moves.canMove(task);
    if (entry && entry.canMove === canMove && sameLook(entry.task, task)) {
      if (entry.task.done !== task.done) showDone(entry.row, task.done);
      if (entry.busy !== busy) showBusy(entry.row, busy);
      if (entry.selected !== selected) entry.row.classList.toggle("union-plan-task--selected", selected);
      entry.task = task;
      entry.busy = busy;
      entry.selected = selected;
      return entry.row;
    }
    const row = buildTaskRow(ctx, task, key, { draggable: this.draggable, selected, busy, canMove });
    if (entry?.row.isConnected) replaceKeepingFocus(entry.row, row);
    this.entries.set(key, { task, row, canMove, busy, selected });
    return row;
  }

  /**
   * Brings the rows already made for these tasks up to date (done, busy, picked out, or anew);
   * rows not made yet are made as they are when they are needed.
   */
  update(tasks: Iterable<PlanTask>): void {
    for (const task of tasks) {
      const key = taskKey(task);
      if (this.entries.has(key)) this.row(task, key);
    }
  }
}

/** Puts `next` where `prev` is; focus on one of prev's controls moves to the same control of next. */
function replaceKeepingFocus(prev: HTMLElement, next: HTMLElement): void {
  const active = prev.ownerDocument.activeElement;
  const focusKey = active && prev.contains(active) ? taskFocusKey(active) : null;
  prev.replaceWith(next);
  const want = focusKey ? parseTaskFocus(focusKey) : null;
  if (want) rowControl(next, want.part)?.focus();
}
