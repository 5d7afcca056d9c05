/**
 * Time as the sync engine and the Notion emulator see it. A scaled clock lets tests and the bench
 * run a thousand requests at "3 requests per second" in seconds: both sides share one clock, so
 * Retry-After, the limiter and timeouts all speed up together.
 */
export interface Clock {
  /** Milliseconds of emulated time. */
  now(): number;
  /** Waits `ms` of emulated time. */
  sleep(ms: number): Promise<void>;
}

// The mirror runs in Obsidian (where window timers would do) and in the Node CLI (no window): use the global's.
const timers: Pick<typeof globalThis, "setTimeout"> = globalThis;

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => timers.setTimeout(resolve, Math.max(0, ms))),
};

/** A clock running `scale` times faster than real time (scale 50: one emulated second is 20 ms). */
export function scaledClock(scale: number): Clock {
  if (!(scale > 0)) throw new Error(`clock scale must be positive, got ${scale}`);
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * scale,
    sleep: (ms) => new Promise((resolve) => timers.setTimeout(resolve, Math.max(0, ms / scale))),
  };
}
