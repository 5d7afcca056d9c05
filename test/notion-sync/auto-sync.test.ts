// @vitest-environment happy-dom
/** The opt-in automatic sync: what holds it back, and the sync on start-up. */
import { describe, expect, it } from "vitest";
import type { App as ObsidianApp, Plugin as ObsidianPlugin } from "obsidian";
import { App, MarkdownView, Notice, Plugin, type PluginManifest } from "../fakes/obsidian";
import { autoSyncHold } from "../../plugin/notion/auto-sync";
import { registerNotionSync, DEFAULT_NOTION_SETTINGS } from "../../plugin/notion/index";
import { MemoryStateStore } from "../../notion-sync/sync-state";

const MANIFEST: PluginManifest = { id: "union-plan", name: "Union Plan", version: "0.1.0", minAppVersion: "1.11.4", description: "test", author: "test" };
class TestPlugin extends Plugin {}
const NOTE = "计划/计划.md";
const TEXT = "# 青禾小学2026年工会工作计划\n## 行事历\n### 2026年3月\n- [ ] 教工踏青 ^t-1\n";

describe("what holds the automatic sync back", () => {
  it("a sync under way, being offline, a plan note open with unsaved changes; nothing else", async () => {
    const app = new App({ [NOTE]: TEXT, "其他.md": "随手记" });
    const plans = new Set([NOTE]);
    const obsidianApp = app as unknown as ObsidianApp;
    expect(await autoSyncHold(obsidianApp, true, plans, () => true)).toBe("running");
    expect(await autoSyncHold(obsidianApp, false, plans, () => false)).toBe("offline");
    expect(await autoSyncHold(obsidianApp, false, plans, () => true)).toBeNull();
    const file = app.vault.getFileByPath(NOTE);
    if (!file) throw new Error("no note");
    await app.workspace.getLeaf().openFile(file);
    const view = app.workspace.getLeavesOfType("markdown")[0]?.view as MarkdownView;
    view.editor.value = TEXT;
    expect(await autoSyncHold(obsidianApp, false, plans, () => true)).toBeNull();
    view.editor.value = TEXT + "- [ ] 还没存 ^t-2\n";
    expect(await autoSyncHold(obsidianApp, false, plans, () => true)).toBe("unsaved");
    // Unsaved changes in a note that is no plan hold nothing.
    expect(await autoSyncHold(obsidianApp, false, new Set<string>(), () => true)).toBeNull();
  });
});

describe("sync on start-up", () => {
  const start = (syncOnStartup: boolean): void => {
    const app = new App({});
    const plugin = new TestPlugin(app, MANIFEST);
    registerNotionSync(plugin as unknown as ObsidianPlugin, {
      planNotes: () => [],
      getSettings: () => ({ ...DEFAULT_NOTION_SETTINGS, syncOnStartup }),
      saveSettings: () => Promise.resolve(),
      stateStore: new MemoryStateStore(),
      online: () => true,
    });
    app.setLayoutReady();
  };

  it("runs once the layout is ready when turned on (here it stops at the missing token), and not when off", async () => {
    Notice.messages = [];
    start(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(Notice.messages).toEqual([]);
    start(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(Notice.messages.join("")).toMatch(/令牌|token/);
  });
});
