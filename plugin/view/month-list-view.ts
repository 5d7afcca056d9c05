/**
 * The month's tasks by plan, beside the grid (under it on a phone): one group per plan with its
 * title, school, review status and progress, and its rows in a chunked list. A refresh keeps the
 * groups and rows that are still there.
 */
import type { PlanGroup } from "../../shared/calendar/month-model";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { el } from "./dom";
import type { ViewContext } from "./context";
import { taskKey } from "./model";
import { ChunkedList, type RowBudget } from "./chunked-list";
import { rowHeightAtLeast } from "./task-row";
import type { RowStore } from "./row-store";
import { doneCount, other, t } from "./strings";
import { reviewBadge } from "./badge";

/**
 * Heights the list's heading and a plan's head take at the least, in px: the screen they take is
 * not there for rows (too little only draws a row more).
 */
const HEADING_PX = 24;
const GROUP_HEAD_PX = 22;

interface Group {
  el: HTMLElement;
  head: HTMLElement;
  progress: HTMLElement | null;
  /** The head's title, school and review as one string, to redraw it only when they changed. */
  shown: string;
  list: ChunkedList;
  /** The group's tasks by key, for its list to ask for rows. */
  tasks: Map<string, PlanTask>;
}

export class MonthListView {
  readonly el: HTMLElement;
  private readonly groups = new Map<string, Group>();
  private empty: HTMLElement | null = null;

  constructor(
    private readonly ctx: ViewContext,
    private readonly store: RowStore,
  ) {
    const { doc, lang } = ctx;
    this.el = el(doc, "section", { cls: "union-plan-month-list", attr: { "aria-labelledby": "union-plan-month-list-heading" } });
    const heading = el(doc, "h3", { cls: "union-plan-section-title", text: t(lang, "monthTasks"), attr: { title: other(lang, "monthTasks"), id: "union-plan-month-list-heading" } });
    this.el.append(heading);
  }

  update(groups: readonly PlanGroup[], budget: RowBudget): void {
    const { doc, lang } = this.ctx;
    const wanted = new Set(groups.map((g) => g.planId));
    for (const [id, g] of this.groups) {
      if (wanted.has(id)) continue;
      g.list.destroy();
      g.el.remove();
      this.groups.delete(id);
    }
    let after: Element | null = this.el.firstElementChild;
    budget.px -= HEADING_PX;
    for (const data of groups) {
      const group = this.groups.get(data.planId) ?? this.makeGroup(data);
      this.drawHead(group, data);
      group.tasks = new Map(data.rows.map((r) => [taskKey(r.task), r.task]));
      budget.px -= GROUP_HEAD_PX;
      group.list.setKeys([...group.tasks.keys()], budget);
      // Groups in the model's order, each moved only when it is out of place.
      if (after?.nextElementSibling !== group.el) (after ?? this.el).after(group.el);
      after = group.el;
    }
    const none = groups.length === 0;
    if (none && !this.empty) {
      this.empty = el(doc, "p", { cls: "union-plan-empty", text: this.ctx.snapshot.plans.length === 0 ? t(lang, "noPlans") : t(lang, "noTasks") });
      this.el.append(this.empty);
    } else if (!none && this.empty) {
      this.empty.remove();
      this.empty = null;
    }
  }

  /** A task's row, its chunk drawn now if it was not (a day picked from the keyboard takes focus to its first task). */
  row(planId: string, key: string): HTMLElement | null {
    return this.groups.get(planId)?.list.ensure(key) ?? null;
  }

  destroy(): void {
    for (const g of this.groups.values()) g.list.destroy();
    this.groups.clear();
  }

  private makeGroup(data: PlanGroup): Group {
    const { doc, lang } = this.ctx;
    const head = el(doc, "div", { cls: "union-plan-group-head" });
    const group: Group = {
      el: el(doc, "div", { cls: "union-plan-group", attr: { "data-plan-id": data.planId } }),
      head,
      progress: null,
      shown: "",
      list: new ChunkedList(this.ctx, { rowFor: (key) => this.rowFor(group, key), heightOf: (key) => rowHeightAtLeast(group.tasks.get(key)) }, data.title ?? t(lang, "unknownPlan")),
      tasks: new Map(),
    };
    group.el.append(head, group.list.el);
    this.groups.set(data.planId, group);
    return group;
  }

  private rowFor(group: Group, key: string): HTMLElement {
    const task = group.tasks.get(key);
    if (!task) throw new Error(`no task ${key} in this group`);
    return this.store.row(task, key);
  }

  private drawHead(group: Group, data: PlanGroup): void {
    const { doc, lang } = this.ctx;
    const progress = doneCount(lang, data.done, data.rows.length);
    const shown = [data.title, data.school, data.reviewStatus, data.reviewComment].join("\u0000");
    if (shown === group.shown && group.progress) {
      // A tick changes the count only.
      if (group.progress.textContent !== progress) group.progress.textContent = progress;
      return;
    }
    group.shown = shown;
    group.progress = el(doc, "span", { cls: "union-plan-group-progress", text: progress });
    group.head.replaceChildren(
      ...[
        el(doc, "h4", { cls: "union-plan-group-title", text: data.title ?? t(lang, "unknownPlan") }),
        data.school ? el(doc, "span", { cls: "union-plan-group-school", text: data.school }) : null,
        reviewBadge(this.ctx, data.reviewStatus, data.reviewComment),
        group.progress,
      ].filter((x): x is HTMLElement => x !== null),
    );
  }
}
