/** dataSources.query with the mirror's filters, sorts and cursors; block children pages. */
import { APIErrorCode, type Client } from "@notionhq/client";
import { beforeEach, describe, expect, it } from "vitest";
import type { NotionEmulator } from "../../notion-emulator/index";
import { clientFor, createPlanAndTaskDatabases, failure, manualClock, quietEmulator, text } from "./test-helpers";

let emulator: NotionEmulator;
let notion: Client;
let tasksDs: string;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  clock = manualClock();
  emulator = quietEmulator({ clock });
  notion = clientFor(emulator);
  ({ tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage()));
});

async function addTasks(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const page = await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: tasksDs },
      properties: {
        任务: { title: text(`任务${i}`) },
        同步键: { rich_text: text(`t-${i}`) },
        完成: { checkbox: i % 3 === 0 },
        月份: { date: { start: `2027-${String((i % 12) + 1).padStart(2, "0")}-01` } },
      },
    });
    ids.push(page.id);
  }
  return ids;
}

function keysOf(results: unknown[]): string[] {
  return results.map((page) => {
    const p = page as { properties: Record<string, { rich_text?: { plain_text: string }[] }> };
    return p.properties["同步键"]?.rich_text?.map((r) => r.plain_text).join("") ?? "";
  });
}

describe("filters", () => {
  it("finds a page by rich_text equals on 同步键 (how lost sync state is rebuilt)", async () => {
    const ids = await addTasks(10);
    const found = await notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "同步键", rich_text: { equals: "t-7" } } });
    expect(found.results.map((r) => r.id)).toEqual([ids[7]]);
    const none = await notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "同步键", rich_text: { equals: "t-77" } } });
    expect(none.results).toEqual([]);
  });

  it("filters by title equals, checkbox equals, and their and / or", async () => {
    await addTasks(9);
    const byTitle = await notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "任务", title: { equals: "任务4" } } });
    expect(keysOf(byTitle.results)).toEqual(["t-4"]);
    const done = await notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "完成", checkbox: { equals: true } } });
    expect(keysOf(done.results)).toEqual(["t-0", "t-3", "t-6"]);
    const either = await notion.dataSources.query({
      data_source_id: tasksDs,
      filter: { or: [{ property: "同步键", rich_text: { equals: "t-1" } }, { property: "同步键", rich_text: { equals: "t-2" } }] },
    });
    expect(keysOf(either.results)).toEqual(["t-1", "t-2"]);
    const both = await notion.dataSources.query({
      data_source_id: tasksDs,
      filter: { and: [{ property: "完成", checkbox: { equals: true } }, { or: [{ property: "任务", title: { equals: "任务3" } }, { property: "任务", title: { equals: "任务4" } }] }] },
    });
    expect(keysOf(both.results)).toEqual(["t-3"]);
  });

  it("filters by last_edited_time, so edits made in Notion since a sync can be found", async () => {
    const ids = await addTasks(3);
    clock.advance(5 * 60_000);
    const since = new Date(clock.now()).toISOString();
    emulator.editPage(ids[1] ?? "", { 完成: true });
    const changed = await notion.dataSources.query({ data_source_id: tasksDs, filter: { timestamp: "last_edited_time", last_edited_time: { on_or_after: since } } });
    expect(changed.results.map((r) => r.id)).toEqual([ids[1]]);
    // Notion keeps whole minutes: an edit later in the same minute is not "after" that minute's start + 30 s.
    clock.advance(60_000);
    const halfMinute = new Date(clock.now() + 30_000).toISOString();
    clock.advance(45_000);
    emulator.editPage(ids[2] ?? "", { 完成: true });
    const after = await notion.dataSources.query({ data_source_id: tasksDs, filter: { timestamp: "last_edited_time", last_edited_time: { after: halfMinute } } });
    expect(after.results).toEqual([]);
  });

  it("refuses a filter on a property that does not exist or of the wrong type", async () => {
    const missing = await failure(notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "不存在", rich_text: { equals: "x" } } }));
    expect(missing.code).toBe(APIErrorCode.ValidationError);
    expect(missing.message).toBe("Could not find property with name or id: 不存在");
    const wrong = await failure(notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "完成", rich_text: { equals: "x" } } }));
    expect(wrong.code).toBe(APIErrorCode.ValidationError);
  });
});

