/**
 * What Notion holds, read once at the start of a sync (two queries; narrower ones past 10,000 rows), and the state brought in line
 * with it: duplicate pages under one 同步键 trashed (the survivor is the one every client keeps),
 * state entries whose page another sync trashed as a duplicate re-pointed to the survivor, and
 * pages the state does not know adopted by 同步键 (a lost or partly lost state is rebuilt, never
 * re-created).
 */
import { liveByKey } from "./converge";
import { SyncError } from "./errors";
import type { NotionOps, PageLike } from "./notion-ops";
import { fromNotion, normalizeId } from "./properties";
import type { SyncState } from "./sync-state";
import type { Writer } from "./writer";

export interface RemoteIndex {
  plans: Map<string, PageLike>;
  tasks: Map<string, PageLike>;
  byId: Map<string, PageLike>;
  notes: string[];
}

/**
 * All pages of a data source, or, when one query cannot return them all (Notion stops a query at
 * 10,000 results), the pages of the keys this sync needs, one narrower query per plan key: a page
 * the sync does not see would be created again.
 */
async function readAll(ops: NotionOps, dataSourceId: string, keyProp: string, planKeys: readonly string[], match: "equals" | "starts_with"): Promise<{ pages: PageLike[]; complete: boolean }> {
  const whole = await ops.queryComplete(dataSourceId);
  if (whole.complete) return whole;
  const seen = new Set(whole.pages.map((p) => normalizeId(p.id)));
  const pages = whole.pages.slice();
  for (const key of planKeys) {
    const part = await ops.queryComplete(dataSourceId, { property: keyProp, rich_text: match === "equals" ? { equals: key } : { starts_with: `${key}/` } });
    if (!part.complete) throw new SyncError("other", `计划 ${key} 在 Notion 中超过 10,000 行，无法完整读取；为免重复建页，同步停止 / plan ${key} has more than 10,000 rows in Notion and cannot be read whole; the sync stops rather than create pages twice`);
    for (const p of part.pages) {
      if (seen.has(normalizeId(p.id))) continue;
      seen.add(normalizeId(p.id));
      pages.push(p);
    }
  }
  return { pages, complete: false };
}

export async function readRemote(ops: NotionOps, writer: Writer, state: SyncState, ds: { plans: string; tasks: string }, keys: { plan: string; task: string; source: string }, planKeys: readonly string[] = []): Promise<RemoteIndex> {
  const byId = new Map<string, PageLike>();
  const notes: string[] = [];
  const plansRead = await readAll(ops, ds.plans, keys.plan, planKeys, "equals");
  const tasksRead = await readAll(ops, ds.tasks, keys.task, planKeys, "starts_with");
  if (!plansRead.complete || !tasksRead.complete) {
    notes.push("Notion 数据库超过一次查询能返回的 10,000 行：已按计划逐个查询并据此重建同步状态，没有重复建页 / a Notion database holds more rows than one query returns (10,000): it was read plan by plan and the sync state rebuilt from that, with no page created twice");
  }
  const plansNow = liveByKey(plansRead.pages, keys.plan);
  const tasksNow = liveByKey(tasksRead.pages, keys.task);
  for (const page of plansNow.live) byId.set(normalizeId(page.id), page);
  for (const page of tasksNow.live) byId.set(normalizeId(page.id), page);
  // Two pages under one key (syncs that ran at once, one stopped before it looked): keep the one every client keeps.
  const extras = [...plansNow.extras, ...tasksNow.extras];
  for (const { key, page } of extras) {
    await writer.trash(page.id, true, `重复页面 / duplicate page ${key}`);
    byId.delete(normalizeId(page.id));
  }
  if (extras.length > 0) notes.push(`${extras.length} 个同步键有两页（两处同时同步所致），已保留最早的一页，其余移到回收站 / ${extras.length} sync keys had two pages (syncs at the same moment): the earliest was kept, the others moved to the trash`);
  // A page of ours another sync trashed as a duplicate: follow the key to the page it kept. The
  // last agreed values stay (they are ours, not unknown), so a reviewer's change there comes back.
  const gone = (pageId: string): boolean => !byId.has(normalizeId(pageId));
  for (const [key, entry] of Object.entries(state.plans)) {
    const live = plansNow.byKey.get(key);
    if (live && normalizeId(live.id) !== normalizeId(entry.pageId) && gone(entry.pageId)) Object.assign(entry, { pageId: live.id, bodyHash: null, todos: {}, blocks: undefined });
  }
  for (const [key, entry] of Object.entries(state.tasks)) {
    const live = tasksNow.byKey.get(key);
    if (live && normalizeId(live.id) !== normalizeId(entry.pageId) && gone(entry.pageId)) entry.pageId = live.id;
  }
  // A lost (or partly lost) state is rebuilt from 同步键: adopt pages we do not know.
  for (const [key, page] of plansNow.byKey) {
    if (!state.plans[key]) {
      const src = fromNotion(page.properties[keys.source], "rich_text");
      state.plans[key] = { pageId: page.id, path: src && src.type === "rich_text" ? src.text : "", bodyHash: null, todos: {}, reviewStatus: null, reviewComment: null, adopted: true };
    }
  }
  for (const [key, page] of tasksNow.byKey) {
    if (!state.tasks[key]) {
      const slash = key.lastIndexOf("/");
      state.tasks[key] = { pageId: page.id, planKey: slash > 0 ? key.slice(0, slash) : "", done: false, adopted: true };
    }
  }
  return { plans: plansNow.byKey, tasks: tasksNow.byKey, byId, notes };
}
