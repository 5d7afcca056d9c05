/** A corrupt state file and a malformed token are named for what they are. */
import { describe, expect, it } from "vitest";
import { createNotionClient } from "../../notion-sync/client";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { checkState, MemoryStateStore, type SyncState } from "../../notion-sync/sync-state";
import { makeWorld } from "./world";

describe("corrupt state", () => {
  it("a state with null entries is reported as corrupt and rebuilt from 同步键: no page made twice", async () => {
    const w = makeWorld();
    await w.sync();
    const saved = w.store.snapshot as SyncState;
    const pages = Object.keys(saved.plans).length + Object.keys(saved.tasks).length;
    const broken = JSON.parse(JSON.stringify(saved)) as Record<string, Record<string, unknown>>;
    const planKey = Object.keys(saved.plans)[0] ?? "";
    const taskKey = Object.keys(saved.tasks)[0] ?? "";
    (broken["plans"] as Record<string, unknown>)[planKey] = null;
    (broken["tasks"] as Record<string, unknown>)[taskKey] = null;
    const store = new MemoryStateStore(broken as unknown as SyncState);
    const r = await w.sync({ store });
    expect(r.errors).toEqual([]);
    expect(r.notes.join("\n")).toMatch(/同步状态文件已损坏.*the sync state was corrupt/);
    expect(r.notes.join("\n")).not.toMatch(/连不上|cannot reach/);
    expect(r.created).toBe(0);
    const ids = w.ids();
    expect(w.emulator.pages(ids.plans).length + w.emulator.pages(ids.tasks).length).toBe(pages);
    // Rebuilt: the next sync has nothing to do and nothing to report about the state.
    const again = await w.sync({ store });
    expect(again.writes).toBe(0);
    expect(again.notes.join("\n")).not.toMatch(/损坏/);
  });

  it("checkState keeps good entries and says what it dropped", () => {
    const s = checkState({ version: 1, plansDatabaseId: 5, plans: { a: null, b: { pageId: "x", path: "p", todos: {}, bodyHash: null, reviewStatus: null, reviewComment: null } }, tasks: [] });
    expect(Object.keys(s.plans)).toEqual(["b"]);
    expect(s.plansDatabaseId).toBeNull();
    expect(s.corrupt).toMatch(/1 个计划条目无效.*没有任务表/);
    expect(checkState(null).corrupt).toBeDefined();
  });
});

describe("malformed token", () => {
  for (const token of ["secret_abc def", "ntn_abc\n", "令牌ntn_abc"]) {
    it(`${JSON.stringify(token)} is "the token is not valid", not a network error`, async () => {
      const w = makeWorld();
      const connection = createNotionClient({ token, fetch: w.emulator.fetch, baseUrl: w.emulator.baseUrl, clock: w.emulator.clock, limiter: new RateLimiter(w.emulator.clock) });
      const error = await w.sync({ connection }).catch((e: unknown) => e);
      expect(String(error)).toMatch(/令牌无效.*the token is not valid/);
      expect(String(error)).not.toMatch(/cannot reach/);
      expect(w.emulator.counters.requests).toBe(0);
    });
  }
});
