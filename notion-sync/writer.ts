/**
 * Where the sync's writes go: to Notion through NotionOps, or (--dry-run) into a list of the
 * writes it would make, with made-up ids so the rest of the run can carry on.
 */
import type { NotionOps, PageLike } from "./notion-ops";
import { propertiesRequest, type PropValue } from "./properties";

export interface Writer {
  create(dataSourceId: string, props: Record<string, PropValue>, keyProp: string, key: string, what: string): Promise<PageLike>;
  update(pageId: string, props: Record<string, PropValue>, what: string): Promise<void>;
  trash(pageId: string, inTrash: boolean, what: string): Promise<void>;
  deleteBlock(blockId: string, what: string): Promise<void>;
  append(parentId: string, children: Array<Record<string, unknown>>, place: { at: number; before: number; after?: string | null }, what: string): Promise<string[]>;
  setTodo(blockId: string, checked: boolean, richText: unknown[] | null, what: string): Promise<void>;
}

export function realWriter(ops: NotionOps): Writer {
  return {
    create: (ds, props, keyProp, key, what) => ops.createPage(ds, propertiesRequest(props), keyProp, key, what),
    update: async (pageId, props, what) => {
      await ops.updatePage(pageId, propertiesRequest(props), what);
    },
    trash: async (pageId, inTrash, what) => {
      await ops.run({ what, id: pageId }, () => ops.client.pages.update({ page_id: pageId, in_trash: inTrash }));
    },
    deleteBlock: (id, what) => ops.deleteBlock(id, what),
    append: (parent, children, place, what) => ops.append(parent, children, place, what),
    setTodo: (id, checked, rich, what) => ops.setTodo(id, checked, rich, what),
  };
}

export function dryWriter(planned: string[]): Writer {
  let n = 0;
  return {
    create: (_ds, props, _k, _key, what) => {
      planned.push(`创建 / create: ${what} (${Object.keys(props).join(", ")})`);
      return Promise.resolve({ id: `dry-run-${++n}`, properties: {} });
    },
    update: (_id, props, what) => {
      planned.push(`更新 / update: ${what} (${Object.keys(props).join(", ")})`);
      return Promise.resolve();
    },
    trash: (_id, inTrash, what) => {
      planned.push(`${inTrash ? "移到回收站 / trash" : "恢复 / restore"}: ${what}`);
      return Promise.resolve();
    },
    deleteBlock: (_id, what) => {
      planned.push(`删除块 / delete block: ${what}`);
      return Promise.resolve();
    },
    append: (_p, children, _k, what) => {
      planned.push(`追加 ${children.length} 个块 / append ${children.length} blocks: ${what}`);
      return Promise.resolve(children.map(() => `dry-run-${++n}`));
    },
    setTodo: (_id, checked, _rich, what) => {
      planned.push(`${checked ? "勾选 / tick" : "取消勾选 / untick"}: ${what}`);
      return Promise.resolve();
    },
  };
}

