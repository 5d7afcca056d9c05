// @vitest-environment happy-dom
/**
 * Body tasks in the plugin: the index lists them, the 行事历 view shows them in their month marked
 * as from the body, and a tick asks before it adds a checkbox to the line (Vault.process), a "no"
 * writing nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Modal, Notice, setLanguage } from "../fakes/obsidian";
import { startPlugin, sleep, taskByText, tasksOf, type Running } from "./harness";
import { mountCalendar } from "../../plugin/view/mount-calendar";
import { todayIso } from "../../shared/tasks/task-serializer";
import { BODY_AND_SCHEDULE, BODY_ONLY } from "../tasks/body-plan-fixture";

const PATH = "计划/正文计划.md";
// The index lists a note without a 行事历 when its frontmatter says it is a plan.
const NOTE = `---\ntype: union-plan\n---\n${BODY_ONLY}\n`;
const HIKE_LINE = "（2）11月左右组织一次秋季登山。";

let running: Running | null = null;
afterEach(() => {
  running?.plugin.unload();
  running = null;
  Modal.open = [];
  document.body.replaceChildren();
  setLanguage("en");
});

async function start(files: Record<string, string> = { [PATH]: NOTE }): Promise<Running> {
  running = await startPlugin(files);
  return running;
}

/** The one question open now, and its two buttons. */
function question(): { modal: Modal; yes: HTMLButtonElement; no: HTMLButtonElement } {
  const modal = Modal.open[0];
  if (!modal) throw new Error("no question asked");
  const buttons = [...modal.contentEl.querySelectorAll("button")];
  const yes = buttons.find((b) => b.textContent?.startsWith("加复选框"));
  const no = buttons.find((b) => b.textContent?.startsWith("取消"));
  if (!yes || !no) throw new Error("no yes/no buttons");
  return { modal, yes, no };
}

async function asked(): Promise<void> {
  for (let i = 0; i < 50 && Modal.open.length === 0; i++) await sleep(2);
}

describe("body tasks in the plugin", () => {
  it("the index lists the body's dated items, marked as from the body", async () => {
    const { plugin } = await start();
    expect(tasksOf(plugin).map((t) => [t.text, t.source, t.monthLabel])).toEqual([
      ["组织一次秋季登山", "body", "11月左右"],
      ["举办优秀会员表彰会", "body", "6月上旬"],
    ]);
  });

  it("the month view shows a body item in its month with a 正文 tag, and offers no move", async () => {
    const { plugin } = await start();
    setLanguage("zh");
    const host = plugin.host;
    if (!host) throw new Error("no host");
    const handle = mountCalendar(document.body.createDiv(), host, { ym: "2026-11", mode: "month" });
    const row = document.querySelector<HTMLElement>(`.union-plan-task[data-task-id="${taskByText(plugin, "组织一次秋季登山").id}"]`);
    expect(row?.classList.contains("union-plan-task--from-body")).toBe(true);
    const tag = row?.querySelector(".union-plan-task-source");
    expect(tag?.textContent).toBe("正文");
    expect(tag?.getAttribute("title")).toContain("A dated item in the plan's body");
    expect(row?.querySelector(".union-plan-task-move")).toBeNull();
    expect(document.querySelectorAll(".union-plan-task")).toHaveLength(1);
    handle.destroy();
  });

  it("the overview shows a plan without a 行事历 month by month, its body items tagged and not draggable", async () => {
    const { plugin } = await start();
    const host = plugin.host;
    if (!host) throw new Error("no host");
    const handle = mountCalendar(document.body.createDiv(), host, { ym: "2026-11", mode: "overview" });
    const rows = [...document.querySelectorAll<HTMLElement>(".union-plan-task")];
    expect(rows.map((r) => r.querySelector(".union-plan-task-text")?.textContent)).toEqual(["举办优秀会员表彰会", "组织一次秋季登山"]);
    expect(rows.every((r) => r.classList.contains("union-plan-task--from-body") && r.getAttribute("draggable") === null)).toBe(true);
    expect(rows.every((r) => r.querySelector(".union-plan-task-source")?.textContent === "From the body")).toBe(true);
    handle.destroy();
  });

  it("a tick asks first; no leaves the note as it was", async () => {
    const { app, plugin } = await start();
    const pending = plugin.host?.toggleTask(taskByText(plugin, "组织一次秋季登山"));
    await asked();
    const { modal, no } = question();
    const shown = modal.contentEl.textContent ?? "";
    expect(shown).toContain(HIKE_LINE);
    expect(shown).toContain(`- [x] ${HIKE_LINE} ✅ ${todayIso()}`);
    expect(modal.titleEl.textContent).toBe("给正文中的这一行加复选框？ / Add a checkbox to this line of the body?");
    no.click();
    const r = await pending;
    expect(r?.ok).toBe(false);
    expect(app.vault.textAt(PATH)).toBe(NOTE);
    expect(taskByText(plugin, "组织一次秋季登山").done).toBe(false);
    // Closing the question without an answer is a no too.
    const again = plugin.host?.toggleTask(taskByText(plugin, "组织一次秋季登山"));
    await asked();
    question().modal.close();
    expect((await again)?.ok).toBe(false);
    expect(app.vault.textAt(PATH)).toBe(NOTE);
  });

  it("yes adds a ticked checkbox to that line through Vault.process; the task stays the same, done, and unticks without asking", async () => {
    const { app, plugin } = await start();
    const hike = taskByText(plugin, "组织一次秋季登山");
    const pending = plugin.host?.toggleTask(hike);
    await asked();
    question().yes.click();
    expect(await pending).toEqual({ ok: true });
    const written = NOTE.replace(HIKE_LINE, `- [x] ${HIKE_LINE} ✅ ${todayIso()} ^${hike.id}`);
    expect(app.vault.textAt(PATH)).toBe(written);
    expect(taskByText(plugin, "组织一次秋季登山")).toMatchObject({ id: hike.id, done: true, source: "body", form: "checkbox" });
    Modal.open = [];
    expect(await plugin.host?.toggleTask(taskByText(plugin, "组织一次秋季登山"))).toEqual({ ok: true });
    expect(Modal.open).toHaveLength(0);
    expect(app.vault.textAt(PATH)).toBe(NOTE.replace(HIKE_LINE, `- [ ] ${HIKE_LINE} ^${hike.id}`));
  });

  it("a line holding two dated items is refused without a question", async () => {
    const two = `---\ntype: union-plan\n---\n# 示例小学2026年工会工作计划\n\n## 一、主要工作\n（1）三月份组织义务劳动，四月份组织参观学习。\n`;
    const { app, plugin } = await start({ [PATH]: two });
    Notice.messages = [];
    const r = await plugin.host?.toggleTask(taskByText(plugin, "组织义务劳动"));
    expect(r).toEqual({ ok: false, reason: "That line holds two dated items, and one checkbox would tick both; put them on lines of their own first" });
    expect(Modal.open).toHaveLength(0);
    expect(app.vault.textAt(PATH)).toBe(two);
  });

  it("an activity the 行事历 and the body both list is one task in the index", async () => {
    const { plugin } = await start({ [PATH]: BODY_AND_SCHEDULE });
    expect(tasksOf(plugin).filter((t) => t.text.includes("妇女节"))).toHaveLength(1);
    expect(tasksOf(plugin).filter((t) => t.source === "body").map((t) => t.text)).toEqual(["组织一次秋季登山"]);
  });
});
