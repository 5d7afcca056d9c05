/**
 * Notion's request limit as the emulator enforces it: a token bucket per integration token. The
 * bucket holds `burst` requests and refills at `ratePerSecond`; a request finding it empty gets a
 * 429 with Retry-After (whole emulated seconds, rounded up) and takes nothing from it, so a client
 * that waits as told gets through. Time comes from the shared Clock, so a scaled clock scales the
 * limit with it.
 */
import type { Clock } from "../notion-sync/clock";
import type { RateLimitOptions } from "./types";

interface Bucket {
  tokens: number;
  updated: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  readonly ratePerSecond: number;
  readonly burst: number;

  constructor(
    private readonly clock: Clock,
    options: RateLimitOptions = {},
  ) {
    this.ratePerSecond = options.ratePerSecond ?? 3;
    this.burst = options.burst ?? 3;
    if (!(this.ratePerSecond > 0)) throw new Error(`rate must be positive, got ${this.ratePerSecond}`);
    if (!(this.burst >= 1)) throw new Error(`burst must be at least 1, got ${this.burst}`);
  }

  /** Takes one request from `key`'s bucket, or says how long to wait. */
  admit(key: string): Admission {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updated: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updated) / 1000) * this.ratePerSecond);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const waitMs = ((1 - bucket.tokens) / this.ratePerSecond) * 1000;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
