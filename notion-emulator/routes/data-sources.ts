/**
 * Data sources: retrieve, update the schema (add and change properties; remove only what is set to
 * null, never what a request merely leaves out) and query pages with filters, sorts and cursors.
 */
import { validationError } from "../errors";
import { applyPropertyUpdate } from "../property-schema";
import { compileFilter, sortPages } from "../query";
import { parseRichText } from "../rich-text";
import type { PropertySchema, StoredPage } from "../store";
import { ok, optionalBoolean, pageSize, paginate, param, requireRecord, visibleDataSource, type Route } from "./context";

export const dataSourceRoutes: Route[] = [
  {
    method: "GET",
    pattern: "data_sources/:id",
    handler: ({ store, render }, req) => ok(render.dataSource(visibleDataSource(store, param(req, "id")))),
  },
  {
    method: "PATCH",
    pattern: "data_sources/:id",
    handler: ({ store, render }, req) => {
      const dataSource = visibleDataSource(store, param(req, "id"));
      const { body } = req;
      // Work on a copy so a request that fails half-way changes nothing.
      const properties = new Map<string, PropertySchema>(dataSource.properties);
      if (body.properties !== undefined) {
        const updates = requireRecord(body.properties, "body.properties");
        for (const [key, definition] of Object.entries(updates)) {
          applyPropertyUpdate(store, properties, dataSource, key, definition, `body.properties.${key}`);
        }
      }
      const title = body.title === undefined ? undefined : parseRichText(body.title, "body.title");
      const trash = optionalBoolean(body, "in_trash") ?? optionalBoolean(body, "archived");
      if (body.parent !== undefined) throw validationError("body.parent: moving a data source is not emulated.");
      // A property whose type changed loses its values: Notion converts them, the emulator empties
      // them rather than answer a select with text in it.
      for (const [id, schema] of properties) {
        const before = dataSource.properties.get(id);
        if (!before || before.type === schema.type) continue;
        for (const page of store.pages.values()) {
          if (page.parent.kind === "data_source" && page.parent.dataSourceId === dataSource.id) page.values.delete(id);
        }
      }
      dataSource.properties = properties;
      if (title !== undefined) dataSource.title = title;
      if (trash !== undefined) dataSource.inTrash = trash;
      dataSource.lastEditedTime = store.now();
      store.touch();
      return ok(render.dataSource(dataSource));
    },
  },
  {
    method: "POST",
    pattern: "data_sources/:id/query",
    handler: ({ store, render }, req) => {
      const dataSource = visibleDataSource(store, param(req, "id"));
      const { body } = req;
      const size = pageSize(body.page_size, "body");
      const includeTrashed = optionalBoolean(body, "in_trash") === true || optionalBoolean(body, "archived") === true;
      const all: StoredPage[] = [];
      for (const page of store.pages.values()) {
        if (page.parent.kind === "data_source" && page.parent.dataSourceId === dataSource.id && (includeTrashed || !page.inTrash)) all.push(page);
      }
      const sorted = sortPages(store, dataSource, all, body.sorts, render.iso);
      const predicate = body.filter === undefined ? () => true : compileFilter(store, dataSource, body.filter, render.iso);
      const matching = sorted.filter(predicate);
      // A cursor page that stopped matching since the last page still marks where to go on.
      const position = (cursorId: string): number => {
        const at = sorted.findIndex((p) => p.id === cursorId);
        if (at === -1) return -1;
        return matching.filter((p) => sorted.indexOf(p) < at).length;
      };
      // Notion stops one query (one filter and sort) at 10,000 results: pagination ends there, and
      // every page of the answer says the result is incomplete.
      const capped = matching.length > store.queryResultLimit ? matching.slice(0, store.queryResultLimit) : matching;
      const { page, next } = paginate(capped, (p) => p.id, body.start_cursor, size, position);
      const list = render.list(page.map((p) => render.page(p)), next, "page_or_data_source");
      if (capped !== matching) list.request_status = { type: "incomplete", incomplete_reason: "query_result_limit_reached" };
      return ok(list);
    },
  },
];
