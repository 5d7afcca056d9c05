import { expect, it } from "vitest";
import { runSyncBench } from "../bench/sync-bench";
import { virtualClock } from "../../notion-emulator/virtual-clock";

it("bench: 50 plans, 1,000 tasks — figures in range", async () => {
  // On emulated time: the figures are the mirror's, whatever else the machine is doing.
  const f = await runSyncBench({ clock: virtualClock() });
  // Issue 10's budget for a first sync of 50 plans / 1,000 tasks (1,050 of them are page creates).
  expect(f.firstRequests).toBeLessThanOrEqual(1200);
  expect(f.unchangedWrites).toBe(0);
  expect(f.oneEditWrites).toBeLessThanOrEqual(2);
  expect(f.http429).toBe(0);
  // Comments: none read on pages the first sync made; one read per plan page when nothing changed.
  expect([f.commentReadsFirst, f.commentReads]).toEqual([0, 50]);
  // Goal ≥ 0.9 (the limiter books 97 % of the rate).
  expect(f.rateFractionOfLimit).toBeGreaterThanOrEqual(0.9);
  expect(f.rateFractionOfLimit).toBeLessThanOrEqual(1);
}, 120_000);
