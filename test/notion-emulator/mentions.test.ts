/**
 * Page mentions in block rich text, through the real client: a to-do that mentions a task page shows
 * the page's current title (a rename needs no block write), and mentions of pages the integration
 * cannot see, malformed ids and other mention types are refused with 400 validation_error.
 */
import { APIErrorCode, type Client } from "@notionhq/client";
import { beforeEach, describe, expect, it } from "vitest";
import type { NotionEmulator } from "../../notion-emulator/index";
import { clientFor, createPlanAndTaskDatabases, failure, quietEmulator, text } from "./test-helpers";

let emulator: NotionEmulator;
let notion: Client;
let plansDs: string;
let tasksDs: string;
let planId: string;
let taskId: string;

beforeEach(async () => {
  emulator = quietEmulator();
  notion = clientFor(emulator);
  ({ plansDs, tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage()));
  planId = (await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 标题: { title: text("计划") } } })).id;
  taskId = (await notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 任务: { title: text("召开教代会") } } })).id;
});

function todoMentioning(pageId: string, annotations?: Record<string, unknown>): Record<string, unknown> {
  return {
    object: "block",
    type: "to_do",
    to_do: { rich_text: [{ type: "mention", mention: { type: "page", page: { id: pageId } }, ...(annotations ? { annotations } : {}) }], checked: false },
  };
}

interface AnsweredMention {
  type: string;
  mention?: { type: string; page?: { id: string } };
  annotations: Record<string, unknown>;
  plain_text: string;
  href: string | null;
}

function richTextOf(block: object): AnsweredMention[] {
  const todo = "to_do" in block ? (block.to_do as { rich_text: AnsweredMention[] }) : undefined;
  if (!todo) throw new Error("not a to-do");
  return todo.rich_text;
}

async function appendOne(children: Record<string, unknown>[]): Promise<string> {
  // @ts-expect-error: loose block literals on purpose
  const answer = await notion.blocks.children.append({ block_id: planId, children });
  const id = answer.results[0]?.id;
  if (id === undefined) throw new Error("nothing appended");
  return id;
}

