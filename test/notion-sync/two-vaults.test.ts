/**
 * Two committee members sync the same plan from two vaults at the same moment. Notion has no
 * unique key, so both create pages; each sync looks its keys up after creating and every client
 * keeps the same survivor (two new plans: one look-up covers both). 50 seeded runs (seeded delays reorder the two syncs' requests): no
 * 同步键 ends with two live pages, and what a person wrote in Notion is still there.
 */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";
import { createNotionClient, type NotionConnection } from "../../notion-sync/client";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { runNotionSync, type SyncReport } from "../../notion-sync/sync-engine";
import { applyNoteEdit } from "../../notion-sync/apply-back";
import { createNotionEmulator, type NotionEmulator } from "../../notion-emulator/index";
import { seededRandom } from "../../notion-emulator/random";
import { virtualClock } from "../../notion-emulator/virtual-clock";

const OLD = ["---", "type: union-plan", "title: 青石小学2026年工会工作计划", "plan-id: p-old", "review-status: 待审核", "---", "# 青石小学2026年工会工作计划", "## 行事历", "### 2026年9月", "- [ ] 教师节慰问 ^t-o1", "- [ ] 新教师座谈会 ^t-o2", ""].join("\n");
const NEW = ["---", "type: union-plan", "title: 青石小学2027年工会工作计划", "plan-id: p-new", "review-status: 草稿", "---", "# 青石小学2027年工会工作计划", "## 行事历", "### 2027年3月", ...Array.from({ length: 8 }, (_, i) => `- [ ] 活动${i + 1} ^t-n${i + 1}`), ""].join("\n");
// A second new plan: the look-ups after creating cover both plans in one query (an `or` filter).
const NEW2 = ["---", "type: union-plan", "title: 青石小学2027年暑期工会工作计划", "plan-id: p-new2", "---", "# 青石小学2027年暑期工会工作计划", "## 行事历", "### 2027年7月", ...Array.from({ length: 3 }, (_, i) => `- [ ] 暑期活动${i + 1} ^t-s${i + 1}`), ""].join("\n");

interface Vault {
  notes: Map<string, string>;
  store: MemoryStateStore;
  connection: NotionConnection;
}

function client(emulator: NotionEmulator, random: () => number): NotionConnection {
  const clock = emulator.clock;
  return createNotionClient({
    token: emulator.token,
    baseUrl: emulator.baseUrl,
    clock,
    limiter: new RateLimiter(clock),
    // A seeded pause before each request reorders the two syncs' requests differently per seed.
    fetch: async (url, init) => {
      await clock.sleep(Math.floor(random() * 700));
      return emulator.fetch(url, init);
    },
  });
}

function sync(v: Vault, target: { plansDatabaseId?: string; tasksDatabaseId?: string; parentPageId?: string }): Promise<SyncReport> {
  const notes = [...v.notes].map(([path, text]) => ({ path, text, plans: parsePlans(text).plans }));
  return runNotionSync(notes, {
    connection: v.connection,
    store: v.store,
    target,
    retry: { random: () => 0.5 },
    applyEdit: (edit) => {
      const text = v.notes.get(edit.path);
      if (text !== undefined) v.notes.set(edit.path, applyNoteEdit(text, edit));
      return Promise.resolve();
    },
  });
}

