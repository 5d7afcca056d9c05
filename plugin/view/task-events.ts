/**
 * One set of listeners for every task row of the view, on its root: a month of thousands of rows
 * adds no listener per row. The task is found by the row's key in the current row store.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { asElement, asNode, isButton, isInput } from "./dom";
import type { ViewContext } from "./context";
import { closeMoveMenu, menuButton, onMoveMenuKey, toggleMoveMenu } from "./move-menu";

/** The MIME type a dragged task carries (its task key). */
export const TASK_DRAG_TYPE = "application/x-union-plan-task";

const CONTROLS = ".union-plan-task-check, .union-plan-task-text, .union-plan-task-move, .union-plan-move-item, .union-plan-task-comments";

interface Found {
  ctx: ViewContext;
  task: PlanTask;
  row: HTMLElement;
}

export class TaskEvents {
  private readonly onClick = (e: MouseEvent) => this.click(e);
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private readonly onFocusOut = (e: FocusEvent) => this.focusOut(e);
  private readonly onDragStart = (e: DragEvent) => this.dragStart(e);
  private readonly onDragEnd = (e: DragEvent) => asElement(e.target)?.classList.remove("union-plan-task--dragging");

  /** `current` gives the context of what is on screen now. */
  constructor(
    private readonly root: HTMLElement,
    private readonly current: () => ViewContext | null,
  ) {
    root.addEventListener("click", this.onClick);
    root.addEventListener("keydown", this.onKey);
    root.addEventListener("focusout", this.onFocusOut);
    root.addEventListener("dragstart", this.onDragStart);
    root.addEventListener("dragend", this.onDragEnd);
  }

  destroy(): void {
    this.root.removeEventListener("click", this.onClick);
    this.root.removeEventListener("keydown", this.onKey);
    this.root.removeEventListener("focusout", this.onFocusOut);
    this.root.removeEventListener("dragstart", this.onDragStart);
    this.root.removeEventListener("dragend", this.onDragEnd);
  }

  private taskOf(node: Element): Found | null {
    const ctx = this.current();
    const row = node.closest<HTMLElement>(".union-plan-task");
    const key = row?.getAttribute("data-task-key");
    if (!ctx || !row || key === null || key === undefined) return null;
    const task = ctx.store?.task(key);
    return task ? { ctx, task, row } : null;
  }

  private click(e: MouseEvent): void {
    const control = asElement(e.target)?.closest(CONTROLS);
    if (!control) return;
    const found = this.taskOf(control);
    if (!found) return;
    const { ctx, task, row } = found;
    if (control.classList.contains("union-plan-task-check") && isInput(control)) {
      if (ctx.busy.has(row.getAttribute("data-task-key") ?? "")) {
        e.preventDefault();
        return;
      }
      // The click already flipped `checked`; the host writes the note and the view follows.
      ctx.actions.toggle(task, control);
    } else if (control.classList.contains("union-plan-task-text")) {
      ctx.actions.open(task);
    } else if (control.classList.contains("union-plan-task-comments")) {
      ctx.actions.reply(task);
    } else if (control.classList.contains("union-plan-task-move") && isButton(control)) {
      toggleMoveMenu(ctx, task, control);
    } else if (control.classList.contains("union-plan-move-item")) {
      const ym = control.getAttribute("data-ym");
      const menu = control.closest<HTMLElement>(".union-plan-move-menu");
      const button = row.querySelector<HTMLButtonElement>(".union-plan-task-move");
      if (menu && button) closeMoveMenu(button, menu);
      if (ym) ctx.actions.move(task, ym);
    }
  }

  private key(e: KeyboardEvent): void {
    const target = asElement(e.target);
    if (!target) return;
    if (target.classList.contains("union-plan-task-check") && e.key === "Enter") {
      // Space toggles a checkbox natively; Enter does the same here.
      e.preventDefault();
      target.click();
    } else if (target.classList.contains("union-plan-task-move") && e.key === "ArrowDown" && target.getAttribute("aria-expanded") !== "true") {
      e.preventDefault();
      target.click();
    } else if (target.classList.contains("union-plan-move-item")) {
      onMoveMenuKey(e, target);
    }
  }

  /** A menu closes when focus leaves it for anything but its own button. */
  private focusOut(e: FocusEvent): void {
    const target = asElement(e.target);
    if (!target || !target.classList.contains("union-plan-move-item")) return;
    const menu = target.closest<HTMLElement>(".union-plan-move-menu");
    const button = menu ? menuButton(menu) : null;
    const to = asNode(e.relatedTarget);
    if (!menu || !button) return;
    if (to && (menu.contains(to) || to === button)) return;
    closeMoveMenu(button, menu, false);
  }

  private dragStart(e: DragEvent): void {
    const target = asElement(e.target);
    if (!target || !target.classList.contains("union-plan-task")) return;
    const key = target.getAttribute("data-task-key");
    if (!e.dataTransfer || key === null) return;
    e.dataTransfer.setData(TASK_DRAG_TYPE, key);
    e.dataTransfer.setData("text/plain", target.querySelector(".union-plan-task-text")?.textContent ?? "");
    e.dataTransfer.effectAllowed = "move";
    target.classList.add("union-plan-task--dragging");
  }
}
