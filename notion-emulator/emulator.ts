/**
 * createNotionEmulator: one store, one limiter and one fault injector behind two transports (an
 * in-process fetch and an HTTP server), plus the inspection and "person in Notion" helpers tests use.
 */
import { realClock } from "../notion-sync/clock";
import { ALL_CAPABILITIES, type Capabilities } from "./capabilities";
import type { NotionEmulator } from "./api";
import { FaultInjector } from "./faults";
import { createFetch } from "./fetch-transport";
import { listenHttp } from "./http-server";
import { plainBlocks, plainDataSource, plainPage, plainView } from "./inspect";
import { addMember, commentAsPerson, plainComments, resolveAsPerson } from "./person-comments";
import { editBlockAsPerson, editPageAsPerson, seedWorkspacePage } from "./person";
import type { PipelineState } from "./pipeline";
import { TokenBucketLimiter } from "./rate-limiter";
import { Renderer } from "./render";
import { snapshot } from "./snapshot";
import { canonical, Store } from "./store";
import type { EmulatorCounters, ListeningServer, NotionEmulatorOptions } from "./types";

function zeroCounters(): EmulatorCounters {
  return { requests: 0, writes: 0, http429: 0, faults: 0, byStatus: {} };
}

export function createNotionEmulator(options: NotionEmulatorOptions = {}): NotionEmulator {
  const clock = options.clock ?? realClock;
  const token = options.token ?? "secret_emulator";
  const store = new Store(clock, options.seed ?? 1);
  if (options.queryResultLimit !== undefined) store.queryResultLimit = options.queryResultLimit;
  const render = new Renderer(store, options.timestampPrecision ?? "minute");
  let limiter: TokenBucketLimiter | null = options.rateLimit === false ? null : new TokenBucketLimiter(clock, options.rateLimit ?? {});
  const faults = new FaultInjector(options.faults);
  let capabilities: Capabilities = { ...ALL_CAPABILITIES, ...options.capabilities };
  let finish: () => void = () => undefined;
  const closing = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const state: PipelineState = { store, render, clock, token, limiter: () => limiter, capabilities: () => capabilities, faults, log: [], counters: zeroCounters(), closing };
  const servers: ListeningServer[] = [];

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
      return seedWorkspacePage(store, title, shared);
    },
    setShared(pageId, shared) {
      const page = store.pages.get(canonical(pageId));
      if (!page) throw new Error(`no page ${pageId} in the emulator`);
      if (page.parent.kind !== "workspace") throw new Error("only workspace pages are shared or unshared in the emulator");
      page.parent = { kind: "workspace", shared };
    },

    editPage(pageId, properties, editOptions = {}) {
      editPageAsPerson(store, pageId, properties, editOptions);
    },
    editBlock(blockId, changes) {
      editBlockAsPerson(store, blockId, changes);
    },

    comment: (targetId, text, commentOptions = {}) => commentAsPerson(store, targetId, text, commentOptions),
    resolveDiscussion: (discussionId) => resolveAsPerson(store, discussionId),
    addUser: (name) => addMember(store, name),
    comments: (targetId) => plainComments(store, targetId),

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
        .map((p) => plainPage(store, render, p));
    },
    page(pageId) {
      const page = store.pages.get(canonical(pageId));
      return page ? plainPage(store, render, page) : undefined;
    },
    blocks: (pageId) => plainBlocks(store, canonical(pageId)),
    dataSources: () => [...store.dataSources.values()].map(plainDataSource),
    dataSourcesOf(databaseId) {
      const db = store.databases.get(canonical(databaseId));
      return (db?.dataSourceIds ?? []).flatMap((id) => {
        const ds = store.dataSources.get(id);
        return ds ? [plainDataSource(ds)] : [];
      });
    },
    views: () => [...store.views.values()].map(plainView),
    snapshot: () => snapshot(store),

    faults,
    setCapabilities(next) {
      capabilities = { ...capabilities, ...next };
    },
    setRateLimit(next) {
      limiter = next === false ? null : new TokenBucketLimiter(clock, next);
    },
  };
}
