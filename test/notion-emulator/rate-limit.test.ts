/** The emulator's limiter: 3 requests per second per token with a burst of 3, 429 with Retry-After. */
import { APIErrorCode } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import { virtualClock } from "../../notion-emulator/virtual-clock";
import { createNotionEmulator } from "../../notion-emulator/index";
import { clientFor, failure, manualClock } from "./test-helpers";

describe("rate limit", () => {
  it("lets a burst of 3 through, answers the 4th with 429 rate_limited and Retry-After, and refills at 3 per second", async () => {
    const clock = manualClock();
    const emulator = createNotionEmulator({ clock });
    const notion = clientFor(emulator);
    for (let i = 0; i < 3; i++) await notion.users.me({});
    const error = await failure(notion.users.me({}));
    expect(error.status).toBe(429);
    expect(error.code).toBe(APIErrorCode.RateLimited);
    expect((error.headers as Headers).get("retry-after")).toBe("1");
    expect(emulator.counters.http429).toBe(1);

    // A third of a second buys exactly one more request.
    clock.advance(334);
    await notion.users.me({});
    expect((await failure(notion.users.me({}))).status).toBe(429);
    // Waiting as told refills the bucket (to its burst, no further).
    clock.advance(1000);
    for (let i = 0; i < 3; i++) await notion.users.me({});
    expect((await failure(notion.users.me({}))).status).toBe(429);
    expect(emulator.requestLog.map((e) => e.status)).toEqual([200, 200, 200, 429, 200, 429, 200, 200, 200, 429]);
  });

  it("rounds Retry-After up to whole emulated seconds for a slow configured rate", async () => {
    const clock = manualClock();
    const emulator = createNotionEmulator({ clock, rateLimit: { ratePerSecond: 0.25, burst: 1 } });
    const notion = clientFor(emulator);
    await notion.users.me({});
    clock.advance(500);
    const error = await failure(notion.users.me({}));
    // 1 request per 4 s, half a second gone: 3.5 s left, said as 4.
    expect((error.headers as Headers).get("retry-after")).toBe("4");
  });

  it("does not count requests refused for a bad token or a missing version", async () => {
    const clock = manualClock();
    const emulator = createNotionEmulator({ clock });
    for (let i = 0; i < 5; i++) await failure(clientFor(emulator, { auth: "wrong" }).users.me({}));
    const notion = clientFor(emulator);
    for (let i = 0; i < 3; i++) await notion.users.me({});
    expect(emulator.counters.http429).toBe(0);
  });

  it("answers many concurrent requests with 429s, and none once switched off", async () => {
    const clock = manualClock();
    const emulator = createNotionEmulator({ clock });
    const notion = clientFor(emulator);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => notion.users.me({})));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(emulator.counters.http429).toBe(17);
    emulator.setRateLimit(false);
    await Promise.all(Array.from({ length: 20 }, () => notion.users.me({})));
    expect(emulator.counters.http429).toBe(17);
    emulator.setRateLimit({ ratePerSecond: 10, burst: 5 });
    const again = await Promise.allSettled(Array.from({ length: 8 }, () => notion.users.me({})));
    expect(again.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  });

  it("lets 1000 requests paced at 97 % of the limit through without a 429 (emulated time)", async () => {
    const clock = virtualClock();
    const emulator = createNotionEmulator({ clock });
    const notion = clientFor(emulator);
    const interval = 1000 / (3 * 0.97);
    const start = clock.now();
    let slot = start;
    for (let i = 0; i < 1000; i++) {
      // Slots booked one interval apart (a late timer does not add up), never caught up in a burst.
      slot = Math.max(slot, clock.now());
      const wait = slot - clock.now();
      if (wait > 0) await clock.sleep(wait);
      slot += interval;
      await notion.users.me({});
    }
    const seconds = (clock.now() - start) / 1000;
    expect(emulator.counters.http429).toBe(0);
    expect(emulator.counters.requests).toBe(1000);
    // Emulated time has no late timers: the pace is what was booked, 999 intervals for 1000 requests.
    expect(1000 / seconds / 3).toBeGreaterThan(0.96);
    // 1000 requests through the client: CPU time only, but a loaded machine needs room.
  }, 120_000);
});
