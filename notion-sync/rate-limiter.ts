/**
 * Client-side limiter: spaces requests evenly so the average stays at or under Notion's
 * 3 requests per second. Slots are booked ahead (next = previous slot + interval), so time a request
 * spends in flight counts toward its interval instead of being added to it. A 429's Retry-After
 * pauses every later slot, not just the request that met it.
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
}

export class RateLimiter {
  readonly intervalMs: number;
  private nextSlot = -Infinity;
  private granted = 0;
  private firstGrant: number | null = null;

  constructor(
    private readonly clock: Clock,
    options: RateLimiterOptions = {},
  ) {
    const rate = options.ratePerSecond ?? 3;
    const headroom = options.headroom ?? 0.97;
    if (!(rate > 0) || !(headroom > 0 && headroom <= 1)) throw new Error("rate and headroom must be positive");
    this.intervalMs = 1000 / (rate * headroom);
  }

  /** Resolves when the caller may send its request. Callers are served in the order they asked. */
  async acquire(): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.clock.sleep(slot - now);
    this.granted++;
    if (this.firstGrant === null) this.firstGrant = this.clock.now();
  }

  /** No request before `ms` from now (a 429's Retry-After applies to the whole integration). */
  pause(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.clock.now() + ms);
  }

  /** Requests let through so far. */
  get count(): number {
    return this.granted;
  }
}
