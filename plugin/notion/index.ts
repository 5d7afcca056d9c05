/**
 * The Notion mirror inside Obsidian: commands, status bar progress, a summary notice, auto-sync,
 * and the settings section. The sync itself is notion-sync/ (no 'obsidian' there): this file hands
 * it a fetch built on requestUrl, a state store in the plugin's folder, and writes Notion's review
 * and ticks back through FileManager.processFrontMatter and Vault.process.
 *
 * What the plugin core gives `registerNotionSync(plugin, deps)`:
 *
 *   interface NotionSyncDeps {
 *     // The plan notes now, from the vault index (PlanIndex): vault path, the text as parsed and
 *     // the engine's plans. The mirror never reads or parses notes itself.
 *     planNotes(): NotionSyncNote[];
 *     // The Notion part of the settings, kept by the plugin core in data.json (no token in it:
 *     // only the name of the secret in app.secretStorage), and a way to save it.
 *     getSettings(): NotionSettings;
 *     saveSettings(next: NotionSettings): Promise<void>;
 *     // Optional: where the sync state lives. Default: <plugin folder>/notion-sync-state.json.
 *     stateStore?: SyncStateStore;
 *     // Optional, for tests: the clock (default real time) and the requestUrl to use.
 *     clock?: Clock;
 *     requestUrl?: RequestUrlLike;
 *   }
 *
 * and calls, from its settings tab's display(), `handle.displaySettings(containerEl)`.
 * Writes to notes go through `app.fileManager.processFrontMatter` (review-status, review-comment)
 * and `app.vault.process` with shared/edit/task-line.ts's setTaskDone (ticks).
 */
import { Notice, normalizePath, requestUrl, type Plugin } from "obsidian";
import { createNotionClient } from "../../notion-sync/client";
import { realClock, type Clock } from "../../notion-sync/clock";
import { SyncError, redact } from "../../notion-sync/errors";
import { resolvePropertyNames } from "../../notion-sync/properties";
import { parseNotionId } from "../../notion-sync/schema";
import { checkState, emptyState, type SyncState, type SyncStateStore } from "../../notion-sync/sync-state";
import { runNotionSync, type NoteEdit, type SyncNote, type SyncReport } from "../../notion-sync/sync-engine";
import { ownersSummary } from "../../notion-sync/members";
import { reviewNewsLines } from "../../notion-sync/review-news";
import { setTaskDone } from "../../shared/edit/task-line";
import { replaceReviewSection } from "../../shared/markdown/review-section";
import type { TaskFormat } from "../../shared/tasks/task-serializer";
import { requestUrlFetch, type RequestUrlLike } from "./request-url-fetch";
import { autoSyncHold, HOLD_TEXT } from "./auto-sync";
import { bi, displayNotionSettings, type NotionSettings } from "./settings";

export { DEFAULT_NOTION_SETTINGS, readNotionSettings, type NotionSettings } from "./settings";

export type NotionSyncNote = SyncNote;

export interface NotionSyncDeps {
  planNotes(): NotionSyncNote[];
  getSettings(): NotionSettings;
  saveSettings(next: NotionSettings): Promise<void>;
  stateStore?: SyncStateStore;
  clock?: Clock;
  requestUrl?: RequestUrlLike;
  /** Tasks' format a tick from Notion is written in (the plugin's setting); emoji when absent. */
  taskFormat?(): TaskFormat;
  /** Whether the device is online (navigator.onLine when absent). */
  online?(): boolean;
}

export interface NotionSyncHandle {
  /** Syncs every plan note (or only `path`). Resolves with the report, or null when it could not start. */
  sync(path?: string): Promise<SyncReport | null>;
  displaySettings(containerEl: HTMLElement): void;
}

/** The sync state as a JSON file in the plugin's folder (through the vault adapter). */
export function adapterStateStore(plugin: Plugin): SyncStateStore {
  const path = normalizePath(`${plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`}/notion-sync-state.json`);
  const adapter = plugin.app.vault.adapter;
  return {
    async load(): Promise<SyncState | null> {
      if (!(await adapter.exists(path))) return null;
      let raw: unknown;
      try {
        raw = JSON.parse(await adapter.read(path));
      } catch {
        // Unreadable: the sync says the state was corrupt and rebuilds it from Notion by 同步键.
        return { ...emptyState(), corrupt: "不是有效的 JSON / not valid JSON" };
      }
      return checkState(raw);
    },
    async save(state: SyncState): Promise<void> {
      // Written whole to a temporary file of its own, then moved into place: never half-written.
      const tmp = `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
      await adapter.write(tmp, JSON.stringify(state));
      try {
        await adapter.rename(tmp, path);
      } catch {
        // Adapters that will not rename onto an existing file: replace it in two steps.
        await adapter.remove(path);
        await adapter.rename(tmp, path);
      }
    },
  };
}

/** One-line summary for the notice, Chinese first. */
export function summaryText(r: SyncReport): string {
  const zh = `Notion 同步完成：新建 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，取回 ${r.pulledBack}，冲突 ${r.conflicts.length}，请求 ${r.requests}`;
  const en = `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, pulled back ${r.pulledBack}, conflicts ${r.conflicts.length}, requests ${r.requests}`;
  const extra = r.errors.length > 0 ? `\n${r.errors.join("\n")}` : "";
  const conflicts = r.conflicts.length > 0 ? `\n${r.conflicts.map((c) => `冲突（以 Obsidian 为准）/ conflict (Obsidian kept): ${c.task}`).join("\n")}` : "";
  const owners = ownersSummary(r.owners);
  const reviews = reviewNewsLines(r.reviews).map((l) => `\n${l}`).join("");
  return `${zh} / ${en}${reviews}${conflicts}${owners ? `\n${owners}` : ""}${extra}`;
}

