/**
 * Overview mode: every month of a plan's period as one table, the shape a committee prints and
 * pins up. A task can be dragged onto another month's row; each month's name opens that month.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import type { Plan } from "../../shared/plan/types";
import { filterTasks } from "../../shared/calendar/filters";
import { dropMonth, overviewPlans, overviewRows, rowOfMonth, type OverviewRow } from "../../shared/calendar/overview-model";
import { asNode, el } from "./dom";
import type { ViewContext } from "./context";
import { taskKey } from "./model";
import { ymKey } from "../../shared/time/year-month";
import { TASK_DRAG_TYPE, taskRow } from "./task-row";
import { doneCount, monthSpanTitle, monthTitle, other, t } from "./strings";
import { reviewBadge } from "./badge";
import type { IndexedPlan } from "../host";

export function renderOverview(ctx: ViewContext): HTMLElement {
  const { doc, lang } = ctx;
  const root = el(doc, "div", { cls: "union-plan-overview" });
  const plans = overviewPlans(ctx.snapshot.plans, ctx.state.filters, ctx.state.ym);
  if (plans.length === 0) {
    root.append(el(doc, "p", { cls: "union-plan-empty", text: ctx.snapshot.plans.length === 0 ? t(lang, "noPlans") : t(lang, "noPlansCover") }));
    return root;
  }
  const visible = filterTasks(ctx.snapshot.tasks, ctx.state.filters);
  for (const p of plans) root.append(planTable(ctx, p, visible));
  return root;
}

function planTable(ctx: ViewContext, indexed: IndexedPlan, visible: readonly PlanTask[]): HTMLElement {
  const { doc, lang, state } = ctx;
  const plan = indexed.plan;
  // The tasks of this note only: a second note with the same plan id is not this plan.
  const allOfPlan = ctx.snapshot.tasks.filter((x) => x.planId === plan.id && x.path === indexed.path);
  const rows = overviewRows(plan, visible.filter((x) => x.path === indexed.path), allOfPlan);
  const done = allOfPlan.filter((x) => x.done).length;
  const title = plan.title ?? t(lang, "unknownPlan");
  const headingId = `union-plan-ov-${cssId(plan.id)}`;

  const head = el(doc, "div", { cls: "union-plan-group-head" }, [
    el(doc, "h3", { cls: "union-plan-group-title", text: title, attr: { id: headingId } }),
    plan.school ? el(doc, "span", { cls: "union-plan-group-school", text: plan.school }) : null,
    reviewBadge(ctx, plan.reviewStatus, plan.reviewComment),
    el(doc, "span", { cls: "union-plan-group-progress", text: doneCount(lang, done, allOfPlan.length) }),
  ]);

  const table = el(doc, "table", { cls: "union-plan-overview-table", attr: { "aria-labelledby": headingId } });
  table.append(
    el(doc, "thead", {}, [
      el(doc, "tr", {}, [
        el(doc, "th", { text: t(lang, "month"), attr: { scope: "col", title: other(lang, "month") } }),
        el(doc, "th", { text: t(lang, "work"), attr: { scope: "col", title: other(lang, "work") } }),
        el(doc, "th", { cls: "union-plan-col-progress", text: t(lang, "progress"), attr: { scope: "col", title: other(lang, "progress") } }),
      ]),
    ]),
  );
  const body = el(doc, "tbody");
  // One month button per table is the tab stop; arrow keys move between the rows.
  const tabRow = rowOfMonth(rows, state.ym) ?? rows[0];
  for (const row of rows) body.append(monthRow(ctx, plan, row, row === tabRow));
  table.append(body);

  return el(doc, "section", { cls: "union-plan-overview-plan", attr: { "data-plan-id": plan.id } }, [head, el(doc, "div", { cls: "union-plan-table-scroll" }, [table])]);
}

function monthRow(ctx: ViewContext, plan: Plan, ovRow: OverviewRow, tabStop: boolean): HTMLTableRowElement {
  const { doc, lang, state, actions } = ctx;
  const planId = plan.id;
  const key = ovRow.key;
  const shown = ovRow.tasks;
  const label = rowLabel(ctx, ovRow);
  const realMonth = !key.startsWith("?");
  const target = dropMonth(plan, ovRow);
  const current = ovRow.keys.includes(state.ym);

  const monthButton = el(doc, "button", {
    cls: "union-plan-ov-month",
    text: label,
    attr: {
      type: "button",
      tabindex: tabStop ? 0 : -1,
      title: `${t(lang, "openMonth")} / ${other(lang, "openMonth")}`,
      "data-focus": `ovm|${planId}|${key}`,
      "data-ym": key,
      disabled: !realMonth,
    },
  });
  monthButton.addEventListener("click", () => actions.setMode("month", key));
  monthButton.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown" && e.key !== "Home" && e.key !== "End") return;
    const table = monthButton.closest("tbody");
    if (!table) return;
    const buttons = [...table.querySelectorAll<HTMLButtonElement>("button.union-plan-ov-month")];
    const i = buttons.indexOf(monthButton);
    const j = e.key === "ArrowUp" ? i - 1 : e.key === "ArrowDown" ? i + 1 : e.key === "Home" ? 0 : buttons.length - 1;
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, j))];
    if (!next || next === monthButton) return;
    e.preventDefault();
    monthButton.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });

  const work = el(doc, "td", { cls: "union-plan-ov-work" });
  if (shown.length === 0) {
    work.append(el(doc, "span", { cls: "union-plan-ov-none", text: "—" }));
  } else {
    const list = el(doc, "ul", { cls: "union-plan-task-list" });
    for (const task of shown) list.append(taskRow(ctx, task, { showDate: true, draggable: true }));
    work.append(list);
  }

  const row = el(
    doc,
    "tr",
    {
      cls: ["union-plan-ov-row", current ? "union-plan-ov-row--current" : ""],
      attr: { "data-ym": key, "data-months": ovRow.keys.join(" "), "aria-current": current ? "date" : null },
    },
    [
      el(doc, "th", { cls: "union-plan-ov-month-cell", attr: { scope: "row" } }, [monthButton]),
      work,
      el(doc, "td", { cls: "union-plan-col-progress", text: ovRow.total === 0 ? "—" : `${ovRow.done}/${ovRow.total}` }),
    ],
  );

  if (target !== null) {
    row.title = `${t(lang, "dropHere")} / ${other(lang, "dropHere")}`;
    row.addEventListener("dragover", (e) => {
      if (!e.dataTransfer?.types.includes(TASK_DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      row.classList.add("union-plan-ov-row--drop");
    });
    row.addEventListener("dragleave", (e) => {
      const to = asNode(e.relatedTarget);
      if (to && row.contains(to)) return;
      row.classList.remove("union-plan-ov-row--drop");
    });
    row.addEventListener("drop", (e) => {
      row.classList.remove("union-plan-ov-row--drop");
      const dragged = e.dataTransfer?.getData(TASK_DRAG_TYPE);
      if (!dragged) return;
      e.preventDefault();
      const task = ctx.tasksByKey.get(dragged) ?? ctx.snapshot.tasks.find((x) => taskKey(x) === dragged);
      if (!task || task.planId !== planId) return;
      // Dropped where it already is: nothing to write.
      if (task.months.some((m) => ymKey(m) === target)) return;
      actions.move(task, target);
    });
  }
  return row;
}

/** "2026年9月", or "2026年7月—8月" for a heading of several months (in the view's language). */
function rowLabel(ctx: ViewContext, row: OverviewRow): string {
  const first = row.months[0];
  const last = row.months[row.months.length - 1];
  if (!first || !last) return row.label;
  if (row.months.length === 1) return monthTitle(ctx.lang, first.year, first.month);
  return monthSpanTitle(ctx.lang, first, last);
}

function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "_");
}
