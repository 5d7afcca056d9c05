/**
 * Overview mode: each plan's term or year as one table, the shape a committee prints and pins up.
 * The rows are the calendar model's overview rows (shared/calendar/overview-model.ts), so a task
 * of 七、八月份 is shown once, in the row spanning both months, as in every export. A task can be
 * dragged onto another month's row; each month's name opens that month. A refresh keeps the
 * tables and rows that are still there; listeners sit once on the overview, none per row.
 */
import type { Plan } from "../../shared/plan/types";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { filterTasks } from "../../shared/calendar/filters";
import { dropMonth, overviewPlans, overviewRows, rowOfMonth, type OverviewRow } from "../../shared/calendar/overview-model";
import { ymKey } from "../../shared/time/year-month";
import { asElement, asNode, el } from "./dom";
import type { ViewContext } from "./context";
import { taskKey } from "./model";
import { ChunkedList, type RowBudget } from "./chunked-list";
import { rowHeightAtLeast } from "./task-row";
import type { RowStore } from "./row-store";
import { TASK_DRAG_TYPE } from "./task-events";
import { doneCount, monthSpanTitle, monthTitle, other, t } from "./strings";
import { reviewBadge } from "./badge";
import type { IndexedPlan } from "../host";

interface Row {
  el: HTMLTableRowElement;
  button: HTMLButtonElement;
  work: HTMLTableCellElement;
  progress: HTMLTableCellElement;
  list: ChunkedList | null;
  tasks: Map<string, PlanTask>;
  data: OverviewRow;
}

interface Table {
  el: HTMLElement;
  progress: HTMLElement;
  /** The rows' labels in order: the table is remade when they change. */
  shape: string;
  rows: Row[];
  plan: Plan;
}

export class OverviewView {
  readonly el: HTMLElement;
  private readonly tables = new Map<string, Table>();
  private empty: HTMLElement | null = null;
  private readonly onClick = (e: MouseEvent) => this.click(e);
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private readonly onDragOver = (e: DragEvent) => this.dragOver(e);
  private readonly onDragLeave = (e: DragEvent) => this.dragLeave(e);
  private readonly onDrop = (e: DragEvent) => this.drop(e);

  constructor(
    private readonly ctx: ViewContext,
    private readonly store: RowStore,
    budget: RowBudget,
  ) {
    this.el = el(ctx.doc, "div", { cls: "union-plan-overview" });
    this.el.addEventListener("click", this.onClick);
    this.el.addEventListener("keydown", this.onKey);
    this.el.addEventListener("dragover", this.onDragOver);
    this.el.addEventListener("dragleave", this.onDragLeave);
    this.el.addEventListener("drop", this.onDrop);
    this.update(budget);
  }

  /** Shows the overview of the index as it is now (the context was refreshed). */
  update(budget: RowBudget): void {
    const { ctx } = this;
    const plans = overviewPlans(ctx.snapshot.plans, ctx.state.filters, ctx.state.ym);
    const visible = filterTasks(ctx.snapshot.tasks, ctx.state.filters);
    this.store.update(visible);
    const wanted = new Set(plans.map((p) => p.plan.id));
    for (const [id, table] of this.tables) {
      if (wanted.has(id)) continue;
      this.dropTable(table);
      this.tables.delete(id);
    }
    let after: Element | null = null;
    for (const p of plans) {
      const table = this.drawTable(p, visible, budget);
      if ((after ? after.nextElementSibling : this.el.firstElementChild) !== table.el) {
        if (after) after.after(table.el);
        else this.el.prepend(table.el);
      }
      after = table.el;
    }
    this.showEmpty(plans.length === 0);
  }


  destroy(): void {
    for (const table of this.tables.values()) this.dropTable(table);
    this.tables.clear();
    this.el.removeEventListener("click", this.onClick);
    this.el.removeEventListener("keydown", this.onKey);
    this.el.removeEventListener("dragover", this.onDragOver);
    this.el.removeEventListener("dragleave", this.onDragLeave);
    this.el.removeEventListener("drop", this.onDrop);
  }

  private showEmpty(none: boolean): void {
    const { doc, lang, snapshot } = this.ctx;
    if (none && !this.empty) {
      this.empty = el(doc, "p", { cls: "union-plan-empty", text: snapshot.plans.length === 0 ? t(lang, "noPlans") : t(lang, "noPlansCover") });
      this.el.append(this.empty);
    } else if (!none && this.empty) {
      this.empty.remove();
      this.empty = null;
    }
  }

