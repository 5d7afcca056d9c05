/**
 * mountCalendar: the 行事历 view as plain DOM. It needs a container and a CalendarViewHost, nothing
 * from Obsidian, so the same code runs in the ItemView and in a plain page under test.
 */
import dayjs from "dayjs";
import type { Plan } from "../../shared/plan/types";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { currentYm, parseYm } from "../../shared/time/year-month";
import type { CalendarViewHost, TaskEditResult } from "../host";
import { clear, el } from "./dom";
import type { CalendarMode, ExportKind, ViewActions, ViewContext, ViewState } from "./context";
import { NO_FILTERS, taskKey, type Filters } from "./model";
import { MoveTargets } from "../../shared/calendar/move-targets";
import { findTaskFocus, installTaskEvents, rowTitles, taskFocusKey } from "./task-row";
import { renderToolbar } from "./toolbar";
import { renderMonth } from "./month-view";
import { renderOverview } from "./overview-view";
import { buildExport, type BuiltExport } from "./build-export";
import { both, monthTitle, t, type Lang } from "./strings";

export interface MountOptions {
  /** "YYYY-MM" */
  ym: string;
  mode: CalendarMode;
  /** The clock (tests fix it); defaults to the real one. */
  now?: () => Date;
  /** Told whenever the user changes month or mode, so the ItemView can save its state. */
  onStateChange?: (state: { ym: string; mode: CalendarMode }) => void;
}

export interface CalendarHandle {
  setMonth(ym: string): void;
  setMode(mode: CalendarMode): void;
  refresh(): void;
  /** Resolves once everything the view will draw for what it shows now is drawn. */
  settled(): Promise<void>;
  destroy(): void;
}

