/** Notion's documented limits and type rules, answered as 400 validation_error through the real client. */
import { APIErrorCode, type Client } from "@notionhq/client";
import { beforeEach, describe, expect, it } from "vitest";
import type { NotionEmulator } from "../../notion-emulator/index";
import { clientFor, createPlanAndTaskDatabases, failure, quietEmulator, text } from "./test-helpers";

let emulator: NotionEmulator;
let notion: Client;
let plansDs: string;
let tasksDs: string;

beforeEach(async () => {
  emulator = quietEmulator();
  notion = clientFor(emulator);
  ({ plansDs, tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage()));
});

function paragraph(content: string, children?: unknown[]): Record<string, unknown> {
  return { object: "block", type: "paragraph", paragraph: { rich_text: text(content), ...(children ? { children } : {}) } };
}

async function newPlan(title = "计划"): Promise<string> {
  const page = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 标题: { title: text(title) } } });
  return page.id;
}

describe("text and array limits", () => {
  it("takes 2000 characters in one rich-text object and refuses 2001, naming the field", async () => {
    const id = await newPlan();
    await notion.pages.update({ page_id: id, properties: { 学校: { rich_text: text("校".repeat(2000)) } } });
    const error = await failure(notion.pages.update({ page_id: id, properties: { 学校: { rich_text: text("校".repeat(2001)) } } }));
    expect(error.status).toBe(400);
    expect(error.code).toBe(APIErrorCode.ValidationError);
    expect(error.message).toBe("body failed validation: body.properties.学校.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`.");
    expect(emulator.page(id)?.properties["学校"]).toBe("校".repeat(2000));
  });

  it("refuses 2001 characters in a block's text", async () => {
    const id = await newPlan();
    // @ts-expect-error: loose block literal on purpose
    const error = await failure(notion.blocks.children.append({ block_id: id, children: [paragraph("a".repeat(2001))] }));
    expect(error.message).toContain("body.children[0].paragraph.rich_text[0].text.content.length should be ≤ `2000`");
  });

  it("refuses more than 100 rich-text objects, relations or multi-select values", async () => {
    const id = await newPlan();
    const many = Array.from({ length: 101 }, () => ({ type: "text" as const, text: { content: "x" } }));
    const error = await failure(notion.pages.update({ page_id: id, properties: { 学校: { rich_text: many } } }));
    expect(error.message).toContain("body.properties.学校.rich_text.length should be ≤ `100`, instead was `101`");
    const relations = Array.from({ length: 101 }, () => ({ id }));
    const relError = await failure(notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 计划: { relation: relations } } }));
    expect(relError.message).toContain("body.properties.计划.relation.length should be ≤ `100`, instead was `101`");
  });

  it("takes 100 children in one append and refuses 101", async () => {
    const id = await newPlan();
    const hundred = Array.from({ length: 100 }, (_, i) => paragraph(`第${i + 1}段`));
    // @ts-expect-error: loose block literals
    await notion.blocks.children.append({ block_id: id, children: hundred });
    // @ts-expect-error: loose block literals
    const error = await failure(notion.blocks.children.append({ block_id: id, children: [...hundred, paragraph("多一段")] }));
    expect(error.status).toBe(400);
    expect(error.message).toBe("body failed validation: body.children.length should be ≤ `100`, instead was `101`.");
    expect(emulator.blocks(id)).toHaveLength(100);
  });

  it("refuses 101 children in pages.create, creating nothing", async () => {
    const children = Array.from({ length: 101 }, (_, i) => paragraph(String(i)));
    // @ts-expect-error: loose block literals
    const error = await failure(notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: {}, children }));
    expect(error.message).toContain("body.children.length should be ≤ `100`");
    expect(emulator.pages(plansDs)).toHaveLength(0);
  });

  it("takes two levels of nesting in one request and refuses a third", async () => {
    const id = await newPlan();
    // @ts-expect-error: loose block literals
    await notion.blocks.children.append({ block_id: id, children: [paragraph("一", [paragraph("二")])] });
    expect(emulator.blocks(id).map((b) => [b.depth, b.text])).toEqual([[0, "一"], [1, "二"]]);
    // @ts-expect-error: loose block literals
    const error = await failure(notion.blocks.children.append({ block_id: id, children: [paragraph("一", [paragraph("二", [paragraph("三")])])] }));
    expect(error.code).toBe(APIErrorCode.ValidationError);
    expect(error.message).toContain("body.children[0].paragraph.children[0].paragraph.children should be not present");
  });
});

