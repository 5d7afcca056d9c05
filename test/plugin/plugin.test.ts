// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { App, MarkdownView, Modal, Notice, TFile, setLanguage, type Plugin as FakePlugin } from "../fakes/obsidian";
import type { App as ObsidianApp } from "obsidian";
import UnionPlanPlugin from "../../plugin/main";
import { parsePlans } from "../../shared/index";
import { renderPlanMarkdown } from "../../shared/markdown/render-plan";
import { TEMPLATES } from "../../shared/templates/catalog";
import { createPlanNote, NewPlanModal } from "../../plugin/commands/new-plan";
import { ImportModal, importPlansFromText } from "../../plugin/commands/import-plans";
import { readSettings } from "../../plugin/settings";
import { VIEW_TYPE_CALENDAR } from "../../plugin/view/calendar-view";
import { indexSettled, MANIFEST, sleep, startPlugin, taskByText, tasksOf, type Running } from "./harness";
import { todayIso } from "../../shared/tasks/task-serializer";

const golden = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../engine/golden/sample-plan.md"), "utf8");
const GOLDEN_PATH = "计划/晨光小学第二学期.md";

const TWO_PLANS = `滨江人民医院工会2026年工作计划
一、指导思想
坚持以职工为本。
二、全年活动安排
三月：“三八”节女职工健康讲座
四月份：
1. 职工春季健步走
2. 护理技能比武
七、八月份：夏季送清凉
十二月：年终慰问一线职工
青石小学2027年工会工作计划
一、指导思想
团结教职工。
二、月份安排
3月
1、教工春季登山
5月
1、青年教师演讲比赛
`;

let running: Running | null = null;
afterEach(() => {
  running?.plugin.unload();
  running = null;
  setLanguage("en");
});

async function start(files: Record<string, string> = { [GOLDEN_PATH]: golden }, data?: unknown): Promise<Running> {
  running = await startPlugin(files, data);
  return running;
}

describe("loading", () => {
  it("registers on load and builds the index only once the layout is ready", async () => {
    const app = new App({ [GOLDEN_PATH]: golden });
    const plugin = new UnionPlanPlugin(app as unknown as ObsidianApp, MANIFEST);
    plugin.load();
    await sleep(10);
    expect([...app.commands.keys()].sort()).toEqual([
      "union-plan:import-plan",
      "union-plan:new-plan",
      "union-plan:normalize-schedule",
      "union-plan:notion-sync-all",
      "union-plan:notion-sync-this",
      "union-plan:open-calendar",
    ]);
    expect(app.viewRegistry.has(VIEW_TYPE_CALENDAR)).toBe(true);
    expect(app.ribbon.size).toBe(1);
    expect(plugin.index?.isBuilt).toBe(false);
    expect(plugin.index?.parseCount).toBe(0);
    // No default hotkeys.
    expect([...app.commands.values()].every((c) => c.hotkeys === undefined)).toBe(true);
    app.setLayoutReady();
    await sleep(10);
    expect(plugin.index?.isBuilt).toBe(true);
    expect(plugin.index?.snapshot().plans.map((p) => p.path)).toEqual([GOLDEN_PATH]);
    plugin.unload();
  });

  it("names commands in Chinese first when Obsidian is in Chinese", async () => {
    setLanguage("zh");
    const { app } = await start();
    expect(app.commands.get("union-plan:new-plan")?.name).toBe("新建工会计划 / New union plan");
    setLanguage("en");
  });

  it("unloading leaves no listener, command, view, ribbon icon or timer behind", async () => {
    const app = new App({ [GOLDEN_PATH]: golden });
    const before = { vault: app.vault.listenerCount(), meta: app.metadataCache.listenerCount(), ws: app.workspace.listenerCount() };
    const plugin = new UnionPlanPlugin(app as unknown as ObsidianApp, MANIFEST);
    plugin.load();
    await sleep(0);
    app.setLayoutReady();
    await sleep(10);
    expect(app.metadataCache.listenerCount()).toBeGreaterThan(before.meta);
    expect(app.vault.listenerCount()).toBeGreaterThan(before.vault);
    // A change in flight (debounce timer running) when the plugin goes.
    await app.vault.modify(app.vault.getFileByPath(GOLDEN_PATH) as TFile, golden.replace("春季教工健步走", "春季教工登山"));
    await app.metadataCache.settle();
    const index = plugin.index;
    plugin.unload();
    expect({ vault: app.vault.listenerCount(), meta: app.metadataCache.listenerCount(), ws: app.workspace.listenerCount() }).toEqual(before);
    expect(app.commands.size).toBe(0);
    expect(app.viewRegistry.size).toBe(0);
    expect(app.ribbon.size).toBe(0);
    expect(app.settingTabs).toHaveLength(0);
    expect((plugin as unknown as FakePlugin).registeredCount).toBe(0);
    expect(plugin.index).toBeNull();
    // The pending change never lands after unload.
    const parses = index?.parseCount;
    await sleep(150);
    expect(index?.parseCount).toBe(parses);
  });
});

