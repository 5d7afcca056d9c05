/**
 * The header: month navigation (previous, next, 本月, a month picker), the mode switch, the filters
 * and the export buttons. Made once per layout; a change of month, mode or filter updates its
 * text, pressed states and values in place, so focus stays on the control the user is using.
 */
import { addMonths, currentYm, parseYm, ymKey } from "../../shared/time/year-month";
import { schoolsOf, uniquePlans, type DoneFilter } from "../../shared/calendar/filters";
import { el } from "./dom";
import type { CalendarMode, ExportKind, ViewContext } from "./context";
import { monthTitle, other, t, type StringKey } from "./strings";
import type { PlanIndexSnapshot } from "../host";

const STATUSES: readonly [DoneFilter, StringKey][] = [
  ["all", "statusAll"],
  ["open", "statusOpen"],
  ["done", "statusDone"],
];

const EXPORTS: readonly [ExportKind, StringKey][] = [
  ["markdown", "exportMarkdown"],
  ["html", "exportHtml"],
  ["ics", "exportIcs"],
];

export class Toolbar {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly today: HTMLButtonElement;
  private readonly picker: HTMLInputElement;
  private readonly modes: HTMLButtonElement[] = [];
  private readonly planSelect: HTMLSelectElement;
  private readonly schoolSelect: HTMLSelectElement;
  private readonly statusSelect: HTMLSelectElement;
  /** The plan and school choices as one string: the options are remade only when they change. */
  private choices = "";
  /** The snapshot the plan and school options were drawn for. */
  private choicesOf: PlanIndexSnapshot | null = null;
  /** The month and the filters as the controls show them. */
  private shownYm = "";
  private shownFilters = "";

  constructor(
    private readonly ctx: ViewContext,
    canExport: boolean,
  ) {
    const { doc, lang, actions } = ctx;
    const prev = this.button("prevMonth", "‹", "union-plan-nav-prev", "nav|prev", () => actions.setMonth(this.step(-1)));
    const next = this.button("nextMonth", "›", "union-plan-nav-next", "nav|next", () => actions.setMonth(this.step(1)));
    this.today = el(doc, "button", { cls: "union-plan-btn union-plan-nav-today", text: t(lang, "thisMonth"), attr: { type: "button", title: other(lang, "thisMonth"), "data-focus": "nav|today" } });
    this.today.addEventListener("click", () => actions.setMonth(ctx.today.slice(0, 7), ctx.today));
    this.picker = el(doc, "input", {
      cls: "union-plan-month-picker",
      attr: { type: "month", "aria-label": t(lang, "pickMonth"), title: `${t(lang, "pickMonth")} / ${other(lang, "pickMonth")}`, "data-focus": "nav|pick" },
    });
    this.picker.addEventListener("change", () => {
      if (parseYm(this.picker.value)) actions.setMonth(this.picker.value);
    });
    this.title = el(doc, "h2", { cls: "union-plan-title" });
    const nav = el(doc, "div", { cls: "union-plan-nav", attr: { role: "group", "aria-label": t(lang, "calendar") } }, [prev, this.title, next, this.today, this.picker]);
    const modes = el(doc, "div", { cls: "union-plan-modes", attr: { role: "group", "aria-label": t(lang, "viewMode") } }, [this.modeButton("month", "modeMonth"), this.modeButton("overview", "modeOverview")]);

    this.planSelect = this.select("union-plan-filter-plan", "filter|plan", () => this.filter({ planId: this.planSelect.value === "" ? null : this.planSelect.value }));
    this.schoolSelect = this.select("union-plan-filter-school", "filter|school", () => this.filter({ school: this.schoolSelect.value === "" ? null : this.schoolSelect.value }));
    this.statusSelect = this.select("union-plan-filter-status", "filter|status", () => {
      const v = this.statusSelect.value;
      this.filter({ status: v === "open" || v === "done" ? v : "all" });
    });
    for (const [value, key] of STATUSES) this.statusSelect.append(el(doc, "option", { text: t(lang, key), attr: { value } }));
    const filters = el(doc, "div", { cls: "union-plan-filters", attr: { role: "group", "aria-label": t(lang, "filters") } }, [
      this.labelled("filterPlan", this.planSelect),
      this.labelled("filterSchool", this.schoolSelect),
      this.labelled("filterStatus", this.statusSelect),
    ]);

    const top = el(doc, "div", { cls: "union-plan-toolbar-row" }, [nav, modes]);
    const bottom = el(doc, "div", { cls: "union-plan-toolbar-row" }, [filters, canExport ? this.exports() : null]);
    this.el = el(doc, "div", { cls: "union-plan-toolbar" }, [top, bottom]);
    this.update();
  }

