/** What every part of the view is handed when it renders. */
import type { Plan } from "../../shared/plan/types";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import type { CalendarExportKind, CalendarViewHost, PlanIndexSnapshot, ViewSettings } from "../host";
import type { Filters } from "./model";
import type { MoveTargets } from "../../shared/calendar/move-targets";
import type { Lang } from "./strings";

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
  snapshot: PlanIndexSnapshot;
  plansById: ReadonlyMap<string, Plan>;
  /** "YYYY-MM-DD" */
  today: string;
  /** Task keys with an edit under way. */
  busy: ReadonlySet<string>;
  actions: ViewActions;
  /** Every task rendered this time, by task key (filled as rows are made). */
  tasksByKey: Map<string, PlanTask>;
  /** Months each task can be moved to (each plan's months worked out once per render). */
  moves: MoveTargets;
  /** Shared tooltips of the task rows. */
  openTitle: string;
  moveTitle: string;
}
