/**
 * The month grid of the month mode: weekends, public holidays and 调休 workdays marked (from the
 * calendar model), the first tasks of each day as chips. Made once per month; a refresh redraws
 * only the days whose chips changed, a click on a day changes two cells. One listener each for
 * clicks and keys on the grid, none per cell.
 */
import dayjs from "dayjs";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { weekdayOrder, type GridDay, type MonthGrid } from "../../shared/calendar/month-grid";
import { asElement, el, make } from "./dom";
import type { ViewContext } from "./context";
import { taskKey } from "./model";
import { both, longDate, monthTitle, moreTasks, t, taskCount, weekdayShort } from "./strings";

/** Chips shown in a day cell before "另有 N 项". */
const CHIPS_PER_DAY = 3;

interface Cell {
  day: GridDay;
  el: HTMLElement;
  /** The chips shown now (first tasks), to redraw them only when they changed. */
  shown: string;
  /** How many tasks the day has now (its label and "另有 N 项" say so). */
  count: number;
  chips: HTMLElement | null;
  /** The task chips shown, in order (the "另有 N 项" chip is `more`). */
  taskChips: HTMLElement[];
  more: HTMLElement | null;
}

/** The chips' content in one string: they are redrawn only when this changes. */
function chipsKey(tasks: readonly PlanTask[]): string {
  let key = "";
  for (let i = 0; i < Math.min(tasks.length, CHIPS_PER_DAY); i++) {
    const task = tasks[i];
    if (task) key += `|${taskKey(task)}|${task.done ? 1 : 0}|${task.text}`;
  }
  return key;
}

export class GridView {
  readonly el: HTMLElement;
  private readonly cells = new Map<string, Cell>();
  /** The tasks behind the chips, by task key, for a click on a chip. */
  private chipTasks = new Map<string, PlanTask>();
  private readonly onClick = (e: MouseEvent) => this.click(e);
  private readonly onKey = (e: KeyboardEvent) => this.key(e);

  constructor(
    private readonly ctx: ViewContext,
    grid: MonthGrid,
  ) {
    const { doc, lang, settings } = ctx;
    this.el = el(doc, "div", { cls: "union-plan-grid", attr: { role: "grid", "aria-label": `${monthTitle(lang, grid.year, grid.month)} ${t(lang, "calendar")}` } });
    const head = el(doc, "div", { cls: "union-plan-grid-row union-plan-grid-head", attr: { role: "row" } });
    for (const wd of weekdayOrder(settings.weekStart)) {
      head.append(el(doc, "div", { cls: wd === 0 || wd === 6 ? "union-plan-weekday union-plan-weekday--weekend" : "union-plan-weekday", text: weekdayShort(lang, wd), attr: { role: "columnheader" } }));
    }
    this.el.append(head);
    for (const week of grid.weeks) {
      const row = el(doc, "div", { cls: "union-plan-grid-row", attr: { role: "row" } });
      for (const day of week) {
        if (!day) {
          row.append(el(doc, "div", { cls: "union-plan-day union-plan-day--outside", attr: { role: "gridcell", "aria-hidden": "true" } }));
          continue;
        }
        // A new cell shows no task: chipsKey([]) is "".
        const cell: Cell = { day, el: this.dayCell(day), shown: "", count: 0, chips: null, taskChips: [], more: null };
        this.cells.set(day.date, cell);
        row.append(cell.el);
      }
      this.el.append(row);
    }
    this.setTabStop(this.tabDate());
    this.el.addEventListener("click", this.onClick);
    this.el.addEventListener("keydown", this.onKey);
  }

  /** Shows each day's tasks; only days whose chips differ from what is shown are touched. */
  update(byDay: ReadonlyMap<string, PlanTask[]>): void {
    this.chipTasks = new Map();
    for (const cell of this.cells.values()) {
      const tasks = byDay.get(cell.day.date) ?? [];
      for (let i = 0; i < Math.min(tasks.length, CHIPS_PER_DAY); i++) {
        const task = tasks[i];
        if (task) this.chipTasks.set(taskKey(task), task);
      }
      const shown = chipsKey(tasks);
      if (shown !== cell.shown) {
        cell.shown = shown;
        this.drawChips(cell, tasks);
      }
      if (tasks.length !== cell.count) this.drawCount(cell, tasks.length);
    }
  }