  /** Shows the month, the mode, the filters and the plans as they are now. */
  update(): void {
    const { ctx } = this;
    const { state, lang } = ctx;
    const ym = this.ym();
    // Each control is written only when it differs: writing a select's value walks its options.
    const title = monthTitle(lang, ym.year, ym.month);
    if (this.title.textContent !== title) this.title.textContent = title;
    if (this.shownYm !== state.ym) {
      this.picker.value = state.ym;
      this.shownYm = state.ym;
    }
    const thisMonth = state.ym === ctx.today.slice(0, 7);
    if (this.today.hasAttribute("aria-current") !== thisMonth) {
      if (thisMonth) this.today.setAttribute("aria-current", "date");
      else this.today.removeAttribute("aria-current");
    }
    for (const b of this.modes) {
      const on = b.getAttribute("data-mode") === state.mode;
      if (b.getAttribute("aria-pressed") === (on ? "true" : "false")) continue;
      b.classList.toggle("is-active", on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
    const remade = this.drawChoices();
    const shown = `${state.filters.planId ?? ""}\u0000${state.filters.school ?? ""}\u0000${state.filters.status}`;
    if (remade || shown !== this.shownFilters) {
      // Only the select that differs: the one the user just changed already shows its value.
      const want: [HTMLSelectElement, string][] = [
        [this.planSelect, state.filters.planId ?? ""],
        [this.schoolSelect, state.filters.school ?? ""],
        [this.statusSelect, state.filters.status],
      ];
      for (const [select, value] of want) if (remade || select.value !== value) select.value = value;
      this.shownFilters = shown;
    }
  }

  private ym(): { year: number; month: number } {
    return parseYm(this.ctx.state.ym) ?? parseYm(currentYm()) ?? { year: 2026, month: 1 };
  }

  private step(n: number): string {
    return ymKey(addMonths(this.ym(), n));
  }

  private filter(change: Partial<ViewContext["state"]["filters"]>): void {
    this.ctx.actions.setFilters({ ...this.ctx.state.filters, ...change });
  }

  /** The plan and school options, remade when the index's plans changed (true when they were). */
  private drawChoices(): boolean {
    const { doc, lang, snapshot } = this.ctx;
    // The same snapshot has the same plans: nothing to compare (a filter change lands here).
    if (snapshot === this.choicesOf) return false;
    this.choicesOf = snapshot;
    const plans = uniquePlans(snapshot.plans);
    const schools = schoolsOf(plans);
    const choices = [plans.map((p) => `${p.plan.id}\u0001${p.plan.title ?? p.path}`).join("\u0000"), schools.join("\u0000")].join("\u0002");
    if (choices === this.choices) return false;
    this.choices = choices;
    this.planSelect.replaceChildren(el(doc, "option", { text: t(lang, "allPlans"), attr: { value: "" } }), ...plans.map((p) => el(doc, "option", { text: p.plan.title ?? p.path, attr: { value: p.plan.id } })));
    this.schoolSelect.replaceChildren(el(doc, "option", { text: t(lang, "allSchools"), attr: { value: "" } }), ...schools.map((s) => el(doc, "option", { text: s, attr: { value: s } })));
    return true;
  }

  private button(key: StringKey, text: string, cls: string, focusKey: string, onClick: () => void): HTMLButtonElement {
    const { doc, lang } = this.ctx;
    const b = el(doc, "button", { cls: ["union-plan-btn", cls], text, attr: { type: "button", "aria-label": t(lang, key), title: `${t(lang, key)} / ${other(lang, key)}`, "data-focus": focusKey } });
    b.addEventListener("click", onClick);
    return b;
  }

  private modeButton(mode: CalendarMode, key: StringKey): HTMLButtonElement {
    const { doc, lang, actions } = this.ctx;
    const b = el(doc, "button", { cls: "union-plan-btn union-plan-mode", text: t(lang, key), attr: { type: "button", title: other(lang, key), "data-focus": `mode|${mode}`, "data-mode": mode } });
    b.addEventListener("click", () => actions.setMode(mode));
    this.modes.push(b);
    return b;
  }

  private select(cls: string, focusKey: string, onChange: () => void): HTMLSelectElement {
    const s = el(this.ctx.doc, "select", { cls: `dropdown ${cls}`, attr: { "data-focus": focusKey } });
    s.addEventListener("change", onChange);
    return s;
  }

  private labelled(key: StringKey, control: HTMLElement): HTMLElement {
    const { doc, lang } = this.ctx;
    return el(doc, "label", { cls: "union-plan-filter" }, [el(doc, "span", { cls: "union-plan-filter-label", text: t(lang, key), attr: { title: other(lang, key) } }), control]);
  }

  private exports(): HTMLElement {
    const { doc, lang, actions } = this.ctx;
    const group = el(doc, "div", { cls: "union-plan-exports", attr: { role: "group", "aria-label": t(lang, "exportLabel") } }, [
      el(doc, "span", { cls: "union-plan-filter-label", text: t(lang, "exportLabel"), attr: { title: other(lang, "exportLabel") } }),
    ]);
    for (const [kind, key] of EXPORTS) {
      const b = el(doc, "button", { cls: "union-plan-btn union-plan-export", text: t(lang, key), attr: { type: "button", title: other(lang, key), "data-focus": `export|${kind}`, "data-export": kind } });
      b.addEventListener("click", () => actions.exportAs(kind));
      group.append(b);
    }
    return group;
  }
}
