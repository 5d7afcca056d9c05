/**
 * A person working in Notion: edits that reach the store without a request, so they are neither
 * counted nor rate limited, yet move last_edited_time on and mark the page as edited by someone
 * other than the integration, as the mirror will see them.
 */
import { parseValue, requestFromPlain, type ValueContext } from "./property-values";
import { richTextFromPlain } from "./rich-text";
import { commitOptions } from "./routes/pages";
import { canonical, type Store } from "./store";
import type { PlainValue } from "./types";

/** Values go through the same checks as a request's, so a test cannot plant what Notion would refuse. */
export function editPageAsPerson(store: Store, pageId: string, properties: Record<string, PlainValue>, options: { inTrash?: boolean }): void {
  const page = store.pages.get(canonical(pageId));
  if (!page) throw new Error(`no page ${pageId} in the emulator`);
  const ctx: ValueContext = { store, pendingOptions: [] };
  const values = new Map<string, unknown>();
  for (const [name, value] of Object.entries(properties)) {
    if (page.parent.kind !== "data_source") {
      if (name !== "title" || typeof value !== "string") throw new Error("a page outside a data source has only a text title");
      values.set("title", richTextFromPlain(value));
      continue;
    }
    const ds = store.dataSources.get(page.parent.dataSourceId);
    const schema = ds ? store.propertyByKey(ds, name) : undefined;
    if (!schema) throw new Error(`no property ${name} on page ${pageId}`);
    values.set(schema.id, parseValue(ctx, schema, requestFromPlain(schema, value), `edit.${name}`));
  }
  commitOptions(ctx);
  for (const [id, value] of values) page.values.set(id, value);
  if (options.inTrash !== undefined) page.inTrash = options.inTrash;
  page.lastEditedTime = store.now();
  page.lastEditedBy = store.personUserId;
  store.touch();
}

export function editBlockAsPerson(store: Store, blockId: string, changes: { text?: string; checked?: boolean; inTrash?: boolean }): void {
  const block = store.blocks.get(canonical(blockId));
  if (!block) throw new Error(`no block ${blockId} in the emulator`);
  const data = { ...block.data };
  if (changes.text !== undefined) {
    if (!("rich_text" in data)) throw new Error(`a ${block.type} block has no text`);
    data.rich_text = richTextFromPlain(changes.text);
  }
  if (changes.checked !== undefined) {
    if (block.type !== "to_do") throw new Error(`a ${block.type} block has no check box`);
    data.checked = changes.checked;
  }
  block.data = data;
  if (changes.inTrash !== undefined) block.inTrash = changes.inTrash;
  block.lastEditedTime = store.now();
  store.touch();
}

/** A workspace page, shared with the integration or not. */
export function seedWorkspacePage(store: Store, title: string, shared: boolean): string {
  const now = store.now();
  const id = store.newId();
  store.pages.set(id, {
    id,
    seq: store.nextPageSeq(),
    parent: { kind: "workspace", shared },
    values: new Map([["title", richTextFromPlain(title)]]),
    createdTime: now,
    lastEditedTime: now,
    lastEditedBy: store.personUserId,
    inTrash: false,
    icon: null,
    cover: null,
  });
  return id;
}
