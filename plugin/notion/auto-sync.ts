/**
 * The opt-in automatic sync: once when Obsidian starts and every N minutes (both off by default).
 * It waits while a sync runs, while the device is offline, and while a plan note is open in an
 * editor with changes not yet saved to its file: the sync reads the file, and may write review
 * fields and ticks into it, so it comes back on the next round instead.
 */
import { MarkdownView, type App } from "obsidian";

export type AutoSyncHold = "running" | "offline" | "unsaved" | null;

/** What holds the automatic sync back now, or null when it may run. */
export async function autoSyncHold(app: App, running: boolean, planPaths: ReadonlySet<string>, online: () => boolean): Promise<AutoSyncHold> {
  if (running) return "running";
  if (!online()) return "offline";
  for (const leaf of app.workspace.getLeavesOfType("markdown")) {
    const view = leaf.view;
    if (!(view instanceof MarkdownView) || !view.file || !planPaths.has(view.file.path)) continue;
    if (view.editor.getValue() !== (await app.vault.cachedRead(view.file))) return "unsaved";
  }
  return null;
}

/** The status bar's word for a held sync, Chinese first. */
export const HOLD_TEXT: Record<Exclude<AutoSyncHold, null>, string> = {
  running: "同步中 / syncing",
  offline: "离线，稍后自动同步 / offline, auto-sync waits",
  unsaved: "笔记未保存，稍后自动同步 / unsaved note, auto-sync waits",
};
