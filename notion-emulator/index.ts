/**
 * An in-memory emulator of the part of the Notion API (Notion-Version 2025-09-03) the mirror uses.
 *
 *   const emulator = createNotionEmulator({ clock: scaledClock(50) });
 *   const parent = emulator.seedPage({ title: "工会" });
 *   const notion = new Client({ auth: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl });
 *   // or over HTTP:  const server = await emulator.listen();  new Client({ auth, baseUrl: server.url })
 *
 * It answers the way Notion does (error bodies, limits, 404 for what is not shared, a 3 requests per
 * second limiter with Retry-After) and injects seeded faults, so the mirror can be tested for
 * exactly-once effects without a network.
 */
export type { NotionEmulator, EmulatorFetch } from "./api";
export type {
  EmulatorCounters,
  FaultController,
  FaultKind,
  FaultOptions,
  FaultScope,
  ListeningServer,
  NotionEmulatorOptions,
  PlainBlock,
  PlainComment,
  PlainDataSource,
  PlainDate,
  PlainPage,
  PlainValue,
  PlainView,
  RateLimitOptions,
  RequestLogEntry,
} from "./types";
export type { SnapshotBlock, SnapshotDataSource, SnapshotPage, WorkspaceSnapshot } from "./snapshot";
export { ALL_FAULT_KINDS, REFUSAL_FAULT_KINDS } from "./types";
export { ALL_CAPABILITIES, type Capabilities } from "./capabilities";
export { NOTION_VERSIONS, type NotionVersion } from "./versions";
export { createNotionEmulator } from "./emulator";
export type { PersonCommentOptions } from "./person-comments";
export { virtualClock, type VirtualClock } from "./virtual-clock";
