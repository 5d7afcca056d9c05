/**
 * Render bench: the 行事历 month view with 500 tasks, mounted in real Chromium (the page the
 * browser tests use). Timed inside the page with performance.now() around mountCalendar plus a
 * forced layout; the median of several runs after a warm-up. Goal: one frame, ≤ 16 ms.
 */
import { bigMonthNote } from "../browser/fixtures";
import { chromiumAvailable, startHarness, CHROMIUM_PATH } from "../browser/harness";
import type { PageConfig } from "../browser/page/entry";

const TASKS = 500;
const WARMUP = 3;
const RUNS = 15;

export async function runRenderBench(): Promise<{ month500Ms: number }> {
  if (!chromiumAvailable()) {
    process.stderr.write(`render bench skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-wqy-zenhei)\n`);
    return { month500Ms: Number.NaN };
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
    const times = await page.evaluate(([c, n]) => window.unionPlanTest.timeMount(c, n), [config, WARMUP + RUNS] as const);
    const measured = times.slice(WARMUP).sort((a, b) => a - b);
    const mid = Math.floor(measured.length / 2);
    const median = measured.length % 2 === 1 ? (measured[mid] ?? Number.NaN) : ((measured[mid - 1] ?? 0) + (measured[mid] ?? 0)) / 2;
    return { month500Ms: Math.round(median * 100) / 100 };
  } catch (error) {
    process.stderr.write(`render bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return { month500Ms: Number.NaN };
  } finally {
    await harness?.close();
  }
}