describe("new plan from each template", () => {
  for (const info of TEMPLATES) {
    it(`${info.name}: writes a note the engine reads back, and the index finds it`, async () => {
      const { app, plugin } = await start({}, { planFolder: "计划" });
      const file = await createPlanNote(app as unknown as ObsidianApp, plugin.settings, { template: info.id, school: "晨光小学", year: 2026, term: 1 });
      expect(file.path.startsWith("计划/晨光小学2026")).toBe(true);
      const text = app.vault.textAt(file.path) ?? "";
      const { plans, diagnostics } = parsePlans(text);
      expect(plans).toHaveLength(1);
      const plan = plans[0];
      if (!plan) return;
      expect(plan.kind).toBe(info.kind);
      expect(plan.school).toBe("晨光小学");
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      // Exactly the months of the period, in order.
      const months = plan.schedule.flatMap((m) => m.months.map((x) => `${x.year}-${String(x.month).padStart(2, "0")}`));
      const expected = info.term === "none" ? ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"] : ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01"];
      expect(months).toEqual(expected);
      expect(plan.period).toEqual({ start: expected[0], end: expected[expected.length - 1] });
      // Read back exactly: the engine's own Markdown of it reads to the same plan.
      const again = parsePlans(renderPlanMarkdown(plan)).plans[0];
      expect(again?.schedule.map((m) => m.tasks.map((t) => [t.id, t.text, t.done]))).toEqual(plan.schedule.map((m) => m.tasks.map((t) => [t.id, t.text, t.done])));
      await indexSettled(app);
      expect(plugin.index?.snapshot().plans.map((p) => p.plan.id)).toEqual([plan.id]);
    });
  }

  it("never overwrites: the same plan twice gives a second note", async () => {
    const { app, plugin } = await start({});
    const a = await createPlanNote(app as unknown as ObsidianApp, plugin.settings, { template: "term", school: "晨光小学", year: 2026, term: 2 });
    const before = app.vault.textAt(a.path);
    const b = await createPlanNote(app as unknown as ObsidianApp, plugin.settings, { template: "term", school: "晨光小学", year: 2026, term: 2 });
    expect(b.path).toBe(a.path.replace(/\.md$/, " 2.md"));
    expect(app.vault.textAt(a.path)).toBe(before);
  });

  it("offers the template folder's Markdown files and fills their placeholders", async () => {
    const custom = "---\ntype: union-plan\ntitle: {{title}}\nschool: {{school}}\nperiod: {{period}}\nplan-id: {{plan-id}}\n---\n# {{title}}\n\n制定日期：{{date:YYYY年M月D日}}\n\n## 行事历\n\n{{months}}\n";
    const { app, plugin } = await start({ "模板/我的学期模板.md": custom }, { templateFolder: "模板", planFolder: "计划" });
    Modal.open = [];
    app.executeCommandById("union-plan:new-plan");
    const modal = Modal.open[0];
    if (!(modal instanceof NewPlanModal)) throw new Error("no modal");
    const options = [...modal.contentEl.querySelectorAll("option")].map((o) => o.getAttribute("value"));
    expect(options).toContain("custom:模板/我的学期模板.md");
    const file = await createPlanNote(app as unknown as ObsidianApp, plugin.settings, { template: "custom:模板/我的学期模板.md", school: "晨光小学", year: 2026, term: 2 });
    expect(file.path).toBe("计划/晨光小学2026学年度第二学期工会工作计划.md");
    const text = app.vault.textAt(file.path) ?? "";
    expect(text).not.toContain("{{");
    const plan = parsePlans(text).plans[0];
    expect(plan?.schedule.map((m) => m.label)).toEqual(["2027年2月", "2027年3月", "2027年4月", "2027年5月", "2027年6月", "2027年7月"]);
  });

  it("the command's modal creates the note and opens it", async () => {
    const { app } = await start({});
    Modal.open = [];
    expect(app.executeCommandById("union-plan:new-plan")).toBe(true);
    const modal = Modal.open[0];
    expect(modal).toBeInstanceOf(NewPlanModal);
    if (!(modal instanceof NewPlanModal)) return;
    expect(modal.contentEl.querySelectorAll("select").length).toBeGreaterThanOrEqual(2);
    modal.fill({ template: "annual", school: "东方小学", year: 2027, folder: "年度" });
    const file = await modal.submit();
    expect(file?.path).toBe("年度/东方小学2027年工会工作计划.md");
    expect(modal.isOpen).toBe(false);
    expect(app.workspace.getActiveFile()?.path).toBe("年度/东方小学2027年工会工作计划.md");
  });
});

