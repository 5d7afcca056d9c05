/**
 * Render bench: the 行事历 month view in real Chromium (the page the browser tests use), timed
 * inside the page with performance.now(). Each figure is the median of several runs after a
 * warm-up, with its spread (the interquartile range: how much the middle half of the runs vary;
 * this machine is shared, so a wide spread says the median is rough).
 *
 * - month500Ms: mountCalendar with 500 tasks plus a forced layout (goal ≤ 16 ms);
 *   month500FrameMs: the same plus the next frame's rendering work, i.e. until the first frame
 *   is on screen (goal ≤ 16 ms). month5000FrameMs: the same with 5,000 tasks (goal ≤ 50 ms).
 * - dayClickMs, filterChangeMs, tickMs: a click on a day, a change of the status filter, and the
 *   redraw after a task was ticked in its note, each with a forced layout (goal ≤ 4 ms).
 * - month500Elements: elements of the month view with 500 tasks once every row is drawn.
 * - month5000ScrollWorstFrameMs / month5000ScrollDroppedFrames: scrolling the 5,000-task month a
 *   screen a frame right after it opened; the longest gap between frames and how many gaps were
 *   over 25 ms (a frame missed at 60 Hz). Its peer: the bare list of the same 5,000 tasks
 *   scrolled alike (plainList5000Scroll…), which says what this machine manages at all.
 * - The peer, in the same page and run: a bare list of the same 500 tasks (checkbox + text).
 */
import { setTimeout as after } from "node:timers/promises";
import { bigMonthNote, pageConfig } from "../browser/fixtures";
import { chromiumAvailable, startHarness, CHROMIUM_PATH, type Harness } from "../browser/harness";
import type { PageConfig, Timings } from "../browser/page/entry";

const WARMUP = 3;
const RUNS = 15;
const BIG_WARMUP = 2;
const BIG_RUNS = 9;
const SCROLL_FRAMES = 60;
const BENCH_PATH = "计划/压力测试.md";

export interface RenderBenchResult {
  month500Ms: number;
  month500SpreadMs: number;
  month500FrameMs: number;
  month500FrameSpreadMs: number;
  month5000Ms: number;
  month5000SpreadMs: number;
  month5000FrameMs: number;
  month5000FrameSpreadMs: number;
  dayClickMs: number;
  dayClickSpreadMs: number;
  dayClickFrameMs: number;
  dayClickFrameSpreadMs: number;
  filterChangeMs: number;
  filterChangeSpreadMs: number;
  tickMs: number;
  tickSpreadMs: number;
  month500Elements: number;
  month5000ScrollWorstFrameMs: number;
  month5000ScrollDroppedFrames: number;
  plainList500Ms: number;
  plainList500FrameMs: number;
  plainList500Elements: number;
  plainList5000ScrollWorstFrameMs: number;
  plainList5000ScrollDroppedFrames: number;
}

const FIELDS: readonly (keyof RenderBenchResult)[] = [
  "month500Ms",
  "month500SpreadMs",
  "month500FrameMs",
  "month500FrameSpreadMs",
  "month5000Ms",
  "month5000SpreadMs",
  "month5000FrameMs",
  "month5000FrameSpreadMs",
  "dayClickMs",
  "dayClickSpreadMs",
  "dayClickFrameMs",
  "dayClickFrameSpreadMs",
  "filterChangeMs",
  "filterChangeSpreadMs",
  "tickMs",
  "tickSpreadMs",
  "month500Elements",
  "month5000ScrollWorstFrameMs",
  "month5000ScrollDroppedFrames",
  "plainList500Ms",
  "plainList500FrameMs",
  "plainList500Elements",
  "plainList5000ScrollWorstFrameMs",
  "plainList5000ScrollDroppedFrames",
];

