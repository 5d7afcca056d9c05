/**
 * The view's exports: what is on screen (the month, or the overview's plans, as filtered) handed to
 * the exporters in shared/calendar, which read the same calendar model the view draws.
 */
import type { HolidayOverrides } from "../../shared/holidays";
import type { PlanTask } from "../../shared/tasks/extract-tasks";
import { renderMonthMarkdown, renderOverviewMarkdown } from "../../shared/calendar/export-markdown";
import { renderMonthHtml, renderOverviewHtml } from "../../shared/calendar/export-html";
import { renderIcs } from "../../shared/calendar/export-ics";
import { filterTasks } from "../../shared/calendar/filters";
import { monthTasks } from "../../shared/calendar/month-model";
import { overviewPlans } from "../../shared/calendar/overview-model";
import { both, fileStem, t, type Lang } from "./strings";
import type { CalendarViewHost, PlanIndexSnapshot } from "../host";
import type { ExportKind, ViewState } from "./context";

export interface ExportInput {
  snapshot: PlanIndexSnapshot;
  state: ViewState;
  lang: Lang;
  weekStart: 0 | 1;
  holidays?: HolidayOverrides;
}

export interface BuiltExport {
  content: string;
  /** File name the host is offered ("行事历 2026-11.md"). */
  name: string;
  /** Something the user should know (ICS: tasks left out for want of a year). */
  note: string | null;
}

const EXTENSIONS: Readonly<Record<ExportKind, string>> = { markdown: ".md", html: ".html", ics: ".ics" };

/**
 * The export of what the view shows: in month mode the month's tasks (as filtered), in overview
 * mode the plans on screen with every month of their period. The exporters live in shared/calendar.
 */
export function buildExport(kind: ExportKind, input: ExportInput): BuiltExport {
  const { snapshot, state } = input;
  const options = { holidays: input.holidays, weekStart: input.weekStart };
  const ext = EXTENSIONS[kind];
  let tasks: PlanTask[];
  let stem: string;
  let content: string;
  if (state.mode === "month") {
    tasks = monthTasks(snapshot.tasks, state.ym, state.filters);
    stem = fileStem(input.lang, state.ym);
    if (kind === "markdown") content = renderMonthMarkdown(tasks, state.ym, options);
    else if (kind === "html") content = renderMonthHtml(tasks, state.ym, options);
    else content = "";
  } else {
    const plans = overviewPlans(snapshot.plans, state.filters, state.ym).map((p) => p.plan);
    const ids = new Set(plans.map((p) => p.id));
    tasks = filterTasks(snapshot.tasks, state.filters).filter((x) => ids.has(x.planId));
    const only = plans.length === 1 ? plans[0] : undefined;
    stem = only?.title ? `${only.title} 行事历` : `行事历总览 ${state.ym}`;
    if (kind === "markdown") content = renderOverviewMarkdown(plans, tasks, options);
    else if (kind === "html") content = renderOverviewHtml(plans, tasks, options);
    else content = "";
  }
  let note: string | null = null;
  if (kind === "ics") {
    const ics = renderIcs(tasks, { calendarName: stem });
    content = ics.ics;
    if (ics.skipped > 0) {
      note = input.lang === "zh" ? `${ics.skipped} 项任务年份未知，未写入日历` : `${ics.skipped} tasks without a known year were left out`;
    }
  }
  return { content, name: `${stem}${ext}`, note };
}

/** What exportView needs of the view. */
export interface ExportHost {
  readonly host: CalendarViewHost;
  readonly state: ViewState;
  readonly lang: Lang;
  announce(message: string): void;
}

/** Makes the export of what is shown and hands it to the host to save. */
export function exportView(view: ExportHost, kind: ExportKind): void {
  const { host, lang } = view;
  if (typeof host.export !== "function") return;
  const settings = host.settings();
  let made: BuiltExport;
  try {
    made = buildExport(kind, { snapshot: host.index.snapshot(), state: view.state, lang, weekStart: settings.weekStart, holidays: settings.holidayOverrides });
  } catch (error) {
    host.notice(`${both(lang, "exportFailed")}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  host.export(kind, made.content, made.name).then(
    () => {
      view.announce(`${t(lang, "exported")}：${made.name}`);
      if (made.note) host.notice(made.note);
    },
    (error: unknown) => host.notice(`${both(lang, "exportFailed")}: ${error instanceof Error ? error.message : String(error)}`),
  );
}