describe("page mentions in block rich text", () => {
  it("keeps a to-do's page mention and answers it complete, with the page's title and url", async () => {
    const blockId = await appendOne([todoMentioning(taskId.replace(/-/g, ""), { bold: true })]);
    const page = await notion.pages.retrieve({ page_id: taskId });
    const url = "url" in page ? page.url : "";
    const [item] = richTextOf(await notion.blocks.retrieve({ block_id: blockId }));
    expect(item).toEqual({
      type: "mention",
      mention: { type: "page", page: { id: taskId } },
      annotations: { bold: true, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
      plain_text: "召开教代会",
      href: url,
    });
    const listed = await notion.blocks.children.list({ block_id: planId });
    expect(richTextOf(listed.results[0] ?? {})[0]?.plain_text).toBe("召开教代会");
    expect(emulator.blocks(planId)).toEqual([{ id: blockId, type: "to_do", depth: 0, text: "召开教代会", checked: false }]);
  });

  it("shows the page's new title after a rename, with no write to the block", async () => {
    const blockId = await appendOne([todoMentioning(taskId)]);
    emulator.resetCounters();
    await notion.pages.update({ page_id: taskId, properties: { 任务: { title: text("召开第二届教代会") } } });
    const after = await notion.blocks.retrieve({ block_id: blockId });
    const [item] = richTextOf(after);
    expect(item?.plain_text).toBe("召开第二届教代会");
    expect(item?.href).toContain(taskId.replace(/-/g, ""));
    expect(item?.href).toContain("召开第二届教代会");
    // One write (the page's title); the block was only read.
    expect(emulator.counters.writes).toBe(1);
    expect(emulator.requestLog.filter((r) => r.wrote).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v1/pages/${taskId}`]);
    expect(emulator.blocks(planId)[0]?.text).toBe("召开第二届教代会");
    expect(emulator.snapshot().databases.flatMap((db) => db.dataSources.flatMap((ds) => ds.pages.flatMap((p) => p.body.map((b) => b.text))))).toEqual(["召开第二届教代会"]);
    // A person's rename in Notion shows the same way.
    emulator.editPage(taskId, { 任务: "教代会" });
    expect(richTextOf(await notion.blocks.retrieve({ block_id: blockId }))[0]?.plain_text).toBe("教代会");
  });

  it("takes mentions in pages.create children and in a block update", async () => {
    const page = await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: plansDs },
      properties: { 标题: { title: text("另一个计划") } },
      // @ts-expect-error: loose block literal
      children: [todoMentioning(taskId)],
    });
    expect(emulator.blocks(page.id)[0]?.text).toBe("召开教代会");
    const blockId = await appendOne([{ object: "block", type: "to_do", to_do: { rich_text: text("旧字"), checked: false } }]);
    await notion.blocks.update({ block_id: blockId, to_do: { rich_text: [{ type: "text", text: { content: "任务：" } }, { type: "mention", mention: { type: "page", page: { id: taskId } } }] } });
    expect(emulator.blocks(planId)[0]?.text).toBe("任务：召开教代会");
  });

  it("counts a mention as one item of the 100", async () => {
    const mentions = Array.from({ length: 100 }, () => ({ type: "mention", mention: { type: "page", page: { id: taskId } } }));
    await appendOne([{ object: "block", type: "paragraph", paragraph: { rich_text: mentions } }]);
    const error = await failure(appendOne([{ object: "block", type: "paragraph", paragraph: { rich_text: [...mentions, ...text("x")] } }]));
    expect(error.message).toContain("body.children[0].paragraph.rich_text.length should be ≤ `100`, instead was `101`");
  });

  it("refuses a page that does not exist or is not shared, with 400 validation_error", async () => {
    const unknown = "0123abcd-0123-4abc-8abc-0123456789ab";
    const missing = await failure(appendOne([todoMentioning(unknown)]));
    expect(missing.status).toBe(400);
    expect(missing.code).toBe(APIErrorCode.ValidationError);
    expect(missing.message).toContain(`Could not find page with ID: ${unknown}`);
    const hidden = emulator.seedPage({ title: "私人", shared: false });
    const unshared = await failure(appendOne([todoMentioning(hidden)]));
    expect(unshared.status).toBe(400);
    expect(unshared.code).toBe(APIErrorCode.ValidationError);
    expect(unshared.message).toContain(`Could not find page with ID: ${hidden}`);
    expect(emulator.blocks(planId)).toEqual([]);
  });

  it("refuses a malformed id and mentions of other types", async () => {
    const malformed = await failure(appendOne([todoMentioning("not-an-id")]));
    expect(malformed.status).toBe(400);
    expect(malformed.message).toBe('body failed validation: body.children[0].to_do.rich_text[0].mention.page.id should be a valid uuid, instead was `"not-an-id"`.');
    const others: Record<string, unknown>[] = [
      { type: "user", user: { id: emulator.token } },
      { type: "date", date: { start: "2026-03-01" } },
      { type: "database", database: { id: taskId } },
      { type: "link_preview", link_preview: { url: "https://example.com" } },
    ];
    for (const mention of others) {
      const error = await failure(appendOne([{ object: "block", type: "paragraph", paragraph: { rich_text: [{ type: "mention", mention }] } }]));
      expect(error.status).toBe(400);
      expect(error.code).toBe(APIErrorCode.ValidationError);
      expect(error.message).toContain(`mention.type should be "page" (the emulator takes only page mentions, not ${String(mention.type)} mentions)`);
    }
    expect(emulator.blocks(planId)).toEqual([]);
  });

  it("refuses mentions outside block rich text (titles and properties), saying so", async () => {
    const error = await failure(notion.pages.update({ page_id: planId, properties: { 学校: { rich_text: [{ type: "mention", mention: { type: "page", page: { id: taskId } } }] } } }));
    expect(error.status).toBe(400);
    expect(error.message).toContain("the emulator takes page mentions only in block rich text");
  });
});