function livePagesByKey(emulator: NotionEmulator, dataSourceId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of emulator.pages(dataSourceId)) {
    const key = JSON.stringify(p.properties["同步键"]);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

async function run(seed: number): Promise<{ duplicates: number; lost: string[]; errors: string[] }> {
  const clock = virtualClock();
  const emulator = createNotionEmulator({ clock, seed });
  const parent = emulator.seedPage({ title: "工会" });
  const random = seededRandom(seed * 7919 + 1);
  const a: Vault = { notes: new Map([["计划/old.md", OLD]]), store: new MemoryStateStore(), connection: client(emulator, random) };
  // Member A synced last term's plan; a reviewer then wrote in Notion.
  await sync(a, { parentPageId: parent });
  const ids = a.store.snapshot;
  if (!ids?.plansDatabaseId || !ids.tasksDatabaseId || !ids.plansDataSourceId || !ids.tasksDataSourceId) throw new Error("no databases");
  const oldPlan = emulator.pages(ids.plansDataSourceId).find((p) => p.properties["同步键"] === "p-old");
  const oldTask = emulator.pages(ids.tasksDataSourceId).find((p) => p.properties["同步键"] === "p-old/t-o2");
  if (!oldPlan || !oldTask) throw new Error("no old pages");
  emulator.editPage(oldPlan.id, { 审核状态: "已通过", 审核意见: "同意。" });
  emulator.editPage(oldTask.id, { 完成: true });
  await sync(a, { parentPageId: parent });

  // B starts from a copy of A's notes; both members now have the new plan. Both sync at once.
  a.notes.set("计划/new.md", NEW);
  a.notes.set("计划/new2.md", NEW2);
  const b: Vault = { notes: new Map([["计划/old.md", a.notes.get("计划/old.md") ?? ""], ["工会/new.md", NEW], ["工会/new2.md", NEW2]]), store: new MemoryStateStore(), connection: client(emulator, random) };
  const target = { plansDatabaseId: ids.plansDatabaseId, tasksDatabaseId: ids.tasksDatabaseId };
  const first = await Promise.all([sync(a, target), sync(b, target)]);
  // A reviewer works on the new plan's pages (whichever were kept), then each vault syncs again,
  // one after the other, as the next scheduled sync would.
  const newPlan = emulator.pages(ids.plansDataSourceId).find((p) => p.properties["同步键"] === "p-new");
  const newTask = emulator.pages(ids.tasksDataSourceId).find((p) => p.properties["同步键"] === "p-new/t-n3");
  if (newPlan) emulator.editPage(newPlan.id, { 审核状态: "需修改" });
  if (newTask) emulator.editPage(newTask.id, { 完成: true });
  const second = [await sync(a, target), await sync(b, target)];
  const reports = [...first, ...second];

  let duplicates = 0;
  for (const ds of [ids.plansDataSourceId, ids.tasksDataSourceId]) for (const n of livePagesByKey(emulator, ds).values()) duplicates += n - 1;
  const lost: string[] = [];
  const plan = emulator.pages(ids.plansDataSourceId).find((p) => p.properties["同步键"] === "p-old");
  if (plan?.properties["审核状态"] !== "已通过" || plan.properties["审核意见"] !== "同意。") lost.push("review in Notion");
  if (emulator.pages(ids.tasksDataSourceId).find((p) => p.properties["同步键"] === "p-old/t-o2")?.properties["完成"] !== true) lost.push("tick in Notion");
  if (emulator.pages(ids.plansDataSourceId).find((p) => p.properties["同步键"] === "p-new")?.properties["审核状态"] !== "需修改") lost.push("new review in Notion");
  if (emulator.pages(ids.tasksDataSourceId).find((p) => p.properties["同步键"] === "p-new/t-n3")?.properties["完成"] !== true) lost.push("new tick in Notion");
  for (const [name, v, newPath] of [["A", a, "计划/new.md"], ["B", b, "工会/new.md"]] as const) {
    const text = v.notes.get("计划/old.md") ?? "";
    if (!text.includes("review-status: 已通过")) lost.push(`review in vault ${name}`);
    // A tick carries Tasks' ✅ done date.
    if (!/- \[x\] 新教师座谈会 ✅ \d{4}-\d{2}-\d{2} \^t-o2/.test(text)) lost.push(`tick in vault ${name}`);
    const fresh = v.notes.get(newPath) ?? "";
    if (!fresh.includes("review-status: 需修改")) lost.push(`new review in vault ${name}`);
    if (!/- \[x\] 活动3 ✅ \d{4}-\d{2}-\d{2} \^t-n3/.test(fresh)) lost.push(`new tick in vault ${name}`);
  }
  // Every live key is there: one plan page and 8 task pages for the new plan.
  const keys = livePagesByKey(emulator, ids.tasksDataSourceId);
  for (let i = 1; i <= 8; i++) if (!keys.has(JSON.stringify(`p-new/t-n${i}`))) lost.push(`task page p-new/t-n${i}`);
  for (let i = 1; i <= 3; i++) if (!keys.has(JSON.stringify(`p-new2/t-s${i}`))) lost.push(`task page p-new2/t-s${i}`);
  // Every plan body shows each of its tasks once.
  for (const [key, n] of [["p-old", 2], ["p-new", 8], ["p-new2", 3]] as const) {
    const page = emulator.pages(ids.plansDataSourceId).find((p) => p.properties["同步键"] === key);
    const todos = page ? emulator.blocks(page.id).filter((blk) => blk.type === "to_do").length : 0;
    if (todos !== n) lost.push(`${key} body has ${todos} to-dos`);
  }
  return { duplicates, lost, errors: reports.flatMap((r, i) => r.errors.map((e) => `round ${i < 2 ? 1 : 2}: ${e}`)) };
}

describe("two vaults, one plan, the same moment", () => {
  it("50 seeded runs: no duplicate page at the end, nothing a person wrote lost", async () => {
    const failures: string[] = [];
    let duplicates = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const r = await run(seed);
      duplicates += r.duplicates;
      if (r.duplicates > 0 || r.lost.length > 0 || r.errors.length > 0) failures.push(`seed ${seed}: ${r.duplicates} duplicates; lost ${r.lost.join(", ") || "nothing"}; errors ${r.errors.join(" | ") || "none"}`);
    }
    expect(failures).toEqual([]);
    expect(duplicates).toBe(0);
  }, 300_000);
});
