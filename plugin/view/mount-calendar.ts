/**
 * mountCalendar: the 行事历 view as plain DOM. It needs a container and a CalendarViewHost, nothing
 * from Obsidian, so the same code runs in the ItemView and in a plain page under test.
 *
 * Two kinds of redraw: a new layout when the month, the mode, the language or the holiday
 * settings change (the grid and lists are made anew, what is on screen first, the rest in idle
 * time), and a refresh for everything else (the index changed, a filter, an edit), which hands the
 * parts a new model and lets them change only what differs. A click on a day changes two cells
 * and the rows of two days, nothing else.
 */
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { uniquePlans } from "../../shared/calendar/filters";
import { monthModel } from "../../shared/calendar/month-model";
import { MoveTargets } from "../../shared/calendar/move-targets";
import { currentYm, parseYm } from "../../shared/time/year-month";
import type { CalendarViewHost } from "../host";
import { el } from "./dom";
import type { CalendarMode, ExportKind, ViewActions, ViewContext, ViewState } from "./context";
import { NO_FILTERS, type Filters } from "./model";
import { IdleWork } from "./idle-work";
import { NearWatcher } from "./near-watcher";
import { RowStore } from "./row-store";
import { TaskEvents } from "./task-events";
import { Toolbar } from "./toolbar";
import { MonthView } from "./month-view";
import { OverviewView } from "./overview-view";
import { exportView } from "./build-export";
import { moveTask, toggleTask, type EditHost } from "./task-edits";
import { focusKeyOf, restoreFocus } from "./focus";
import type { RowBudget } from "./chunked-list";
import { monthTitle, other, t, type Lang } from "./strings";

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
  /** Resolves once every row of what is shown is drawn (rows off screen are drawn in idle time). */
  settled(): Promise<void>;
  destroy(): void;
}

/** "YYYY-MM-DD" of a moment in local time. */
function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** styles.css puts the month's list under its grid when the view is this wide or less, and wraps the toolbar's groups at a phone's width. */
const STACKED_PX = 720;
const PHONE_PX = 480;

/**
 * Heights the toolbar (two rows; four on a phone) and a week of the grid (when the list is under
 * it: a day is 2.9em high at the least) take at the least: with them a first frame works out where
 * the list starts without laying out the view it is drawing. Too little only draws a few rows more
 * than the screen shows.
 */
const TOOLBAR_PX = 72;
const PHONE_TOOLBAR_PX = 150;
const WEEK_PX = 40;

export function mountCalendar(container: HTMLElement, host: CalendarViewHost, initial: MountOptions): CalendarHandle {
  return new CalendarController(container, host, initial);
}

/** Focus to put back after a redraw: an element's data-focus key, a task focus key, or "grid". */
type FocusTarget = string | null;

/** The bilingual tooltips every row shares, made once per layout. */
function rowTitles(lang: Lang): Pick<ViewContext, "openTitle" | "moveTitle" | "fromBodyTitle"> {
  return {
    openTitle: `${t(lang, "openNote")} / ${other(lang, "openNote")}`,
    moveTitle: `${t(lang, "moveTo")} / ${other(lang, "moveTo")}`,
    fromBodyTitle: `${t(lang, "fromBodyTitle")} / ${other(lang, "fromBodyTitle")}`,
  };
}

class CalendarController implements CalendarHandle, ViewActions, EditHost {
  readonly state: ViewState;
  readonly busy = new Set<string>();
  private readonly doc: Document;
  private readonly now: () => Date;
  private readonly root: HTMLElement;
  private readonly toolbarHost: HTMLElement;
  private readonly bodyHost: HTMLElement;
  private readonly live: HTMLElement;
  private readonly work: IdleWork;
  private readonly near: NearWatcher;
  private readonly events: TaskEvents;
  private readonly unsubscribe: () => void;
  private ctx: ViewContext | null = null;
  private toolbar: Toolbar | null = null;
  private month: MonthView | null = null;
  private overview: OverviewView | null = null;
  /** What the current layout was made for; a redraw for anything else makes a new one. */
  private layoutKey = "";
  private toolbarKey = "";
  private destroyed = false;

  constructor(
    container: HTMLElement,
    readonly host: CalendarViewHost,
    private readonly initial: MountOptions,
  ) {
    this.doc = container.ownerDocument;
    this.now = initial.now ?? (() => new Date());
    this.state = {
      ym: parseYm(initial.ym) ? initial.ym : currentYm(this.now()),
      mode: initial.mode === "overview" ? "overview" : "month",
      filters: { ...NO_FILTERS },
      selectedDate: null,
      focusDate: null,
    };
    const doc = this.doc;
    this.root = el(doc, "div", { cls: "union-plan-calendar" });
    this.toolbarHost = el(doc, "div", { cls: "union-plan-toolbar-host" });
    this.bodyHost = el(doc, "div", { cls: "union-plan-body" });
    this.live = el(doc, "div", { cls: "union-plan-sr-only", attr: { role: "status", "aria-live": "polite" } });
    this.root.append(this.toolbarHost, this.bodyHost, this.live);
    container.append(this.root);
    this.work = new IdleWork(doc.defaultView ?? window);
    this.near = new NearWatcher(this.root);
    this.events = new TaskEvents(this.root, () => this.ctx);
    this.unsubscribe = host.index.onChange(() => this.draw());
    this.draw(null);
  }

