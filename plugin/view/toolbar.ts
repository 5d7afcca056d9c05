/**
 * The header: month navigation (previous, next, 本月, a month picker), the mode switch, the filters
 * and the export buttons.
 */
import { addMonths, currentYm, parseYm, ymKey } from "../../shared/time/year-month";
import { el } from "./dom";
import type { CalendarMode, ExportKind, ViewContext } from "./context";
import { schoolsOf, uniquePlans, type DoneFilter } from "../../shared/calendar/filters";
import { monthTitle, other, t, type StringKey } from "./strings";

export function renderToolbar(ctx: ViewContext, canExport: boolean): HTMLElement {
  const { doc, lang, state, actions } = ctx;
  const ym = parseYm(state.ym) ?? parseYm(currentYm()) ?? { year: 2026, month: 1 };

  const button = (key: StringKey, text: string, cls: string, onClick: () => void, focusKey: string) => {
    const b = el(doc, "button", {
      cls: ["union-plan-btn", cls],
      text,
      attr: { type: "button", "aria-label": t(lang, key), title: `${t(lang, key)} / ${other(lang, key)}`, "data-focus": focusKey },
    });
    b.addEventListener("click", onClick);
    return b;
  };

  const prev = button("prevMonth", "‹", "union-plan-nav-prev", () => actions.setMonth(ymKey(addMonths(ym, -1))), "nav|prev");
  const next = button("nextMonth", "›", "union-plan-nav-next", () => actions.setMonth(ymKey(addMonths(ym, 1))), "nav|next");
  const today = el(doc, "button", {
    cls: "union-plan-btn union-plan-nav-today",
    text: t(lang, "thisMonth"),
    attr: { type: "button", title: other(lang, "thisMonth"), "data-focus": "nav|today", "aria-current": state.ym === ctx.today.slice(0, 7) ? "date" : null },
  });
  today.addEventListener("click", () => actions.setMonth(ctx.today.slice(0, 7), ctx.today));

  const picker = el(doc, "input", {
    cls: "union-plan-month-picker",
    attr: { type: "month", "aria-label": t(lang, "pickMonth"), title: `${t(lang, "pickMonth")} / ${other(lang, "pickMonth")}`, "data-focus": "nav|pick" },
  });
  picker.value = state.ym;
  picker.addEventListener("change", () => {
    if (parseYm(picker.value)) actions.setMonth(picker.value);
  });

  const title = el(doc, "h2", { cls: "union-plan-title", text: monthTitle(lang, ym.year, ym.month) });
  const nav = el(doc, "div", { cls: "union-plan-nav", attr: { role: "group", "aria-label": t(lang, "calendar") } }, [prev, title, next, today, picker]);

  const modeButton = (mode: CalendarMode, key: StringKey) => {
    const b = el(doc, "button", {
      cls: ["union-plan-btn", "union-plan-mode", state.mode === mode ? "is-active" : ""],
      text: t(lang, key),
      attr: { type: "button", "aria-pressed": state.mode === mode ? "true" : "false", title: other(lang, key), "data-focus": `mode|${mode}`, "data-mode": mode },
    });
    b.addEventListener("click", () => actions.setMode(mode));
    return b;
  };
  const modes = el(doc, "div", { cls: "union-plan-modes", attr: { role: "group", "aria-label": t(lang, "viewMode") } }, [
    modeButton("month", "modeMonth"),
    modeButton("overview", "modeOverview"),
  ]);

  const filters = renderFilters(ctx);
  const top = el(doc, "div", { cls: "union-plan-toolbar-row" }, [nav, modes]);
  const bottom = el(doc, "div", { cls: "union-plan-toolbar-row" }, [filters, canExport ? renderExports(ctx) : null]);
  return el(doc, "div", { cls: "union-plan-toolbar" }, [top, bottom]);
}

function labelled(ctx: ViewContext, key: StringKey, control: HTMLElement): HTMLElement {
  const { doc, lang } = ctx;
  return el(doc, "label", { cls: "union-plan-filter" }, [el(doc, "span", { cls: "union-plan-filter-label", text: t(lang, key), attr: { title: other(lang, key) } }), control]);
}

function renderFilters(ctx: ViewContext): HTMLElement {
  const { doc, lang, state, actions } = ctx;
  const plans = uniquePlans(ctx.snapshot.plans);

  const planSelect = el(doc, "select", { cls: "dropdown union-plan-filter-plan", attr: { "data-focus": "filter|plan" } });
  planSelect.append(el(doc, "option", { text: t(lang, "allPlans"), attr: { value: "" } }));
  for (const p of plans) {
    planSelect.append(el(doc, "option", { text: p.plan.title ?? p.path, attr: { value: p.plan.id } }));
  }
  planSelect.value = state.filters.planId ?? "";
  planSelect.addEventListener("change", () => actions.setFilters({ ...state.filters, planId: planSelect.value === "" ? null : planSelect.value }));

  const schoolSelect = el(doc, "select", { cls: "dropdown union-plan-filter-school", attr: { "data-focus": "filter|school" } });
  schoolSelect.append(el(doc, "option", { text: t(lang, "allSchools"), attr: { value: "" } }));
  for (const s of schoolsOf(plans)) schoolSelect.append(el(doc, "option", { text: s, attr: { value: s } }));
  schoolSelect.value = state.filters.school ?? "";
  schoolSelect.addEventListener("change", () => actions.setFilters({ ...state.filters, school: schoolSelect.value === "" ? null : schoolSelect.value }));

  const statusSelect = el(doc, "select", { cls: "dropdown union-plan-filter-status", attr: { "data-focus": "filter|status" } });
  const statuses: [DoneFilter, StringKey][] = [
    ["all", "statusAll"],
    ["open", "statusOpen"],
    ["done", "statusDone"],
  ];
  for (const [value, key] of statuses) statusSelect.append(el(doc, "option", { text: t(lang, key), attr: { value } }));
  statusSelect.value = state.filters.status;
  statusSelect.addEventListener("change", () => {
    const v = statusSelect.value;
    actions.setFilters({ ...state.filters, status: v === "open" || v === "done" ? v : "all" });
  });

  return el(doc, "div", { cls: "union-plan-filters", attr: { role: "group", "aria-label": t(lang, "filters") } }, [
    labelled(ctx, "filterPlan", planSelect),
    labelled(ctx, "filterSchool", schoolSelect),
    labelled(ctx, "filterStatus", statusSelect),
  ]);
}

function renderExports(ctx: ViewContext): HTMLElement {
  const { doc, lang, actions } = ctx;
  const group = el(doc, "div", { cls: "union-plan-exports", attr: { role: "group", "aria-label": t(lang, "exportLabel") } }, [
    el(doc, "span", { cls: "union-plan-filter-label", text: t(lang, "exportLabel"), attr: { title: other(lang, "exportLabel") } }),
  ]);
  const kinds: [ExportKind, StringKey][] = [
    ["markdown", "exportMarkdown"],
    ["html", "exportHtml"],
    ["ics", "exportIcs"],
  ];
  for (const [kind, key] of kinds) {
    const b = el(doc, "button", {
      cls: "union-plan-btn union-plan-export",
      text: t(lang, key),
      attr: { type: "button", title: other(lang, key), "data-focus": `export|${kind}`, "data-export": kind },
    });
    b.addEventListener("click", () => actions.exportAs(kind));
    group.append(b);
  }
  return group;
}
