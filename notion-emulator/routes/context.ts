/**
 * What every route handler gets, and the lookups they share: an object by id that the integration
 * may see (404 otherwise, in Notion's words) and cursor pagination.
 */
import { limitError, notFound, validationError, type ObjectKind } from "../errors";
import type { Renderer } from "../render";
import { isRecord, shown } from "../rich-text";
import type { Store, StoredBlock, StoredDatabase, StoredDataSource, StoredPage, StoredView } from "../store";
import { canonical } from "../store";

export interface RouteRequest {
  method: string;
  /** Path parameters by name (":id" → params.id). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body ({} when there was none). */
  body: Record<string, unknown>;
}

export interface RouteContext {
  store: Store;
  render: Renderer;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export type RouteHandler = (ctx: RouteContext, req: RouteRequest) => RouteResult;

export interface Route {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** e.g. "pages/:id" (relative to /v1/). */
  pattern: string;
  handler: RouteHandler;
}

export function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

export function param(req: RouteRequest, name: string): string {
  const value = req.params[name];
  if (value === undefined) throw new Error(`route has no :${name}`);
  return value;
}

function visible<T>(store: Store, kind: ObjectKind, id: string, found: T | undefined): T {
  if (found === undefined || !store.isVisible(id)) throw notFound(kind, id);
  return found;
}

export function visiblePage(store: Store, id: string): StoredPage {
  return visible(store, "page", id, store.pages.get(canonical(id)));
}

export function visibleDatabase(store: Store, id: string): StoredDatabase {
  return visible(store, "database", id, store.databases.get(canonical(id)));
}

export function visibleDataSource(store: Store, id: string): StoredDataSource {
  return visible(store, "data_source", id, store.dataSources.get(canonical(id)));
}

export function visibleBlock(store: Store, id: string): StoredBlock {
  return visible(store, "block", id, store.blocks.get(canonical(id)));
}

export function visibleView(store: Store, id: string): StoredView {
  return visible(store, "view", id, store.views.get(canonical(id)));
}

/** page_size: 1 … 100, default 100, from the body or the query string. */
export function pageSize(raw: unknown, where: string): number {
  if (raw === undefined || raw === null) return 100;
  const n = typeof raw === "string" ? Number(raw) : raw;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) throw validationError(`body failed validation: ${where}.page_size should be a positive integer, instead was \`${shown(raw)}\`.`);
  if (n > 100) throw limitError(`${where}.page_size`, 100, n);
  return n;
}

/**
 * One page of `ids` from a cursor. The cursor is the id of the first item of the next page (as
 * Notion's cursors are ids); `position` finds where it sits even if it no longer passes a filter.
 */
export function paginate<T>(items: T[], idOf: (item: T) => string, cursor: unknown, size: number, position?: (cursorId: string) => number): { page: T[]; next: string | null } {
  let start = 0;
  if (cursor !== undefined && cursor !== null) {
    if (typeof cursor !== "string" || cursor === "") throw validationError(`body failed validation: start_cursor should be a string, instead was \`${shown(cursor)}\`.`);
    const index = items.findIndex((item) => idOf(item) === canonical(cursor));
    if (index !== -1) start = index;
    else if (position) start = position(canonical(cursor));
    else throw validationError(`start_cursor provided is invalid: ${cursor}`);
    if (start < 0) throw validationError(`start_cursor provided is invalid: ${cursor}`);
  }
  const page = items.slice(start, start + size);
  const nextItem = items[start + size];
  return { page, next: nextItem === undefined ? null : idOf(nextItem) };
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw validationError(`body failed validation: body.${key} should be a boolean, instead was \`${shown(v)}\`.`);
  return v;
}

export function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(value)}\`.`);
  return value;
}
