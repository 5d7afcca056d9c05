/**
 * The month view at size, in real Chromium: what a user sees and can do with a month of 500 and
 * of 5,000 tasks, and that a click on a day, a filter and a tick change only what they should
 * (rows that stay are the same elements, marked before the change and found marked after).
 * Functional checks only: how long things take is the bench's business (npm run bench).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumAvailable, startHarness, type Harness } from "./harness";
import { bigMonthNote, pageConfig } from "./fixtures";
import type { PageConfig } from "./page/entry";

const PATH = "计划/压力测试.md";
const ARTIFACTS = join(process.cwd(), "test", "artifacts");

function config(tasks: number, over: Partial<PageConfig> = {}): PageConfig {
  return pageConfig({ [PATH]: bigMonthNote(tasks) }, over);
}

const rows = (page: Page) => page.locator(".union-plan-month-list .union-plan-task");
const settled = (page: Page) => page.evaluate(() => window.unionPlanTest.settled());

/** Marks every task row and grid day now on the page, so a later check can tell kept elements from new ones. */
function mark(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const n of document.querySelectorAll(".union-plan-task, .union-plan-day")) n.setAttribute("data-probe", "kept");
  });
}

/** Task ids of the rows that are not the elements marked before (made anew or added). */
function remade(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll(".union-plan-task:not([data-probe])")].map((n) => n.getAttribute("data-task-id") ?? ""));
}

describe.skipIf(!chromiumAvailable())("行事历 month view at size, in Chromium", () => {
  let harness: Harness;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("a click on a day picks out that day's tasks and nothing else changes", async () => {
    const page = await harness.open(config(500));
    await settled(page);
    expect(await rows(page).count()).toBe(500);
    await mark(page);
    // 500 tasks over 30 days, two in three dated: 13 November holds these.
    await page.locator('.union-plan-day[data-date="2026-11-13"] .union-plan-day-num').click();
    const picked = await page.locator(".union-plan-task--selected").evaluateAll((r) => r.map((x) => x.querySelector(".union-plan-task-meta")?.textContent ?? ""));
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.every((m) => m.startsWith("11月13日"))).toBe(true);
    expect(await page.locator('.union-plan-day[data-date="2026-11-13"]').getAttribute("aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-date"))).toBe("2026-11-13");
    // Another day: the first day's marks go, the second's come; every row and cell is the same element as before.
    await page.locator('.union-plan-day[data-date="2026-11-20"] .union-plan-day-num').click();
    expect(await page.locator('.union-plan-day[data-date="2026-11-13"]').getAttribute("aria-selected")).toBe("false");
    const second = await page.locator(".union-plan-task--selected .union-plan-task-meta").allTextContents();
    expect(second.length).toBe(picked.length);
    expect(second.every((m) => m.startsWith("11月20日"))).toBe(true);
    expect(await remade(page)).toEqual([]);
    expect(await page.locator(".union-plan-day:not([data-probe])").count()).toBe(0);
  });

  it("a filter and a tick redraw only the rows they change", async () => {
    const page = await harness.open(config(500));
    await settled(page);
    await mark(page);
    await page.locator(".union-plan-filter-status").selectOption("open");
    await settled(page);
    expect(await rows(page).count()).toBe(375);
    expect(await page.locator(".union-plan-task--done").count()).toBe(0);
    await page.locator(".union-plan-filter-status").selectOption("all");
    await settled(page);
    expect(await rows(page).count()).toBe(500);
    // The rows the filter took away come back as they were, in their places.
    expect(await remade(page)).toEqual([]);
    expect(await rows(page).nth(0).locator(".union-plan-task-meta").textContent()).toContain("11月1日");

    const second = page.locator('.union-plan-task[data-task-id="t-b1"]');
    await second.locator(".union-plan-task-check").click();
    await expect.poll(() => page.evaluate((p) => window.unionPlanTest.host().index.notes.get(p) ?? "", PATH)).toContain("- [x] 第2项工会活动");
    await expect.poll(() => second.getAttribute("class")).toContain("union-plan-task--done");
    // The ticked row is the same element, ticked in place; focus stayed on its box.
    expect(await second.getAttribute("data-probe")).toBe("kept");
    expect(await page.evaluate(() => document.activeElement?.closest(".union-plan-task")?.getAttribute("data-task-id"))).toBe("t-b1");
    expect(await remade(page)).toEqual([]);
  });

  it("5,000 tasks: the first screen at once, every row once settled, reachable by scrolling and by keyboard", async () => {
    const page = await harness.open(config(5000));
    // Right after it opened: the grid and the rows on screen are drawn, the rest is still to come.
    const early = await page.evaluate(() => ({
      rows: document.querySelectorAll(".union-plan-task").length,
      chunks: document.querySelectorAll(".union-plan-chunk").length,
      days: document.querySelectorAll(".union-plan-day[data-date]").length,
    }));
    expect(early.days).toBe(30);
    expect(early.rows).toBeGreaterThan(0);
    expect(early.rows).toBeLessThan(5000);
    expect(early.chunks).toBeGreaterThan(100);
    const firstRow = await rows(page).first().boundingBox();
    expect(firstRow && firstRow.y < 900).toBe(true);
    // The first screen as it is drawn, before the rest of the month came in.
    await page.screenshot({ path: join(ARTIFACTS, "month-5000-first-screen.png") });
    // A day cell shows three chips and says how many more.
    expect(await page.locator('.union-plan-day[data-date="2026-11-13"] .union-plan-chip').count()).toBe(4);
    expect(await page.locator('.union-plan-day[data-date="2026-11-13"] .union-plan-chip--more').textContent()).toMatch(/^另有 \d+ 项$/);

    await settled(page);
    expect(await rows(page).count()).toBe(5000);
    const ids = await rows(page).evaluateAll((r) => r.map((x) => x.getAttribute("data-task-id")));
    expect(new Set(ids).size).toBe(5000);
    // The last task is at the end of the list and comes into view when scrolled to.
    const last = page.locator('.union-plan-task[data-task-id="t-b3uv"]');
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    expect(await last.locator(".union-plan-task-text").textContent()).toBe("第5000项工会活动");
  });

  it("5,000 tasks in the overview: the month's row holds every task once settled", async () => {
    const page = await harness.open(config(5000, { mode: "overview" }));
    const row = page.locator('.union-plan-overview-plan tr[data-ym="2026-11"]');
    expect(await row.getAttribute("aria-current")).toBe("date");
    expect(await row.locator(".union-plan-col-progress").textContent()).toBe("1250/5000");
    expect(await row.locator(".union-plan-task").count()).toBeLessThan(5000);
    await settled(page);
    expect(await row.locator(".union-plan-task").count()).toBe(5000);
    // Every other month of the year plan is an empty row.
    expect(await page.locator(".union-plan-overview-plan tr.union-plan-ov-row").count()).toBe(12);
  });

  it("5,000 tasks: Enter on a day takes focus to its first task even before its rows were drawn", async () => {
    const page = await harness.open(config(5000));
    await page.locator('.union-plan-day[data-date="2026-11-29"]').focus();
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(() => {
      const row = document.activeElement?.closest(".union-plan-task");
      return { selected: row?.classList.contains("union-plan-task--selected") ?? false, meta: row?.querySelector(".union-plan-task-meta")?.textContent ?? "" };
    });
    expect(focused.selected).toBe(true);
    expect(focused.meta.startsWith("11月29日")).toBe(true);
  });
});
