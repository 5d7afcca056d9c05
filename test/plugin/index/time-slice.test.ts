/** The cold build's turns, on a fake clock: no turn runs past the budget unless one item alone does. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimeSlicer } from "../../../plugin/index/time-slice";

/** Runs items of the given costs through a slicer; returns the work done in each turn, item by item. */
async function turns(costs: readonly number[], budget: number): Promise<number[][]> {
  let clock = 0;
  const out: number[][] = [[]];
  const slicer = new TimeSlicer(
    {
      now: () => clock,
      yieldTurn: async () => {
        out.push([]);
        clock += 4; // the UI's turn: not work
      },
    },
    budget,
  );
  for (const cost of costs) {
    await slicer.beforeItem();
    clock += cost;
    out.at(-1)?.push(cost);
  }
  return out.filter((t) => t.length > 0);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("TimeSlicer", () => {
  it("gives a turn before the work of a turn passes the budget, when items cost alike", async () => {
    const done = await turns(Array.from({ length: 100 }, () => 3), 40);
    expect(done.length).toBeGreaterThan(7);
    for (const t of done) expect(sum(t)).toBeLessThanOrEqual(40);
  });

  it("never splits an item, and a turn overruns only by an item dearer than the one before", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 80 }), async (costs) => {
        const done = await turns(costs, 40);
        expect(done.flat()).toEqual(costs);
        for (const t of done) {
          if (sum(t) <= 40) continue;
          // Over budget: the last item cost more than the one before it was judged by (or is alone).
          expect(t.length === 1 || (t.at(-1) ?? 0) > (t.at(-2) ?? 0)).toBe(true);
        }
      }),
      { seed: 7 },
    );
  });

  it("does not yield for work that fits in one turn", async () => {
    expect(await turns([5, 5, 5], 40)).toHaveLength(1);
  });
});