  get lang(): Lang {
    return this.host.settings().language === "en" ? "en" : "zh";
  }

  // ---- CalendarHandle ----

  refresh(): void {
    this.draw();
  }

  settled(): Promise<void> {
    return this.work.settled();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribe();
    this.work.stop();
    this.near.destroy();
    this.events.destroy();
    this.month?.destroy();
    this.overview?.destroy();
    this.ctx = null;
    this.root.remove();
  }

  // ---- ViewActions ----

  toggle(task: PlanTask, box: HTMLInputElement): void {
    toggleTask(this, task, box);
  }

  open(task: PlanTask): void {
    this.host.openTask(task).catch((error: unknown) => this.host.notice(error instanceof Error ? error.message : String(error)));
  }

  reply(task: PlanTask): void {
    const shown = this.host.replyToTask ? this.host.replyToTask(task) : this.host.openTask(task);
    shown.catch((error: unknown) => this.host.notice(error instanceof Error ? error.message : String(error)));
  }

  move(task: PlanTask, ym: string): void {
    moveTask(this, task, ym);
  }

  setMonth(ym: string, focusDate: string | null = null): void {
    if (!parseYm(ym)) return;
    const changed = ym !== this.state.ym;
    this.state.ym = ym;
    if (focusDate !== null) this.state.focusDate = focusDate;
    if (changed && this.state.selectedDate !== null && !this.state.selectedDate.startsWith(ym)) this.state.selectedDate = null;
    this.draw();
    if (!changed && focusDate !== null) this.month?.setTabStop(focusDate, false);
    if (changed) {
      const p = parseYm(ym);
      if (p) this.announce(monthTitle(this.lang, p.year, p.month));
      this.stateChanged();
    }
  }

  setMode(mode: CalendarMode, ym?: string): void {
    if (mode !== "month" && mode !== "overview") return;
    const changed = mode !== this.state.mode || (ym !== undefined && ym !== this.state.ym);
    this.state.mode = mode;
    if (ym !== undefined && parseYm(ym)) this.state.ym = ym;
    this.draw(ym !== undefined && mode === "month" ? "grid" : undefined);
    if (changed) this.stateChanged();
  }

  setFilters(filters: Filters): void {
    this.state.filters = { ...filters };
    this.draw();
  }

  selectDate(date: string | null, focusTasks = false): void {
    const prev = this.state.selectedDate;
    this.state.selectedDate = date;
    if (date !== null) this.state.focusDate = date;
    if (!this.month) return;
    this.month.select(prev, date);
    if (date === null) return;
    this.month.setTabStop(date, true);
    if (focusTasks) this.month.firstRowOf(date)?.querySelector<HTMLElement>(".union-plan-task-check")?.focus();
  }

  focusDate(date: string): void {
    const ym = date.slice(0, 7);
    this.state.focusDate = date;
    if (ym === this.state.ym) {
      // Same month: move the tab stop, nothing is redrawn.
      this.month?.setTabStop(date, true);
      return;
    }
    this.state.ym = ym;
    const p = parseYm(ym);
    if (p) this.announce(monthTitle(this.lang, p.year, p.month));
    this.stateChanged();
    this.draw(`day|${date}`);
  }

  exportAs(kind: ExportKind): void {
    exportView(this, kind);
  }

  // ---- EditHost ----

