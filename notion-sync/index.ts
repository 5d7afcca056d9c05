/**
 * The Notion mirror: plans and their 行事历 tasks in two Notion databases. No 'obsidian' import:
 * it is handed a fetch, a clock and a state store, so the plugin (requestUrl) and the CLI (Node
 * fetch) both drive it.
 */
export { realClock, scaledClock, type Clock } from "./clock";
export { createNotionClient, newCounters, NOTION_VERSION, type NotionConnection, type NotionFetch, type RequestCounters } from "./client";
export { RateLimiter } from "./rate-limiter";
export { withRetry, classifyFailure, type RetryOptions } from "./retry";
export { SyncError, redact, explainError } from "./errors";
export { splitText, richText, MAX_TEXT } from "./rich-text";
export { DEFAULT_PROPERTY_NAMES, resolvePropertyNames, type PropertyNames } from "./properties";
export { ensureDatabases, parseNotionId, PLANS_DATABASE_TITLE, TASKS_DATABASE_TITLE, type SchemaReport } from "./schema";
export { NotionOps } from "./notion-ops";
export { emptyState, checkState, MemoryStateStore, type SyncState, type SyncStateStore } from "./sync-state";
export { runNotionSync, type SyncNote, type NoteEdit, type SyncReport, type SyncOptions, type SyncConflict, type SyncTarget } from "./sync-engine";
export { applyNoteEdit } from "./apply-back";
