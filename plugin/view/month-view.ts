/**
 * Month mode: the calendar grid (weekends, public holidays and 调休 workdays marked, dated tasks on
 * their day) and, beside it or under it on a phone, the month's tasks grouped by plan. Both read
 * one MonthModel from shared/calendar; a refresh hands a new model and only what changed is
 * redrawn; a picked day changes two grid cells and the rows of the two days.
 */
import type { MonthModel } from "../../shared/calendar/month-model";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { el } from "./dom";
import type { ViewContext } from "./context";
import { taskKey } from "./model";
import type { RowBudget } from "./chunked-list";
import { GridView } from "./grid-view";
import { MonthListView } from "./month-list-view";
import type { RowStore } from "./row-store";
import { monthTitle, noHolidayData, other, t } from "./strings";

export class MonthView {
  readonly el: HTMLElement;
  private readonly grid: GridView | null = null;
  private readonly list: MonthListView;
  private model: MonthModel;

  constructor(
    private readonly ctx: ViewContext,
    private readonly store: RowStore,
    model: MonthModel,
    budget: RowBudget,
  ) {
    const { doc, lang } = ctx;
    this.model = model;
    this.list = new MonthListView(ctx, store);
    const gridSection = el(doc, "section", { cls: "union-plan-month-grid-wrap" });
    const g = model.grid;
    if (g) {
      gridSection.setAttribute("aria-label", monthTitle(lang, g.year, g.month));
      if (!g.covered) {
        gridSection.append(el(doc, "p", { cls: "union-plan-holiday-note", attr: { role: "note", title: g.note ?? "" }, text: noHolidayData(lang, g.year) }));
      }
      this.grid = new GridView(ctx, g);
      gridSection.append(this.grid.el, legend(ctx));
    }
    this.el = el(doc, "div", { cls: "union-plan-month" }, [gridSection, this.list.el]);
    this.grid?.update(model.byDay);
    this.list.update(model.groups, budget);
  }

  /** Shows a new model of the same month: only changed days, groups and rows are redrawn. */
  update(model: MonthModel, budget: RowBudget): void {
    this.model = model;
    this.store.update(model.rows.map((r) => r.task));
    this.grid?.update(model.byDay);
    this.list.update(model.groups, budget);
  }


  /** Moves the picked-day mark: two cells and the rows of the two days. */
  select(prev: string | null, next: string | null): void {
    this.grid?.select(prev, next);
    const touched: PlanTask[] = [];
    for (const d of [prev, next]) if (d !== null) for (const task of this.model.byDay.get(d) ?? []) touched.push(task);
    this.store.update(touched);
  }

  /** The first row of the picked day's tasks, in list order, drawn now if it was not. */
  firstRowOf(date: string): HTMLElement | null {
    const on = new Set(this.model.byDay.get(date) ?? []);
    for (const group of this.model.groups) {
      for (const { task } of group.rows) if (on.has(task)) return this.list.row(group.planId, taskKey(task));
    }
    return null;
  }

  setTabStop(date: string, focus: boolean): void {
    this.grid?.setTabStop(date, focus);
  }

  destroy(): void {
    this.grid?.destroy();
    this.list.destroy();
  }
}

function legend(ctx: ViewContext): HTMLElement {
  const { doc, lang } = ctx;
  const item = (cls: string, key: "holiday" | "workday" | "weekend" | "today") =>
    el(doc, "li", { cls: "union-plan-legend-item" }, [
      el(doc, "span", { cls: `union-plan-legend-swatch union-plan-legend-swatch--${cls}`, attr: { "aria-hidden": "true" } }),
      el(doc, "span", { text: t(lang, key), attr: { title: other(lang, key) } }),
    ]);
  return el(doc, "ul", { cls: "union-plan-legend", attr: { "aria-label": t(lang, "legend") } }, [item("holiday", "holiday"), item("workday", "workday"), item("weekend", "weekend"), item("today", "today")]);
}
