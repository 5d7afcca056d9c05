/**
 * Plain views of the store for tests and the demo: property values as a person reads them, a page
 * body flattened depth first. Read only; nothing here counts as a request.
 */
import { blockText, liveChildIds } from "./blocks";
import { plainValue, valueOn } from "./property-values";
import type { Renderer } from "./render";
import { plainText, type RichTextItem } from "./rich-text";
import type { Store, StoredDataSource, StoredPage, StoredView } from "./store";
import type { PlainBlock, PlainDataSource, PlainPage, PlainValue, PlainView } from "./types";

export function plainPage(store: Store, render: Renderer, page: StoredPage): PlainPage {
  const properties: Record<string, PlainValue> = {};
  if (page.parent.kind === "data_source") {
    const ds = store.dataSources.get(page.parent.dataSourceId);
    for (const schema of ds?.properties.values() ?? []) properties[schema.name] = plainValue(schema, valueOn(page.values, schema));
  } else {
    properties.title = plainText((page.values.get("title") ?? []) as RichTextItem[]);
  }
  return {
    id: page.id,
    dataSourceId: page.parent.kind === "data_source" ? page.parent.dataSourceId : null,
    parentPageId: page.parent.kind === "page" ? page.parent.pageId : null,
    inTrash: page.inTrash,
    createdTime: render.iso(page.createdTime),
    lastEditedTime: render.iso(page.lastEditedTime),
    properties,
  };
}

export function plainDataSource(ds: StoredDataSource): PlainDataSource {
  const properties: Record<string, string> = {};
  const options: Record<string, string[]> = {};
  for (const schema of ds.properties.values()) {
    properties[schema.name] = schema.type;
    if (schema.options) options[schema.name] = schema.options.map((o) => o.name);
  }
  return { id: ds.id, databaseId: ds.databaseId, title: plainText(ds.title), inTrash: ds.inTrash, properties, options };
}

export function plainView(view: StoredView): PlainView {
  const dateProperty = view.configuration?.date_property_name;
  return { id: view.id, databaseId: view.databaseId, dataSourceId: view.dataSourceId, name: view.name, type: view.type, dateProperty: typeof dateProperty === "string" ? dateProperty : null };
}

/** A page body depth first, without trashed blocks. */
export function plainBlocks(store: Store, pageId: string): PlainBlock[] {
  const out: PlainBlock[] = [];
  const walk = (parentId: string, depth: number): void => {
    for (const id of liveChildIds(store, parentId)) {
      const block = store.blocks.get(id);
      if (!block) continue;
      const plain: PlainBlock = { id: block.id, type: block.type, depth, text: blockText(store, block) };
      if (block.type === "to_do") plain.checked = block.data.checked === true;
      out.push(plain);
      walk(block.id, depth + 1);
    }
  };
  walk(pageId, 0);
  return out;
}
