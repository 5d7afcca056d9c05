/**
 * Month mode: the calendar grid (weekends, public holidays and 调休 workdays marked, dated tasks on
 * their day) and, beside it or under it on a phone, the month's tasks grouped by plan.
 */
import dayjs from "dayjs";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { parseYm } from "../../shared/time/year-month";
import { el } from "./dom";
import type { ViewContext } from "./context";
import { monthModel, coversDay } from "../../shared/calendar/month-model";
import { weekdayOrder, type GridDay, type MonthGrid } from "../../shared/calendar/month-grid";
import { taskRow } from "./task-row";
import { both, doneCount, longDate, monthTitle, moreTasks, noHolidayData, other, t, taskCount, weekdayShort } from "./strings";
import { reviewBadge } from "./badge";

/** Chips shown in a day cell before "另有 N 项". */
const CHIPS_PER_DAY = 3;

export function renderMonth(ctx: ViewContext): HTMLElement {
  const { doc, lang, state, settings } = ctx;
  const ym = parseYm(state.ym);
  if (!ym) return el(doc, "div");
  const model = monthModel({
    tasks: ctx.snapshot.tasks,
    plans: ctx.snapshot.plans.map((p) => p.plan),
    ym: state.ym,
    weekStart: settings.weekStart,
    holidays: settings.holidayOverrides,
    today: ctx.today,
    filters: state.filters,
  });
  const holidays = model.grid;
  if (!holidays) return el(doc, "div");
  const byDate = model.byDay;

  const gridSection = el(doc, "section", { cls: "union-plan-month-grid-wrap", attr: { "aria-label": monthTitle(lang, ym.year, ym.month) } });
  if (!holidays.covered) {
    gridSection.append(
      el(doc, "p", { cls: "union-plan-holiday-note", attr: { role: "note", title: holidays.note }, text: noHolidayData(lang, ym.year) }),
    );
  }
  gridSection.append(renderGrid(ctx, holidays, byDate), legend(ctx));

  const listSection = el(doc, "section", { cls: "union-plan-month-list", attr: { "aria-labelledby": "union-plan-month-list-heading" } });
  const heading = el(doc, "h3", { cls: "union-plan-section-title", text: t(lang, "monthTasks"), attr: { title: other(lang, "monthTasks") } });
  heading.id = "union-plan-month-list-heading";
  listSection.append(heading);
  const groups = model.groups;
  if (groups.length === 0) {
    listSection.append(el(doc, "p", { cls: "union-plan-empty", text: ctx.snapshot.plans.length === 0 ? t(lang, "noPlans") : t(lang, "noTasks") }));
  }
  for (const group of groups) {
    const done = group.done;
    const head = el(doc, "div", { cls: "union-plan-group-head" }, [
      el(doc, "h4", { cls: "union-plan-group-title", text: group.title ?? t(lang, "unknownPlan") }),
      group.school ? el(doc, "span", { cls: "union-plan-group-school", text: group.school }) : null,
      reviewBadge(ctx, group.reviewStatus, group.reviewComment),
      el(doc, "span", { cls: "union-plan-group-progress", text: doneCount(lang, done, group.rows.length) }),
    ]);
    const list = el(doc, "ul", { cls: "union-plan-task-list", attr: { "aria-label": group.title ?? t(lang, "unknownPlan") } });
    for (const { task } of group.rows) {
      list.append(taskRow(ctx, task, { showDate: true, draggable: false, selected: state.selectedDate !== null && coversDay(task, state.selectedDate) }));
    }
    listSection.append(el(doc, "div", { cls: "union-plan-group", attr: { "data-plan-id": group.planId } }, [head, list]));
  }

  return el(doc, "div", { cls: "union-plan-month" }, [gridSection, listSection]);
}

function renderGrid(ctx: ViewContext, monthGrid: MonthGrid, byDate: ReadonlyMap<string, PlanTask[]>): HTMLElement {
  const { doc, lang, state, settings } = ctx;
  const { year, month, weeks } = monthGrid;
  const grid = el(doc, "div", { cls: "union-plan-grid", attr: { role: "grid", "aria-label": `${monthTitle(lang, year, month)} ${t(lang, "calendar")}` } });

  const headRow = el(doc, "div", { cls: "union-plan-grid-row union-plan-grid-head", attr: { role: "row" } });
  for (const wd of weekdayOrder(settings.weekStart)) {
    headRow.append(
      el(doc, "div", {
        cls: ["union-plan-weekday", wd === 0 || wd === 6 ? "union-plan-weekday--weekend" : ""],
        text: weekdayShort(lang, wd),
        attr: { role: "columnheader" },
      }),
    );
  }
  grid.append(headRow);

  // The grid's single tab stop: the focused day if it is in this month, else the selected day, today, or the 1st.
  const inMonth = (d: string | null): d is string => d !== null && d.startsWith(state.ym);
  const tabDate = inMonth(state.focusDate)
    ? state.focusDate
    : inMonth(state.selectedDate)
      ? state.selectedDate
      : inMonth(ctx.today)
        ? ctx.today
        : `${state.ym}-01`;

  for (const week of weeks) {
    const row = el(doc, "div", { cls: "union-plan-grid-row", attr: { role: "row" } });
    for (const day of week) {
      row.append(day ? dayCell(ctx, day, byDate.get(day.date) ?? [], day.date === tabDate) : el(doc, "div", { cls: "union-plan-day union-plan-day--outside", attr: { role: "gridcell", "aria-hidden": "true" } }));
    }
    grid.append(row);
  }
  return grid;
}