  /** Moves the picked-day mark from one day to another. */
  select(prev: string | null, next: string | null): void {
    if (prev !== null) this.mark(prev, false);
    if (next !== null) this.mark(next, true);
  }

  /** Gives the grid's one tab stop to `date` (a day of this month) and, if asked, focus. */
  setTabStop(date: string, focus = false): void {
    for (const cell of this.cells.values()) {
      const stop = cell.day.date === date;
      if ((cell.el.tabIndex === 0) !== stop) cell.el.tabIndex = stop ? 0 : -1;
      if (stop && focus) cell.el.focus();
    }
  }

  destroy(): void {
    this.el.removeEventListener("click", this.onClick);
    this.el.removeEventListener("keydown", this.onKey);
  }

  /** The focused day if it is in this month, else the selected day, today, or the 1st. */
  private tabDate(): string {
    const { state, today } = this.ctx;
    const inMonth = (d: string | null): d is string => d !== null && this.cells.has(d);
    if (inMonth(state.focusDate)) return state.focusDate;
    if (inMonth(state.selectedDate)) return state.selectedDate;
    if (inMonth(today)) return today;
    return `${state.ym}-01`;
  }

  private mark(date: string, on: boolean): void {
    const cell = this.cells.get(date);
    if (!cell) return;
    cell.el.classList.toggle("union-plan-day--selected", on);
    cell.el.setAttribute("aria-selected", on ? "true" : "false");
  }

  private dayCell(day: GridDay): HTMLElement {
    const { doc, lang, state } = this.ctx;
    const selected = state.selectedDate === day.date;
    let cls = `union-plan-day union-plan-day--${day.kind}`;
    if (day.isToday) cls += " union-plan-day--today";
    if (selected) cls += " union-plan-day--selected";
    const cell = el(doc, "div", {
      cls,
      attr: { role: "gridcell", tabindex: -1, "aria-selected": selected ? "true" : "false", "aria-current": day.isToday ? "date" : null, "data-date": day.date, "data-focus": `day|${day.date}` },
    });
    cell.append(el(doc, "span", { cls: "union-plan-day-num", text: String(day.day), attr: { "aria-hidden": "true" } }));
    if (day.kind === "holiday") {
      cell.append(el(doc, "span", { cls: "union-plan-day-tag union-plan-day-tag--holiday", text: day.name ?? "休", attr: { title: both(lang, "holiday"), "aria-hidden": "true" } }));
    } else if (day.kind === "workday") {
      cell.append(el(doc, "span", { cls: "union-plan-day-tag union-plan-day-tag--workday", text: "班", attr: { title: both(lang, "workday"), "aria-hidden": "true" } }));
    }
    cell.setAttribute("aria-label", this.label(day, 0));
    return cell;
  }

  private label(day: GridDay, count: number): string {
    const { lang } = this.ctx;
    const parts = [longDate(lang, day.date)];
    if (day.kind === "holiday") parts.push(day.name ? `${day.name}（${t(lang, "holiday")}）` : t(lang, "holiday"));
    if (day.kind === "workday") parts.push(day.name ? `${t(lang, "workday")}（${day.name}）` : t(lang, "workday"));
    if (day.isToday) parts.push(t(lang, "today"));
    parts.push(taskCount(lang, count));
    return parts.join(lang === "zh" ? "，" : ", ");
  }

