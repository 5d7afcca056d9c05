// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { App as ObsidianApp, Plugin as ObsidianPlugin, RequestUrlParam, RequestUrlResponse } from "obsidian";
import { App, Notice, Plugin, type PluginManifest } from "../fakes/obsidian";
import { parsePlans } from "../../shared/index";
import { virtualClock } from "../../notion-emulator/virtual-clock";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { registerNotionSync, DEFAULT_NOTION_SETTINGS, type NotionSettings } from "../../plugin/notion/index";
import { createNotionEmulator } from "../../notion-emulator/index";
import { exampleVault } from "./world";

const MANIFEST: PluginManifest = { id: "union-plan", name: "Union Plan", version: "0.1.0", minAppVersion: "1.11.4", description: "test", author: "test" };
class TestPlugin extends Plugin {}

describe("plugin glue", () => {
  it("syncs through requestUrl (throw: false), shows progress and a notice, writes review and ticks back with processFrontMatter / Vault.process", async () => {
    const clock = virtualClock();
    const emulator = createNotionEmulator({ clock });
    const parent = emulator.seedPage();
    emulator.addUser("王芳");
    const files = Object.fromEntries(exampleVault());
    const app = new App(files);
    app.secretStorage.setSecret("notion-token", emulator.token);
    const plugin = new TestPlugin(app, MANIFEST);
    let settings: NotionSettings = { ...DEFAULT_NOTION_SETTINGS, tokenSecret: "notion-token", parentPage: `https://www.notion.so/${parent.replace(/-/g, "")}` };
    const seen: RequestUrlParam[] = [];
    const requestUrl = async (req: RequestUrlParam): Promise<RequestUrlResponse> => {
      seen.push(req);
      const res = await emulator.fetch(req.url, { method: req.method, headers: req.headers, body: typeof req.body === "string" ? req.body : undefined });
      const text = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      return { status: res.status, headers, text, json: text ? (JSON.parse(text) as unknown) : null, arrayBuffer: new ArrayBuffer(0) };
    };
    const notes = async (): Promise<Array<{ path: string; text: string; plans: ReturnType<typeof parsePlans>["plans"] }>> => {
      const out = [];
      for (const f of app.vault.getMarkdownFiles()) {
        const text = await app.vault.read(f);
        out.push({ path: f.path, text, plans: parsePlans(text).plans });
      }
      return out.filter((n) => n.plans.length > 0);
    };
    let current = await notes();
    const store = new MemoryStateStore();
    const handle = registerNotionSync(plugin as unknown as ObsidianPlugin, {
      planNotes: () => current,
      getSettings: () => settings,
      saveSettings: (next) => {
        settings = next;
        return Promise.resolve();
      },
      stateStore: store,
      clock,
      requestUrl,
    });
    void (app as unknown as ObsidianApp);
    expect([...app.commands.keys()]).toEqual(expect.arrayContaining(["union-plan:notion-sync-all", "union-plan:notion-sync-this"]));
    expect(app.commands.get("union-plan:notion-sync-all")?.name).toBe("同步计划到 Notion / Sync plans to Notion");

    // The settings section draws, keeps only the secret's name, and saves what is typed.
    const container = document.createElement("section");
    handle.displaySettings(container);
    expect(container.textContent).toMatch(/需要 Notion 账号和一个集成/);
    const select = container.querySelector("select");
    expect(select?.value).toBe("notion-token");
    expect(JSON.stringify(settings)).not.toContain(emulator.token);

    const first = await handle.sync();
    expect(first?.created).toBe(34);
    expect(seen.every((r) => r.throw === false)).toBe(true);
    expect(Notice.messages.join("\n")).toMatch(/新建 34/);
    expect(JSON.stringify(settings)).not.toContain(emulator.token);
    // 王芳 is a member of the workspace, 刘洋 (and three others) are not: said in the notice, shown in the settings.
    expect(Notice.messages.join("\n")).toMatch(/负责人 \/ owners — 成员 \/ members: 王芳；仅文字 \/ text only: .*刘洋/);
    expect(settings.lastOwners?.matched).toEqual({ 王芳: "王芳" });
    expect(settings.lastOwners?.unmatched).toContain("刘洋");
    const after = document.createElement("section");
    handle.displaySettings(after);
    expect(after.textContent).toMatch(/已匹配成员.*王芳.*仅文字（不是工作区成员）.*刘洋/);

    const planPage = emulator.pages(store.snapshot?.plansDataSourceId ?? "").find((p) => p.properties["同步键"] === "p-qsl2026");
    const taskPage = emulator.pages(store.snapshot?.tasksDataSourceId ?? "").find((p) => p.properties["同步键"] === "p-qsl2026/t-qs1201");
    emulator.editPage(planPage?.id ?? "", { 审核状态: "需修改", 审核意见: "请补充预算" });
    emulator.editPage(taskPage?.id ?? "", { 完成: true });
    const second = await handle.sync();
    expect(second?.pulledBack).toBe(3);
    const file = app.vault.getFileByPath("计划/2026年 工会工作计划.md");
    const text = file ? await app.vault.read(file) : "";
    expect(text).toMatch(/review-status: 需修改/);
    expect(text).toMatch(/review-comment: 请补充预算/);
    // A tick from Notion is written as Tasks writes one: with its ✅ done date.
    expect(text).toMatch(/- \[x\] 送温暖走访困难教职工 ✅ \d{4}-\d{2}-\d{2} \^t-qs1201/);
    current = await notes();
    const third = await handle.sync();
    expect(third?.writes).toBe(0);
  });

  it("without a token it says what to do and sends nothing", async () => {
    const app = new App({});
    const plugin = new TestPlugin(app, MANIFEST);
    let calls = 0;
    const handle = registerNotionSync(plugin as unknown as ObsidianPlugin, {
      planNotes: () => [],
      getSettings: () => ({ ...DEFAULT_NOTION_SETTINGS }),
      saveSettings: () => Promise.resolve(),
      stateStore: new MemoryStateStore(),
      requestUrl: () => {
        calls++;
        return Promise.reject(new Error("no"));
      },
    });
    Notice.messages = [];
    expect(await handle.sync()).toBeNull();
    expect(Notice.messages.join("")).toMatch(/令牌|token/);
    expect(calls).toBe(0);
  });
});
