/**
 * What Notion holds, read once at the start of a sync (two queries), and the state brought in line
 * with it: duplicate pages under one 同步键 trashed (the survivor is the one every client keeps),
 * state entries whose page another sync trashed as a duplicate re-pointed to the survivor, and
 * pages the state does not know adopted by 同步键 (a lost or partly lost state is rebuilt, never
 * re-created).
 */
import { liveByKey } from "./converge";
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

export async function readRemote(ops: NotionOps, writer: Writer, state: SyncState, ds: { plans: string; tasks: string }, keys: { plan: string; task: string; source: string }): Promise<RemoteIndex> {
  const byId = new Map<string, PageLike>();
  const notes: string[] = [];
  const plansNow = liveByKey(await ops.queryAll(ds.plans), keys.plan);
  const tasksNow = liveByKey(await ops.queryAll(ds.tasks), keys.task);
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
