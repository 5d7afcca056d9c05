/**
 * The contract between the plugin's parts: the vault index and the plugin core on one side,
 * the 行事历 view and the Notion sync glue on the other. Kept free of 'obsidian' imports so the
 * view's rendering code can be mounted in a plain page (browser tests) with a fake host.
 */
import type { Plan } from "../shared/plan/types";
import type { PlanTask } from "../shared/tasks/extract-tasks";
import type { HolidayOverrides } from "../shared/holidays/types";

/** One plan note as the index holds it. */
export interface IndexedPlan {
  path: string;
  plan: Plan;
}

export interface PlanIndexSnapshot {
  plans: readonly IndexedPlan[];
  /** Every task of every plan, with its note path. */
  tasks: readonly PlanTask[];
  /**
   * The tasks of one month ("YYYY-MM"): the same list as tasksInMonth(tasks, ym). The vault index
   * keeps it per month, so a month view need not walk every task of the vault; a host without it
   * (the browser tests' fake) leaves consumers to filter `tasks`.
   */
  tasksInMonth?(ym: string): readonly PlanTask[];
}

export interface PlanIndexLike {
  snapshot(): PlanIndexSnapshot;
  /** Called after the index changed (already debounced); returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export type TaskEditResult = { ok: true } | { ok: false; reason: string };

/** What the 行事历 view can export: a Markdown table note, a printable HTML page, an ICS calendar. */
export type CalendarExportKind = "markdown" | "html" | "ics";

export interface ViewSettings {
  /** 0 = Sunday, 1 = Monday. */
  weekStart: 0 | 1;
  language: "zh" | "en";
  /** The user's own holidays and 调休 workdays, laid over chinese-days in the month grid. */
  holidayOverrides?: HolidayOverrides;
}

/** What the 行事历 view asks of the plugin. */
export interface CalendarViewHost {
  index: PlanIndexLike;
  settings(): ViewSettings;
  openTask(task: PlanTask): Promise<void>;
  /** Toggles - [ ] / - [x] after checking the line still says what the view showed. */
  toggleTask(task: PlanTask): Promise<TaskEditResult>;
  /** Moves the task line under the heading of `ym` ("YYYY-MM") in its note. */
  moveTask(task: PlanTask, ym: string): Promise<TaskEditResult>;
  notice(message: string): void;
  /**
   * Shows the task's open review discussions with a box to answer each; an answer goes into the
   * note's 审核意见 section for the next sync. Optional: without it the view's 💬 count opens the note.
   */
  replyToTask?(task: PlanTask): Promise<void>;
  /**
   * Saves an export the view made (`content` is the whole file); the host decides where, e.g. a
   * note / file beside the plans named after `suggestedName` ("行事历 2026-11.md"). Optional: the
   * view shows its export buttons only when the host has it.
   */
  export?(kind: CalendarExportKind, content: string, suggestedName: string): Promise<void>;
}
