/** What every part of the view reads while it draws; one object per layout, refreshed in place. */
import type { Plan } from "../../shared/plan/types";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import type { MoveTargets } from "../../shared/calendar/move-targets";
import type { CalendarExportKind, CalendarViewHost, PlanIndexSnapshot, ViewSettings } from "../host";
import type { Filters } from "./model";
import type { Lang } from "./strings";
import type { IdleWork } from "./idle-work";
import type { NearWatcher } from "./near-watcher";
import type { RowStore } from "./row-store";

export type CalendarMode = "month" | "overview";

export type ExportKind = CalendarExportKind;

export interface ViewState {
  /** "YYYY-MM" */
  ym: string;
  mode: CalendarMode;
  filters: Filters;
  /** The day whose tasks are picked out in the list ("YYYY-MM-DD"), if any. */
  selectedDate: string | null;
  /** The day that holds the grid's one tab stop. */
  focusDate: string | null;
}

export interface ViewActions {
  toggle(task: PlanTask, box: HTMLInputElement): void;
  open(task: PlanTask): void;
  move(task: PlanTask, ym: string): void;
  /** The task's review discussions, to answer them (or its note, when the host cannot show them). */
  reply(task: PlanTask): void;
  setMonth(ym: string, focusDate?: string | null): void;
  setMode(mode: CalendarMode, ym?: string): void;
  setFilters(filters: Filters): void;
  selectDate(date: string | null, focusTasks?: boolean): void;
  focusDate(date: string): void;
  exportAs(kind: ExportKind): void;
}

export interface ViewContext {
  doc: Document;
  host: CalendarViewHost;
  settings: ViewSettings;
  lang: Lang;
  state: ViewState;
  /** The index as it was at the last refresh. */
  snapshot: PlanIndexSnapshot;
  /** The plans one each, in the index's order. */
  plans: Plan[];
  /** Months each task can be moved to (each plan's months worked out once per refresh). */
  moves: MoveTargets;
  /** "YYYY-MM-DD" */
  today: string;
  /** Task keys with an edit under way. */
  busy: ReadonlySet<string>;
  actions: ViewActions;
  /** The rows on screen, by task key (the month's or the overview's). */
  store: RowStore | null;
  /** Draws what is off screen after the first frame. */
  work: IdleWork;
  /** Says when an undrawn chunk comes near the screen. */
  near: NearWatcher;
  /** Shared tooltips of the task rows, made once per layout. */
  openTitle: string;
  moveTitle: string;
  fromBodyTitle: string;
}
