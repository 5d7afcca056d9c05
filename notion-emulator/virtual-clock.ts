/**
 * A clock that never reads the wall: emulated time jumps to the next sleeper's wake-up as soon as
 * the process has nothing else to do. The mirror, its limiter, its timeouts and the emulator's
 * rate limit all run on it, so a test of pacing or of a cut-off gives the same figures on an idle
 * laptop and on a loaded 2-core machine (a scaled clock reads Date.now(), and a busy CPU makes its
 * timers late, which is what made such tests flaky). Real-time figures belong to `npm run bench`.
 */
import type { Clock } from "../notion-sync/clock";

export interface VirtualClock extends Clock {
  /** Sleepers waiting now. */
  pending(): number;
}

/** Event-loop turns the process must stay quiet before time moves on (a response in flight takes a few). */
const QUIET_TURNS = 3;

export function virtualClock(start = Date.UTC(2026, 8, 1, 1)): VirtualClock {
  let now = start;
  let seq = 0;
  // Kept sorted by wake-up time, then by the order the sleeps were asked for.
  const sleepers: Array<{ at: number; seq: number; wake: () => void }> = [];
  let scheduled = false;

  const advance = (): void => {
    scheduled = false;
    const first = sleepers[0];
    if (!first) return;
    now = Math.max(now, first.at);
    let due = 0;
    while (due < sleepers.length && (sleepers[due]?.at ?? Infinity) <= now) due++;
    for (const s of sleepers.splice(0, due)) s.wake();
    if (sleepers.length > 0) schedule();
  };
  // setTimeout lets pending I/O and timers run; setImmediate turns let the answers it brought settle.
  const quiet = (turns: number): void => {
    if (turns === 0) advance();
    else setImmediate(() => quiet(turns - 1));
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => quiet(QUIET_TURNS), 0);
  };

  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const s = { at: now + Math.max(0, ms), seq: seq++, wake: resolve };
        let i = sleepers.length;
        while (i > 0 && (sleepers[i - 1]?.at ?? 0) > s.at) i--;
        sleepers.splice(i, 0, s);
        schedule();
      }),
    pending: () => sleepers.length,
  };
}