function nanResult(): RenderBenchResult {
  return Object.fromEntries(FIELDS.map((f) => [f, Number.NaN])) as unknown as RenderBenchResult;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** No step of the bench may wait for ever (a page that stopped answering): it fails, and its figures stay NaN. */
const STEP_MS = 180_000;

async function within<T>(step: Promise<T>, what: string): Promise<T> {
  const stop = new AbortController();
  const late = after(STEP_MS, undefined, { signal: stop.signal }).then((): never => {
    throw new Error(`${what} took over ${STEP_MS / 1000} s`);
  });
  try {
    return await Promise.race([step, late]);
  } finally {
    // The timer goes; race has already taken the rejection this causes.
    stop.abort();
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? Number.NaN) + ((sorted[hi] ?? Number.NaN) - (sorted[lo] ?? Number.NaN)) * (at - lo);
}

/** Median and interquartile range of the runs after the warm-up. */
function stats(times: readonly number[], warmup: number): { median: number; spread: number } {
  const sorted = times.slice(warmup).sort((a, b) => a - b);
  return { median: round(quantile(sorted, 0.5)), spread: round(quantile(sorted, 0.75) - quantile(sorted, 0.25)) };
}

function config(tasks: number): PageConfig {
  return pageConfig({ [BENCH_PATH]: bigMonthNote(tasks) });
}

/** Mount timings: layout (mount + forced layout) and frame (until the first frame is drawn). */
function mountStats(t: Timings, warmup: number): { layout: { median: number; spread: number }; frame: { median: number; spread: number } } {
  return { layout: stats(t.layout, warmup), frame: stats(t.frame, warmup) };
}

async function monthFigures(harness: Harness, out: RenderBenchResult): Promise<string[]> {
  const small = config(500);
  const page = await within(harness.open(small), "open");
  await within(page.evaluate(() => window.unionPlanTest.settled()), "settled");
  const shown = await page.locator(".union-plan-task").count();
  if (shown !== 500) throw new Error(`expected 500 tasks on the page, found ${shown}`);
  out.month500Elements = await within(page.evaluate(() => window.unionPlanTest.elementCount()), "elementCount");
  const texts = await page.locator(".union-plan-task-text").allTextContents();

  const click = stats((await within(page.evaluate((n) => window.unionPlanTest.timeDayClick(n), WARMUP + RUNS), "timeDayClick")).layout, WARMUP);
  const clickFrame = stats((await within(page.evaluate((n) => window.unionPlanTest.timeDayClick(n), WARMUP + RUNS), "timeDayClick")).frame, WARMUP);
  const filter = stats((await within(page.evaluate((n) => window.unionPlanTest.timeFilter(n), WARMUP + RUNS + 1), "timeFilter")).layout, WARMUP);
  const tick = stats((await within(page.evaluate(([p, n]) => window.unionPlanTest.timeTick(p, n), [BENCH_PATH, WARMUP + RUNS] as const), "timeTick")).layout, WARMUP);
  Object.assign(out, {
    dayClickMs: click.median,
    dayClickSpreadMs: click.spread,
    dayClickFrameMs: clickFrame.median,
    dayClickFrameSpreadMs: clickFrame.spread,
    filterChangeMs: filter.median,
    filterChangeSpreadMs: filter.spread,
    tickMs: tick.median,
    tickSpreadMs: tick.spread,
  });

  const view = mountStats(await within(page.evaluate(([c, n]) => window.unionPlanTest.timeMount(c, n), [small, WARMUP + RUNS] as const), "timeMount"), WARMUP);
  const plain = mountStats(await within(page.evaluate(([t, n]) => window.unionPlanTest.timePlainList(t, n), [texts, WARMUP + RUNS] as const), "timePlainList"), WARMUP);
  out.plainList500Elements = texts.length * 2 + 1;
  Object.assign(out, {
    month500Ms: view.layout.median,
    month500SpreadMs: view.layout.spread,
    month500FrameMs: view.frame.median,
    month500FrameSpreadMs: view.frame.spread,
    plainList500Ms: plain.layout.median,
    plainList500FrameMs: plain.frame.median,
  });
  return texts;
}

async function bigMonthFigures(harness: Harness, out: RenderBenchResult): Promise<void> {
  const big = config(5000);
  const page = await within(harness.open(big), "open");
  // Scrolled at once, while the rows off screen are still being drawn in idle time.
  const gaps = await within(page.evaluate((n) => window.unionPlanTest.timeScroll(n), SCROLL_FRAMES), "timeScroll");
  out.month5000ScrollWorstFrameMs = round(Math.max(...gaps));
  out.month5000ScrollDroppedFrames = gaps.filter((g) => g > 25).length;
  await within(page.evaluate(() => window.unionPlanTest.settled()), "settled");
  const shown = await page.locator(".union-plan-task").count();
  if (shown !== 5000) throw new Error(`expected 5000 tasks on the page once settled, found ${shown}`);
  const texts = await page.locator(".union-plan-task-text").allTextContents();
  await within(page.evaluate((t) => window.unionPlanTest.showPlainList(t), texts), "showPlainList");
  const peer = await within(page.evaluate((n) => window.unionPlanTest.timeScroll(n), SCROLL_FRAMES), "timeScroll");
  out.plainList5000ScrollWorstFrameMs = round(Math.max(...peer));
  out.plainList5000ScrollDroppedFrames = peer.filter((g) => g > 25).length;
  const view = mountStats(await within(page.evaluate(([c, n]) => window.unionPlanTest.timeMount(c, n), [big, BIG_WARMUP + BIG_RUNS] as const), "timeMount"), BIG_WARMUP);
  Object.assign(out, {
    month5000Ms: view.layout.median,
    month5000SpreadMs: view.layout.spread,
    month5000FrameMs: view.frame.median,
    month5000FrameSpreadMs: view.frame.spread,
  });
}

export async function runRenderBench(): Promise<RenderBenchResult> {
  if (!chromiumAvailable()) {
    process.stderr.write(`render bench skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-wqy-zenhei)\n`);
    return nanResult();
  }
  let harness: Harness | null = null;
  const out = nanResult();
  try {
    harness = await startHarness();
    await monthFigures(harness, out);
    await bigMonthFigures(harness, out);
    return out;
  } catch (error) {
    process.stderr.write(`render bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return out;
  } finally {
    await harness?.close();
  }
}
