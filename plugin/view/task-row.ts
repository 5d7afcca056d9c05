/**
 * One task as a list item: a real checkbox, its text as a button that opens the note, what the
 * plan says about it (day, part of the month, owner) and a "移到…月" menu.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { el } from "./dom";
import type { ViewContext } from "./context";
import { keyParts, moveTargets, taskKey } from "./model";
import { monthTitle, other, shortDate, t } from "./strings";

/** The MIME type a dragged task carries (its task key). */
export const TASK_DRAG_TYPE = "application/x-union-plan-task";

export interface TaskRowOptions {
  /** Show the day the task names (the overview does; the month list groups by plan only). */
  showDate: boolean;
  draggable: boolean;
  selected?: boolean;
}

export function taskRow(ctx: ViewContext, task: PlanTask, options: TaskRowOptions): HTMLLIElement {
  const { doc, lang, actions } = ctx;
  const key = taskKey(task);
  const busy = ctx.busy.has(key);

  const box = el(doc, "input", {
    cls: "union-plan-task-check",
    attr: {
      type: "checkbox",
      "aria-label": `${t(lang, "done")}：${task.text}`,
      title: `${t(lang, "done")} / ${other(lang, "done")}`,
      "data-focus": `check|${key}`,
      "aria-busy": busy ? "true" : null,
    },
  });
  box.checked = task.done;
  box.addEventListener("click", (e) => {
    if (ctx.busy.has(key)) {
      e.preventDefault();
      return;
    }
    // The click already flipped `checked`; the host writes the note and the view follows.
    actions.toggle(task, box);
  });
  box.addEventListener("keydown", (e) => {
    // Space toggles a checkbox natively; Enter does too here, as the brief of a task list expects.
    if (e.key === "Enter") {
      e.preventDefault();
      box.click();
    }
  });

  const open = el(doc, "button", {
    cls: "union-plan-task-text",
    text: task.text,
    attr: {
      type: "button",
      title: `${t(lang, "openNote")} / ${other(lang, "openNote")}`,
      "data-focus": `open|${key}`,
    },
  });
  open.addEventListener("click", () => actions.open(task));

  const meta = el(doc, "span", { cls: "union-plan-task-meta" });
  if (options.showDate && task.date) {
    const range = task.dateEnd ? `${shortDate(lang, task.date)}—${shortDate(lang, task.dateEnd)}` : shortDate(lang, task.date);
    meta.append(el(doc, "span", { cls: "union-plan-task-date", text: range }));
  } else if (task.date && task.dateEnd) {
    meta.append(el(doc, "span", { cls: "union-plan-task-date", text: `${shortDate(lang, task.date)}—${shortDate(lang, task.dateEnd)}` }));
  }
  if (task.partOfMonth) meta.append(el(doc, "span", { cls: "union-plan-task-part", text: task.partOfMonth }));
  if (task.owner) meta.append(el(doc, "span", { cls: "union-plan-task-owner", text: `${t(lang, "owner")}：${task.owner}` }));

  const body = el(doc, "div", { cls: "union-plan-task-body" }, [open, meta.childElementCount > 0 ? meta : null]);

  const row = el(
    doc,
    "li",
    {
      cls: ["union-plan-task", task.done ? "union-plan-task--done" : "", options.selected ? "union-plan-task--selected" : "", busy ? "union-plan-task--busy" : ""],
      attr: { "data-task-key": key, "data-task-id": task.id, "data-date": task.date },
    },
    [box, body],
  );

  const targets = moveTargets(ctx.plansById.get(task.planId), task);
  if (targets.length > 0) row.append(moveMenu(ctx, task, targets));

  if (options.draggable) {
    row.draggable = true;
    row.addEventListener("dragstart", (e) => {
      if (!e.dataTransfer) return;
      e.dataTransfer.setData(TASK_DRAG_TYPE, key);
      e.dataTransfer.setData("text/plain", task.text);
      e.dataTransfer.effectAllowed = "move";
      row.classList.add("union-plan-task--dragging");
    });
    row.addEventListener("dragend", () => row.classList.remove("union-plan-task--dragging"));
  }
  return row;
}

function moveMenu(ctx: ViewContext, task: PlanTask, targets: readonly string[]): HTMLSelectElement {
  const { doc, lang } = ctx;
  const key = taskKey(task);
  const select = el(doc, "select", {
    cls: "union-plan-task-move dropdown",
    attr: {
      "aria-label": `${t(lang, "moveTo")}：${task.text}`,
      title: `${t(lang, "moveTo")} / ${other(lang, "moveTo")}`,
      "data-focus": `move|${key}`,
    },
  });
  select.append(el(doc, "option", { text: t(lang, "moveTo"), attr: { value: "", selected: true } }));
  for (const k of targets) {
    const { year, month } = keyParts(k);
    select.append(el(doc, "option", { text: `${t(lang, "moveToMonthOf")} ${monthTitle(lang, year, month)}`, attr: { value: k } }));
  }
  select.addEventListener("change", () => {
    const ym = select.value;
    select.value = "";
    if (ym !== "") ctx.actions.move(task, ym);
  });
  return select;
}
