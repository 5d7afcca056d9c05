import { describe, expect, it } from "vitest";
import { uiTurn } from "../../../plugin/index/ui-turn";
import { App } from "../../fakes/obsidian";
import { indexOver } from "./index-harness";
import { PlanIndex } from "../../../plugin/index/plan-index";
import type { MetadataCache, Vault } from "obsidian";

describe("uiTurn: a turn for the UI that is no nested timer", () => {
  it("uses scheduler.yield where the scope has it", async () => {
    let calls = 0;
    const scheduler = {
      yield: function (this: unknown) {
        expect(this).toBe(scheduler);
        calls++;
        return Promise.resolve();
      },
    };
    const turn = uiTurn({ scheduler, MessageChannel });
    await turn.next();
    await turn.next();
    expect(calls).toBe(2);
    turn.close();
  });

  it("else goes on in a later task, after every microtask queued before it (a MessageChannel message)", async () => {
    const turn = uiTurn({ MessageChannel });
    const order: string[] = [];
    const done = turn.next().then(() => order.push("turn"));
    // A chain of microtasks: all of them run before any task does.
    let p = Promise.resolve();
    for (let i = 0; i < 5; i++) p = p.then(() => void order.push(`micro${i}`));
    await done;
    expect(order).toEqual(["micro0", "micro1", "micro2", "micro3", "micro4", "turn"]);
    turn.close();
  });

  it("resolves turns in the order they were asked for, each once", async () => {
    const turn = uiTurn({ MessageChannel });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => turn.next().then(() => order.push(n))));
    await turn.next();
    order.push(5);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    turn.close();
  });

  it("close lets a turn still waiting go on (its work checks whether it was stopped)", async () => {
    const turn = uiTurn({ MessageChannel });
    const waiting = turn.next();
    turn.close();
    await expect(waiting).resolves.toBeUndefined();
  });

  it("says so where the scope has neither", () => {
    expect(() => uiTurn({})).toThrow(/MessageChannel/);
  });
});

describe("the index's cold build takes its turns from deps.yieldTurn", () => {
  it("uses the given turn, and builds the same index as with timers", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`计划/${i}.md`] = `---\ntype: union-plan\n---\n# 计划${i}\n## 行事历\n### 2026年3月\n- [ ] 任务${i}\n`;
    const app = new App(files);
    for (const f of app.vault.getMarkdownFiles()) app.metadataCache.getFileCache(f);
    let clock = 0;
    let turns = 0;
    const turn = uiTurn({ MessageChannel });
    const index = new PlanIndex({
      vault: app.vault as unknown as Vault,
      metadataCache: app.metadataCache as unknown as MetadataCache,
      // No timer may be used for a turn: the debounce timer alone is asked for, and never fires here.
      setTimer: (_fn, ms) => {
        expect(ms).toBeGreaterThan(0);
        return () => {};
      },
      // Each look at the clock is 10 ms of work, so the build must yield.
      now: () => (clock += 10),
      yieldTurn: () => {
        turns++;
        return turn.next();
      },
    });
    await index.build();
    turn.close();
    expect(turns).toBeGreaterThan(3);
    expect(index.buildYields).toBe(turns);
    const timed = indexOver(app);
    await timed.build();
    expect(index.snapshot().tasks.map((t) => t.text)).toEqual(timed.snapshot().tasks.map((t) => t.text));
    expect(index.snapshot().tasks).toHaveLength(12);
  });
});