  private dropTable(table: Table): void {
    for (const r of table.rows) r.list?.destroy();
    table.el.remove();
  }

  /** A plan's table, kept when its rows are the same months, else made anew. */
  private drawTable(indexed: IndexedPlan, visible: readonly PlanTask[], budget: RowBudget): Table {
    const { ctx } = this;
    const plan = indexed.plan;
    // The tasks of this note only: a second note with the same plan id is not this plan.
    const all = ctx.snapshot.tasks.filter((x) => x.planId === plan.id && x.path === indexed.path);
    const rows = overviewRows(plan, visible.filter((x) => x.path === indexed.path), all);
    // The head and the months decide the table's shape; tasks and counts are drawn into it.
    const shape = [plan.title, plan.school, plan.reviewStatus, plan.reviewComment, ...rows.map((r) => `${r.key}:${r.label}`)].join("\u0000");
    let table = this.tables.get(plan.id);
    if (!table || table.shape !== shape) {
      if (table) this.dropTable(table);
      table = this.makeTable(plan, rows, shape);
      this.tables.set(plan.id, table);
    }
    table.plan = plan;
    table.progress.textContent = doneCount(ctx.lang, all.filter((x) => x.done).length, all.length);
    const tabRow = rowOfMonth(rows, ctx.state.ym) ?? rows[0];
    table.rows.forEach((row, i) => {
      const data = rows[i];
      if (data) this.drawRow(row, plan, data, data === tabRow, budget);
    });
    return table;
  }

  private makeTable(plan: Plan, rows: readonly OverviewRow[], shape: string): Table {
    const { doc, lang } = this.ctx;
    const headingId = `union-plan-ov-${cssId(plan.id)}`;
    const progress = el(doc, "span", { cls: "union-plan-group-progress" });
    const head = el(doc, "div", { cls: "union-plan-group-head" }, [
      el(doc, "h3", { cls: "union-plan-group-title", text: plan.title ?? t(lang, "unknownPlan"), attr: { id: headingId } }),
      plan.school ? el(doc, "span", { cls: "union-plan-group-school", text: plan.school }) : null,
      reviewBadge(this.ctx, plan.reviewStatus, plan.reviewComment),
      progress,
    ]);
    const th = (cls: string | undefined, key: "month" | "work" | "progress") => el(doc, "th", { cls, text: t(lang, key), attr: { scope: "col", title: other(lang, key) } });
    const table = el(doc, "table", { cls: "union-plan-overview-table", attr: { "aria-labelledby": headingId } });
    const body = el(doc, "tbody");
    const made = rows.map((data) => this.makeRow(plan.id, data));
    for (const r of made) body.append(r.el);
    table.append(el(doc, "thead", {}, [el(doc, "tr", {}, [th(undefined, "month"), th(undefined, "work"), th("union-plan-col-progress", "progress")])]), body);
    const section = el(doc, "section", { cls: "union-plan-overview-plan", attr: { "data-plan-id": plan.id } }, [head, el(doc, "div", { cls: "union-plan-table-scroll" }, [table])]);
    return { el: section, progress, shape, rows: made, plan };
  }

  private makeRow(planId: string, data: OverviewRow): Row {
    const { doc, lang } = this.ctx;
    const button = el(doc, "button", {
      cls: "union-plan-ov-month",
      text: rowLabel(this.ctx, data),
      attr: {
        type: "button",
        title: `${t(lang, "openMonth")} / ${other(lang, "openMonth")}`,
        "data-focus": `ovm|${planId}|${data.key}`,
        "data-ym": data.key,
        disabled: data.key.startsWith("?"),
      },
    });
    const work = el(doc, "td", { cls: "union-plan-ov-work" });
    const progress = el(doc, "td", { cls: "union-plan-col-progress" });
    const tr = el(doc, "tr", { cls: "union-plan-ov-row", attr: { "data-ym": data.key, "data-months": data.keys.join(" ") } }, [
      el(doc, "th", { cls: "union-plan-ov-month-cell", attr: { scope: "row" } }, [button]),
      work,
      progress,
    ]);
    return { el: tr, button, work, progress, list: null, tasks: new Map(), data };
  }

