/**
 * The review loop with two members and a reviewer. Members A and B sync one plan from two vaults
 * into the same databases; reviewer R comments on the plan and on one task in Notion and sets
 * 需修改. A syncs and finds both comments and the status in the note; A replies; B syncs and finds
 * the reply; R's Notion holds the reply once. No page, comment or property value twice — and the
 * same where 20 seeded runs fail a fifth of the requests.
 */
import { describe, expect, it } from "vitest";
import { reviewSectionOf } from "../../shared/markdown/review-section";
import { applyNoteEdit } from "../../notion-sync/apply-back";
import { runNotionSync, type SyncReport } from "../../notion-sync/sync-engine";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { ALL_FAULT_KINDS } from "../../notion-emulator/index";
import { exampleVault, makeWorld, notesOf, notionPicture, type World } from "./world";
import { BIG_INPUT_TIMEOUT_MS } from "../big-input";

const NOTE = "计划/2026年 工会工作计划.md";
const PLAN = "p-qsl2026";
const TASK = "t-qs1101";

interface Member {
  vault: Map<string, string>;
  sync(): Promise<SyncReport>;
}

/** Member B: their own vault and state, the databases A's first sync made. */
function memberB(w: World): Member {
  const vault = new Map([[NOTE, exampleVault().get(NOTE) ?? ""]]);
  const store = new MemoryStateStore();
  const target = () => {
    const s = w.store.snapshot;
    return { plansDatabaseId: s?.plansDatabaseId ?? "", tasksDatabaseId: s?.tasksDatabaseId ?? "" };
  };
  return {
    vault,
    sync: () =>
      runNotionSync(notesOf(vault), {
        connection: w.connection,
        store,
        target: target(),
        syncedBy: "B",
        retry: { random: () => 0.5 },
        applyEdit: (edit) => {
          const text = vault.get(edit.path);
          if (text !== undefined) vault.set(edit.path, applyNoteEdit(text, edit));
          return Promise.resolve();
        },
      }),
  };
}

/**
 * Runs a sync until it finishes, as a member presses the button again after a failure, or after
 * the notice says a reply could not be posted this time (it is tried again on the next sync).
 */
async function untilDone(sync: () => Promise<SyncReport>): Promise<void> {
  for (let attempt = 1; attempt <= 12; attempt++) {
    try {
      const r = await sync();
      expect(r.errors).toEqual([]);
      if (r.notes.some((n) => n.startsWith("回复未能发出"))) continue;
      return;
    } catch {
      // retries spent: run it again
    }
  }
  throw new Error("sync never finished");
}

/** What a person does in Notion happens without faults (it is not the mirror's request). */
function asPerson(w: World, act: () => void): void {
  const on = w.emulator.faults.enabled;
  w.emulator.faults.disable();
  act();
  if (on) w.emulator.faults.enable();
}

function page(w: World, ds: "plans" | "tasks", key: string): string {
  const p = w.emulator.pages(w.ids()[ds]).find((x) => x.properties["同步键"] === key);
  if (!p) throw new Error(`no page ${key}`);
  return p.id;
}

async function story(w: World): Promise<{ a: string; b: string }> {
  const b = memberB(w);
  await untilDone(() => w.sync({ syncedBy: "A" }));
  await untilDone(() => b.sync());
  // Notion's timestamps are whole minutes: the reviewer comes a minute later.
  await w.emulator.clock.sleep(61_000);
  asPerson(w, () => {
    w.emulator.editPage(page(w, "plans", PLAN), { 审核状态: "需修改" });
    w.emulator.comment(page(w, "plans", PLAN), "请补充经费预算", { as: "R" });
    w.emulator.comment(page(w, "tasks", `${PLAN}/${TASK}`), "培训地点定了吗？", { as: "R", touchesPage: true });
    // And on one line of the plan's 行事历 (a to-do block of the plan page).
    w.emulator.comment(lineBlock(w), "这项放到月初", { as: "R" });
  });
  await untilDone(() => w.sync({ syncedBy: "A" }));
  const a = w.vault.get(NOTE) ?? "";
  expect(a).toContain("review-status: 需修改");
  expect(reviewSectionOf(a)).toContain("请补充经费预算");
  expect(reviewSectionOf(a)).toContain("培训地点定了吗？");
  expect(reviewSectionOf(a)).toContain("这项放到月初");
  // A replies under R's plan comment and under the line comment.
  w.vault.set(NOTE, a.replace(/(请补充经费预算\n)/, "$1  - 回复：已在第三部分补充\n").replace(/(这项放到月初\n)/, "$1  - 回复：好，改到月初\n"));
  await untilDone(() => w.sync({ syncedBy: "A" }));
  await untilDone(() => b.sync());
  return { a: w.vault.get(NOTE) ?? "", b: b.vault.get(NOTE) ?? "" };
}

