/**
 * union-plan in Obsidian. onload only registers (view, commands, ribbon icon, settings tab) and
 * returns; the plan index is built once the workspace layout is ready. Every listener goes through
 * register*, so unloading leaves nothing behind; the plugin keeps no reference to any view.
 */
import { Notice, Plugin, parseYaml, stringifyYaml } from "obsidian";
import { setYamlCodec } from "../shared/markdown/yaml-codec";
import { PlanIndex } from "./index/plan-index";
import { PluginCalendarHost } from "./calendar-host";
import { DEFAULT_SETTINGS, UnionPlanSettingTab, readSettings, type UnionPlanSettings } from "./settings";
import { both, tr } from "./i18n";
import { ImportModal } from "./commands/import-plans";
import { normalizeNote } from "./commands/normalize-note";
import { NewPlanModal } from "./commands/new-plan";
import { openNoteAtLine } from "./open-note";
import { CalendarView, VIEW_TYPE_CALENDAR } from "./view/calendar-view";
import { registerNotionSync, type NotionSyncHandle } from "./notion";
import { uiTurn } from "./index/ui-turn";

export default class UnionPlanPlugin extends Plugin {
  override settings: UnionPlanSettings = { ...DEFAULT_SETTINGS };
  index: PlanIndex | null = null;
  host: PluginCalendarHost | null = null;
  private notion: NotionSyncHandle | null = null;

  override async onload(): Promise<void> {
    this.settings = readSettings(await this.loadData());
    // Frontmatter through Obsidian's own YAML: real YAML, and nothing added to main.js.
    setYamlCodec({ parse: (text) => parseYaml(text) as unknown, stringify: (value) => stringifyYaml(value) });
    this.register(() => setYamlCodec(null));

    const turn = uiTurn(window);
    const index = new PlanIndex({
      vault: this.app.vault,
      metadataCache: this.app.metadataCache,
      setTimer: (fn, ms) => {
        const id = window.setTimeout(fn, ms);
        return () => window.clearTimeout(id);
      },
      yieldTurn: () => turn.next(),
    });
    this.index = index;
    this.register(() => {
      index.destroy();
      turn.close();
      this.index = null;
      this.host = null;
    });
    const host = new PluginCalendarHost(this.app, index, () => this.settings);
    this.host = host;

    this.notion = registerNotionSync(this, {
      planNotes: () => index.planNotes(),
      getSettings: () => this.settings.notion,
      taskFormat: () => this.settings.tasksFormat,
      saveSettings: async (next) => {
        this.settings.notion = next;
        await this.saveSettings();
      },
    });
    this.register(() => {
      this.notion = null;
    });

    this.registerView(VIEW_TYPE_CALENDAR, (leaf) => new CalendarView(leaf, host));
    this.addSettingTab(new UnionPlanSettingTab(this.app, this));
    this.addRibbonIcon("calendar-days", both("ribbonCalendar"), () => {
      void this.openCalendar();
    });

    this.addCommand({
      id: "new-plan",
      name: both("cmdNewPlan"),
      callback: () => {
        new NewPlanModal(this.app, () => this.settings, (file) => openNoteAtLine(this.app, file.path, 1)).open();
      },
    });
    this.addCommand({
      id: "import-plan",
      name: both("cmdImport"),
      callback: () => {
        new ImportModal(this.app, () => this.settings, (path, line) => openNoteAtLine(this.app, path, line)).open();
      },
    });
    this.addCommand({
      id: "normalize-schedule",
      name: both("cmdNormalize"),
      checkCallback: (checking) => {
        const file = this.app.workspace.getActiveFile();
        if (!file || file.extension !== "md") return false;
        if (!checking) void this.normalizeActive(file.path);
        return true;
      },
    });
    this.addCommand({
      id: "open-calendar",
      name: both("cmdOpenCalendar"),
      callback: () => {
        void this.openCalendar();
      },
    });

    // Heavy work waits for the layout: the index reads every note once, then follows changes.
    this.app.workspace.onLayoutReady(() => {
      if (this.index !== index) return; // unloaded meanwhile
      for (const ref of index.eventRefs()) this.registerEvent(ref);
      void index.build();
    });
  }

  displayExtraSettings(containerEl: HTMLElement): void {
    this.notion?.displaySettings(containerEl);
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
    // Views read the settings when they draw: have them draw again.
    this.index?.poke();
  }

  /** Reveals the 行事历 view, opening it in a new tab when none is open. */
  async openCalendar(): Promise<void> {
    const { workspace } = this.app;
    const existing = workspace.getLeavesOfType(VIEW_TYPE_CALENDAR)[0];
    if (existing) {
      await workspace.revealLeaf(existing);
      return;
    }
    const leaf = workspace.getLeaf("tab");
    await leaf.setViewState({ type: VIEW_TYPE_CALENDAR, active: true });
    await workspace.revealLeaf(leaf);
  }

  private async normalizeActive(path: string): Promise<void> {
    const file = this.app.vault.getFileByPath(path);
    if (!file) return;
    const outcome = await normalizeNote(this.app, file, { dueDates: this.settings.tasksDueDates, format: this.settings.tasksFormat });
    if (outcome.kind === "refused") new Notice(outcome.message, 0);
    else new Notice(outcome.kind === "changed" ? tr("normalized") : outcome.kind === "unchanged" ? tr("alreadyNormal") : tr("nothingToNormalize"));
  }
}
