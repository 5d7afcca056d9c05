import { describe, expect, it } from "vitest";
import { makeWorld, notionPicture, type World } from "./world";
import { ALL_FAULT_KINDS } from "../../notion-emulator/index";

const NOTE = "计划/2026年 工会工作计划.md";

/** Runs a sync until it finishes, as a person would press the button again after a failure. */
async function syncUntilDone(w: World): Promise<number> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      const r = await w.sync();
      expect(r.errors).toEqual([]);
      return attempt;
    } catch {
      // a sync that gave up (retries spent): run it again
    }
  }
  throw new Error("sync never finished");
}

/** The same story for every world: first sync, edits on both sides, second sync. */
async function story(w: World): Promise<void> {
  await syncUntilDone(w);
  const text = w.vault.get(NOTE) ?? "";
  w.vault.set(NOTE, text.replace("教工合唱排练", "教工合唱团排练").replace("- [ ] 送温暖走访困难教职工", "- [x] 送温暖走访困难教职工").replace("- [ ] 年度工会工作考核 ^t-qs1202\n", "").replace("### 2026年12月\n", "### 2026年12月\n- [ ] 新年联欢会 ^t-qs1203\n"));
  const faults = w.emulator.faults.enabled;
  w.emulator.faults.disable();
  const plan = w.emulator.pages(w.ids().plans).find((p) => p.properties["同步键"] === "p-qsl2026");
  const task = w.emulator.pages(w.ids().tasks).find((p) => p.properties["同步键"] === "p-qsl2026/t-qs1101");
  if (!plan || !task) throw new Error("pages missing after the first sync");
  w.emulator.editPage(plan.id, { 审核状态: "需修改", 审核意见: "补充经费预算" });
  w.emulator.editPage(task.id, { 完成: true });
  if (faults) w.emulator.faults.enable();
  await syncUntilDone(w);
}

describe("fault runs", () => {
  it("20 seeded runs with 20% of requests failing end exactly where a fault-free run ends, with no duplicate page", async () => {
    const clean = makeWorld();
    await story(clean);
    const want = notionPicture(clean);
    const wantVault = [...clean.vault.entries()];
    let faultsSeen = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const w = makeWorld({ faults: { rate: 0.2, seed, kinds: [...ALL_FAULT_KINDS], hangMs: 60_000 }, timeoutMs: 15_000 });
      await story(w);
      // Fault-free from here: the state Notion is left in is what we compare.
      w.emulator.faults.disable();
      expect(notionPicture(w), `seed ${seed}`).toEqual(want);
      expect([...w.vault.entries()], `seed ${seed}`).toEqual(wantVault);
      for (const ds of [w.ids().plans, w.ids().tasks]) {
        const keys = w.emulator.pages(ds).map((p) => JSON.stringify(p.properties["同步键"]));
        expect(new Set(keys).size, `seed ${seed}: duplicate pages`).toBe(keys.length);
      }
      expect(w.emulator.dataSources().filter((d) => !d.inTrash)).toHaveLength(2);
      faultsSeen += w.emulator.counters.faults;
      // And a further sync has nothing left to write.
      expect((await w.sync()).writes, `seed ${seed}`).toBe(0);
      await w.emulator.close();
    }
    expect(faultsSeen).toBeGreaterThan(100);
  }, 120_000);
});
