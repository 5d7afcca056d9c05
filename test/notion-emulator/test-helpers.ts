/** Shared set-up for the emulator's own tests: a real @notionhq/client over the emulator, a manual clock. */
import { APIResponseError, Client, LogLevel } from "@notionhq/client";
import type { Clock } from "../../notion-sync/clock";
import { createNotionEmulator, type NotionEmulator, type NotionEmulatorOptions } from "../../notion-emulator/index";

/** A clock that moves only when told: limiter arithmetic becomes exact. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start = Date.UTC(2026, 2, 1)): ManualClock {
  let now = start;
  let sleepers: { at: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ at: now + Math.max(0, ms), wake: resolve })),
    advance(ms) {
      now += ms;
      const due = sleepers.filter((s) => s.at <= now);
      sleepers = sleepers.filter((s) => s.at > now);
      for (const s of due) s.wake();
    },
  };
}

export function clientFor(emulator: NotionEmulator, options: { auth?: string; baseUrl?: string; overHttp?: boolean; retry?: boolean } = {}): Client {
  return new Client({
    auth: options.auth ?? emulator.token,
    ...(options.overHttp ? {} : { fetch: emulator.fetch }),
    baseUrl: options.baseUrl ?? emulator.baseUrl,
    // Retries off unless a test asks: each test states exactly which requests it expects.
    retry: options.retry === true ? { maxRetries: 5, initialRetryDelayMs: 1, maxRetryDelayMs: 5 } : false,
    logLevel: LogLevel.ERROR,
    logger: () => undefined,
  });
}

/** An emulator without a limiter (tests of other things should not meet 429s). */
export function quietEmulator(options: NotionEmulatorOptions = {}): NotionEmulator {
  return createNotionEmulator({ rateLimit: false, ...options });
}

/** Plans and tasks as the mirror lays them out, created through the client. */
export async function createPlanAndTaskDatabases(notion: Client, parentPageId: string): Promise<{ plansDs: string; tasksDs: string; tasksDb: string }> {
  const plans = await notion.databases.create({
    parent: { type: "page_id", page_id: parentPageId },
    title: [{ type: "text", text: { content: "工会工作计划" } }],
    initial_data_source: {
      properties: {
        标题: { type: "title", title: {} },
        学校: { type: "rich_text", rich_text: {} },
        审核状态: { type: "select", select: { options: [{ name: "草稿" }, { name: "待审核" }, { name: "已通过" }, { name: "需修改" }] } },
        任务数: { type: "number", number: { format: "number" } },
        同步键: { type: "rich_text", rich_text: {} },
      },
    },
  });
  const plansDs = firstDataSource(plans);
  const tasks = await notion.databases.create({
    parent: { type: "page_id", page_id: parentPageId },
    title: [{ type: "text", text: { content: "行事历任务" } }],
    initial_data_source: {
      properties: {
        任务: { type: "title", title: {} },
        月份: { type: "date", date: {} },
        计划: { type: "relation", relation: { data_source_id: plansDs, type: "single_property", single_property: {} } },
        完成: { type: "checkbox", checkbox: {} },
        负责人: { type: "rich_text", rich_text: {} },
        同步键: { type: "rich_text", rich_text: {} },
        来源: { type: "url", url: {} },
      },
    },
  });
  return { plansDs, tasksDs: firstDataSource(tasks), tasksDb: tasks.id };
}

export function text(content: string): { type: "text"; text: { content: string } }[] {
  return [{ type: "text", text: { content } }];
}

/** The first data source id of a database answer (the client types a partial answer without it). */
export function firstDataSource(database: object): string {
  const list = "data_sources" in database ? (database.data_sources as { id: string }[]) : [];
  const id = list[0]?.id;
  if (id === undefined) throw new Error("database has no data source");
  return id;
}

/** The APIResponseError a request fails with (the test fails if it succeeds or fails otherwise). */
export async function failure(promise: Promise<unknown>): Promise<APIResponseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIResponseError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

/** Lets the event loop run until `condition` holds (at most `turns` turns). */
export async function until(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error("condition never held");
}
