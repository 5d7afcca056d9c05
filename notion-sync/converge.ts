/**
 * Two syncs creating the same page at the same moment (two committee members, two vaults, one
 * plan) each make one: Notion has no unique key to refuse the second. So after creating, a sync
 * looks its 同步键 up; when two live pages hold it, every client picks the same survivor (the
 * earliest created; equal times, which Notion rounds to the minute, broken by id) and trashes the
 * others; the first read of every sync also trashes any page left under a key. The survivor is the page that was there first, so what a person already wrote stays;
 * a page trashed here was made by a sync moments ago. Its creator finds the survivor by 同步键 on
 * its next run (sync-engine re-points its state).
 */
import type { NotionOps, PageLike } from "./notion-ops";
import { fromNotion } from "./properties";

export interface CreatedPage extends PageLike {
  created_time?: string;
}

/** The page every client keeps among pages holding one key. */
export function survivorOf<T extends CreatedPage>(pages: readonly T[]): T | null {
  let best: T | null = null;
  for (const p of pages) {
    if (!best) {
      best = p;
      continue;
    }
    const a = p.created_time ?? "";
    const b = best.created_time ?? "";
    if (a < b || (a === b && p.id.replace(/-/g, "") < best.id.replace(/-/g, ""))) best = p;
  }
  return best;
}

function keyText(page: PageLike, keyProp: string): string {
  const v = fromNotion(page.properties[keyProp], "rich_text");
  return v && v.type === "rich_text" ? v.text : "";
}

/** Live pages of `dataSourceId` whose key is `key` (exact) or starts with `key` (prefix), grouped by key. */
export async function pagesByKey(ops: NotionOps, dataSourceId: string, keyProp: string, key: string, match: "equals" | "starts_with"): Promise<Map<string, CreatedPage[]>> {
  return pagesByKeys(ops, dataSourceId, keyProp, [key], match);
}

/** Filters one `or` may hold (Notion's documented limit for a compound filter). */
const OR_LIMIT = 100;

/**
 * The same for several keys at once: one `or` filter for up to 100 keys, so the look after a run of
 * creates costs a request per 100 pages found rather than one per key. When Notion stops such a
 * query at 10,000 results, each key is looked up alone (a page missed here would stay a duplicate).
 */
export async function pagesByKeys(ops: NotionOps, dataSourceId: string, keyProp: string, keys: readonly string[], match: "equals" | "starts_with"): Promise<Map<string, CreatedPage[]>> {
  const groups = new Map<string, CreatedPage[]>();
  const exact = new Set(keys);
  const condition = (key: string): { property: string; rich_text: { equals: string } | { starts_with: string } } => ({ property: keyProp, rich_text: match === "equals" ? { equals: key } : { starts_with: key } });
  const add = (pages: readonly CreatedPage[]): void => {
    for (const page of pages) {
      if (page.in_trash || page.archived) continue;
      const k = keyText(page, keyProp);
      if (match === "equals" && !exact.has(k)) continue;
      const list = groups.get(k);
      if (!list) groups.set(k, [page]);
      else if (!list.some((p) => p.id === page.id)) list.push(page);
    }
  };
  for (let i = 0; i < keys.length; i += OR_LIMIT) {
    const part = keys.slice(i, i + OR_LIMIT);
    const filter = part.length === 1 ? condition(part[0] ?? "") : { or: part.map(condition) };
    const found = await ops.queryComplete(dataSourceId, filter);
    add(found.pages);
    if (found.complete || part.length === 1) continue;
    for (const key of part) add(await ops.queryAll(dataSourceId, condition(key)));
  }
  return groups;
}

/**
 * For each key in `mine` (key → the page this sync created), the page to keep; the others holding
 * the key are trashed through `trash`. Keys nobody else created keep our page.
 */
export async function settleDuplicates(groups: Map<string, CreatedPage[]>, mine: ReadonlyMap<string, string>, trash: (pageId: string, key: string) => Promise<void>): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  for (const [key, pageId] of mine) {
    const pages = groups.get(key) ?? [];
    const survivor = survivorOf(pages);
    // Not found at all (the query index lags a new page a moment): keep ours.
    if (!survivor) {
      kept.set(key, pageId);
      continue;
    }
    // Every page but the survivor goes, ours or not: its creator may have looked before ours
    // existed and kept it; its next write to it is refused as archived, and it follows the key then.
    for (const p of pages) if (p.id !== survivor.id) await trash(p.id, key);
    kept.set(key, survivor.id);
  }
  return kept;
}

/**
 * Live pages by key, each key's survivor chosen as above; `extras` are the other pages holding a
 * key (left by a sync that stopped before it could look, or made while Notion's index lagged).
 */
export function liveByKey(pages: readonly CreatedPage[], keyProp: string): { byKey: Map<string, CreatedPage>; live: CreatedPage[]; extras: Array<{ key: string; page: CreatedPage }> } {
  const groups = new Map<string, CreatedPage[]>();
  const live: CreatedPage[] = [];
  for (const page of pages) {
    if (page.in_trash || page.archived) continue;
    live.push(page);
    const key = keyText(page, keyProp);
    if (key === "") continue;
    const list = groups.get(key);
    if (list) list.push(page);
    else groups.set(key, [page]);
  }
  const byKey = new Map<string, CreatedPage>();
  const extras: Array<{ key: string; page: CreatedPage }> = [];
  for (const [key, list] of groups) {
    const survivor = survivorOf(list);
    if (!survivor) continue;
    byKey.set(key, survivor);
    for (const p of list) if (p !== survivor) extras.push({ key, page: p });
  }
  return { byKey, live, extras };
}

/**
 * Two syncs writing one plan's whole body at once (a page both just found or made) each append
 * it: the page then shows it twice. After a whole-body write the page is listed; when it holds
 * blocks besides ours, the copy that starts first stays. A sync whose copy is second removes
 * its own blocks and takes the other copy's (same note, same blocks, same order) when that copy
 * is complete; otherwise it keeps its own and the other sync removes its copy.
 */
export function reconcileBody(children: readonly string[], ours: readonly string[]): { ids: readonly string[]; remove: readonly string[] } {
  const mine = new Set(ours.map((id) => id.replace(/-/g, "")));
  const others = children.filter((id) => !mine.has(id.replace(/-/g, "")));
  if (others.length === 0 || children.length === 0) return { ids: ours, remove: [] };
  const firstIsOurs = mine.has((children[0] ?? "").replace(/-/g, ""));
  if (firstIsOurs || others.length !== ours.length) return { ids: ours, remove: [] };
  return { ids: others, remove: ours };
}