  /**
   * The first tasks of the day as chips (a filter that only changes how many there are leaves
   * them). A chip whose task is still shown keeps its element, a chip for a task not shown before
   * is made, and the rest go: a filter that takes the first task of a day away removes one chip and
   * adds one, where rewriting the three in place laid out three texts anew.
   */
  private drawChips(cell: Cell, tasks: readonly PlanTask[]): void {
    const { doc } = this.ctx;
    if (tasks.length === 0) {
      cell.chips?.remove();
      cell.chips = null;
      cell.taskChips = [];
      cell.more = null;
      return;
    }
    if (!cell.chips) {
      cell.chips = el(doc, "ul", { cls: "union-plan-day-tasks", attr: { "aria-hidden": "true" } });
      cell.el.append(cell.chips);
    }
    const old = new Map<string, HTMLElement>();
    for (const chip of cell.taskChips) old.set(chip.getAttribute("data-task-key") ?? "", chip);
    const next: HTMLElement[] = [];
    for (let i = 0; i < Math.min(tasks.length, CHIPS_PER_DAY); i++) {
      const task = tasks[i];
      if (!task) continue;
      const key = taskKey(task);
      let chip = old.get(key);
      if (chip) {
        old.delete(key);
      } else {
        chip = make(doc, "li");
        chip.setAttribute("data-task-key", key);
      }
      // The same task may have been ticked or reworded since.
      const cls = task.done ? "union-plan-chip union-plan-chip--done" : "union-plan-chip";
      if (chip.className !== cls) chip.className = cls;
      if (chip.textContent !== task.text) {
        chip.textContent = task.text;
        chip.title = task.text;
      }
      next.push(chip);
    }
    for (const gone of old.values()) gone.remove();
    // In order before the "另有 N 项" chip; a chip already in its place is not moved.
    let cursor: ChildNode | null = cell.chips.firstChild;
    for (const chip of next) {
      if (chip === cursor) cursor = cursor.nextSibling;
      else cell.chips.insertBefore(chip, cursor);
    }
    cell.taskChips = next;
  }

  /** The day's task count: in its label, its has-tasks mark and its "另有 N 项" chip. */
  private drawCount(cell: Cell, count: number): void {
    const { doc, lang } = this.ctx;
    cell.count = count;
    cell.el.setAttribute("aria-label", this.label(cell.day, count));
    cell.el.classList.toggle("union-plan-day--has-tasks", count > 0);
    if (count <= CHIPS_PER_DAY || !cell.chips) {
      cell.more?.remove();
      cell.more = null;
      return;
    }
    const text = moreTasks(lang, count - CHIPS_PER_DAY);
    if (!cell.more) {
      cell.more = el(doc, "li", { cls: "union-plan-chip union-plan-chip--more" });
      cell.chips.append(cell.more);
    }
    cell.more.textContent = text;
  }

  private click(e: MouseEvent): void {
    const target = asElement(e.target);
    const chip = target?.closest<HTMLElement>(".union-plan-chip[data-task-key]");
    const task = chip ? this.chipTasks.get(chip.getAttribute("data-task-key") ?? "") : undefined;
    if (task) {
      this.ctx.actions.open(task);
      return;
    }
    const date = target?.closest<HTMLElement>(".union-plan-day[data-date]")?.getAttribute("data-date");
    if (date) this.ctx.actions.selectDate(date);
  }

  private key(e: KeyboardEvent): void {
    const date = asElement(e.target)?.closest<HTMLElement>(".union-plan-day[data-date]")?.getAttribute("data-date");
    if (!date) return;
    const { actions, state, settings } = this.ctx;
    const d = dayjs(date);
    const col = (d.day() - settings.weekStart + 7) % 7;
    const moves: Readonly<Record<string, () => dayjs.Dayjs>> = {
      ArrowLeft: () => d.subtract(1, "day"),
      ArrowRight: () => d.add(1, "day"),
      ArrowUp: () => d.subtract(7, "day"),
      ArrowDown: () => d.add(7, "day"),
      Home: () => d.subtract(col, "day"),
      End: () => d.add(6 - col, "day"),
      PageUp: () => d.subtract(1, "month"),
      PageDown: () => d.add(1, "month"),
    };
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      actions.selectDate(date, true);
      return;
    }
    if (e.key === "Escape") {
      if (state.selectedDate === null) return;
      e.preventDefault();
      actions.selectDate(null);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    actions.focusDate(move().format("YYYY-MM-DD"));
  }
}
