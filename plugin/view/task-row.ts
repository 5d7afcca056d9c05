/**
 * One task as a list item: a real checkbox, its text as a button that opens the note, what the
 * plan says about it (day, part of the month, owner) and a "移到…月" menu.
 *
 * Rows carry no listeners of their own: the view listens once on its root (installTaskEvents) and
 * finds the task by the row's key. A month with hundreds of tasks stays within a frame that way.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { asElement, asNode, el, isButton, isInput } from "./dom";
import type { ViewContext } from "./context";
import { keyParts, taskKey } from "./model";
import { monthSpanShort, monthTitle, other, shortDate, t } from "./strings";
import { monthSpan } from "../../shared/calendar/month-model";

/** The MIME type a dragged task carries (its task key). */
export const TASK_DRAG_TYPE = "application/x-union-plan-task";

export interface TaskRowOptions {
  /** Show the day the task names. */
  showDate: boolean;
  draggable: boolean;
  selected?: boolean;
}

export function taskRow(ctx: ViewContext, task: PlanTask, options: TaskRowOptions): HTMLLIElement {
  const { doc, lang } = ctx;
  const key = taskKey(task);
  ctx.tasksByKey.set(key, task);
  const busy = ctx.busy.has(key);

  const box = el(doc, "input", {
    cls: "union-plan-task-check",
    attr: { type: "checkbox", "aria-label": `${t(lang, "done")}：${task.text}${task.source === "body" ? `（${t(lang, "fromBody")}）` : ""}`, "aria-busy": busy ? "true" : null },
  });
  box.checked = task.done;

  const open = el(doc, "button", { cls: "union-plan-task-text", text: task.text, attr: { type: "button", title: ctx.openTitle } });

  // What the plan says beside the task (day, part of the month, owner), as one line of text.
  const meta: string[] = [];
  if (task.date && (options.showDate || task.dateEnd)) {
    meta.push(task.dateEnd ? `${shortDate(lang, task.date)}—${shortDate(lang, task.dateEnd)}` : shortDate(lang, task.date));
  }
  if (task.partOfMonth) meta.push(task.partOfMonth);
  // A task of several months (七、八月份) is on each of its month pages: say it goes on beyond this one.
  const span = task.date ? null : monthSpan(task);
  if (span) meta.push(monthSpanShort(lang, span[0], span[1]));
  if (task.owner) meta.push(`${t(lang, "owner")}：${task.owner}`);

  // A dated item of the plan's body says so: it is not in the 行事历, and ticking it adds a box to its line.
  const fromBody = task.source === "body";
  const source = fromBody
    ? el(doc, "span", { cls: "union-plan-task-source", text: t(lang, "fromBody"), attr: { title: `${t(lang, "fromBodyTitle")} / ${other(lang, "fromBodyTitle")}` } })
    : null;

  const body = el(doc, "div", { cls: "union-plan-task-body" }, [
    open,
    source,
    meta.length > 0 ? el(doc, "span", { cls: "union-plan-task-meta", text: meta.join("  ·  ") }) : null,
  ]);

  let cls = "union-plan-task";
  if (task.done) cls += " union-plan-task--done";
  if (fromBody) cls += " union-plan-task--from-body";
  if (options.selected) cls += " union-plan-task--selected";
  if (busy) cls += " union-plan-task--busy";
  const row = el(doc, "li", { cls, attr: { "data-task-key": key, "data-task-id": task.id, draggable: options.draggable && !fromBody ? "true" : null } }, [box, body]);

  if (ctx.moves.canMove(task)) {
    row.append(
      el(doc, "button", {
        cls: "union-plan-btn union-plan-task-move",
        text: t(lang, "moveTo"),
        attr: { type: "button", "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": `${t(lang, "moveTo")}：${task.text}`, title: ctx.moveTitle },
      }),
    );
  }
  return row;
}

/** Which control of a task row an element is, for putting focus back after a render. */
export function taskFocusKey(node: Element): string | null {
  const row = node.closest(".union-plan-task");
  const key = row?.getAttribute("data-task-key");
  if (!row || key === null || key === undefined) return null;
  for (const part of ["check", "text", "move"] as const) {
    if (node.classList.contains(`union-plan-task-${part}`)) return `task|${part}|${key}`;
  }
  return null;
}

/** The element a task focus key names, if it is on the page. */
export function findTaskFocus(root: HTMLElement, focusKey: string): HTMLElement | null {
  const m = /^task\|(check|text|move)\|(.*)$/s.exec(focusKey);
  if (!m) return null;
  const [, part, key] = m;
  for (const row of root.querySelectorAll<HTMLElement>(".union-plan-task[data-task-key]")) {
    if (row.getAttribute("data-task-key") === key) return row.querySelector<HTMLElement>(`:scope > .union-plan-task-${part}, :scope .union-plan-task-${part}`);
  }
  return null;
}

