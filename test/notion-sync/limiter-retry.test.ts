import { describe, expect, it } from "vitest";
import { APIErrorCode, APIResponseError } from "@notionhq/client";
import type { Clock } from "../../notion-sync/clock";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { classifyFailure, withRetry } from "../../notion-sync/retry";
import { TimeoutError, explainError, redact } from "../../notion-sync/errors";

/** A clock that only moves when someone sleeps: deterministic and instant. */
function virtualClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

function apiError(status: number, code: APIErrorCode, headers: Record<string, string> = {}): APIResponseError {
  return new APIResponseError({ code, status, message: `status ${status}`, headers, rawBodyText: "{}", additional_data: undefined, request_id: undefined });
}

describe("RateLimiter", () => {
  it("keeps the average at or under 3 per second over many requests", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, { burst: 2 });
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      await limiter.acquire();
      times.push(clock.now());
    }
    const span = (times[299] as number) - (times[0] as number);
    expect(299 / (span / 1000)).toBeLessThanOrEqual(3);
    expect(299 / (span / 1000)).toBeGreaterThan(2.85);
    // Any k consecutive requests span at least (k - burst) intervals: never more than the bucket allows.
    for (let i = 0; i < times.length; i++) {
      for (let k = 2; k <= 8 && i + k - 1 < times.length; k++) {
        expect((times[i + k - 1] as number) - (times[i] as number)).toBeGreaterThanOrEqual((k - limiter.burst) * limiter.intervalMs - 1e-6);
      }
    }
  });

  it("counts time spent in flight toward the interval and pauses for Retry-After", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(clock, { headroom: 1, burst: 1 });
    await limiter.acquire();
    await clock.sleep(200); // the request took 200 ms
    await limiter.acquire();
    expect(clock.now()).toBeCloseTo(1000 / 3, 5);
    limiter.pause(5000);
    await limiter.acquire();
    expect(clock.now()).toBeGreaterThanOrEqual(5000 + 1000 / 3 - 1);
  });
});

describe("withRetry", () => {
  it("obeys Retry-After in full, however long, on 429 and 529", async () => {
    const clock = virtualClock();
    let calls = 0;
    const result = await withRetry(
      () => {
        calls++;
        if (calls === 1) return Promise.reject(apiError(429, APIErrorCode.RateLimited, { "retry-after": "120" }));
        if (calls === 2) return Promise.reject(apiError(529, APIErrorCode.ServiceOverload, { "Retry-After": "7" }));
        return Promise.resolve("ok");
      },
      { clock },
    );
    expect(result).toBe("ok");
    expect(clock.slept).toEqual([120000, 7000]);
  });

  it("backs off on 500/502/503/504 and timeouts, and gives up after maxAttempts", async () => {
    const clock = virtualClock();
    let calls = 0;
    const statuses = [500, 502, 503, 504];
    await expect(
      withRetry(
        () => {
          const s = statuses[calls++ % 4] as number;
          return Promise.reject(calls === 3 ? new TimeoutError(1000) : apiError(s, APIErrorCode.InternalServerError));
        },
        { clock, maxAttempts: 5, random: () => 0.5 },
      ),
    ).rejects.toBeTruthy();
    expect(calls).toBe(5);
    expect(clock.slept).toEqual([750, 1500, 3000, 6000]);
  });

  it("does not retry 400, 401 or 404", async () => {
    for (const [status, code] of [
      [400, APIErrorCode.ValidationError],
      [401, APIErrorCode.Unauthorized],
      [404, APIErrorCode.ObjectNotFound],
    ] as const) {
      let calls = 0;
      await expect(withRetry(() => (calls++, Promise.reject(apiError(status, code))), { clock: virtualClock() })).rejects.toBeTruthy();
      expect(calls).toBe(1);
      expect(classifyFailure(apiError(status, code))).toBe("fatal");
    }
  });

  it("a create that failed is sent again only after verify says it did not take effect", async () => {
    const clock = virtualClock();
    let creates = 0;
    let exists = false;
    // The first create is applied but its answer is lost (502).
    const create = (): Promise<string> => {
      creates++;
      exists = true;
      return creates === 1 ? Promise.reject(apiError(502, APIErrorCode.InternalServerError)) : Promise.resolve("second");
    };
    const verify = (): Promise<string | undefined> => Promise.resolve(exists ? "found" : undefined);
    expect(await withRetry(create, { clock }, { verify })).toBe("found");
    expect(creates).toBe(1);

    let creates2 = 0;
    const create2 = (): Promise<string> => (++creates2 === 1 ? Promise.reject(new TypeError("fetch failed")) : Promise.resolve("made"));
    expect(await withRetry(create2, { clock }, { verify: () => Promise.resolve(undefined) })).toBe("made");
    expect(creates2).toBe(2);
  });
});

describe("error messages", () => {
  it("say what to do for 401, 404 and 400, and never carry the token", () => {
    const token = "secret_abcdefghijklmnopqrstuvwxyz0123456789";
    const e401 = explainError(apiError(401, APIErrorCode.Unauthorized), { token });
    expect(e401.message).toMatch(/令牌错误或已被撤销/);
    const e404 = explainError(apiError(404, APIErrorCode.ObjectNotFound), { token, id: "db-1" });
    expect(e404.message).toMatch(/Connections/);
    expect(e404.message).toMatch(/•••/);
    const bad = new APIResponseError({ code: APIErrorCode.ValidationError, status: 400, message: `body.properties.学校 should be rich text; token ${token}`, headers: {}, rawBodyText: "{}", additional_data: undefined, request_id: undefined });
    const e400 = explainError(bad, { token, what: "计划「示例」" });
    expect(e400.message).toMatch(/计划「示例」/);
    expect(e400.message).toMatch(/学校/);
    expect(e400.message).not.toContain(token);
    expect(redact(`Bearer ${token} and ntn_1234567890abcdef`, null)).not.toMatch(/secret_|ntn_1/);
  });
});

describe("inParallel", () => {
  it("keeps at most n under way, and lets the ones under way finish before the first error is thrown", async () => {
    const { inParallel } = await import("../../notion-sync/sync-engine");
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const run = inParallel([1, 2, 3, 4, 5, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n === 2 ? 1 : 5));
      running--;
      if (n === 2) throw new Error("two");
      finished.push(n);
    });
    await expect(run).rejects.toThrow("two");
    expect(most).toBe(3);
    expect(running).toBe(0);
    expect(finished).toEqual(expect.arrayContaining([1, 3]));
    expect(finished).not.toContain(6);
  });
});