  private drawRow(row: Row, plan: Plan, data: OverviewRow, tabStop: boolean, budget: RowBudget): void {
    const { ctx } = this;
    const current = data.keys.includes(ctx.state.ym);
    row.data = data;
    // Where a drop moves a task depends on the plan's headings, which an edit may have changed.
    const target = dropMonth(plan, data);
    if (row.el.getAttribute("data-drop-ym") !== target) {
      if (target === null) {
        row.el.removeAttribute("data-drop-ym");
        row.el.removeAttribute("title");
      } else {
        row.el.setAttribute("data-drop-ym", target);
        row.el.title = `${t(ctx.lang, "dropHere")} / ${other(ctx.lang, "dropHere")}`;
      }
    }
    row.el.classList.toggle("union-plan-ov-row--current", current);
    if (current) row.el.setAttribute("aria-current", "date");
    else row.el.removeAttribute("aria-current");
    row.button.tabIndex = tabStop ? 0 : -1;
    row.progress.textContent = data.total === 0 ? "—" : `${data.done}/${data.total}`;
    row.tasks = new Map(data.tasks.map((task) => [taskKey(task), task]));
    if (data.tasks.length === 0) {
      row.list?.destroy();
      row.list = null;
      row.work.replaceChildren(el(ctx.doc, "span", { cls: "union-plan-ov-none", text: "—" }));
      return;
    }
    if (!row.list) {
      row.list = new ChunkedList(ctx, { rowFor: (key) => this.rowFor(row, key), heightOf: (key) => rowHeightAtLeast(row.tasks.get(key)) }, null);
      row.work.replaceChildren(row.list.el);
    }
    row.list.setKeys([...row.tasks.keys()], budget);
  }

  private rowFor(row: Row, key: string): HTMLElement {
    const task = row.tasks.get(key);
    if (!task) throw new Error(`no task ${key} in this row`);
    return this.store.row(task, key);
  }

  private click(e: MouseEvent): void {
    const button = asElement(e.target)?.closest<HTMLButtonElement>("button.union-plan-ov-month");
    const ym = button?.getAttribute("data-ym");
    if (button && ym && !button.disabled) this.ctx.actions.setMode("month", ym);
  }

  /** Arrow keys, Home and End move between the month names of a table (one tab stop per table). */
  private key(e: KeyboardEvent): void {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown" && e.key !== "Home" && e.key !== "End") return;
    const button = asElement(e.target)?.closest<HTMLButtonElement>("button.union-plan-ov-month");
    const body = button?.closest("tbody");
    if (!button || !body) return;
    const buttons = [...body.querySelectorAll<HTMLButtonElement>("button.union-plan-ov-month")];
    const i = buttons.indexOf(button);
    const j = e.key === "ArrowUp" ? i - 1 : e.key === "ArrowDown" ? i + 1 : e.key === "Home" ? 0 : buttons.length - 1;
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, j))];
    if (!next || next === button) return;
    e.preventDefault();
    button.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  }

  private dropRow(e: DragEvent): HTMLElement | null {
    return asElement(e.target)?.closest<HTMLElement>("tr.union-plan-ov-row[data-drop-ym]") ?? null;
  }

  private dragOver(e: DragEvent): void {
    const tr = this.dropRow(e);
    if (!tr || !e.dataTransfer?.types.includes(TASK_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    tr.classList.add("union-plan-ov-row--drop");
  }

  private dragLeave(e: DragEvent): void {
    const tr = this.dropRow(e);
    const to = asNode(e.relatedTarget);
    if (!tr || (to && tr.contains(to))) return;
    tr.classList.remove("union-plan-ov-row--drop");
  }

  private drop(e: DragEvent): void {
    const tr = this.dropRow(e);
    if (!tr) return;
    tr.classList.remove("union-plan-ov-row--drop");
    const dragged = e.dataTransfer?.getData(TASK_DRAG_TYPE);
    const target = tr.getAttribute("data-drop-ym");
    const planId = tr.closest(".union-plan-overview-plan")?.getAttribute("data-plan-id");
    if (!dragged || !target) return;
    e.preventDefault();
    const task = this.store.task(dragged);
    if (!task || task.planId !== planId) return;
    // Dropped where it already is: nothing to write.
    if (task.months.some((m) => ymKey(m) === target)) return;
    this.ctx.actions.move(task, target);
  }
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
