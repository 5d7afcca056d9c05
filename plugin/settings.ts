/**
 * union-plan's settings: the data kept in data.json (no secrets here: Notion's token lives in
 * app.secretStorage) and the settings tab that edits it.
 */
import { App, PluginSettingTab, Setting, normalizePath } from "obsidian";
import type { Plugin } from "obsidian";
import type { HolidayOverrides } from "../shared/holidays/types";
import { parseHolidayOverrides } from "../shared/holidays/override-text";
import { tr } from "./i18n";
import type { TaskFormat } from "../shared/tasks/task-serializer";
import { DEFAULT_NOTION_SETTINGS, readNotionSettings, type NotionSettings } from "./notion/settings";

export interface TermMonths {
  /** 1–12 */
  start: number;
  end: number;
}

export interface UnionPlanSettings {
  /** Where new and imported plans go ("" = the vault's root). */
  planFolder: string;
  /** Markdown files here are offered beside the built-in templates ("" = none). */
  templateFolder: string;
  /** 0 = Sunday, 1 = Monday. */
  weekStart: 0 | 1;
  /**
   * Also give tasks that name only a month their month's last day as a Tasks due date, on import
   * and normalize (a day the plan writes always gets its 📅; this date the plan never wrote, so it is opt-in).
   */
  tasksDueDates: boolean;
  /** Tasks' own setting "Task format": emoji (its default) or Dataview ([due:: …]). */
  tasksFormat: TaskFormat;
  /** Months of 第一学期 and 第二学期. */
  term1: TermMonths;
  term2: TermMonths;
  /** The user's own holidays and 调休 workdays, one a line: "2027-10-01 休 国庆节". */
  holidayOverrides: string;
  /** The Notion mirror's settings (no token: only the name of its secret). */
  notion: NotionSettings;
}

export const DEFAULT_SETTINGS: UnionPlanSettings = {
  planFolder: "",
  templateFolder: "",
  weekStart: 1,
  tasksDueDates: false,
  tasksFormat: "emoji",
  term1: { start: 9, end: 1 },
  term2: { start: 2, end: 7 },
  holidayOverrides: "",
  notion: DEFAULT_NOTION_SETTINGS,
};

function isMonth(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 12;
}

function readTerm(raw: unknown, fallback: TermMonths): TermMonths {
  if (typeof raw !== "object" || raw === null) return { ...fallback };
  const r = raw as Record<string, unknown>;
  return isMonth(r["start"]) && isMonth(r["end"]) ? { start: r["start"], end: r["end"] } : { ...fallback };
}

/** data.json as loaded (anything, from any version) → settings; unknown or bad values fall back. */
export function readSettings(raw: unknown): UnionPlanSettings {
  const r = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const str = (key: string, fallback: string): string => (typeof r[key] === "string" ? r[key] : fallback);
  return {
    planFolder: str("planFolder", DEFAULT_SETTINGS.planFolder),
    templateFolder: str("templateFolder", DEFAULT_SETTINGS.templateFolder),
    weekStart: r["weekStart"] === 0 ? 0 : 1,
    tasksDueDates: r["tasksDueDates"] === true,
    tasksFormat: r["tasksFormat"] === "dataview" ? "dataview" : "emoji",
    term1: readTerm(r["term1"], DEFAULT_SETTINGS.term1),
    term2: readTerm(r["term2"], DEFAULT_SETTINGS.term2),
    holidayOverrides: str("holidayOverrides", DEFAULT_SETTINGS.holidayOverrides),
    notion: readNotionSettings(r["notion"]),
  };
}

/** "" stays "" (the root); anything else becomes a normalized vault path. */
export function folderPath(folder: string): string {
  const trimmed = folder.trim();
  if (trimmed === "") return "";
  const p = normalizePath(trimmed);
  return p === "/" ? "" : p;
}

