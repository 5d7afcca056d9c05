/**
 * The 行事历 view in real Chromium, over the example vault's plans and the test notes: what a
 * committee member does with it every week (look at the month, move between months, tick a task,
 * open the term overview, filter) and what the view must survive (a note that changed underneath).
 * Screenshots go to test/artifacts/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumAvailable, startHarness, type Harness } from "./harness";
import { HOSPITAL_NOTE_PATH, pageConfig, sampleNotes, TERM_NOTE_PATH, TERM_PLAN_ID } from "./fixtures";
import type { PageConfig } from "./page/entry";

const ARTIFACTS = join(process.cwd(), "test", "artifacts");

function config(over: Partial<PageConfig> = {}): PageConfig {
  return pageConfig(sampleNotes(), over);
}

/**
 * A full-page screenshot with the whole page on screen: task rows use content-visibility: auto, so
 * rows far below the viewport are drawn only when scrolled near, as a user would see them.
 */
async function shot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1200, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.evaluate(() => new Promise<void>((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => resolve()))));
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  await page.setViewportSize(viewport);
}

const title = (page: Page) => page.locator(".union-plan-title").textContent();
const day = (page: Page, date: string) => page.locator(`.union-plan-day[data-date="${date}"]`);
const task = (page: Page, id: string) => page.locator(`.union-plan-task[data-task-id="${id}"]`);
const note = (page: Page, path: string) => page.evaluate((p) => window.unionPlanTest.host().index.notes.get(p) ?? "", path);
const notices = (page: Page) => page.evaluate(() => [...window.unionPlanTest.host().log.notices]);
const focusedData = (page: Page, attr: string) => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attr);