export function mountCalendar(container: HTMLElement, host: CalendarViewHost, initial: MountOptions): CalendarHandle {
  const doc = container.ownerDocument;
  const now = initial.now ?? (() => new Date());
  const state: ViewState = {
    ym: parseYm(initial.ym) ? initial.ym : currentYm(now()),
    mode: initial.mode === "overview" ? "overview" : "month",
    filters: { ...NO_FILTERS },
    selectedDate: null,
    focusDate: null,
  };
  const busy = new Set<string>();
  let destroyed = false;
  let currentCtx: ViewContext | null = null;

  const root = el(doc, "div", { cls: "union-plan-calendar" });
  const toolbarHost = el(doc, "div", { cls: "union-plan-toolbar-host" });
  const bodyHost = el(doc, "div", { cls: "union-plan-body" });
  const live = el(doc, "div", { cls: "union-plan-sr-only", attr: { role: "status", "aria-live": "polite" } });
  root.append(toolbarHost, bodyHost, live);
  container.append(root);

  const lang = (): Lang => (host.settings().language === "en" ? "en" : "zh");

  const announce = (message: string) => {
    live.textContent = message;
  };

  const stateChanged = () => initial.onStateChange?.({ ym: state.ym, mode: state.mode });

  /** Focus to put back after a render: the element's data-focus key, or "grid" for the grid's tab stop. */
  type FocusTarget = string | null;

  const render = (focus?: FocusTarget) => {
    if (destroyed) return;
    let want: FocusTarget = focus ?? null;
    if (focus === undefined) {
      const active = doc.activeElement;
      want = active && root.contains(active) ? (active.getAttribute("data-focus") ?? taskFocusKey(active)) : null;
    }
    const settings = host.settings();
    const snapshot = host.index.snapshot();
    const plansById = new Map<string, Plan>();
    for (const p of snapshot.plans) if (!plansById.has(p.plan.id)) plansById.set(p.plan.id, p.plan);
    const ctx: ViewContext = {
      doc,
      host,
      settings,
      lang: lang(),
      state,
      snapshot,
      plansById,
      today: dayjs(now()).format("YYYY-MM-DD"),
      busy,
      actions,
      tasksByKey: new Map(),
      moves: new MoveTargets(plansById.values()),
      ...rowTitles(lang()),
    };
    currentCtx = ctx;
    root.setAttribute("lang", ctx.lang === "zh" ? "zh-CN" : "en");
    root.classList.toggle("union-plan-calendar--overview", state.mode === "overview");
    root.classList.toggle("union-plan-calendar--month", state.mode === "month");
    clear(toolbarHost);
    clear(bodyHost);
    toolbarHost.append(renderToolbar(ctx, typeof host.export === "function"));
    if (state.mode === "month") {
      bodyHost.append(renderMonth(ctx));
    } else {
      bodyHost.append(renderOverview(ctx));
    }
    if (want !== null) restoreFocus(want);
  };

  const restoreFocus = (key: string) => {
    let target: HTMLElement | null = null;
    if (key === "grid") {
      target = root.querySelector<HTMLElement>(".union-plan-day[tabindex='0']");
    } else if (key.startsWith("task|")) {
      target = findTaskFocus(root, key);
    } else {
      for (const node of root.querySelectorAll<HTMLElement>("[data-focus]")) {
        if (node.getAttribute("data-focus") === key) {
          target = node;
          break;
        }
      }
    }
    target?.focus();
  };

  const rowOf = (box: HTMLElement) => box.closest<HTMLElement>(".union-plan-task");

  const editFailed = (error: unknown): TaskEditResult => ({
    ok: false,
    reason: `${both(lang(), "editFailed")}: ${error instanceof Error ? error.message : String(error)}`,
  });

  const actions: ViewActions = {
    toggle(task: PlanTask, box: HTMLInputElement) {
      const key = taskKey(task);
      const wanted = box.checked;
      busy.add(key);
      box.setAttribute("aria-busy", "true");
      rowOf(box)?.classList.add("union-plan-task--busy");
      void (async () => {
        let result: TaskEditResult;
        try {
          result = await host.toggleTask(task);
        } catch (error) {
          result = editFailed(error);
        }
        busy.delete(key);
        if (destroyed) return;
        box.removeAttribute("aria-busy");
        rowOf(box)?.classList.remove("union-plan-task--busy");
        if (!result.ok) {
          // Put the box back as the note says it is, say why, and show the note as it is now.
          box.checked = !wanted;
          host.notice(result.reason);
          announce(result.reason);
          render();
        } else {
          rowOf(box)?.classList.toggle("union-plan-task--done", wanted);
        }
      })();
    },
    open(task: PlanTask) {
      host.openTask(task).catch((error: unknown) => host.notice(error instanceof Error ? error.message : String(error)));
    },
    move(task: PlanTask, ym: string) {
      const key = taskKey(task);
      if (busy.has(key)) return;
      busy.add(key);
      render();
      void (async () => {
        let result: TaskEditResult;
        try {
          result = await host.moveTask(task, ym);
        } catch (error) {
          result = editFailed(error);
        }
        busy.delete(key);
        if (destroyed) return;
        if (!result.ok) {
          host.notice(result.reason);
          announce(result.reason);
        } else {
          const p = parseYm(ym);
          announce(`${t(lang(), "moved")}：${task.text} → ${p ? monthTitle(lang(), p.year, p.month) : ym}`);
        }
        render();
      })();
    },
    setMonth(ym: string, focusDate: string | null = null) {
      if (!parseYm(ym)) return;
      const changed = ym !== state.ym;
      state.ym = ym;
      if (focusDate !== null) state.focusDate = focusDate;
      if (changed && state.selectedDate !== null && !state.selectedDate.startsWith(ym)) state.selectedDate = null;
      render();
      if (changed) {
        const p = parseYm(ym);
        if (p) announce(monthTitle(lang(), p.year, p.month));
        stateChanged();
      }
    },
    setMode(mode: CalendarMode, ym?: string) {
      const changed = mode !== state.mode || (ym !== undefined && ym !== state.ym);
      state.mode = mode;
      if (ym !== undefined && parseYm(ym)) state.ym = ym;
      render(ym !== undefined && mode === "month" ? "grid" : undefined);
      if (changed) stateChanged();
    },
    setFilters(filters: Filters) {
      state.filters = { ...filters };
      render();
    },
    selectDate(date: string | null, focusTasks = false) {
      state.selectedDate = date;
      if (date !== null) state.focusDate = date;
      render(date !== null ? `day|${date}` : undefined);
      if (focusTasks && date !== null) {
        root.querySelector<HTMLElement>(".union-plan-task--selected .union-plan-task-check")?.focus();
      }
    },
    focusDate(date: string) {
      const ym = date.slice(0, 7);
      state.focusDate = date;
      if (ym !== state.ym) {
        state.ym = ym;
        const p = parseYm(ym);
        if (p) announce(monthTitle(lang(), p.year, p.month));
        stateChanged();
        render(`day|${date}`);
        return;
      }
      // Same month: move the tab stop without rebuilding.
      for (const cell of root.querySelectorAll<HTMLElement>(".union-plan-day[data-date]")) {
        cell.tabIndex = cell.getAttribute("data-date") === date ? 0 : -1;
        if (cell.tabIndex === 0) cell.focus();
      }
    },
    exportAs(kind: ExportKind) {
      if (typeof host.export !== "function") return;
      const snapshot = host.index.snapshot();
      const settings = host.settings();
      let made: BuiltExport;
      try {
        made = buildExport(kind, { snapshot, state, lang: lang(), weekStart: settings.weekStart, holidays: settings.holidayOverrides });
      } catch (error) {
        host.notice(`${both(lang(), "exportFailed")}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      host.export(kind, made.content, made.name).then(
        () => {
          announce(`${t(lang(), "exported")}：${made.name}`);
          if (made.note) host.notice(made.note);
        },
        (error: unknown) => host.notice(`${both(lang(), "exportFailed")}: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
  };

  const uninstallTaskEvents = installTaskEvents(root, () => currentCtx);
  const unsubscribe = host.index.onChange(() => render());
  render(null);

  return {
    setMonth(ym: string) {
      actions.setMonth(ym);
    },
    setMode(mode: CalendarMode) {
      if (mode === "month" || mode === "overview") actions.setMode(mode);
    },
    refresh() {
      render();
    },
    settled() {
      return Promise.resolve();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      uninstallTaskEvents();
      currentCtx = null;
      root.remove();
    },
  };
}
