/**
 * Databases (2025-09-03): a database is a container of data sources. databases.create makes the
 * database and its first data source from `initial_data_source.properties`; the answer lists
 * `data_sources: [{ id, name }]`, and pages are then created in the data source, not the database.
 */
import { validationError } from "../errors";
import { parseNewProperty } from "../property-schema";
import { isRecord, parseRichText, shown } from "../rich-text";
import type { PropertySchema, StoredDatabase, StoredDataSource } from "../store";
import { ok, optionalBoolean, param, requireRecord, visibleDatabase, visiblePage, type Route } from "./context";

export const databaseRoutes: Route[] = [
  {
    method: "POST",
    pattern: "databases",
    handler: ({ store, render }, { body }) => {
      const parent = requireRecord(body.parent, "body.parent");
      if (typeof parent.page_id !== "string") {
        throw validationError(`body failed validation: body.parent.page_id should be a string, instead was \`${shown(parent.page_id)}\`.`);
      }
      const parentPage = visiblePage(store, parent.page_id);
      const title = body.title === undefined ? [] : parseRichText(body.title, "body.title");
      const description = body.description === undefined ? [] : parseRichText(body.description, "body.description");
      const initial = body.initial_data_source === undefined ? {} : requireRecord(body.initial_data_source, "body.initial_data_source");
      const definitions = initial.properties === undefined ? {} : requireRecord(initial.properties, "body.initial_data_source.properties");

      const properties = new Map<string, PropertySchema>();
      for (const [name, definition] of Object.entries(definitions)) {
        const schema = parseNewProperty(store, name, definition, `body.initial_data_source.properties.${name}`);
        if ([...properties.values()].some((p) => p.name === schema.name)) throw validationError(`A property named ${schema.name} already exists.`);
        if (schema.type === "title" && [...properties.values()].some((p) => p.type === "title")) {
          throw validationError("body failed validation: a data source has exactly one title property.");
        }
        properties.set(schema.id, schema);
      }
      // Like Notion, a database made without a title property gets one called "Name".
      if (![...properties.values()].some((p) => p.type === "title")) {
        properties.set("title", { id: "title", name: "Name", type: "title", description: "" });
      }

      const now = store.now();
      const database: StoredDatabase = {
        id: store.newId(),
        parentPageId: parentPage.id,
        title,
        description,
        isInline: body.is_inline === true,
        dataSourceIds: [],
        createdTime: now,
        lastEditedTime: now,
        inTrash: false,
        icon: body.icon ?? null,
        cover: body.cover ?? null,
      };
      const dsTitle = initial.title === undefined ? title : parseRichText(initial.title, "body.initial_data_source.title");
      const dataSource: StoredDataSource = { id: store.newId(), databaseId: database.id, title: dsTitle, properties, createdTime: now, lastEditedTime: now, inTrash: false };
      database.dataSourceIds.push(dataSource.id);
      store.databases.set(database.id, database);
      store.dataSources.set(dataSource.id, dataSource);
      store.childIds(parentPage.id).push(database.id);
      store.touch();
      return ok(render.database(database));
    },
  },
  {
    method: "GET",
    pattern: "databases/:id",
    handler: ({ store, render }, req) => ok(render.database(visibleDatabase(store, param(req, "id")))),
  },
  {
    method: "PATCH",
    pattern: "databases/:id",
    handler: ({ store, render }, req) => {
      const database = visibleDatabase(store, param(req, "id"));
      const { body } = req;
      if (body.title !== undefined) database.title = parseRichText(body.title, "body.title");
      if (body.description !== undefined) database.description = parseRichText(body.description, "body.description");
      const trash = optionalBoolean(body, "in_trash");
      if (trash !== undefined) database.inTrash = trash;
      // Moving a database to another parent is not emulated (the mirror never does it).
      if (body.parent !== undefined) throw validationError("body.parent: moving a database is not emulated.");
      if (isRecord(body.icon) || body.icon === null) database.icon = body.icon;
      database.lastEditedTime = store.now();
      store.touch();
      return ok(render.database(database));
    },
  },
];
