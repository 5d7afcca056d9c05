/**
 * A plan page's body brought to the blocks of its note: only the changed stretch rewritten when
 * the state knows the body block by block, the whole body otherwise; appends chunked to Notion's
 * limits (100 blocks, two levels of blocks per request). Moved out of sync-engine.ts, which hands
 * it the requests, the writer and the state's save.
 */
import type { NotionOps } from "./notion-ops";
import type { Writer } from "./writer";
import type { PlanEntry } from "./sync-state";
import { commonBlocks } from "./block-diff";
import { reconcileBody } from "./converge";
import { explainError } from "./errors";
import { blockJson, blockShape, bodyHash, packAppends, todoHash, type BlockSpec } from "./plan-body";
import { normalizeId } from "./properties";

export interface BodyContext {
  ops: NotionOps;
  writer: Writer;
  dry: boolean;
  token: string;
  /** Saves the sync state (the body's progress is recorded as it goes, so a cut-off resumes). */
  save: () => Promise<void>;
}

export function bodyWriter(ctx: BodyContext): { rewriteBody: (entry: PlanEntry, blocks: BlockSpec[], fresh: boolean, label: string) => Promise<void> } {
  const { ops, writer, dry, token, save } = ctx;
  return { rewriteBody };

  /**
   * Brings the page body to `blocks`. When the state knows the body block by block, only the
   * stretch between the unchanged beginning and the unchanged end is replaced (a moved task costs
   * a few blocks, not the page); otherwise everything on the page is replaced.
   */
  async function rewriteBody(entry: PlanEntry, blocks: BlockSpec[], fresh: boolean, label: string): Promise<void> {
    let known = entry.bodyHash !== null && entry.blocks && !dry ? entry.blocks : null;
    // What the page holds now (one read): a block someone added or removed in Notion means the
    // state no longer describes the page, and the whole body is written again.
    const current = known ? await ops.listChildren(entry.pageId) : null;
    if (known && current && current.map((b) => normalizeId(b.id)).join() !== known.map((b) => normalizeId(b.id)).join()) known = null;
    const oldTodos = entry.todos;
    if (entry.bodyHash !== null || Object.keys(entry.todos).length > 0) {
      entry.bodyHash = null;
      entry.todos = {};
      await save();
    }
    const shapes = blocks.map(blockShape);
    let ids: string[] | null = null;
    if (known) {
      try {
        // Keep the longest run of blocks both bodies share, in order; delete the rest; put each
        // stretch of new blocks after the block that comes before it.
        const keep = commonBlocks(known.map((k) => k.h), shapes);
        const keptOld = new Set(keep.map(([o]) => o));
        const newToOld = new Map(keep.map(([o, n]) => [n, o]));
        let count = known.length;
        for (let i = 0; i < known.length; i++) {
          const b = known[i];
          if (b && !keptOld.has(i)) {
            await writer.deleteBlock(b.id, `${label} 旧内容 / old content`);
            count--;
          }
        }
        const kept: string[] = [];
        let i = 0;
        while (i < blocks.length) {
          const o = newToOld.get(i);
          if (o !== undefined) {
            kept.push(known[o]?.id ?? "");
            i++;
            continue;
          }
          let j = i;
          while (j < blocks.length && !newToOld.has(j)) j++;
          const added = await appendTree(entry.pageId, blocks.slice(i, j), label, { at: i, before: count, after: i > 0 ? (kept[i - 1] ?? null) : null });
          for (const id of added) kept.push(id);
          count += added.length;
          i = j;
        }
        ids = kept;
      } catch (error) {
        // A block someone removed in Notion meanwhile (a 404 or 400 on it): replace the whole body.
        const e = explainError(error, { token });
        if (e.status !== 400 && e.status !== 404) throw error;
      }
    }
    if (ids === null) {
      if (!fresh && !dry) {
        const existing = current && known === null ? current : await ops.listChildren(entry.pageId);
        for (const b of existing) await writer.deleteBlock(b.id, `${label} 旧内容 / old content`);
      }
      ids = await appendTree(entry.pageId, blocks, label, { at: 0, before: 0 });
      if (!dry) {
        // Another vault's sync may have written this body at the same moment: one copy stays.
        const settled = reconcileBody((await ops.listChildren(entry.pageId)).map((b) => b.id), ids);
        for (const id of settled.remove) await writer.deleteBlock(id, `${label} 重复内容 / duplicate content`);
        ids = [...settled.ids];
      }
    }
    blocks.forEach((b, i) => {
      const id = ids[i];
      if (b.type !== "to_do" || b.taskId === undefined || !id) return;
      // A to-do kept in place keeps what it shows; one just written shows what it was given.
      const kept = oldTodos[b.taskId];
      entry.todos[b.taskId] = kept && kept.blockId === id ? kept : { blockId: id, checked: b.checked === true, text: todoHash(b) };
    });
    entry.blocks = ids.map((id, i) => ({ id, h: shapes[i] ?? "" }));
    entry.bodyHash = bodyHash(blocks);
    await save();
  }

  /** Appends blocks (≤100 per request, two levels of blocks), deeper children in follow-up appends. */
  async function appendTree(parentId: string, blocks: BlockSpec[], label: string, place: { at: number; before: number; after?: string | null }): Promise<string[]> {
    const ids: string[] = [];
    let at = place.at;
    let before = place.before;
    let after = place.after;
    for (const chunk of packAppends(blocks)) {
      const json = chunk.blocks.map((b, i) => blockJson(b, chunk.withChildren[i] ? chunk.childDepth : 0));
      const got = await writer.append(parentId, json, { at, before, ...(after !== undefined ? { after } : {}) }, `${label} 正文 / body`);
      at += chunk.blocks.length;
      before += chunk.blocks.length;
      if (after !== undefined) after = got[got.length - 1] ?? after;
      for (const id of got) ids.push(id);
      for (let i = 0; i < chunk.blocks.length; i++) {
        const b = chunk.blocks[i];
        const id = got[i];
        if (b && id && !chunk.withChildren[i] && b.children && b.children.length > 0) await appendTree(id, b.children, label, { at: 0, before: 0 });
      }
    }
    return ids;
  }
}
