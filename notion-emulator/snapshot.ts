/**
 * An id-free picture of the workspace, for comparing two runs: the fault runs must end "in exactly
 * the state of a fault-free run", but page ids differ between runs. Relations are shown as the
 * related page's title, pages are ordered by their content, timestamps are left out.
 */
import { plainBlocks } from "./inspect";
import { pageTitle } from "./mentions";
import { plainValue, valueOn } from "./property-values";
import { plainText } from "./rich-text";
import type { Store, StoredPage } from "./store";
import type { PlainValue } from "./types";

export interface SnapshotBlock {
  type: string;
  depth: number;
  text: string;
  checked?: boolean;
}

export interface SnapshotPage {
  inTrash: boolean;
  properties: Record<string, PlainValue>;
  body: SnapshotBlock[];
}

export interface SnapshotDataSource {
  title: string;
  properties: Record<string, string>;
  options: Record<string, string[]>;
  pages: SnapshotPage[];
}

export interface WorkspaceSnapshot {
  databases: {
    title: string;
    parentTitle: string;
    inTrash: boolean;
    dataSources: SnapshotDataSource[];
    views: { name: string; type: string; dateProperty: string | null }[];
  }[];
}

function titleOf(store: Store, page: StoredPage | undefined): string {
  return page ? pageTitle(store, page) : "";
}

const byJson = <T>(a: T, b: T): number => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function snapshot(store: Store): WorkspaceSnapshot {
  const databases = [...store.databases.values()].map((db) => ({
    title: plainText(db.title),
    parentTitle: titleOf(store, store.pages.get(db.parentPageId)),
    inTrash: db.inTrash,
    dataSources: db.dataSourceIds.flatMap((id) => {
      const ds = store.dataSources.get(id);
      if (!ds) return [];
      const properties: Record<string, string> = {};
      const options: Record<string, string[]> = {};
      for (const schema of ds.properties.values()) {
        properties[schema.name] = schema.type;
        if (schema.options) options[schema.name] = schema.options.map((o) => o.name).sort();
      }
      const pages: SnapshotPage[] = [];
      for (const page of store.pages.values()) {
        if (page.parent.kind !== "data_source" || page.parent.dataSourceId !== ds.id) continue;
        const values: Record<string, PlainValue> = {};
        for (const schema of ds.properties.values()) {
          const value = plainValue(schema, valueOn(page.values, schema));
          values[schema.name] = schema.type === "relation" && Array.isArray(value) ? value.map((rid) => titleOf(store, store.pages.get(rid))).sort() : value;
        }
        pages.push({ inTrash: page.inTrash, properties: values, body: plainBlocks(store, page.id).map(({ id: _id, ...block }) => block) });
      }
      return [{ title: plainText(ds.title), properties, options, pages: pages.sort(byJson) }];
    }),
    views: [...store.views.values()]
      .filter((v) => v.databaseId === db.id)
      .map((v) => ({ name: v.name, type: v.type, dateProperty: typeof v.configuration?.date_property_name === "string" ? v.configuration.date_property_name : null }))
      .sort(byJson),
  }));
  return { databases: databases.sort(byJson) };
}
