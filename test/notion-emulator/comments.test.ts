/** Comments: page and block discussions, replies, resolve, named authors, limits and the capability check. */
import type { Client } from "@notionhq/client";
import { beforeEach, describe, expect, it } from "vitest";
import type { NotionEmulator } from "../../notion-emulator/index";
import { clientFor, createPlanAndTaskDatabases, failure, manualClock, quietEmulator, text } from "./test-helpers";

let emulator: NotionEmulator;
let notion: Client;
let planId: string;

beforeEach(async () => {
  emulator = quietEmulator();
  notion = clientFor(emulator);
  const { plansDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
  planId = (await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: { 标题: { title: text("计划") } }, children: [{ type: "to_do", to_do: { rich_text: text("召开教代会"), checked: false } }] })).id;
});

const texts = (list: { results: Array<{ rich_text: Array<{ plain_text: string }> }> }): string[] => list.results.map((c) => c.rich_text.map((r) => r.plain_text).join(""));

describe("comments", () => {
  it("lists a reviewer's page discussion with the author's name, and a reply posted to it", async () => {
    const discussion = emulator.comment(planId, "请补充经费预算", { as: "李审核" });
    const first = await notion.comments.list({ block_id: planId });
    expect(texts(first)).toEqual(["请补充经费预算"]);
    const c = first.results[0] as unknown as { discussion_id: string; display_name: { resolved_name: string }; parent: { type: string } };
    expect(c.discussion_id).toBe(discussion);
    expect(c.display_name.resolved_name).toBe("李审核");
    expect(c.parent.type).toBe("page_id");
    await notion.comments.create({ discussion_id: discussion, rich_text: text("已补充") });
    expect(texts(await notion.comments.list({ block_id: planId }))).toEqual(["请补充经费预算", "已补充"]);
    expect(emulator.comments(planId).map((x) => [x.author, x.byIntegration])).toEqual([
      ["李审核", false],
      ["union-plan", true],
    ]);
  });

  it("keeps block discussions apart from the page's, and leaves resolved ones out", async () => {
    const block = emulator.blocks(planId)[0]?.id ?? "";
    const onBlock = emulator.comment(block, "日期对吗？");
    emulator.comment(planId, "整体可以");
    expect(texts(await notion.comments.list({ block_id: planId }))).toEqual(["整体可以"]);
    expect(texts(await notion.comments.list({ block_id: block }))).toEqual(["日期对吗？"]);
    emulator.resolveDiscussion(onBlock);
    expect(texts(await notion.comments.list({ block_id: block }))).toEqual([]);
    expect(emulator.comments(block)[0]?.resolved).toBe(true);
  });

  it("starts a page discussion with parent.page_id and pages the list with cursors (page_size ≤ 100)", async () => {
    for (let i = 0; i < 5; i++) await notion.comments.create({ parent: { page_id: planId }, rich_text: text(`意见${i}`) });
    const first = await notion.comments.list({ block_id: planId, page_size: 2 });
    expect(texts(first)).toEqual(["意见0", "意见1"]);
    expect(first.has_more).toBe(true);
    const second = await notion.comments.list({ block_id: planId, page_size: 2, start_cursor: first.next_cursor ?? undefined });
    expect(texts(second)).toEqual(["意见2", "意见3"]);
    expect((await failure(notion.comments.list({ block_id: planId, page_size: 101 }))).code).toBe("validation_error");
  });

  it("refuses text over 2,000 characters, an unknown discussion and a page not shared", async () => {
    expect((await failure(notion.comments.create({ parent: { page_id: planId }, rich_text: text("字".repeat(2001)) }))).code).toBe("validation_error");
    expect((await failure(notion.comments.create({ discussion_id: "0000000000000000000000000000abcd", rich_text: text("回复") }))).code).toBe("object_not_found");
    const hidden = emulator.seedPage({ title: "私人", shared: false });
    expect((await failure(notion.comments.list({ block_id: hidden }))).code).toBe("object_not_found");
  });

  it("answers 403 restricted_resource without the comment capabilities", async () => {
    emulator.setCapabilities({ readComments: false, insertComments: false });
    expect((await failure(notion.comments.list({ block_id: planId }))).status).toBe(403);
    const refused = await failure(notion.comments.create({ parent: { page_id: planId }, rich_text: text("意见") }));
    expect([refused.status, refused.code]).toEqual([403, "restricted_resource"]);
    expect(emulator.comments(planId)).toEqual([]);
  });

  it("moves the page's last_edited_time only when told a comment does", async () => {
    const clock = manualClock();
    const e = quietEmulator({ clock });
    const page = e.seedPage({ title: "计划" });
    const before = e.page(page)?.lastEditedTime;
    clock.advance(120_000);
    e.comment(page, "一");
    expect(e.page(page)?.lastEditedTime).toBe(before);
    e.comment(page, "二", { touchesPage: true });
    expect(e.page(page)?.lastEditedTime).not.toBe(before);
    await e.close();
  });
});