/** Comment times and discussion ids differ from run to run; the words, authors and order may not. */
const steady = (text: string): string => text.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, "T").replace(/<!-- d:[0-9a-f-]+ -->/g, "<!-- d -->");

/** The first to-do of the plan page's body: the line R comments on. */
function lineBlock(w: World): string {
  const block = w.emulator.blocks(page(w, "plans", PLAN)).find((b) => b.type === "to_do");
  if (!block) throw new Error("no to-do block");
  return block.id;
}

function commentsOf(w: World): string[] {
  return [page(w, "plans", PLAN), page(w, "tasks", `${PLAN}/${TASK}`), lineBlock(w)].flatMap((id) => w.emulator.comments(id).map((c) => `${c.author}: ${c.text}`));
}

function noDuplicates(w: World, seed: number | string): void {
  for (const ds of [w.ids().plans, w.ids().tasks]) {
    const keys = w.emulator.pages(ds).map((p) => JSON.stringify(p.properties["同步键"]));
    expect(new Set(keys).size, `${seed}: duplicate pages`).toBe(keys.length);
  }
}

describe("the review loop: members A and B, reviewer R", () => {
  it("R's comments and status reach A; A's reply reaches R once and B's note; nothing twice", async () => {
    const w = makeWorld({ vault: new Map([[NOTE, exampleVault().get(NOTE) ?? ""]]) });
    const { b } = await story(w);
    expect(reviewSectionOf(b)).toContain("已在第三部分补充");
    expect(reviewSectionOf(b)).toContain("好，改到月初");
    expect(b).toContain("review-status: 需修改");
    expect(commentsOf(w).filter((c) => c.endsWith("已在第三部分补充"))).toHaveLength(1);
    expect(commentsOf(w).filter((c) => c.endsWith("好，改到月初"))).toHaveLength(1);
    expect(commentsOf(w)).toHaveLength(5);
    noDuplicates(w, "clean");
  });

  it("20 seeded runs with a fifth of the requests failing end where the fault-free run ends", async () => {
    const clean = makeWorld({ vault: new Map([[NOTE, exampleVault().get(NOTE) ?? ""]]) });
    const want = await story(clean);
    const wantPicture = notionPicture(clean);
    const wantComments = commentsOf(clean);
    let faults = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const w = makeWorld({ vault: new Map([[NOTE, exampleVault().get(NOTE) ?? ""]]), faults: { rate: 0.2, seed, kinds: [...ALL_FAULT_KINDS], hangMs: 60_000 }, timeoutMs: 15_000 });
      const got = await story(w);
      w.emulator.faults.disable();
      expect(steady(got.a), `seed ${seed}: A's note`).toBe(steady(want.a));
      expect(steady(got.b), `seed ${seed}: B's note`).toBe(steady(want.b));
      expect(notionPicture(w), `seed ${seed}`).toEqual(wantPicture);
      expect(commentsOf(w), `seed ${seed}: comments`).toEqual(wantComments);
      noDuplicates(w, seed);
      faults += w.emulator.counters.faults;
      await w.emulator.close();
    }
    expect(faults).toBeGreaterThan(50);
  }, BIG_INPUT_TIMEOUT_MS);
});
