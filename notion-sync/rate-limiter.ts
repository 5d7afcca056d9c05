/**
 * Client-side limiter: keeps the average at or under Notion's 3 requests per second. Slots are
 * booked ahead, so time a request spends in flight counts toward its interval instead of being
 * added to it. A 429's Retry-After pauses every later slot, not just the request that met it.
 */
import type { Clock } from "./clock";

export interface RateLimiterOptions {
  /** Requests per second, on average. Default 3 (Notion's documented limit). */
  ratePerSecond?: number;
  /**
   * Fraction of the rate actually used (default 0.97): timers only fire late, never early, but the
   * hop between our slot and the server's clock is not zero, so keep a little headroom.
   */
  headroom?: number;
  /**
   * Requests that may go back to back after a quiet spell (default 1: none; Notion's bucket takes a few).
   * It lets a request that started late catch up, so time spent in our own code is not lost.
   */
  burst?: number;
}

/**
 * A token bucket kept as one number (the theoretical arrival time of the next request): each
 * request books `interval` of it; a request may go when that time is at most `burst - 1`
 * intervals ahead of now. Over any long stretch, requests ≤ rate × time + burst.
 */
export class RateLimiter {
  readonly intervalMs: number;
  readonly burst: number;
  private tat = -Infinity;
  private granted = 0;

  constructor(
    private readonly clock: Clock,
    options: RateLimiterOptions = {},
  ) {
    const rate = options.ratePerSecond ?? 3;
    const headroom = options.headroom ?? 0.97;
    this.burst = Math.max(1, Math.floor(options.burst ?? 1));
    if (!(rate > 0) || !(headroom > 0 && headroom <= 1)) throw new Error("rate and headroom must be positive");
    this.intervalMs = 1000 / (rate * headroom);
  }

  /** Resolves when the caller may send its request. Callers are served in the order they asked. */
  async acquire(): Promise<void> {
    const now = this.clock.now();
    const tat = Math.max(this.tat, now);
    const allowAt = tat - (this.burst - 1) * this.intervalMs;
    this.tat = tat + this.intervalMs;
    if (allowAt > now) await this.clock.sleep(allowAt - now);
    this.granted++;
  }

  /** No request before `ms` from now (a 429's Retry-After applies to the whole integration), and no burst right after. */
  pause(ms: number): void {
    this.tat = Math.max(this.tat, this.clock.now() + ms + (this.burst - 1) * this.intervalMs);
  }

  /** Requests let through so far. */
  get count(): number {
    return this.granted;
  }
}
