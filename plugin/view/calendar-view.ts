/**
 * The 行事历 as an Obsidian ItemView: a thin wrapper around mountCalendar that remembers the month
 * and the mode in the workspace layout, so they survive a restart.
 */
import { ItemView, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { currentYm, parseYm } from "../../shared/time/year-month";
import type { CalendarViewHost } from "../host";
import type { CalendarMode } from "./context";
import { mountCalendar, type CalendarHandle } from "./mount-calendar";

export const VIEW_TYPE_CALENDAR = "union-plan-calendar";

export interface CalendarViewState {
  ym: string;
  mode: CalendarMode;
}

/** Reads a saved state leniently: anything unknown falls back to this month, month mode. */
export function readCalendarState(raw: unknown, fallback: CalendarViewState): CalendarViewState {
  if (typeof raw !== "object" || raw === null) return fallback;
  const ymValue: unknown = (raw as Record<string, unknown>)["ym"];
  const modeValue: unknown = (raw as Record<string, unknown>)["mode"];
  return {
    ym: typeof ymValue === "string" && parseYm(ymValue) ? ymValue : fallback.ym,
    mode: modeValue === "overview" || modeValue === "month" ? modeValue : fallback.mode,
  };
}

export class CalendarView extends ItemView {
  private handle: CalendarHandle | null = null;
  private viewState: CalendarViewState = { ym: currentYm(), mode: "month" };

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: CalendarViewHost,
  ) {
    super(leaf);
  }

  override getViewType(): string {
    return VIEW_TYPE_CALENDAR;
  }

  override getDisplayText(): string {
    return "行事历";
  }

  override getIcon(): string {
    return "calendar-days";
  }

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass("union-plan-view");
    this.handle = mountCalendar(this.contentEl, this.host, {
      ym: this.viewState.ym,
      mode: this.viewState.mode,
      onStateChange: (s) => {
        this.viewState = { ...s };
        this.app.workspace.requestSaveLayout();
      },
    });
  }

  override async onClose(): Promise<void> {
    this.handle?.destroy();
    this.handle = null;
  }

  override getState(): Record<string, unknown> {
    return { ...super.getState(), ym: this.viewState.ym, mode: this.viewState.mode };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const next = readCalendarState(state, this.viewState);
    this.viewState = next;
    if (this.handle) {
      this.handle.setMode(next.mode);
      this.handle.setMonth(next.ym);
    }
    await super.setState(state, result);
  }
}