describe("import", () => {
  it("writes one canonical note per plan and reports plans, months, tasks and diagnostics", async () => {
    const { app, plugin } = await start({}, { planFolder: "已导入" });
    const report = await importPlansFromText(app as unknown as ObsidianApp, plugin.settings, TWO_PLANS);
    expect(report.plans.map((p) => p.path)).toEqual(["已导入/滨江人民医院工会2026年工作计划.md", "已导入/青石小学2027年工会工作计划.md"]);
    expect(report.plans.map((p) => [p.months, p.tasks])).toEqual([
      [4, 5],
      [2, 2],
    ]);
    for (const p of report.plans) {
      const text = app.vault.textAt(p.path) ?? "";
      expect(text.startsWith("---\ntype: union-plan\n")).toBe(true);
      expect(text).toMatch(/\n- \[ \] .+ \^t-[a-z0-9-]+\n/);
    }
    await indexSettled(app);
    expect(plugin.index?.snapshot().plans).toHaveLength(2);
    expect(tasksOf(plugin).map((t) => t.text)).toContain("护理技能比武");

    // Again: nothing overwritten, new names.
    const again = await importPlansFromText(app as unknown as ObsidianApp, plugin.settings, TWO_PLANS);
    expect(again.plans.map((p) => p.path)).toEqual(["已导入/滨江人民医院工会2026年工作计划 2.md", "已导入/青石小学2027年工会工作计划 2.md"]);
  });

  it("writes Tasks due dates when the setting is on", async () => {
    const { app, plugin } = await start({}, { tasksDueDates: true });
    const report = await importPlansFromText(app as unknown as ObsidianApp, plugin.settings, TWO_PLANS);
    const text = app.vault.textAt(report.plans[1]?.path ?? "") ?? "";
    expect(text).toMatch(/- \[ \] 教工春季登山 📅 2027-03-31 \^t-/);
  });

  it("the modal imports a picked vault file and lists diagnostics with their lines", async () => {
    const { app } = await start({ "导入/两份.txt": `【范文】\n2026-03-02\n${TWO_PLANS}` });
    Modal.open = [];
    app.executeCommandById("union-plan:import-plan");
    const modal = Modal.open[0];
    if (!(modal instanceof ImportModal)) throw new Error("no import modal");
    const file = app.vault.getFileByPath("导入/两份.txt");
    if (!file) throw new Error("no file");
    const report = await modal.run({ kind: "file", file: file as never });
    expect(report?.plans).toHaveLength(2);
    expect(report?.sourcePath).toBe("导入/两份.txt");
    const text = modal.contentEl.textContent ?? "";
    expect(text).toContain("Plans found: 2");
    expect(report?.diagnostics.length).toBeGreaterThan(0);
    for (const d of report?.diagnostics ?? []) expect(text).toContain(`Line ${d.line}`);
  });
});