  announce(message: string): void {
    this.live.textContent = message;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  // ---- drawing ----

  /** Redraws for the state and the index as they are now; `focus` says what gets focus after (default: what had it). */
  draw(focus?: FocusTarget): void {
    if (this.destroyed) return;
    const active = this.doc.activeElement;
    const had = active && this.root.contains(active) ? focusKeyOf(active) : null;
    const want: FocusTarget = focus === undefined ? had : focus;
    const settings = this.host.settings();
    const lang = this.lang;
    const today = isoDay(this.now());
    const layoutKey = [lang, settings.weekStart, JSON.stringify(settings.holidayOverrides ?? {}), this.state.mode, this.state.ym, today].join("|");
    if (layoutKey !== this.layoutKey || !this.ctx) {
      this.layoutKey = layoutKey;
      this.layout(lang, today);
    } else {
      this.refreshContext(this.ctx, today);
      this.toolbar?.update();
      // Rows a refresh may draw at once where rows came in on screen: a screen's worth.
      this.updateBody(this.ctx, { px: this.screenHeight() });
    }
    // Put focus back only where the redraw took it away (or where it was asked for).
    const now = this.doc.activeElement;
    const kept = now !== null && now !== this.doc.body && this.root.contains(now);
    if (want !== null && (focus !== undefined || !kept)) restoreFocus(this.root, want, this.ctx?.store ?? null);
  }

  private screenHeight(): number {
    return this.doc.defaultView?.innerHeight ?? 900;
  }

  /**
   * A new layout: toolbar, grid and list, with the rows from where the list starts to the bottom
   * of the screen, put on the page at once and laid out once (nothing is read back while it is
   * drawn). The rest come in idle time or when scrolled to.
   */
  private layout(lang: Lang, today: string): void {
    // Read before anything changes, while the page's layout is clean (or holds an empty view): where
    // the new rows start is worked out from it, so the new view is laid out once, with its rows.
    const box = this.root.getBoundingClientRect();
    this.work.clear();
    this.month?.destroy();
    this.overview?.destroy();
    this.month = null;
    this.overview = null;
    const ctx = this.context(lang, today);
    this.root.setAttribute("lang", lang === "zh" ? "zh-CN" : "en");
    this.root.classList.toggle("union-plan-calendar--overview", this.state.mode === "overview");
    this.root.classList.toggle("union-plan-calendar--month", this.state.mode === "month");
    const toolbarKey = `${lang}|${typeof this.host.export === "function"}`;
    if (!this.toolbar || toolbarKey !== this.toolbarKey) {
      this.toolbarKey = toolbarKey;
      this.toolbar = new Toolbar(ctx, typeof this.host.export === "function");
      this.toolbarHost.replaceChildren(this.toolbar.el);
    } else {
      this.toolbar.update();
    }
    ctx.store = new RowStore(ctx, this.state.mode === "overview", this.state.mode === "month");
    // The rows drawn now are those between where the list starts and the bottom of the screen.
    const top = Math.max(0, box.top) + (box.width <= PHONE_PX ? PHONE_TOOLBAR_PX : TOOLBAR_PX);
    const budget = (below: number): RowBudget => ({ px: this.screenHeight() - top - below, first: true });
    if (this.state.mode === "month") {
      const model = this.monthModel(ctx);
      // Beside the grid the list starts under the toolbar; under it (a narrow pane), below its weeks.
      const grid = box.width <= STACKED_PX ? (model.grid?.weeks.length ?? 0) * WEEK_PX : 0;
      this.month = new MonthView(ctx, ctx.store, model, budget(grid));
      this.bodyHost.replaceChildren(this.month.el);
    } else {
      this.overview = new OverviewView(ctx, ctx.store, budget(0));
      this.bodyHost.replaceChildren(this.overview.el);
    }
  }

  private updateBody(ctx: ViewContext, budget: RowBudget): void {
    if (this.month) this.month.update(this.monthModel(ctx), budget);
    else this.overview?.update(budget);
  }

  private monthModel(ctx: ViewContext) {
    const { settings, state } = ctx;
    // The index hands the month's tasks alone when it can (the same list the model would filter
    // out of every task): a redraw then costs the month, not the vault.
    const tasks = ctx.snapshot.tasksInMonth?.(state.ym) ?? ctx.snapshot.tasks;
    return monthModel({ tasks, plans: ctx.plans, ym: state.ym, weekStart: settings.weekStart, holidays: settings.holidayOverrides, today: ctx.today, filters: state.filters });
  }

  /** The one context of the view, brought up to date for a new layout. */
  private context(lang: Lang, today: string): ViewContext {
    const ctx = this.ctx ?? this.makeContext(lang, today);
    this.ctx = ctx;
    if (ctx.lang !== lang) {
      ctx.lang = lang;
      Object.assign(ctx, rowTitles(lang));
    }
    this.refreshContext(ctx, today);
    return ctx;
  }

  private makeContext(lang: Lang, today: string): ViewContext {
    return {
      doc: this.doc,
      host: this.host,
      settings: this.host.settings(),
      lang,
      state: this.state,
      snapshot: { plans: [], tasks: [] },
      plans: [],
      moves: new MoveTargets([]),
      today,
      busy: this.busy,
      actions: this,
      store: null,
      work: this.work,
      near: this.near,
      ...rowTitles(lang),
    };
  }

  /** The index and settings as they are now, into the context every part reads. */
  private refreshContext(ctx: ViewContext, today: string): void {
    ctx.settings = this.host.settings();
    ctx.today = today;
    const snapshot = this.host.index.snapshot();
    // A filter, a picked day or a refused edit leaves the index as it was: what is worked out from
    // every plan is kept (a snapshot never changes).
    if (snapshot === ctx.snapshot) return;
    ctx.snapshot = snapshot;
    ctx.plans = uniquePlans(snapshot.plans).map((p) => p.plan);
    ctx.moves = new MoveTargets(ctx.plans);
  }

  private stateChanged(): void {
    this.initial.onStateChange?.({ ym: this.state.ym, mode: this.state.mode });
  }
}
