/**
 * The mirror's retry policy (the client's own retries are off, so this one governs):
 * - 429 and 529: wait the whole Retry-After (no cap), pausing the limiter for everyone;
 * - 500, 502, 503, 504, 409 conflict_error, timeouts and network failures: exponential backoff
 *   (by Notion's error `code` when the answer has one, else by status);
 * - a write that is not idempotent (a page create, a block append) is retried only after `verify`
 *   has looked whether the failed attempt took effect after all, and returned its result if so;
 * - anything else (400, 401, 403, 404) is not retried.
 */
import { isHTTPResponseError } from "@notionhq/client/build/src/errors";
import type { Clock } from "./clock";
import { codeOf, isTimeout, statusOf } from "./errors";
import type { RateLimiter } from "./rate-limiter";

export interface RetryOptions {
  clock: Clock;
  limiter?: RateLimiter;
  /** Attempts after transient failures (5xx, timeouts). Default 6. */
  maxAttempts?: number;
  /** Waits after 429/529 before giving up. Default 30. */
  maxRateLimitWaits?: number;
  /** First backoff, doubled each time. Default 1000 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Retry-After when a 429 does not say (seconds). Default 1. */
  defaultRetryAfterS?: number;
  /** Jitter source in [0, 1); seeded in tests. */
  random?: () => number;
  /** Told about each retry (for logs; gets no token). */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

export type FailureKind = "rate-limited" | "transient" | "fatal";

/** Notion's error codes that say "slow down" and "try again", whatever the status they came with. */
const RATE_CODES = new Set(["rate_limited", "service_overload"]);
const TRANSIENT_CODES = new Set(["conflict_error", "internal_server_error", "service_unavailable", "gateway_timeout"]);

export function classifyFailure(error: unknown): FailureKind {
  const code = codeOf(error);
  if (code !== null && RATE_CODES.has(code)) return "rate-limited";
  if (code !== null && TRANSIENT_CODES.has(code)) return "transient";
  const status = statusOf(error);
  if (status === 429 || status === 529) return "rate-limited";
  if (status === 500 || status === 502 || status === 503 || status === 504 || status === 409) return "transient";
  if (status !== null) return "fatal";
  if (isTimeout(error)) return "transient";
  // fetch's own failures (connection reset, DNS, offline) are TypeErrors.
  if (error instanceof TypeError) return "transient";
  return "fatal";
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or null. */
export function retryAfterMs(error: unknown, clock: Clock): number | null {
  if (!isHTTPResponseError(error)) return null;
  const value = headerValue(error.headers, "retry-after");
  if (value === undefined || value.trim() === "") return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, date - clock.now());
  return null;
}

/** A header from a Headers object or a plain record, case-insensitively. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== "object") return undefined;
  const h = headers as { get?: unknown };
  if (typeof h.get === "function") {
    const v: unknown = (h.get as (n: string) => unknown).call(headers, name);
    return typeof v === "string" ? v : undefined;
  }
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() === wanted) return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return undefined;
}

export interface AttemptHooks<T> {
  /**
   * Runs after a transient failure, before the next attempt: looks whether the failed write took
   * effect. A value means it did (that value is the result); undefined means send it again.
   */
  verify?: () => Promise<T | undefined>;
}

export async function withRetry<T>(op: () => Promise<T>, options: RetryOptions, hooks: AttemptHooks<T> = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 6;
  const maxWaits = options.maxRateLimitWaits ?? 30;
  const base = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30000;
  const random = options.random ?? Math.random;
  let transient = 0;
  let waits = 0;
  let mustVerify = false;
  for (;;) {
    if (mustVerify && hooks.verify) {
      // The verification is itself a request: it gets the same policy, without a verify of its own.
      const found = await withRetry(hooks.verify, options);
      if (found !== undefined) return found;
      mustVerify = false;
    }
    try {
      return await op();
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === "fatal") throw error;
      if (kind === "rate-limited") {
        // A 429/529 was refused before anything happened: no need to verify.
        if (++waits > maxWaits) throw error;
        const wait = retryAfterMs(error, options.clock) ?? (options.defaultRetryAfterS ?? 1) * 1000;
        options.limiter?.pause(wait);
        options.onRetry?.({ attempt: waits, delayMs: wait, reason: String(statusOf(error)) });
        await options.clock.sleep(wait);
        continue;
      }
      if (++transient >= maxAttempts) throw error;
      mustVerify = true;
      const exp = Math.min(maxDelay, base * 2 ** (transient - 1));
      const delay = exp / 2 + (exp / 2) * random();
      options.onRetry?.({ attempt: transient, delayMs: delay, reason: isTimeout(error) ? "timeout" : String(statusOf(error) ?? "network") });
      await options.clock.sleep(delay);
    }
  }
}