describe("the 行事历 host", () => {
  it("ticks a task in the note through Vault.process, and the index follows", async () => {
    const { app, plugin } = await start();
    const task = taskByText(plugin, "工会小组长会议");
    const r = await plugin.host?.toggleTask(task);
    expect(r).toEqual({ ok: true });
    const text = app.vault.textAt(GOLDEN_PATH) ?? "";
    expect(text).toBe(golden.replace("- [ ] 工会小组长会议 ^", `- [x] 工会小组长会议 ✅ ${todayIso()} ^`));
    // The index takes the edit at once: a second tick right away works (and unticks).
    expect(taskByText(plugin, "工会小组长会议").done).toBe(true);
    expect(await plugin.host?.toggleTask(taskByText(plugin, "工会小组长会议"))).toEqual({ ok: true });
    expect(app.vault.textAt(GOLDEN_PATH)).toBe(golden);
    const parses = plugin.index?.parseCount ?? 0;
    await indexSettled(app);
    expect(taskByText(plugin, "工会小组长会议").done).toBe(false);
    // The metadata cache's later `changed` re-reads what the index already holds.
    expect(plugin.index?.parseCount).toBe(parses + 1);
  });

  it("knows from the plan that a plain-text task has no box: refuses without writing, and ticks in Dataview format when set", async () => {
    const plain = "---\ntype: union-plan\nplan-id: p-plain\n---\n# 晨光小学2027年工会工作计划\n\n## 行事历\n三月：\n1、工会小组长会议\n- [ ] 春游 ^t-sp01\n";
    const { app, plugin } = await start({ [GOLDEN_PATH]: plain }, { tasksFormat: "dataview" });
    const item = taskByText(plugin, "工会小组长会议");
    expect(item.form).toBe("item");
    const r = await plugin.host?.toggleTask(item);
    expect(r?.ok).toBe(false);
    expect(app.vault.textAt(GOLDEN_PATH)).toBe(plain);
    expect(await plugin.host?.toggleTask(taskByText(plugin, "春游"))).toEqual({ ok: true });
    expect(app.vault.textAt(GOLDEN_PATH)).toContain(`- [x] 春游 [completion:: ${todayIso()}] ^t-sp01`);
  });

  it("refuses with a notice when the line changed underneath, and edits nothing", async () => {
    const { app, plugin } = await start();
    const task = taskByText(plugin, "工会小组长会议");
    const file = app.vault.getFileByPath(GOLDEN_PATH) as TFile;
    const changed = golden.replace("- [ ] 工会小组长会议 ^t-knqel9", "- [ ] 工会小组长会议（改到周五） ^t-knqel9");
    await app.vault.modify(file, changed);
    // The view still shows the old line; the index has not caught up either.
    const r = await plugin.host?.toggleTask(task);
    expect(r).toEqual({ ok: false, reason: "The note changed underneath; nothing was changed and the view is refreshed" });
    expect(app.vault.textAt(GOLDEN_PATH)).toBe(changed);
    // and it refreshed: the index reads the note as it is now.
    await indexSettled(app);
    expect(tasksOf(plugin).map((t) => t.text)).toContain("工会小组长会议（改到周五）");
    // A task as a stale view still shows it is refused too.
    const r2 = await plugin.host?.toggleTask(task);
    expect(r2?.ok).toBe(false);
    expect(app.vault.textAt(GOLDEN_PATH)).toBe(changed);
  });

  it("moves a task to another month, creating that month's heading", async () => {
    const { app, plugin } = await start();
    const task = taskByText(plugin, "工会小组长会议");
    expect(await plugin.host?.moveTask(task, "2027-05")).toEqual({ ok: true });
    const text = app.vault.textAt(GOLDEN_PATH) ?? "";
    expect(text).toContain("### 2027年5月\n- [ ] 工会小组长会议 ^t-knqel9\n");
    await indexSettled(app);
    expect(taskByText(plugin, "工会小组长会议").months).toEqual([{ year: 2027, month: 5 }]);
    // Under an existing month, after its last task.
    expect(await plugin.host?.moveTask(taskByText(plugin, "工会小组长会议"), "2027-04")).toEqual({ ok: true });
    expect(app.vault.textAt(GOLDEN_PATH)).toContain("### 2027年4月\n- [ ] 春季教工健步走 ^t-jqznc4\n- [ ] 工会小组长会议 ^t-knqel9\n");
  });

  it("opens a task's note at its line", async () => {
    const { app, plugin } = await start();
    const task = taskByText(plugin, "春季教工健步走");
    await plugin.host?.openTask(task);
    const view = app.workspace.activeLeaf?.view;
    expect(view).toBeInstanceOf(MarkdownView);
    if (!(view instanceof MarkdownView)) return;
    expect(view.file.path).toBe(GOLDEN_PATH);
    expect(view.eState).toEqual({ line: task.line - 1 });
    expect(view.editor.getCursor()).toEqual({ line: task.line - 1, ch: 0 });
  });

  it("saves an export beside the plans without overwriting", async () => {
    const { app, plugin } = await start({ [GOLDEN_PATH]: golden, "计划/行事历 2027-03.md": "old" }, { planFolder: "计划" });
    await plugin.host?.export?.("markdown", "| 月份 | 工作 |\n", "行事历 2027-03.md");
    expect(app.vault.textAt("计划/行事历 2027-03.md")).toBe("old");
    expect(app.vault.textAt("计划/行事历 2027-03 2.md")).toBe("| 月份 | 工作 |\n");
  });

  it("end to end: the 行事历 view's checkbox ticks the line in the note", async () => {
    const { app } = await start();
    const leaf = app.workspace.getLeaf(true);
    await leaf.setViewState({ type: VIEW_TYPE_CALENDAR, state: { ym: "2027-03", mode: "month" }, active: true });
    const view = leaf.view;
    if (!view || view instanceof MarkdownView) throw new Error("no calendar view");
    const root = (view as unknown as { contentEl: HTMLElement }).contentEl;
    const box = [...root.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].find((b) => (b.getAttribute("aria-label") ?? "").includes("工会小组长会议"));
    expect(box).toBeDefined();
    box?.click();
    await sleep(20);
    expect(app.vault.textAt(GOLDEN_PATH)).toBe(golden.replace("- [ ] 工会小组长会议 ^", `- [x] 工会小组长会议 ✅ ${todayIso()} ^`));
    leaf.detach();
  });

  it("opens the 行事历 view from the command, once", async () => {
    const { app } = await start();
    app.executeCommandById("union-plan:open-calendar");
    await sleep(20);
    expect(app.workspace.getLeavesOfType(VIEW_TYPE_CALENDAR)).toHaveLength(1);
    app.executeCommandById("union-plan:open-calendar");
    await sleep(20);
    expect(app.workspace.getLeavesOfType(VIEW_TYPE_CALENDAR)).toHaveLength(1);
  });
});

