/** Set-up as the mirror does it: token check, databases under a shared page, schema updates, views. */
import { APIErrorCode } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import { clientFor, createPlanAndTaskDatabases, failure, firstDataSource, manualClock, quietEmulator, text } from "./test-helpers";

describe("authentication and version", () => {
  it("answers users/me with the bot for the right token", async () => {
    const emulator = quietEmulator();
    const me = await clientFor(emulator).users.me({});
    expect(me).toMatchObject({ object: "user", type: "bot" });
  });

  it("answers 401 unauthorized for a wrong token, without counting it against the limit", async () => {
    const emulator = quietEmulator();
    const error = await failure(clientFor(emulator, { auth: "secret_wrong" }).users.me({}));
    expect(error.status).toBe(401);
    expect(error.code).toBe(APIErrorCode.Unauthorized);
    expect(error.message).toBe("API token is invalid.");
  });

  it("answers 400 missing_version when Notion-Version is absent", async () => {
    const emulator = quietEmulator();
    const response = await emulator.fetch("https://api.notion.com/v1/users/me", { headers: { authorization: `Bearer ${emulator.token}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ object: "error", status: 400, code: "missing_version" });
  });
});

describe("databases under a parent page", () => {
  it("creates a database with its first data source under a shared page", async () => {
    const emulator = quietEmulator();
    const parent = emulator.seedPage({ title: "工会" });
    const notion = clientFor(emulator);
    const { plansDs, tasksDs, tasksDb } = await createPlanAndTaskDatabases(notion, parent);

    const db = await notion.databases.retrieve({ database_id: tasksDb });
    expect(db).toMatchObject({ object: "database", parent: { type: "page_id", page_id: parent } });
    expect(firstDataSource(db)).toBe(tasksDs);

    const ds = await notion.dataSources.retrieve({ data_source_id: tasksDs });
    expect(Object.keys(ds.properties).sort()).toEqual(["任务", "同步键", "完成", "来源", "月份", "计划", "负责人"].sort());
    expect(ds.properties["计划"]).toMatchObject({ type: "relation", relation: { data_source_id: plansDs, type: "single_property" } });
    expect(ds.properties["任务"]).toMatchObject({ id: "title", type: "title" });
    expect(emulator.dataSourcesOf(tasksDb)[0]?.properties["月份"]).toBe("date");

    // The parent page lists the databases as child_database blocks, as Notion does.
    const children = await notion.blocks.children.list({ block_id: parent });
    expect(children.results.map((b) => ("type" in b ? b.type : ""))).toEqual(["child_database", "child_database"]);
  });

  it("answers 404 object_not_found, in Notion's words, for a page not shared with the integration", async () => {
    const emulator = quietEmulator();
    const hidden = emulator.seedPage({ title: "私人", shared: false });
    const notion = clientFor(emulator);
    const error = await failure(notion.databases.create({ parent: { type: "page_id", page_id: hidden }, title: text("x"), initial_data_source: { properties: {} } }));
    expect(error.status).toBe(404);
    expect(error.code).toBe(APIErrorCode.ObjectNotFound);
    expect(error.message).toBe(`Could not find page with ID: ${hidden}. Make sure the relevant pages and databases are shared with your integration.`);

    // Sharing it later makes it (and what is created under it) visible.
    emulator.setShared(hidden, true);
    const db = await notion.databases.create({ parent: { type: "page_id", page_id: hidden }, title: text("x"), initial_data_source: { properties: {} } });
    emulator.setShared(hidden, false);
    const again = await failure(notion.databases.retrieve({ database_id: db.id }));
    expect(again.status).toBe(404);
    expect(again.message).toContain(`Could not find database with ID: ${db.id}.`);
  });

  it("answers 404 for an id that does not exist, with or without dashes", async () => {
    const emulator = quietEmulator();
    const notion = clientFor(emulator);
    const error = await failure(notion.pages.retrieve({ page_id: "0123456789abcdef0123456789abcdef" }));
    expect(error.status).toBe(404);
    const parent = emulator.seedPage();
    const page = await notion.pages.retrieve({ page_id: parent.replace(/-/g, "") });
    expect(page.id).toBe(parent);
  });

  it("adds a Name title when the definition has none, and refuses an unknown property type", async () => {
    const emulator = quietEmulator();
    const notion = clientFor(emulator);
    const parent = emulator.seedPage();
    const db = await notion.databases.create({ parent: { type: "page_id", page_id: parent }, initial_data_source: { properties: { 备注: { rich_text: {} } } } });
    expect(emulator.dataSourcesOf(db.id)[0]?.properties).toEqual({ 备注: "rich_text", Name: "title" });
    const error = await failure(
      notion.databases.create({
        parent: { type: "page_id", page_id: parent },
        // @ts-expect-error: a type Notion does not have, sent on purpose
        initial_data_source: { properties: { 奇怪: { type: "hologram", hologram: {} } } },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe(APIErrorCode.ValidationError);
    expect(error.message).toContain("body.initial_data_source.properties.奇怪.type");
  });
});

describe("data source schema updates", () => {
  it("adds and changes properties, keeps the ones not mentioned, removes only what is set to null", async () => {
    const emulator = quietEmulator();
    const notion = clientFor(emulator);
    const { plansDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    // A person added a property of their own in Notion; the mirror's update must not lose it.
    await notion.dataSources.update({ data_source_id: plansDs, properties: { 备注: { rich_text: {} } } });
    await notion.dataSources.update({
      data_source_id: plansDs,
      properties: { 审核意见: { rich_text: {} }, 审核状态: { select: { options: [{ name: "已归档", color: "gray" }] } } },
    });
    let ds = emulator.dataSources().find((d) => d.id === plansDs);
    expect(ds?.properties).toMatchObject({ 备注: "rich_text", 审核意见: "rich_text", 审核状态: "select", 学校: "rich_text" });
    // Options a definition leaves out are kept: pages still use them.
    expect(ds?.options["审核状态"]).toEqual(["已归档", "草稿", "待审核", "已通过", "需修改"]);

    await notion.dataSources.update({ data_source_id: plansDs, properties: { 备注: null } });
    ds = emulator.dataSources().find((d) => d.id === plansDs);
    expect(ds?.properties["备注"]).toBeUndefined();
    expect(ds?.properties["审核意见"]).toBe("rich_text");
  });

  it("renames a property by id and refuses removing the title", async () => {
    const emulator = quietEmulator();
    const notion = clientFor(emulator);
    const { plansDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    const before = await notion.dataSources.retrieve({ data_source_id: plansDs });
    const schoolId = before.properties["学校"]?.id ?? "";
    await notion.dataSources.update({ data_source_id: plansDs, properties: { [schoolId]: { name: "学校名称" } } });
    const after = await notion.dataSources.retrieve({ data_source_id: plansDs });
    expect(after.properties["学校名称"]?.id).toBe(schoolId);
    const error = await failure(notion.dataSources.update({ data_source_id: plansDs, properties: { 标题: null } }));
    expect(error.code).toBe(APIErrorCode.ValidationError);
  });
});

describe("views", () => {
  it("creates a calendar view by a date property and refuses one on a property that is not a date", async () => {
    const emulator = quietEmulator();
    const notion = clientFor(emulator);
    const { tasksDs, tasksDb } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    const ds = await notion.dataSources.retrieve({ data_source_id: tasksDs });
    const monthId = ds.properties["月份"]?.id ?? "";
    const view = await notion.views.create({ data_source_id: tasksDs, database_id: tasksDb, name: "行事历", type: "calendar", configuration: { type: "calendar", date_property_id: monthId } });
    expect(view).toMatchObject({ object: "view", type: "calendar", parent: { type: "database_id", database_id: tasksDb } });
    expect(emulator.views()).toEqual([{ id: view.id, databaseId: tasksDb, dataSourceId: tasksDs, name: "行事历", type: "calendar", dateProperty: "月份" }]);
    const listed = await notion.views.list({ database_id: tasksDb });
    expect(listed.results.map((v) => v.id)).toEqual([view.id]);

    const error = await failure(notion.views.create({ data_source_id: tasksDs, name: "错", type: "calendar", configuration: { type: "calendar", date_property_id: ds.properties["完成"]?.id ?? "" } }));
    expect(error.status).toBe(400);
    expect(error.code).toBe(APIErrorCode.ValidationError);
  });
});

describe("a person editing in Notion", () => {
  it("changes a property without a request, creates a new select option, and moves last_edited_time on", async () => {
    const clock = manualClock();
    const emulator = quietEmulator({ clock });
    const notion = clientFor(emulator);
    const { plansDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    const page = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 标题: { title: text("计划") }, 审核状态: { select: { name: "待审核" } } } });
    const requests = emulator.counters.requests;
    // Notion's timestamps are whole minutes: a person's edit a minute later shows.
    clock.advance(60_000);
    emulator.editPage(page.id, { 审核状态: "退回重写", 学校: "示例小学" });
    expect(emulator.counters.requests).toBe(requests);
    const seen = await notion.pages.retrieve({ page_id: page.id });
    expect("properties" in seen && seen.properties["审核状态"]).toMatchObject({ type: "select", select: { name: "退回重写" } });
    expect("last_edited_time" in seen && seen.last_edited_time > ("last_edited_time" in page ? page.last_edited_time : "")).toBe(true);
    expect(emulator.page(page.id)?.properties).toMatchObject({ 审核状态: "退回重写", 学校: "示例小学", 标题: "计划" });
    expect(emulator.dataSources().find((d) => d.id === plansDs)?.options["审核状态"]).toContain("退回重写");
    expect(() => emulator.editPage(page.id, { 不存在: "x" })).toThrow(/no property/);
  });
});

describe("schema changes and existing values", () => {
  it("shows a renamed select option on the pages that use it, and empties values when a type changes", async () => {
    const emulator = quietEmulator();
    const notion = clientFor(emulator);
    const { plansDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    const page = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 审核状态: { select: { name: "待审核" } }, 学校: { rich_text: text("示例小学") } } });
    const ds = await notion.dataSources.retrieve({ data_source_id: plansDs });
    const status = ds.properties["审核状态"];
    const pending = status?.type === "select" ? status.select.options.find((o) => o.name === "待审核") : undefined;
    await notion.dataSources.update({ data_source_id: plansDs, properties: { 审核状态: { select: { options: [{ id: pending?.id ?? "", name: "审核中" }] } } } });
    expect(emulator.page(page.id)?.properties["审核状态"]).toBe("审核中");

    await notion.dataSources.update({ data_source_id: plansDs, properties: { 学校: { select: {} } } });
    expect(emulator.page(page.id)?.properties["学校"]).toBeNull();
  });
});
