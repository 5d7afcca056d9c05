// @vitest-environment happy-dom
/**
 * The 行事历's chunked task list: whatever sequence of key lists it is handed (a filter, a tick, a
 * move, a note edited elsewhere), once its idle work is done it shows exactly the last list, in
 * order, each row once, and a row that stays is the same element it was.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ChunkedList, CHUNK_ROWS, FAR_CHUNK_ROWS } from "../../plugin/view/chunked-list";
import { IdleWork } from "../../plugin/view/idle-work";
import { NearWatcher } from "../../plugin/view/near-watcher";
import { make } from "../../plugin/view/dom";

function setup() {
  const rows = new Map<string, HTMLElement>();
  const made: string[] = [];
  const root = document.body.appendChild(make(document, "div"));
  const host = { doc: document, work: new IdleWork(window), near: new NearWatcher(root) };
  const list = new ChunkedList(
    host,
    {
      rowFor(key) {
        let row = rows.get(key);
        if (!row) {
          row = make(document, "li", "union-plan-task");
          row.setAttribute("data-task-key", key);
          rows.set(key, row);
          made.push(key);
        }
        return row;
      },
      // Every row 10 px high: a budget of 200 px draws 20 rows.
      heightOf: () => 10,
    },
    "测试",
  );
  root.append(list.el);
  const shown = () => [...list.el.querySelectorAll(".union-plan-task")].map((r) => r.getAttribute("data-task-key"));
  return { list, host, shown, made, rows };
}

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);

afterEach(() => {
  document.body.replaceChildren();
});

describe("chunked task list", () => {
  it("draws the first rows at once and the rest in idle time", async () => {
    const { list, host, shown } = setup();
    list.setKeys(keys(100), { px: 200 });
    // The rows the budget covers, no more: a chunk drawn at once ends where the budget does.
    expect(shown()).toEqual(keys(20));
    // The first rows in small chunks (12, the 8 the budget left, 12, 12, 12), further down in big
    // ones (48): the 44 left over.
    expect(CHUNK_ROWS).toBe(12);
    expect(FAR_CHUNK_ROWS).toBe(48);
    expect([...list.el.querySelectorAll(".union-plan-chunk")].map((c) => c.querySelector("ul")?.childElementCount ?? 0)).toEqual([12, 8, 0, 0, 0, 0]);
    expect(list.el.querySelectorAll(".union-plan-chunk")).toHaveLength(6);
    await host.work.settled();
    expect(shown()).toEqual(keys(100));
  });

  it("keeps the rows that stay as the same elements, and makes each row once", async () => {
    const { list, host, shown, made } = setup();
    list.setKeys(keys(60), { px: 1000 });
    const before = new Map([...list.el.querySelectorAll(".union-plan-task")].map((r) => [r.getAttribute("data-task-key"), r]));
    const odd = keys(60).filter((_, i) => i % 2 === 1);
    list.setKeys(odd, { px: 300 });
    await host.work.settled();
    expect(shown()).toEqual(odd);
    list.setKeys(keys(60), { px: 300 });
    await host.work.settled();
    expect(shown()).toEqual(keys(60));
    for (const r of list.el.querySelectorAll(".union-plan-task")) expect(before.get(r.getAttribute("data-task-key"))).toBe(r);
    expect(made).toHaveLength(60);
  });

  it("after any sequence of lists shows the last one, in order, each row once", async () => {
    const universe = keys(120);
    const listArb = fc.subarray(universe).chain((picked) => fc.shuffledSubarray(picked, { minLength: picked.length, maxLength: picked.length }).map((s) => (s.length % 3 === 0 ? s : picked)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(listArb, fc.nat(60), fc.boolean()), { minLength: 1, maxLength: 6 }), async (steps) => {
        document.body.replaceChildren();
        const { list, host, shown } = setup();
        for (const [wanted, budget, wait] of steps) {
          list.setKeys(wanted, { px: budget * 10 });
          if (wait) await host.work.settled();
        }
        await host.work.settled();
        const last = steps[steps.length - 1]?.[0] ?? [];
        expect(shown()).toEqual(last);
        expect(new Set(shown()).size).toBe(last.length);
      }),
      { numRuns: 60 },
    );
  });
});