/** One set of listeners for every task row under `root`; `current` gives the latest render's context. */
export function installTaskEvents(root: HTMLElement, current: () => ViewContext | null): () => void {
  const taskOf = (node: Element): { ctx: ViewContext; task: PlanTask; row: HTMLElement } | null => {
    const ctx = current();
    const row = node.closest<HTMLElement>(".union-plan-task");
    const key = row?.getAttribute("data-task-key");
    if (!ctx || !row || key === null || key === undefined) return null;
    const task = ctx.tasksByKey.get(key);
    return task ? { ctx, task, row } : null;
  };

  const onClick = (e: MouseEvent) => {
    const target = asElement(e.target);
    if (!target) return;
    const control = target.closest(".union-plan-task-check, .union-plan-task-text, .union-plan-task-move, .union-plan-move-item");
    if (!control) return;
    const found = taskOf(control);
    if (!found) return;
    const { ctx, task } = found;
    if (control.classList.contains("union-plan-task-check") && isInput(control)) {
      if (ctx.busy.has(taskKey(task))) {
        e.preventDefault();
        return;
      }
      // The click already flipped `checked`; the host writes the note and the view follows.
      ctx.actions.toggle(task, control);
    } else if (control.classList.contains("union-plan-task-text")) {
      ctx.actions.open(task);
    } else if (control.classList.contains("union-plan-task-move") && isButton(control)) {
      toggleMenu(ctx, task, control);
    } else if (control.classList.contains("union-plan-move-item")) {
      const ym = control.getAttribute("data-ym");
      const menu = control.closest<HTMLElement>(".union-plan-move-menu");
      const button = found.row.querySelector<HTMLButtonElement>(".union-plan-task-move");
      if (menu && button) closeMenu(button, menu);
      if (ym) ctx.actions.move(task, ym);
    }
  };

  const onKey = (e: KeyboardEvent) => {
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
      onMenuKey(e, target);
    }
  };

  const onFocusOut = (e: FocusEvent) => {
    const target = asElement(e.target);
    if (!target || !target.classList.contains("union-plan-move-item")) return;
    const menu = target.closest<HTMLElement>(".union-plan-move-menu");
    const button = menu?.parentElement?.querySelector<HTMLButtonElement>(".union-plan-task-move");
    const to = asNode(e.relatedTarget);
    if (!menu || !button) return;
    if (to && (menu.contains(to) || to === button)) return;
    closeMenu(button, menu, false);
  };

  const onDragStart = (e: DragEvent) => {
    const target = asElement(e.target);
    if (!target || !target.classList.contains("union-plan-task")) return;
    const key = target.getAttribute("data-task-key");
    if (!e.dataTransfer || key === null) return;
    e.dataTransfer.setData(TASK_DRAG_TYPE, key);
    e.dataTransfer.setData("text/plain", target.querySelector(".union-plan-task-text")?.textContent ?? "");
    e.dataTransfer.effectAllowed = "move";
    target.classList.add("union-plan-task--dragging");
  };

  const onDragEnd = (e: DragEvent) => {
    asElement(e.target)?.classList.remove("union-plan-task--dragging");
  };

  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  root.addEventListener("focusout", onFocusOut);
  root.addEventListener("dragstart", onDragStart);
  root.addEventListener("dragend", onDragEnd);
  return () => {
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKey);
    root.removeEventListener("focusout", onFocusOut);
    root.removeEventListener("dragstart", onDragStart);
    root.removeEventListener("dragend", onDragEnd);
  };
}

/**
 * "移到…月": the menu of months is built only when it is opened. It opens in the flow under the
 * task, so it needs no positioning; arrow keys move through it, Enter picks, Escape closes.
 */
function toggleMenu(ctx: ViewContext, task: PlanTask, button: HTMLButtonElement): void {
  const row = button.closest(".union-plan-task");
  if (!row) return;
  const open = row.querySelector<HTMLElement>(":scope > .union-plan-move-menu");
  if (open) {
    closeMenu(button, open);
    return;
  }
  // One menu open at a time in the view.
  for (const menu of button.closest(".union-plan-calendar")?.querySelectorAll<HTMLElement>(".union-plan-move-menu") ?? []) {
    const owner = menu.parentElement?.querySelector<HTMLButtonElement>(":scope > .union-plan-task-move");
    if (owner) closeMenu(owner, menu, false);
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

function onMenuKey(e: KeyboardEvent, item: HTMLElement): void {
  const menu = item.closest<HTMLElement>(".union-plan-move-menu");
  const button = menu?.parentElement?.querySelector<HTMLButtonElement>(":scope > .union-plan-task-move");
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
      closeMenu(button, menu);
      return;
    default:
      return;
  }
  e.preventDefault();
  next?.focus();
}

function closeMenu(button: HTMLButtonElement, menu: HTMLElement, refocus = true): void {
  if (!menu.isConnected) return;
  button.setAttribute("aria-expanded", "false");
  // Focus leaves the menu before it goes, so removing it starts no second close from focusout.
  if (refocus) button.focus();
  if (menu.isConnected) menu.remove();
}

/** The bilingual tooltips every row shares, made once per render. */
export function rowTitles(lang: ViewContext["lang"]): { openTitle: string; moveTitle: string } {
  return { openTitle: `${t(lang, "openNote")} / ${other(lang, "openNote")}`, moveTitle: `${t(lang, "moveTo")} / ${other(lang, "moveTo")}` };
}
