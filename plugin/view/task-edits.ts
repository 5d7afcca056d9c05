/**
 * The view's two writes: a tick and a move. The host writes the note (Vault.process in Obsidian);
 * the row shows it is busy meanwhile, and a refusal puts the row back as the note says and tells
 * the user why, on screen and to screen readers.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { parseYm } from "../../shared/time/year-month";
import type { CalendarViewHost, TaskEditResult } from "../host";
import { taskKey } from "./model";
import { showBusy, showDone } from "./task-row";
import { both, monthTitle, t, type Lang } from "./strings";

/** What an edit needs of the view. */
export interface EditHost {
  readonly host: CalendarViewHost;
  readonly busy: Set<string>;
  readonly lang: Lang;
  readonly isDestroyed: boolean;
  announce(message: string): void;
  /** Redraws for the index as it is now. */
  draw(): void;
}

function failed(lang: Lang, error: unknown): TaskEditResult {
  return { ok: false, reason: `${both(lang, "editFailed")}: ${error instanceof Error ? error.message : String(error)}` };
}

async function attempt(view: EditHost, edit: () => Promise<TaskEditResult>): Promise<TaskEditResult> {
  try {
    return await edit();
  } catch (error) {
    return failed(view.lang, error);
  }
}

/** The click already flipped the box; the note is written and the row follows it. */
export function toggleTask(view: EditHost, task: PlanTask, box: HTMLInputElement): void {
  const key = taskKey(task);
  const wanted = box.checked;
  const row = () => box.closest<HTMLElement>(".union-plan-task");
  view.busy.add(key);
  const shown = row();
  if (shown) showBusy(shown, true);
  void (async () => {
    const result = await attempt(view, () => view.host.toggleTask(task));
    view.busy.delete(key);
    if (view.isDestroyed) return;
    const now = row();
    if (now) showBusy(now, false);
    if (!result.ok) {
      // Put the box back as the note says it is, say why, and show the note as it is now.
      box.checked = !wanted;
      view.host.notice(result.reason);
      view.announce(result.reason);
      view.draw();
    } else if (now) {
      showDone(now, wanted);
    }
  })();
}

export function moveTask(view: EditHost, task: PlanTask, ym: string): void {
  const key = taskKey(task);
  if (view.busy.has(key)) return;
  view.busy.add(key);
  view.draw();
  void (async () => {
    const result = await attempt(view, () => view.host.moveTask(task, ym));
    view.busy.delete(key);
    if (view.isDestroyed) return;
    if (!result.ok) {
      view.host.notice(result.reason);
      view.announce(result.reason);
    } else {
      const p = parseYm(ym);
      view.announce(`${t(view.lang, "moved")}：${task.text} → ${p ? monthTitle(view.lang, p.year, p.month) : ym}`);
    }
    view.draw();
  })();
}
