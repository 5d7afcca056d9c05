/**
 * A note with 130 k tasks: patching the index's snapshot after one edit used
 * tasks.splice(at, n, ...entry.tasks), which overflows the stack past about 125 k items; the
 * snapshot then threw on every later edit and the view stayed broken until reload.
 */
import { describe, expect, it } from "vitest";
import type { MetadataCache, Vault } from "obsidian";
import { App, type TFile } from "../fakes/obsidian";
import { PlanIndex } from "../../plugin/index/plan-index";
import { BIG_INPUT_TIMEOUT_MS } from "../big-input";

function bigNote(tasks: number): string {
  const lines = ["---", "type: union-plan", "title: 晨光小学2026年工会工作计划", "plan-id: p-big", "---", "# 晨光小学2026年工会工作计划", "", "## 行事历", "", "### 2026年3月"];
  for (let i = 0; i < tasks; i++) lines.push(`- [ ] 任务${i} ^t-${i.toString(36)}`);
  return lines.join("\n");
}

describe("the vault index with a huge note", () => {
  it("patches its snapshot after an edit to a note with 130 k tasks", async () => {
    const app = new App({ "计划/small.md": bigNote(3), "计划/big.md": bigNote(130_000) });
    for (const f of app.vault.getMarkdownFiles()) app.metadataCache.getFileCache(f);
    const index = new PlanIndex({
      vault: app.vault as unknown as Vault,
      metadataCache: app.metadataCache as unknown as MetadataCache,
      setTimer: (fn, ms) => {
        const id = setTimeout(fn, ms);
        return () => clearTimeout(id);
      },
    });
    index.eventRefs();
    await index.build();
    expect(index.snapshot().tasks).toHaveLength(130_003);
    const big = app.vault.getFileByPath("计划/big.md") as TFile;
    await app.vault.process(big, (d) => d.replace("- [ ] 任务0 ^t-0", "- [x] 任务0 ^t-0"));
    await app.metadataCache.settle();
    index.flush();
    const after = index.snapshot();
    expect(after.tasks).toHaveLength(130_003);
    expect(after.tasks.find((t) => t.id === "t-0")?.done).toBe(true);
    index.destroy();
  }, BIG_INPUT_TIMEOUT_MS);
});