/** "9-1" → { start: 9, end: 1 }; null when it is not two months. */
export function parseTermMonths(text: string): TermMonths | null {
  const m = /^\s*(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return isMonth(start) && isMonth(end) ? { start, end } : null;
}

export function formatTermMonths(t: TermMonths): string {
  return `${t.start}-${t.end}`;
}

/** The overrides text → the holiday calendar's overrides (shared/holidays reads it; bad lines are skipped). */
export function holidayOverridesOf(settings: UnionPlanSettings): HolidayOverrides {
  return parseHolidayOverrides(settings.holidayOverrides).overrides;
}

/** What the settings tab needs from the plugin. */
export interface SettingsOwner extends Plugin {
  settings: UnionPlanSettings;
  saveSettings(): Promise<void>;
  /** Sections other parts of the plugin add at the end (the Notion mirror's). */
  displayExtraSettings?(containerEl: HTMLElement): void;
}

export class UnionPlanSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    private readonly owner: SettingsOwner,
  ) {
    super(app, owner);
  }

  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const s = this.owner.settings;
    const save = async (): Promise<void> => this.owner.saveSettings();

    new Setting(containerEl).setName(tr("settingsGeneral")).setHeading();
    new Setting(containerEl)
      .setName(tr("planFolder"))
      .setDesc(tr("planFolderDesc"))
      .addText((t) =>
        t.setValue(s.planFolder).onChange(async (v) => {
          s.planFolder = folderPath(v);
          await save();
        }),
      );
    new Setting(containerEl)
      .setName(tr("templateFolder"))
      .setDesc(tr("templateFolderDesc"))
      .addText((t) =>
        t.setValue(s.templateFolder).onChange(async (v) => {
          s.templateFolder = folderPath(v);
          await save();
        }),
      );
    new Setting(containerEl).setName(tr("weekStart")).addDropdown((d) =>
      d
        .addOption("1", tr("monday"))
        .addOption("0", tr("sunday"))
        .setValue(String(s.weekStart))
        .onChange(async (v) => {
          s.weekStart = v === "0" ? 0 : 1;
          await save();
        }),
    );

    new Setting(containerEl).setName(tr("headingTasks")).setHeading();
    new Setting(containerEl)
      .setName(tr("dueDates"))
      .setDesc(tr("dueDatesDesc"))
      .addToggle((t) =>
        t.setValue(s.tasksDueDates).onChange(async (v) => {
          s.tasksDueDates = v;
          await save();
        }),
      );
    new Setting(containerEl)
      .setName(tr("tasksFormat"))
      .setDesc(tr("tasksFormatDesc"))
      .addDropdown((d) =>
        d
          .addOption("emoji", tr("tasksFormatEmoji"))
          .addOption("dataview", tr("tasksFormatDataview"))
          .setValue(s.tasksFormat)
          .onChange(async (v) => {
            s.tasksFormat = v === "dataview" ? "dataview" : "emoji";
            await save();
          }),
      );

    new Setting(containerEl).setName(tr("headingTerms")).setHeading();
    const termSetting = (name: "term1Months" | "term2Months", desc: "term1MonthsDesc" | "term2MonthsDesc", key: "term1" | "term2"): void => {
      new Setting(containerEl)
        .setName(tr(name))
        .setDesc(tr(desc))
        .addText((t) =>
          t.setValue(formatTermMonths(s[key])).onChange(async (v) => {
            const parsed = parseTermMonths(v);
            t.inputEl.toggleClass("union-plan-invalid", parsed === null);
            t.inputEl.setAttr("aria-invalid", parsed === null ? "true" : null);
            t.inputEl.setAttr("title", parsed === null ? tr("badMonths") : null);
            if (!parsed) return;
            s[key] = parsed;
            await save();
          }),
        );
    };
    termSetting("term1Months", "term1MonthsDesc", "term1");
    termSetting("term2Months", "term2MonthsDesc", "term2");

    new Setting(containerEl).setName(tr("headingHolidays")).setHeading();
    new Setting(containerEl)
      .setName(tr("holidayOverrides"))
      .setDesc(tr("holidayOverridesDesc"))
      .addTextArea((t) => {
        t.inputEl.rows = 6;
        t.setPlaceholder("2027-01-01 休 元旦\n2027-02-07 班 春节调休")
          .setValue(s.holidayOverrides)
          .onChange(async (v) => {
            const { errors } = parseHolidayOverrides(v);
            t.inputEl.setAttr("aria-invalid", errors.length > 0 ? "true" : null);
            t.inputEl.setAttr("title", errors.map((e) => `${tr("line", { n: e.line })}: ${e.message}`).join("\n") || null);
            s.holidayOverrides = v;
            await save();
          });
      });

    this.owner.displayExtraSettings?.(containerEl);
  }
}