describe("pagination", () => {
  it("walks 250 pages with start_cursor / next_cursor / has_more, each exactly once", async () => {
    await addTasks(250);
    const seen: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page = await notion.dataSources.query({ data_source_id: tasksDs, page_size: 100, start_cursor: cursor });
      seen.push(...keysOf(page.results));
      expect(page.has_more).toBe(page.next_cursor !== null);
      cursor = page.next_cursor ?? undefined;
      calls++;
    } while (cursor);
    expect(calls).toBe(3);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `t-${i}`));
  });

  it("pages a filtered query and keeps its place when the cursor's page stops matching", async () => {
    await addTasks(30);
    const filter = { property: "完成", checkbox: { equals: false } } as const;
    const first = await notion.dataSources.query({ data_source_id: tasksDs, filter, page_size: 5 });
    expect(keysOf(first.results)).toEqual(["t-1", "t-2", "t-4", "t-5", "t-7"]);
    const cursor = first.next_cursor ?? "";
    // The page the cursor points at (t-8) is ticked in Notion before the next call.
    emulator.editPage(cursor, { 完成: true });
    const second = await notion.dataSources.query({ data_source_id: tasksDs, filter, page_size: 5, start_cursor: cursor });
    expect(keysOf(second.results)).toEqual(["t-10", "t-11", "t-13", "t-14", "t-16"]);
  });

  it("sorts by a property, and refuses page_size over 100 and a cursor it never gave", async () => {
    await addTasks(5);
    const sorted = await notion.dataSources.query({ data_source_id: tasksDs, sorts: [{ property: "同步键", direction: "descending" }] });
    expect(keysOf(sorted.results)).toEqual(["t-4", "t-3", "t-2", "t-1", "t-0"]);
    const big = await failure(notion.dataSources.query({ data_source_id: tasksDs, page_size: 101 }));
    expect(big.message).toBe("body failed validation: body.page_size should be ≤ `100`, instead was `101`.");
    const bogus = await failure(notion.dataSources.query({ data_source_id: tasksDs, start_cursor: "not-a-cursor" }));
    expect(bogus.code).toBe(APIErrorCode.ValidationError);
  });

  it("lists block children in pages of at most 100 and appends after a given block", async () => {
    const page = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: {} });
    for (let round = 0; round < 3; round++) {
      const children = Array.from({ length: 100 }, (_, i) => ({ paragraph: { rich_text: text(`${round * 100 + i}`) } }));
      await notion.blocks.children.append({ block_id: page.id, children });
    }
    const texts: string[] = [];
    let cursor: string | undefined;
    do {
      const list = await notion.blocks.children.list({ block_id: page.id, start_cursor: cursor });
      for (const block of list.results) {
        if ("type" in block && block.type === "paragraph") texts.push(block.paragraph.rich_text.map((r) => r.plain_text).join(""));
      }
      cursor = list.next_cursor ?? undefined;
    } while (cursor);
    expect(texts).toEqual(Array.from({ length: 300 }, (_, i) => String(i)));

    // A cursor whose block was deleted in Notion meanwhile still continues where it was.
    const firstPage = await notion.blocks.children.list({ block_id: page.id, page_size: 10 });
    emulator.editBlock(firstPage.next_cursor ?? "", { inTrash: true });
    const secondPage = await notion.blocks.children.list({ block_id: page.id, page_size: 3, start_cursor: firstPage.next_cursor ?? undefined });
    expect(secondPage.results.map((b) => ("type" in b && b.type === "paragraph" ? b.paragraph.rich_text[0]?.plain_text : ""))).toEqual(["11", "12", "13"]);

    const firstId = emulator.blocks(page.id)[0]?.id ?? "";
    await notion.blocks.children.append({ block_id: page.id, position: { type: "after_block", after_block: { id: firstId } }, children: [{ to_do: { rich_text: text("插入"), checked: true } }] });
    expect(emulator.blocks(page.id).slice(0, 3).map((b) => [b.type, b.text, b.checked])).toEqual([
      ["paragraph", "0", undefined],
      ["to_do", "插入", true],
      ["paragraph", "1", undefined],
    ]);
  });
});
