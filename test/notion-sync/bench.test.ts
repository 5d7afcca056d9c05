import { expect, it } from "vitest";
import { runSyncBench } from "../bench/sync-bench";

it("bench: 50 plans, 1,000 tasks — figures in range", async () => {
  const f = await runSyncBench();
  expect(f.unchangedWrites).toBe(0);
  expect(f.oneEditWrites).toBeLessThanOrEqual(2);
  expect(f.http429).toBe(0);
  // Goal ≥ 0.9; a loaded machine slows the emulator itself, so the test keeps some slack.
  expect(f.rateFractionOfLimit).toBeGreaterThanOrEqual(0.85);
  expect(f.rateFractionOfLimit).toBeLessThanOrEqual(1);
}, 120_000);