export function registerNotionSync(plugin: Plugin, deps: NotionSyncDeps): NotionSyncHandle {
  const app = plugin.app;
  const store = deps.stateStore ?? adapterStateStore(plugin);
  let running = false;
  let statusEl: HTMLElement | null = null;
  let lastAuto = Date.now();

  const applyEdit = async (edit: NoteEdit): Promise<void> => {
    const file = app.vault.getFileByPath(normalizePath(edit.path));
    if (!file) return;
    if (edit.tasks && edit.tasks.length > 0) {
      const ticks = edit.tasks;
      await app.vault.process(file, (text) => {
        let out = text;
        for (const t of ticks) out = setTaskDone(out, t.taskId, t.done, { format: deps.taskFormat?.() }).text;
        return out;
      });
    }
    if (edit.reviewSection !== undefined) {
      // The mirror's own section at the end of the note; the lines above it stay as they are.
      const section = edit.reviewSection;
      await app.vault.process(file, (text) => replaceReviewSection(text, section));
    }
    if (edit.frontmatter) {
      const fields = edit.frontmatter;
      await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(fields)) {
          if (v === null) delete fm[k];
          else fm[k] = v;
        }
      });
    }
  };

  const sync = async (path?: string): Promise<SyncReport | null> => {
    if (running) {
      new Notice("Notion 同步正在进行 / a Notion sync is already running");
      return null;
    }
    const settings = deps.getSettings();
    const token = settings.tokenSecret ? app.secretStorage.getSecret(settings.tokenSecret) : null;
    if (!token) {
      new Notice("请先在设置中选择 Notion 集成令牌 / choose the Notion integration token in settings first");
      return null;
    }
    const parentPageId = settings.parentPage ? (parseNotionId(settings.parentPage) ?? undefined) : undefined;
    const plansDatabaseId = settings.plansDatabase ? (parseNotionId(settings.plansDatabase) ?? undefined) : undefined;
    const tasksDatabaseId = settings.tasksDatabase ? (parseNotionId(settings.tasksDatabase) ?? undefined) : undefined;
    if (!parentPageId && !plansDatabaseId) {
      new Notice("请在设置中填写 Notion 父页面或数据库 / set a Notion parent page or database in settings");
      return null;
    }
    running = true;
    statusEl ??= plugin.addStatusBarItem();
    statusEl.setText("Notion …");
    try {
      const notes = deps.planNotes().filter((n) => path === undefined || n.path === path);
      const connection = createNotionClient({ token, fetch: requestUrlFetch(deps.requestUrl ?? ((r) => requestUrl(r))), clock: deps.clock ?? realClock });
      const report = await runNotionSync(notes, {
        connection,
        store,
        target: { parentPageId, plansDatabaseId, tasksDatabaseId },
        names: resolvePropertyNames(settings.propertyNames),
        onlyPaths: path === undefined ? undefined : [path],
        trashOnDelete: settings.trashOnDelete,
        ...(settings.syncName ? { syncedBy: settings.syncName } : {}),
        applyEdit,
        onProgress: (done, total) => statusEl?.setText(`Notion ${done}/${total}`),
      });
      new Notice(summaryText(report), 8000);
      if (Object.keys(report.owners.matched).length > 0 || report.owners.unmatched.length > 0) {
        // The settings show how the last sync matched owners to members.
        await deps.saveSettings({ ...deps.getSettings(), lastOwners: report.owners });
      }
      return report;
    } catch (error) {
      const message = error instanceof SyncError ? error.message : redact(error instanceof Error ? error.message : String(error), token);
      new Notice(`Notion 同步失败 / Notion sync failed: ${redact(message, token)}`, 10000);
      return null;
    } finally {
      running = false;
      statusEl?.setText("");
    }
  };

  plugin.addCommand({
    id: "notion-sync-all",
    name: bi("同步计划到 Notion", "Sync plans to Notion"),
    callback: () => {
      void sync();
    },
  });
  plugin.addCommand({
    id: "notion-sync-this",
    name: bi("同步此计划到 Notion", "Sync this plan to Notion"),
    checkCallback: (checking) => {
      const file = app.workspace.getActiveFile();
      if (!file || !deps.planNotes().some((n) => n.path === file.path)) return false;
      if (!checking) void sync(file.path);
      return true;
    },
  });
  // Automatic sync (opt-in): on start-up, and every N minutes checked once a minute; held back
  // while a sync runs, offline, or while a plan note has unsaved changes (auto-sync.ts).
  const autoSync = async (): Promise<void> => {
    const planPaths = new Set(deps.planNotes().map((n) => n.path));
    const online = (): boolean => (deps.online ? deps.online() : window.navigator.onLine);
    const hold = await autoSyncHold(app, running, planPaths, online);
    if (hold !== null) {
      if (hold !== "running") (statusEl ??= plugin.addStatusBarItem()).setText(`Notion: ${HOLD_TEXT[hold]}`);
      return;
    }
    lastAuto = Date.now();
    await sync();
  };
  plugin.registerInterval(
    window.setInterval(() => {
      const minutes = deps.getSettings().autoSyncMinutes;
      if (minutes <= 0 || Date.now() - lastAuto < minutes * 60_000) return;
      void autoSync();
    }, 60_000),
  );
  app.workspace.onLayoutReady(() => {
    if (deps.getSettings().syncOnStartup) void autoSync();
  });

  return {
    sync,
    displaySettings: (containerEl) => displayNotionSettings(containerEl, app, deps.getSettings(), (next) => deps.saveSettings(next)),
  };
}