describe("normalize command", () => {
  it("rewrites the active note's 行事历 and nothing else", async () => {
    const plain = "# 随手记的计划\n\n前言一段。\n\n## 工作安排\n三月份：\n1、妇女节活动\n2、小组长会议\n四月份：\n1、健步走\n\n## 其他\n结尾。\n";
    const { app } = await start({ "随手.md": plain });
    const file = app.vault.getFileByPath("随手.md") as TFile;
    await app.workspace.getLeaf(false).openFile(file);
    expect(app.executeCommandById("union-plan:normalize-schedule")).toBe(true);
    await sleep(10);
    const text = app.vault.textAt("随手.md") ?? "";
    expect(text.startsWith("# 随手记的计划\n\n前言一段。\n\n## 工作安排\n\n### 3月\n- [ ] 妇女节活动 ^t-")).toBe(true);
    expect(text.endsWith("\n\n## 其他\n结尾。\n")).toBe(true);
    expect(Notice.messages.at(-1)).toContain("canonical");
  });

  it("refuses, and says which line would lose what, rather than drop text", async () => {
    // No year anywhere, so the day of the 3月8日 cell cannot become a date: a rewrite would lose "8日".
    const table = "# 随手记的计划\n\n## 工作安排\n| 日期 | 活动内容 |\n| --- | --- |\n| 3月8日 | 妇女节活动 |\n| 4月 | 健步走 |\n";
    const { app } = await start({ "随手.md": table });
    const file = app.vault.getFileByPath("随手.md");
    if (!file) throw new Error("the note is missing");
    await app.workspace.getLeaf(false).openFile(file);
    expect(app.executeCommandById("union-plan:normalize-schedule")).toBe(true);
    await sleep(10);
    expect(app.vault.textAt("随手.md")).toBe(table);
    expect(Notice.messages.at(-1)).toContain("第 6 行「8日」");
  });

  it("is not offered without an open note", async () => {
    const { app } = await start();
    expect(app.executeCommandById("union-plan:normalize-schedule")).toBe(false);
  });
});