describe.skipIf(!chromiumAvailable())("行事历 view in Chromium", () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("shows the month: weekdays from Monday, today marked, dated tasks on their day, tasks by plan with review status", async () => {
    page = await harness.open(config());
    expect(await title(page)).toBe("2026年11月");
    expect(await page.locator(".union-plan-weekday").allTextContents()).toEqual(["一", "二", "三", "四", "五", "六", "日"]);
    // 1 November 2026 is a Sunday: six empty cells before it when weeks start on Monday.
    const firstRow = page.locator(".union-plan-grid-row").nth(1);
    expect(await firstRow.locator(".union-plan-day--outside").count()).toBe(6);
    await expect.poll(() => day(page, "2026-11-22").getAttribute("aria-current")).toBe("date");
    expect(await day(page, "2026-11-21").getAttribute("class")).toContain("union-plan-day--weekend");
    expect(await day(page, "2026-11-13").locator(".union-plan-chip").allTextContents()).toEqual(["教职工羽毛球比赛", "教职工篮球友谊赛"]);
    expect(await day(page, "2026-11-13").getAttribute("aria-label")).toContain("2 项任务");

    const groups = page.locator(".union-plan-month-list .union-plan-group");
    expect(await groups.count()).toBe(4);
    const term = page.locator(`.union-plan-group[data-plan-id="${TERM_PLAN_ID}"]`);
    expect(await term.locator(".union-plan-badge").textContent()).toBe("待审核");
    expect(await term.locator(".union-plan-badge").getAttribute("class")).toContain("union-plan-badge--pending");
    expect(await term.locator(".union-plan-task").count()).toBe(5);
    expect(await page.locator('.union-plan-group[data-plan-id="p-bjsy2026"] .union-plan-badge').textContent()).toBe("退回修改");
    expect(await page.locator('.union-plan-group[data-plan-id="p-qsl2026"] .union-plan-badge').textContent()).toBe("已通过");
    // The example vault's plan: owner and date read by the engine, shown beside the task.
    expect(await task(page, "t-qs1101").locator(".union-plan-task-meta").textContent()).toBe("11月25日  ·  负责人：刘洋");
    await shot(page, "month-light.png");
  });

  it("marks public holidays and 调休 workdays, and says when a year has no holiday data", async () => {
    page = await harness.open(config({ ym: "2026-10" }));
    expect(await day(page, "2026-10-01").getAttribute("class")).toContain("union-plan-day--holiday");
    expect(await day(page, "2026-10-01").getAttribute("aria-label")).toContain("国庆");
    // Saturday 10 October 2026 is a make-up workday for the National Day holiday.
    expect(await day(page, "2026-10-10").getAttribute("class")).toContain("union-plan-day--workday");
    expect(await day(page, "2026-10-10").locator(".union-plan-day-tag").textContent()).toBe("班");
    expect(await page.locator(".union-plan-holiday-note").count()).toBe(0);
    await shot(page, "month-holidays.png");

    await page.locator(".union-plan-month-picker").fill("2027-01");
    expect(await title(page)).toBe("2027年1月");
    await expect.poll(() => page.locator(".union-plan-holiday-note").textContent()).toContain("暂无 2027 年节假日数据");
    expect(await page.locator(".union-plan-holiday-note").isVisible()).toBe(true);
    await shot(page, "month-no-holiday-data.png");
  });

  it("moves between months with previous, next, 本月 and the month picker", async () => {
    page = await harness.open(config());
    await page.getByRole("button", { name: "下个月" }).click();
    expect(await title(page)).toBe("2026年12月");
    expect(await task(page, "t-t1202").isVisible()).toBe(true);
    await page.getByRole("button", { name: "上个月" }).click();
    await page.getByRole("button", { name: "上个月" }).click();
    expect(await title(page)).toBe("2026年10月");
    await page.getByRole("button", { name: "本月" }).click();
    expect(await title(page)).toBe("2026年11月");
    await page.locator(".union-plan-month-picker").fill("2026-09");
    expect(await title(page)).toBe("2026年9月");
    expect(await page.locator(".union-plan-month-picker").inputValue()).toBe("2026-09");
    // A month no plan speaks of.
    await page.locator(".union-plan-month-picker").fill("2025-03");
    expect(await page.locator(".union-plan-empty").textContent()).toBe("本月没有任务");
  });

  it("works from the keyboard: Tab to the grid, arrows between days and months, Enter to the day's tasks", async () => {
    page = await harness.open(config());
    // The grid has one tab stop: today.
    expect(await page.locator(".union-plan-day[tabindex='0']").getAttribute("data-date")).toBe("2026-11-22");
    await day(page, "2026-11-22").focus();
    await page.keyboard.press("ArrowLeft");
    expect(await focusedData(page, "data-date")).toBe("2026-11-21");
    await page.keyboard.press("ArrowUp");
    expect(await focusedData(page, "data-date")).toBe("2026-11-14");
    await page.keyboard.press("ArrowLeft");
    expect(await focusedData(page, "data-date")).toBe("2026-11-13");
    await page.keyboard.press("Enter");
    // Enter picks the day out and takes focus to its first task's checkbox.
    expect(await page.locator(".union-plan-task--selected").count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.closest(".union-plan-task")?.getAttribute("data-task-id"))).toBe("t-t1102");
    await page.keyboard.press("Space");
    await expect.poll(() => note(page, TERM_NOTE_PATH)).toContain("- [x] 教职工羽毛球比赛");
    // Focus stays on the task after the view refreshed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".union-plan-task")?.getAttribute("data-task-id"))).toBe("t-t1102");

    await day(page, "2026-11-30").focus();
    await page.keyboard.press("ArrowRight");
    expect(await title(page)).toBe("2026年12月");
    expect(await focusedData(page, "data-date")).toBe("2026-12-01");
    await page.keyboard.press("PageUp");
    expect(await title(page)).toBe("2026年11月");
    expect(await focusedData(page, "data-date")).toBe("2026-11-01");

    // Every control is a real, labelled, focusable element.
    await page.getByRole("button", { name: "下个月" }).focus();
    await page.keyboard.press("Enter");
    expect(await title(page)).toBe("2026年12月");
    expect(await focusedData(page, "data-focus")).toBe("nav|next");
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll(".union-plan-calendar button, .union-plan-calendar input, .union-plan-calendar select")].filter(
        (n) => !(n.getAttribute("aria-label") || n.textContent?.trim() || n.closest("label")),
      ).length,
    );
    expect(unlabelled).toBe(0);
  });

  it("ticks a task: the note's line changes and the view follows", async () => {
    page = await harness.open(config());
    const box = task(page, "t-t1101").locator("input[type=checkbox]");
    expect(await box.isChecked()).toBe(false);
    await box.click();
    await expect.poll(() => note(page, TERM_NOTE_PATH)).toContain("- [x] 工会委员会例会 📅 2026-11-04 ^t-t1101");
    // The note is written first; the view redraws when the index tells it, a moment later.
    await expect.poll(() => task(page, "t-t1101").getAttribute("class")).toContain("union-plan-task--done");
    expect(await task(page, "t-t1101").locator("input[type=checkbox]").isChecked()).toBe(true);
    await expect.poll(() => page.locator(`.union-plan-group[data-plan-id="${TERM_PLAN_ID}"] .union-plan-group-progress`).textContent()).toBe("已完成 2/5");
    // Untick it again.
    await task(page, "t-t1101").locator("input[type=checkbox]").click();
    await expect.poll(() => note(page, TERM_NOTE_PATH)).toContain("- [ ] 工会委员会例会 📅 2026-11-04 ^t-t1101");
    expect(await notices(page)).toEqual([]);
  });

  it("refuses to tick a task whose line changed underneath: the box goes back and a notice says why", async () => {
    page = await harness.open(config());
    // Someone ticked the line in the editor; the index has not caught up yet.
    await page.evaluate((p) => {
      const notes = window.unionPlanTest.host().index.notes;
      notes.set(p, (notes.get(p) ?? "").replace("- [ ] 女教职工健康讲座", "- [x] 女教职工健康讲座"));
    }, TERM_NOTE_PATH);
    const box = task(page, "t-t1104").locator("input[type=checkbox]");
    await box.click();
    await expect.poll(() => notices(page)).toEqual(["笔记已被修改，没有勾选；已刷新 / the note changed underneath, nothing was written; refreshed"]);
    await expect.poll(() => task(page, "t-t1104").locator("input[type=checkbox]").isChecked()).toBe(false);
    await expect.poll(() => page.locator(".union-plan-sr-only[role=status]").textContent()).toContain("笔记已被修改");
    // The note is as the other writer left it: the view wrote nothing.
    expect(await note(page, TERM_NOTE_PATH)).toContain("- [x] 女教职工健康讲座");
    expect((await note(page, TERM_NOTE_PATH)).match(/\[x\]/g)?.length).toBe(5);
  });

  it("moves a task to another month from its 移到…月 menu, by mouse and by keyboard", async () => {
    page = await harness.open(config());
    const button = task(page, "t-t1105").locator("button.union-plan-task-move");
    expect(await button.getAttribute("aria-label")).toBe("移到…月：工会小组长培训");
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const menu = task(page, "t-t1105").getByRole("menu");
    expect(await menu.getByRole("menuitem").allTextContents()).toEqual(["2026年9月", "2026年10月", "2026年12月", "2027年1月"]);
    await menu.getByRole("menuitem", { name: "2026年12月" }).click();
    await expect.poll(() => task(page, "t-t1105").count()).toBe(0);
    const text = await note(page, TERM_NOTE_PATH);
    expect(text.indexOf("工会小组长培训")).toBeGreaterThan(text.indexOf("### 2026年12月"));
    expect(text.indexOf("工会小组长培训")).toBeLessThan(text.indexOf("### 2027年1月"));
    await page.getByRole("button", { name: "下个月" }).click();
    expect(await task(page, "t-t1105").isVisible()).toBe(true);

    // Keyboard: Enter opens the menu with focus on its first month, arrows move, Escape closes.
    const kb = task(page, "t-t1201").locator("button.union-plan-task-move");
    await kb.focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("2026年9月");
    await page.keyboard.press("Escape");
    expect(await task(page, "t-t1201").getByRole("menu").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("union-plan-task-move"))).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("2027年1月");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await note(page, TERM_NOTE_PATH)).indexOf("送温暖走访困难教职工")).toBeGreaterThan(text.indexOf("### 2027年1月"));
    expect(await notices(page)).toEqual([]);
  });

  it("opens a task's note when its text is clicked", async () => {
    page = await harness.open(config());
    await task(page, "t-b1101").locator(".union-plan-task-text").click();
    const opened = await page.evaluate(() => window.unionPlanTest.host().log.opened);
    expect(opened).toEqual([{ path: HOSPITAL_NOTE_PATH, line: 23, text: "教职工篮球友谊赛" }]);
  });

  it("refreshes by itself when a note changes", async () => {
    page = await harness.open(config());
    await page.evaluate(
      (p) => window.unionPlanTest.host().editNote(p, (t) => t.replace("- [ ] 工会经费审查 ^t-b1102", "- [ ] 工会经费审查 ^t-b1102\n- [ ] 教工心理健康讲座 📅 2026-11-27 ^t-b1103")),
      HOSPITAL_NOTE_PATH,
    );
    await expect.poll(() => task(page, "t-b1103").count()).toBe(1);
    expect(await day(page, "2026-11-27").locator(".union-plan-chip").allTextContents()).toEqual(["教工心理健康讲座"]);
  });

  it("filters by plan, school and done / not done", async () => {
    page = await harness.open(config());
    const listed = () => page.locator(".union-plan-month-list .union-plan-task").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-task-id")));
    expect((await listed()).length).toBe(10);

    await page.locator(".union-plan-filter-status").selectOption("done");
    expect(await listed()).toEqual(["t-t1103"]);
    await page.locator(".union-plan-filter-status").selectOption("open");
    expect(await listed()).not.toContain("t-t1103");
    expect((await listed()).length).toBe(9);
    await page.locator(".union-plan-filter-status").selectOption("all");

    await page.locator(".union-plan-filter-school").selectOption("滨江实验中学");
    expect(await listed()).toEqual(["t-b1101", "t-b1102"]);
    expect(await day(page, "2026-11-13").locator(".union-plan-chip").allTextContents()).toEqual(["教职工篮球友谊赛"]);
    await page.locator(".union-plan-filter-school").selectOption("");

    await page.locator(".union-plan-filter-plan").selectOption(TERM_PLAN_ID);
    expect(await listed()).toEqual(["t-t1101", "t-t1102", "t-t1103", "t-t1104", "t-t1105"]);
  });

  it("shows the term overview: every month of the plan as one table; a task dragged onto another month moves there", async () => {
    page = await harness.open(config());
    await page.getByRole("button", { name: "总览", exact: true }).click();
    expect(await page.getByRole("button", { name: "总览", exact: true }).getAttribute("aria-pressed")).toBe("true");
    // Every plan that covers November 2026.
    expect(await page.locator(".union-plan-overview-plan").count()).toBe(4);
    await page.locator(".union-plan-filter-plan").selectOption(TERM_PLAN_ID);
    const table = page.locator(`.union-plan-overview-plan[data-plan-id="${TERM_PLAN_ID}"] table`);
    expect(await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ym")))).toEqual([
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
    ]);
    expect(await table.locator("tbody th").allTextContents()).toEqual(["2026年9月", "2026年10月", "2026年11月", "2026年12月", "2027年1月"]);
    expect(await table.locator("tr.union-plan-ov-row--current").getAttribute("data-ym")).toBe("2026-11");
    expect(await table.locator('tr[data-ym="2026-11"] .union-plan-col-progress').textContent()).toBe("1/5");
    await shot(page, "overview.png");

    await task(page, "t-t1202").dragTo(table.locator('tr[data-ym="2027-01"]'));
    await expect.poll(async () => (await note(page, TERM_NOTE_PATH)).indexOf("迎新年教职工联欢会")).toBeGreaterThan((await note(page, TERM_NOTE_PATH)).indexOf("### 2027年1月"));
    await expect.poll(() => table.locator('tr[data-ym="2027-01"] .union-plan-task[data-task-id="t-t1202"]').count()).toBe(1);

    // Arrow keys move between the months; Enter opens that month.
    await table.locator('tr[data-ym="2026-11"] .union-plan-ov-month').focus();
    await page.keyboard.press("ArrowDown");
    expect(await focusedData(page, "data-ym")).toBe("2026-12");
    await page.keyboard.press("Enter");
    expect(await title(page)).toBe("2026年12月");
    expect(await page.getByRole("button", { name: "月历" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("exports the month and the term through the host", async () => {
    page = await harness.open(config());
    await page.locator('.union-plan-export[data-export="markdown"]').click();
    await page.locator('.union-plan-export[data-export="ics"]').click();
    await page.getByRole("button", { name: "总览", exact: true }).click();
    await page.locator(".union-plan-filter-plan").selectOption(TERM_PLAN_ID);
    await page.locator('.union-plan-export[data-export="html"]').click();
    const exports = await page.evaluate(() => window.unionPlanTest.host().log.exports);
    expect(exports.map((e) => [e.kind, e.name])).toEqual([
      ["markdown", "行事历 2026-11.md"],
      ["ics", "行事历 2026-11.ics"],
      ["html", "青石路小学2026学年度第一学期工会工作计划 行事历.html"],
    ]);
    expect(exports[0]?.content).toContain("工会委员会例会");
    expect(exports[1]?.content).toContain("BEGIN:VCALENDAR");
    expect(exports[2]?.content).toContain("迎新年教职工联欢会");
    expect(await notices(page)).toEqual([]);
  });

  it("reads in English when the language is English", async () => {
    page = await harness.open(config({ settings: { weekStart: 0, language: "en" } }));
    expect(await title(page)).toBe("November 2026");
    expect(await page.locator(".union-plan-weekday").first().textContent()).toBe("Sun");
    expect(await page.getByRole("button", { name: "Next month" }).count()).toBe(1);
    expect(await page.locator(".union-plan-nav-today").textContent()).toBe("This month");
  });

  it("dark theme: screenshot, and the text is not the light theme's colour", async () => {
    page = await harness.open(config({ theme: "dark" }));
    const colours = await page.evaluate(() => {
      const cal = document.querySelector(".union-plan-calendar");
      return cal ? [getComputedStyle(cal).color, getComputedStyle(cal).backgroundColor] : [];
    });
    expect(colours).toEqual(["rgb(218, 218, 218)", "rgb(30, 30, 30)"]);
    await shot(page, "month-dark.png");
    await page.getByRole("button", { name: "总览", exact: true }).click();
    await shot(page, "overview-dark.png");
  });

  it("at 375 px the grid collapses and the list goes under it, with nothing wider than the screen", async () => {
    page = await harness.open(config(), { width: 375, height: 812 });
    const grid = await page.locator(".union-plan-grid").boundingBox();
    const list = await page.locator(".union-plan-month-list").boundingBox();
    expect(grid && list && list.y >= grid.y + grid.height).toBe(true);
    expect(await page.locator(".union-plan-day-tasks").first().isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(375);
    await shot(page, "month-375.png");
    await page.getByRole("button", { name: "总览", exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, "overview-375.png");
  });

  it("at 375 px in the dark theme the month and the overview fit the screen", async () => {
    page = await harness.open(config({ theme: "dark" }), { width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, "month-375-dark.png");
    await page.getByRole("button", { name: "总览", exact: true }).click();
    // A heading of two months is one row in the overview, its task shown once.
    const span = page.locator('.union-plan-overview-plan tr[data-months="2026-12 2027-01"]');
    expect(await span.locator(".union-plan-ov-month").textContent()).toBe("2026年12月—2027年1月");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, "overview-375-dark.png");
  });
});
