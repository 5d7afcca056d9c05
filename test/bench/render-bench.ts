/**
 * Render bench: the 行事历 month view with 500 tasks, mounted in real Chromium (the page the
 * browser tests use). Timed inside the page with performance.now() around mountCalendar plus a
 * forced layout; the median of several runs after a warm-up. Goal: one frame, ≤ 16 ms. Beside it,
 * the same with the next frame's rendering work counted, and the peer: a bare list of the same tasks.
 */
import { bigMonthNote } from "../browser/fixtures";
import { chromiumAvailable, startHarness, CHROMIUM_PATH } from "../browser/harness";
import type { PageConfig } from "../browser/page/entry";

const TASKS = 500;
const WARMUP = 3;
const RUNS = 15;

export interface RenderBenchResult {
  /** Median ms to mount the month view with 500 tasks and force its layout. */
  month500Ms: number;
  /** The same plus the rendering work of the next frame (what the browser still did before showing it). */
  month500FrameMs: number;
  /** The peer in the same page and run: a bare list of the same 500 tasks (checkbox + text), timed alike. */
  plainList500Ms: number;
  plainList500FrameMs: number;
}

const NAN_RESULT: RenderBenchResult = { month500Ms: Number.NaN, month500FrameMs: Number.NaN, plainList500Ms: Number.NaN, plainList500FrameMs: Number.NaN };

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 100) / 100;
}

export async function runRenderBench(): Promise<RenderBenchResult> {
  if (!chromiumAvailable()) {
    process.stderr.write(`render bench skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-wqy-zenhei)\n`);
    return { ...NAN_RESULT };
  }
  let harness: Awaited<ReturnType<typeof startHarness>> | null = null;
  try {
    harness = await startHarness();
    const config: PageConfig = {
      notes: { "计划/压力测试.md": bigMonthNote(TASKS) },
      ym: "2026-11",
      mode: "month",
      now: "2026-11-22T10:00:00+08:00",
      settings: { weekStart: 1, language: "zh" },
      theme: "light",
      withExport: true,
    };
    const page = await harness.open(config);
    const shown = await page.locator(".union-plan-task").count();
    if (shown !== TASKS) throw new Error(`expected ${TASKS} tasks on the page, found ${shown}`);
    const texts = await page.locator(".union-plan-task-text").allTextContents();
    const view = await page.evaluate(([c, n]) => window.unionPlanTest.timeMount(c, n), [config, WARMUP + RUNS] as const);
    const plain = await page.evaluate(([t, n]) => window.unionPlanTest.timePlainList(t, n), [texts, WARMUP + RUNS] as const);
    return {
      month500Ms: median(view.layout.slice(WARMUP)),
      month500FrameMs: median(view.frame.slice(WARMUP)),
      plainList500Ms: median(plain.layout.slice(WARMUP)),
      plainList500FrameMs: median(plain.frame.slice(WARMUP)),
    };
  } catch (error) {
    process.stderr.write(`render bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ...NAN_RESULT };
  } finally {
    await harness?.close();
  }
}
