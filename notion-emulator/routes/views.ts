/**
 * Views (POST/GET /v1/views, as @notionhq/client 5.26 sends them): the mirror adds a calendar view
 * of the tasks by their date property. A calendar needs `configuration.date_property_id` naming a
 * date property of the data source (its id, or its name, which the emulator also accepts).
 */
import { validationError } from "../errors";
import { isRecord, shown } from "../rich-text";
import type { StoredView } from "../store";
import { canonical } from "../store";
import { ok, pageSize, paginate, param, visibleDatabase, visibleDataSource, visibleView, type Route } from "./context";

const VIEW_TYPES = new Set(["table", "board", "list", "calendar", "timeline", "gallery", "form", "chart", "map", "dashboard"]);

export const viewRoutes: Route[] = [
  {
    method: "POST",
    pattern: "views",
    handler: ({ store, render }, { body }) => {
      if (typeof body.data_source_id !== "string") throw validationError(`body failed validation: body.data_source_id should be a string, instead was \`${shown(body.data_source_id)}\`.`);
      const dataSource = visibleDataSource(store, body.data_source_id);
      if (typeof body.database_id === "string" && canonical(body.database_id) !== dataSource.databaseId) {
        visibleDatabase(store, body.database_id);
        throw validationError("body.database_id: the data source is not in this database.");
      }
      if (typeof body.name !== "string" || body.name === "") throw validationError(`body failed validation: body.name should be a non-empty string, instead was \`${shown(body.name)}\`.`);
      if (typeof body.type !== "string" || !VIEW_TYPES.has(body.type)) throw validationError(`body failed validation: body.type should be a view type, instead was \`${shown(body.type)}\`.`);
      let configuration: Record<string, unknown> | null = null;
      if (body.configuration !== undefined) {
        if (!isRecord(body.configuration)) throw validationError(`body failed validation: body.configuration should be an object, instead was \`${shown(body.configuration)}\`.`);
        if (body.configuration.type !== body.type) throw validationError(`body failed validation: body.configuration.type should be "${body.type}", instead was \`${shown(body.configuration.type)}\`.`);
        configuration = { ...body.configuration };
      }
      if (body.type === "calendar") {
        const key = configuration?.date_property_id;
        if (typeof key !== "string") throw validationError(`body failed validation: body.configuration.date_property_id should be a string, instead was \`${shown(key)}\`.`);
        const schema = store.propertyByKey(dataSource, key);
        if (!schema) throw validationError(`Could not find property with name or id: ${key}`);
        if (schema.type !== "date") throw validationError(`A calendar view needs a date property; ${schema.name} is ${schema.type}.`);
        configuration = { ...configuration, type: "calendar", date_property_id: schema.id, date_property_name: schema.name };
      }
      const now = store.now();
      const view: StoredView = {
        id: store.newId(),
        databaseId: dataSource.databaseId,
        dataSourceId: dataSource.id,
        name: body.name,
        type: body.type,
        configuration,
        filter: body.filter ?? null,
        sorts: body.sorts ?? null,
        createdTime: now,
        lastEditedTime: now,
      };
      store.views.set(view.id, view);
      store.touch();
      return ok(render.view(view));
    },
  },
  {
    method: "GET",
    pattern: "views/:id",
    handler: ({ store, render }, req) => ok(render.view(visibleView(store, param(req, "id")))),
  },
  {
    method: "GET",
    pattern: "views",
    handler: ({ store, render }, { query }) => {
      const databaseId = query.get("database_id");
      const dataSourceId = query.get("data_source_id");
      if (databaseId === null && dataSourceId === null) throw validationError("Give database_id or data_source_id.");
      const db = databaseId === null ? null : visibleDatabase(store, databaseId);
      const ds = dataSourceId === null ? null : visibleDataSource(store, dataSourceId);
      const views = [...store.views.values()].filter((v) => (db === null || v.databaseId === db.id) && (ds === null || v.dataSourceId === ds.id));
      const { page, next } = paginate(views, (v) => v.id, query.get("start_cursor") ?? undefined, pageSize(query.get("page_size") ?? undefined, "query"));
      return ok(render.list(page.map((v) => ({ object: "view", id: v.id })), next, "view"));
    },
  },
];