describe("the index follows the vault", () => {
  it("follows a rename without parsing again, and a delete", async () => {
    const { app, plugin } = await start({ [GOLDEN_PATH]: golden, "other.md": "no plan here" });
    const index = plugin.index;
    if (!index) throw new Error("no index");
    let notified = 0;
    index.onChange(() => notified++);
    const parses = index.parseCount;
    await app.vault.rename(app.vault.getFileByPath(GOLDEN_PATH) as TFile, "归档/第二学期.md");
    expect(index.snapshot().plans.map((p) => p.path)).toEqual(["归档/第二学期.md"]);
    expect(index.snapshot().tasks.every((t) => t.path === "归档/第二学期.md")).toBe(true);
    expect(index.parseCount).toBe(parses);
    expect(notified).toBe(1);
    await app.vault.delete(app.vault.getFileByPath("归档/第二学期.md") as TFile);
    await indexSettled(app);
    expect(index.snapshot().plans).toEqual([]);
    expect(index.snapshot().tasks).toEqual([]);
    expect(notified).toBe(2);
  });

  it("re-parses only the note that changed, once per burst, and stays quiet when plans did not change", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`计划/p${i}.md`] = golden.replace("plan-id: p-j9wj99", `plan-id: p-${i}`);
    const { app, plugin } = await start(files);
    const index = plugin.index;
    if (!index) throw new Error("no index");
    expect(index.snapshot().plans).toHaveLength(20);
    let notified = 0;
    index.onChange(() => notified++);
    const parses = index.parseCount;
    const file = app.vault.getFileByPath("计划/p3.md") as TFile;
    // Three quick edits: one parse, one notification.
    for (const word of ["一", "二", "三"]) await app.vault.process(file, (d) => d.replace(/春季教工健步走.?/, `春季教工健步走${word}`));
    await indexSettled(app);
    expect(index.parseCount).toBe(parses + 1);
    expect(notified).toBe(1);
    expect(tasksOf(plugin).filter((t) => t.text === "春季教工健步走三")).toHaveLength(1);
    // An edit that leaves the plans as they were: parsed, but nobody is told.
    await app.vault.process(file, (d) => d.replace("以服务教职工为中心，推进民主管理。", "以服务教职工为中心，推进民主管理。 "));
    await indexSettled(app);
    expect(index.parseCount).toBe(parses + 2);
    expect(notified).toBe(1);
  });

  it("a snapshot patched note by note equals one built afresh", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`计划/p${i}.md`] = golden.replace("plan-id: p-j9wj99", `plan-id: p-${i}`);
    const { app, plugin } = await start(files);
    const index = plugin.index;
    if (!index) throw new Error("no index");
    index.snapshot();
    const p2 = app.vault.getFileByPath("计划/p2.md") as TFile;
    const p4 = app.vault.getFileByPath("计划/p4.md") as TFile;
    // p2 gains a task, p4 loses one, p5 goes, a new note comes.
    await app.vault.process(p2, (d) => d.replace("- [ ] 春季教工健步走 ^t-jqznc4", "- [ ] 春季教工健步走 ^t-jqznc4\n- [ ] 植树节活动 ^t-new1"));
    await app.vault.process(p4, (d) => d.replace("- [ ] 工会小组长会议 ^t-knqel9\n", ""));
    await indexSettled(app);
    const patched = index.snapshot();
    const freshThen = await startPlugin(Object.fromEntries(app.vault.getMarkdownFiles().map((f) => [f.path, app.vault.textAt(f.path) ?? ""])));
    expect(patched.tasks.map((t) => `${t.path}|${t.id}|${t.text}|${t.line}`)).toEqual(freshThen.plugin.index?.snapshot().tasks.map((t) => `${t.path}|${t.id}|${t.text}|${t.line}`));
    expect(patched.plans.map((p) => p.path)).toEqual(freshThen.plugin.index?.snapshot().plans.map((p) => p.path));
    freshThen.plugin.unload();
    await app.vault.delete(app.vault.getFileByPath("计划/p5.md") as TFile);
    await app.vault.create("计划/p9.md", golden.replace("plan-id: p-j9wj99", "plan-id: p-9"));
    await indexSettled(app);
    const later = index.snapshot();
    const fresh = await startPlugin(Object.fromEntries(app.vault.getMarkdownFiles().map((f) => [f.path, app.vault.textAt(f.path) ?? ""])));
    const ids = (s: typeof later) => s.tasks.map((t) => `${t.path}|${t.id}|${t.text}`);
    expect(ids(later)).toEqual(ids(fresh.plugin.index?.snapshot() ?? { plans: [], tasks: [] }));
    expect(patched.tasks.filter((t) => t.path === "计划/p2.md")).toHaveLength(5);
    expect(patched.tasks.filter((t) => t.path === "计划/p4.md")).toHaveLength(3);
    expect(patched.tasks).toHaveLength(24);
    fresh.plugin.unload();
  });

  it("picks up a plain note the engine finds a 行事历 in, and drops it when the 行事历 goes", async () => {
    const { app, plugin } = await start({});
    const file = await app.vault.create("随手.md", "## 工作安排\n三月份：\n1、妇女节活动\n四月份：\n1、健步走\n");
    await indexSettled(app);
    expect(plugin.index?.snapshot().plans).toHaveLength(1);
    await app.vault.modify(file, "只是一篇日记。\n");
    await indexSettled(app);
    expect(plugin.index?.snapshot().plans).toHaveLength(0);
  });
});

describe("settings", () => {
  it("reads data.json leniently and saves through saveData", async () => {
    expect(readSettings({ weekStart: 0, term1: { start: 13, end: 1 }, planFolder: 3 })).toMatchObject({ weekStart: 0, term1: { start: 9, end: 1 }, planFolder: "" });
    const { app, plugin } = await start({}, { planFolder: "计划", tasksDueDates: true });
    expect(plugin.settings.planFolder).toBe("计划");
    const tab = app.settingTabs[0];
    tab?.display();
    const headings = [...(tab?.containerEl.querySelectorAll(".setting-item-heading") ?? [])].map((e) => e.textContent);
    expect(headings.slice(0, 4)).toEqual(["General", "Tasks", "Terms", "Holidays"]);
    expect(headings.some((h) => h?.includes("Notion"))).toBe(true);
    plugin.settings.weekStart = 0;
    await plugin.saveSettings();
    expect(app.pluginData.get("union-plan")).toMatchObject({ weekStart: 0, planFolder: "计划" });
    expect(plugin.host?.settings().weekStart).toBe(0);
  });
});
