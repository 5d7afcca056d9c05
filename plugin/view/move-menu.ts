/**
 * "移到…月": the menu of months is made only when it is opened, from the calendar model's move
 * targets. It opens in the flow under the task, so it needs no positioning; arrow keys move
 * through it, Enter picks, Escape closes.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { el } from "./dom";
import type { ViewContext } from "./context";
import { keyParts } from "./model";
import { monthTitle, t } from "./strings";

export function toggleMoveMenu(ctx: ViewContext, task: PlanTask, button: HTMLButtonElement): void {
  const row = button.closest(".union-plan-task");
  if (!row) return;
  const open = row.querySelector<HTMLElement>(":scope > .union-plan-move-menu");
  if (open) {
    closeMoveMenu(button, open);
    return;
  }
  // One menu open at a time in the view.
  for (const menu of button.closest(".union-plan-calendar")?.querySelectorAll<HTMLElement>(".union-plan-move-menu") ?? []) {
    const owner = menu.parentElement?.querySelector<HTMLButtonElement>(":scope > .union-plan-task-move");
    if (owner) closeMoveMenu(owner, menu, false);
  }
  const { doc, lang } = ctx;
  const menu = el(doc, "ul", { cls: "union-plan-move-menu", attr: { role: "menu", "aria-label": `${t(lang, "moveTo")}：${task.text}` } });
  for (const k of ctx.moves.targets(task)) {
    const { year, month } = keyParts(k);
    menu.append(el(doc, "li", { cls: "union-plan-move-item", text: monthTitle(lang, year, month), attr: { role: "menuitem", tabindex: -1, "data-ym": k } }));
  }
  row.append(menu);
  button.setAttribute("aria-expanded", "true");
  menu.querySelector<HTMLElement>("[role=menuitem]")?.focus();
}

/** The menu's button (in the same row), if the menu is open. */
export function menuButton(menu: HTMLElement): HTMLButtonElement | null {
  return menu.parentElement?.querySelector<HTMLButtonElement>(":scope > .union-plan-task-move") ?? null;
}

export function onMoveMenuKey(e: KeyboardEvent, item: HTMLElement): void {
  const menu = item.closest<HTMLElement>(".union-plan-move-menu");
  const button = menu ? menuButton(menu) : null;
  if (!menu || !button) return;
  const items = [...menu.querySelectorAll<HTMLElement>("[role=menuitem]")];
  const i = items.indexOf(item);
  let next: HTMLElement | undefined;
  switch (e.key) {
    case "ArrowDown":
    case "ArrowRight":
      next = items[(i + 1) % items.length];
      break;
    case "ArrowUp":
    case "ArrowLeft":
      next = items[(i - 1 + items.length) % items.length];
      break;
    case "Home":
      next = items[0];
      break;
    case "End":
      next = items[items.length - 1];
      break;
    case "Enter":
    case " ":
      e.preventDefault();
      item.click();
      return;
    case "Escape":
      e.preventDefault();
      closeMoveMenu(button, menu);
      return;
    default:
      return;
  }
  e.preventDefault();
  next?.focus();
}

export function closeMoveMenu(button: HTMLButtonElement, menu: HTMLElement, refocus = true): void {
  if (!menu.isConnected) return;
  button.setAttribute("aria-expanded", "false");
  // Focus leaves the menu before it goes, so removing it starts no second close from focusout.
  if (refocus) button.focus();
  if (menu.isConnected) menu.remove();
}
