/**
 * createNotionEmulator: one store, one limiter and one fault injector behind two transports (an
 * in-process fetch and an HTTP server), plus the inspection and "person in Notion" helpers tests use.
 */
import { realClock } from "../../notion-sync/clock";
import type { NotionEmulator } from "./api";
import { blockText, liveChildIds } from "./blocks";
import { FaultInjector } from "./faults";
import { createFetch } from "./fetch-transport";
import { listenHttp } from "./http-server";
import type { PipelineState } from "./pipeline";
import { parseValue, valueOn, plainValue, requestFromPlain, type ValueContext } from "./property-values";
import { TokenBucketLimiter } from "./rate-limiter";
import { snapshot } from "./snapshot";
import { Renderer } from "./render";
import { plainText, richTextFromPlain, type RichTextItem } from "./rich-text";
import { commitOptions } from "./routes/pages";
import { canonical, Store, type StoredDataSource, type StoredPage } from "./store";
import type { EmulatorCounters, ListeningServer, NotionEmulatorOptions, PlainBlock, PlainDataSource, PlainPage, PlainValue } from "./types";

function zeroCounters(): EmulatorCounters {
  return { requests: 0, writes: 0, http429: 0, faults: 0, byStatus: {} };
}

export function createNotionEmulator(options: NotionEmulatorOptions = {}): NotionEmulator {
  const clock = options.clock ?? realClock;
  const token = options.token ?? "secret_emulator";
  const store = new Store(clock, options.seed ?? 1);
  const render = new Renderer(store, options.timestampPrecision ?? "minute");
  let limiter: TokenBucketLimiter | null = options.rateLimit === false ? null : new TokenBucketLimiter(clock, options.rateLimit ?? {});
  const faults = new FaultInjector(options.faults);
  let finish: () => void = () => undefined;
  const closing = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const state: PipelineState = { store, render, clock, token, limiter: () => limiter, faults, log: [], counters: zeroCounters(), closing };
  const servers: ListeningServer[] = [];

  const iso = render.iso;
  const toPlainPage = (page: StoredPage): PlainPage => {
    const properties: Record<string, PlainValue> = {};
    if (page.parent.kind === "data_source") {
      const ds = store.dataSources.get(page.parent.dataSourceId);
      for (const schema of ds?.properties.values() ?? []) {
        properties[schema.name] = plainValue(schema, valueOn(page.values, schema));
      }
    } else {
      properties.title = plainText((page.values.get("title") ?? []) as RichTextItem[]);
    }
    return {
      id: page.id,
      dataSourceId: page.parent.kind === "data_source" ? page.parent.dataSourceId : null,
      parentPageId: page.parent.kind === "page" ? page.parent.pageId : null,
      inTrash: page.inTrash,
      createdTime: iso(page.createdTime),
      lastEditedTime: iso(page.lastEditedTime),
      properties,
    };
  };
  const toPlainDataSource = (ds: StoredDataSource): PlainDataSource => {
    const properties: Record<string, string> = {};
    const optionNames: Record<string, string[]> = {};
    for (const schema of ds.properties.values()) {
      properties[schema.name] = schema.type;
      if (schema.options) optionNames[schema.name] = schema.options.map((o) => o.name);
    }
    return { id: ds.id, databaseId: ds.databaseId, title: plainText(ds.title), inTrash: ds.inTrash, properties, options: optionNames };
  };
  const requirePage = (id: string): StoredPage => {
    const page = store.pages.get(canonical(id));
    if (!page) throw new Error(`no page ${id} in the emulator`);
    return page;
  };

  return {
    fetch: createFetch(state),
    baseUrl: "https://api.notion.com",
    token,
    clock,

    async listen(port?: number) {
      const server = await listenHttp(state, port);
      servers.push(server);
      return server;
    },
    async close() {
      finish();
      await Promise.all(servers.splice(0).map((s) => s.close()));
    },

    seedPage({ title = "Workspace page", shared = true } = {}) {
      const now = clock.now();
      const page: StoredPage = {
        id: store.newId(),
        seq: store.nextPageSeq(),
        parent: { kind: "workspace", shared },
        values: new Map([["title", richTextFromPlain(title)]]),
        createdTime: now,
        lastEditedTime: now,
        lastEditedBy: store.personUserId,
        inTrash: false,
        icon: null,
        cover: null,
      };
      store.pages.set(page.id, page);
      return page.id;
    },
    setShared(pageId, shared) {
      const page = requirePage(pageId);
      if (page.parent.kind !== "workspace") throw new Error("only workspace pages are shared or unshared in the emulator");
      page.parent = { kind: "workspace", shared };
    },

    editPage(pageId, properties, editOptions = {}) {
      const page = requirePage(pageId);
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
      if (editOptions.inTrash !== undefined) page.inTrash = editOptions.inTrash;
      page.lastEditedTime = clock.now();
      page.lastEditedBy = store.personUserId;
      store.touch();
    },

    editBlock(blockId, changes) {
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
      block.lastEditedTime = clock.now();
      store.touch();
    },

    get requestLog() {
      return state.log;
    },
    get counters() {
      return state.counters;
    },
    resetCounters() {
      state.log.length = 0;
      state.counters = zeroCounters();
    },
    pages(dataSourceId, pageOptions = {}) {
      const id = canonical(dataSourceId);
      return [...store.pages.values()]
        .filter((p) => p.parent.kind === "data_source" && p.parent.dataSourceId === id && (pageOptions.includeTrashed === true || !p.inTrash))
        .sort((a, b) => a.seq - b.seq)
        .map(toPlainPage);
    },
    page(pageId) {
      const page = store.pages.get(canonical(pageId));
      return page ? toPlainPage(page) : undefined;
    },
    blocks(pageId) {
      const out: PlainBlock[] = [];
      const walk = (parentId: string, depth: number) => {
        for (const id of liveChildIds(store, parentId)) {
          const block = store.blocks.get(id);
          if (!block) continue;
          const plain: PlainBlock = { id: block.id, type: block.type, depth, text: blockText(block) };
          if (block.type === "to_do") plain.checked = block.data.checked === true;
          out.push(plain);
          walk(block.id, depth + 1);
        }
      };
      walk(canonical(pageId), 0);
      return out;
    },
    dataSources() {
      return [...store.dataSources.values()].map(toPlainDataSource);
    },
    dataSourcesOf(databaseId) {
      const db = store.databases.get(canonical(databaseId));
      return (db?.dataSourceIds ?? []).flatMap((id) => {
        const ds = store.dataSources.get(id);
        return ds ? [toPlainDataSource(ds)] : [];
      });
    },
    views() {
      return [...store.views.values()].map((v) => ({
        id: v.id,
        databaseId: v.databaseId,
        dataSourceId: v.dataSourceId,
        name: v.name,
        type: v.type,
        dateProperty: typeof v.configuration?.date_property_name === "string" ? v.configuration.date_property_name : null,
      }));
    },

    snapshot: () => snapshot(store),

    faults,
    setRateLimit(next) {
      limiter = next === false ? null : new TokenBucketLimiter(clock, next);
    },
  };
}