function dayCell(ctx: ViewContext, day: GridDay, tasks: PlanTask[], tabStop: boolean): HTMLElement {
  const { doc, lang, state, actions } = ctx;
  const labelParts = [longDate(lang, day.date)];
  if (day.kind === "holiday") labelParts.push(day.name ? `${day.name}（${t(lang, "holiday")}）` : t(lang, "holiday"));
  if (day.kind === "workday") labelParts.push(day.name ? `${t(lang, "workday")}（${day.name}）` : t(lang, "workday"));
  if (day.isToday) labelParts.push(t(lang, "today"));
  labelParts.push(taskCount(lang, tasks.length));

  const cell = el(doc, "div", {
    cls: [
      "union-plan-day",
      `union-plan-day--${day.kind}`,
      day.isToday ? "union-plan-day--today" : "",
      state.selectedDate === day.date ? "union-plan-day--selected" : "",
      tasks.length > 0 ? "union-plan-day--has-tasks" : "",
    ],
    attr: {
      role: "gridcell",
      tabindex: tabStop ? 0 : -1,
      "aria-label": labelParts.join(lang === "zh" ? "，" : ", "),
      "aria-selected": state.selectedDate === day.date ? "true" : "false",
      "aria-current": day.isToday ? "date" : null,
      "data-date": day.date,
      "data-focus": `day|${day.date}`,
    },
  });

  const head = el(doc, "div", { cls: "union-plan-day-head", attr: { "aria-hidden": "true" } }, [
    el(doc, "span", { cls: "union-plan-day-num", text: String(day.day) }),
  ]);
  if (day.kind === "holiday") {
    head.append(el(doc, "span", { cls: "union-plan-day-tag union-plan-day-tag--holiday", text: day.name ?? "休", attr: { title: both(lang, "holiday") } }));
  } else if (day.kind === "workday") {
    head.append(el(doc, "span", { cls: "union-plan-day-tag union-plan-day-tag--workday", text: "班", attr: { title: both(lang, "workday") } }));
  }
  cell.append(head);

  if (tasks.length > 0) {
    const chips = el(doc, "ul", { cls: "union-plan-day-tasks", attr: { "aria-hidden": "true" } });
    for (const task of tasks.slice(0, CHIPS_PER_DAY)) {
      const chip = el(doc, "li", { cls: ["union-plan-chip", task.done ? "union-plan-chip--done" : ""], text: task.text, attr: { title: task.text } });
      chip.addEventListener("click", (e) => {
        e.stopPropagation();
        actions.open(task);
      });
      chips.append(chip);
    }
    if (tasks.length > CHIPS_PER_DAY) chips.append(el(doc, "li", { cls: "union-plan-chip union-plan-chip--more", text: moreTasks(lang, tasks.length - CHIPS_PER_DAY) }));
    cell.append(chips);
  }

  cell.addEventListener("click", () => actions.selectDate(day.date));
  cell.addEventListener("keydown", (e) => onDayKey(ctx, day.date, e));
  return cell;
}

function onDayKey(ctx: ViewContext, date: string, e: KeyboardEvent): void {
  const d = dayjs(date);
  let next: dayjs.Dayjs | null = null;
  const weekStart = ctx.settings.weekStart;
  const col = (d.day() - weekStart + 7) % 7;
  switch (e.key) {
    case "ArrowLeft":
      next = d.subtract(1, "day");
      break;
    case "ArrowRight":
      next = d.add(1, "day");
      break;
    case "ArrowUp":
      next = d.subtract(7, "day");
      break;
    case "ArrowDown":
      next = d.add(7, "day");
      break;
    case "Home":
      next = d.subtract(col, "day");
      break;
    case "End":
      next = d.add(6 - col, "day");
      break;
    case "PageUp":
      next = d.subtract(1, "month");
      break;
    case "PageDown":
      next = d.add(1, "month");
      break;
    case "Enter":
    case " ":
      e.preventDefault();
      ctx.actions.selectDate(date, true);
      return;
    case "Escape":
      if (ctx.state.selectedDate !== null) {
        e.preventDefault();
        ctx.actions.selectDate(null);
      }
      return;
    default:
      return;
  }
  e.preventDefault();
  ctx.actions.focusDate(next.format("YYYY-MM-DD"));
}

function legend(ctx: ViewContext): HTMLElement {
  const { doc, lang } = ctx;
  const item = (cls: string, key: "holiday" | "workday" | "weekend" | "today") =>
    el(doc, "li", { cls: "union-plan-legend-item" }, [
      el(doc, "span", { cls: `union-plan-legend-swatch union-plan-legend-swatch--${cls}`, attr: { "aria-hidden": "true" } }),
      el(doc, "span", { text: t(lang, key), attr: { title: other(lang, key) } }),
    ]);
  return el(doc, "ul", { cls: "union-plan-legend", attr: { "aria-label": t(lang, "legend") } }, [
    item("holiday", "holiday"),
    item("workday", "workday"),
    item("weekend", "weekend"),
    item("today", "today"),
  ]);
}