describe("properties", () => {
  it("refuses an unknown property name", async () => {
    const error = await failure(notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 不存在: { rich_text: text("x") } } }));
    expect(error.code).toBe(APIErrorCode.ValidationError);
    expect(error.message).toBe("不存在 is not a property that exists.");
  });

  it("refuses a value of the wrong type", async () => {
    const error = await failure(notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 审核状态: { rich_text: text("已通过") } } }));
    expect(error.message).toBe("审核状态 is expected to be select.");
    const checkbox = await failure(
      // @ts-expect-error: a string where a boolean belongs, on purpose
      notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 完成: { checkbox: "yes" } } }),
    );
    expect(checkbox.message).toContain("body.properties.完成.checkbox should be a boolean");
  });

  it("creates a select option on first use, refuses commas and unknown option ids", async () => {
    const page = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 审核状态: { select: { name: "退回" } } } });
    expect(emulator.page(page.id)?.properties["审核状态"]).toBe("退回");
    expect(emulator.dataSources().find((d) => d.id === plansDs)?.options["审核状态"]).toContain("退回");
    const comma = await failure(notion.pages.update({ page_id: page.id, properties: { 审核状态: { select: { name: "a,b" } } } }));
    expect(comma.message).toBe("Invalid select option, commas not allowed: a,b");
    const unknownId = await failure(notion.pages.update({ page_id: page.id, properties: { 审核状态: { select: { id: "zzzz" } } } }));
    expect(unknownId.code).toBe(APIErrorCode.ValidationError);
  });

  it("refuses a select option with an unknown colour in a schema", async () => {
    const error = await failure(
      // @ts-expect-error: a colour Notion does not have
      notion.dataSources.update({ data_source_id: plansDs, properties: { 等级: { select: { options: [{ name: "甲", color: "chartreuse" }] } } } }),
    );
    expect(error.message).toContain("body.properties.等级.select.options[0].color");
  });

  it("stores every property type the mirror writes and answers them in Notion's shape", async () => {
    const plan = await newPlan("二〇二六学年计划");
    const task = await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: tasksDs },
      properties: {
        任务: { title: text("“三八”妇女节庆祝活动") },
        月份: { date: { start: "2027-03-01", end: "2027-03-31" } },
        计划: { relation: [{ id: plan }] },
        完成: { checkbox: true },
        负责人: { rich_text: text("工会主席") },
        同步键: { rich_text: text("t-k2m9") },
        来源: { url: "https://example.org/plan" },
      },
    });
    expect(emulator.page(task.id)?.properties).toEqual({
      任务: "“三八”妇女节庆祝活动",
      月份: { start: "2027-03-01", end: "2027-03-31" },
      计划: [plan],
      完成: true,
      负责人: "工会主席",
      同步键: "t-k2m9",
      来源: "https://example.org/plan",
    });
    const seen = await notion.pages.retrieve({ page_id: task.id });
    expect(seen).toMatchObject({
      object: "page",
      parent: { type: "data_source_id", data_source_id: tasksDs },
      in_trash: false,
      archived: false,
      properties: {
        月份: { type: "date", date: { start: "2027-03-01", end: "2027-03-31", time_zone: null } },
        计划: { type: "relation", relation: [{ id: plan }], has_more: false },
        任务: { type: "title", title: [{ type: "text", plain_text: "“三八”妇女节庆祝活动", annotations: { bold: false } }] },
      },
    });
    const badDate = await failure(notion.pages.update({ page_id: task.id, properties: { 月份: { date: { start: "2027-13-45" } } } }));
    expect(badDate.message).toContain("body.properties.月份.date.start");
    const foreign = await failure(notion.pages.update({ page_id: task.id, properties: { 计划: { relation: [{ id: task.id }] } } }));
    expect(foreign.message).toContain("not in the related data source");
  });
});

describe("the trash", () => {
  it("refuses edits to a trashed page until it is restored, and hides it from queries", async () => {
    const id = await newPlan();
    await notion.pages.update({ page_id: id, in_trash: true });
    const error = await failure(notion.pages.update({ page_id: id, properties: { 学校: { rich_text: text("x") } } }));
    expect(error.message).toBe("Can't edit block that is archived. You must unarchive the block before editing.");
    expect((await notion.dataSources.query({ data_source_id: plansDs })).results).toHaveLength(0);
    await notion.pages.update({ page_id: id, in_trash: false, properties: { 学校: { rich_text: text("示例小学") } } });
    expect(emulator.page(id)).toMatchObject({ inTrash: false, properties: { 学校: "示例小学" } });
  });

  it("deletes a block to the trash once; a second delete is refused", async () => {
    const id = await newPlan();
    // @ts-expect-error: loose block literals
    const appended = await notion.blocks.children.append({ block_id: id, children: [paragraph("一"), paragraph("二")] });
    const first = appended.results[0]?.id ?? "";
    const deleted = await notion.blocks.delete({ block_id: first });
    expect(deleted).toMatchObject({ in_trash: true });
    expect(emulator.blocks(id).map((b) => b.text)).toEqual(["二"]);
    const again = await failure(notion.blocks.delete({ block_id: first }));
    expect(again.status).toBe(400);
  });
});

describe("request size", () => {
  it("refuses a request body over 500 KB", async () => {
    const id = await newPlan();
    // 100 blocks of 100 rich-text items of 2000 characters would be 20 MB; 60 blocks of 5 × 2000 are about 600 KB.
    const children = Array.from({ length: 60 }, () => ({ paragraph: { rich_text: Array.from({ length: 5 }, () => ({ type: "text" as const, text: { content: "x".repeat(2000) } })) } }));
    const error = await failure(notion.blocks.children.append({ block_id: id, children }));
    expect(error.code).toBe(APIErrorCode.ValidationError);
    expect(error.message).toContain("Request body too large");
    expect(emulator.blocks(id)).toHaveLength(0);
  });
});
