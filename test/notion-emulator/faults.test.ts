/** Seeded fault injection: 5xx before applying, hangs, dropped connections and lost responses after applying. */
import { APIErrorCode, isHTTPResponseError, type Client } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import { createNotionEmulator, type FaultKind, type NotionEmulator } from "../../notion-emulator/index";
import { clientFor, createPlanAndTaskDatabases, manualClock, quietEmulator, text, until } from "./test-helpers";

/** Runs the same 60 requests (reads and writes) and returns what each one met. */
async function scriptedRun(seed: number): Promise<string[]> {
  const emulator = quietEmulator({ faults: { rate: 0.3, seed, kinds: ["429", "500", "502", "503", "504", "reset", "lost-502", "lost-reset"] } });
  const notion = clientFor(emulator);
  emulator.faults.disable();
  const { tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
  emulator.faults.enable();
  for (let i = 0; i < 60; i++) {
    const request =
      i % 3 === 0
        ? notion.users.me({})
        : i % 3 === 1
          ? notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 同步键: { rich_text: text(`t-${i}`) } } })
          : notion.dataSources.query({ data_source_id: tasksDs, page_size: 10 });
    await request.catch(() => undefined);
  }
  return emulator.requestLog.filter((e) => e.path !== "/v1/databases").map((e) => `${e.method} ${e.status} ${e.fault ?? "-"} ${e.wrote ? "w" : ""}`);
}

async function tasksSetup(): Promise<{ emulator: NotionEmulator; notion: Client; tasksDs: string }> {
  const emulator = quietEmulator();
  const notion = clientFor(emulator);
  const { tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
  return { emulator, notion, tasksDs };
}

function createTask(notion: Client, tasksDs: string, key: string): Promise<unknown> {
  return notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 任务: { title: text(key) }, 同步键: { rich_text: text(key) } } });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

describe("determinism", () => {
  it("fails the same requests the same way for the same seed, and differently for another", async () => {
    const a = await scriptedRun(42);
    const b = await scriptedRun(42);
    const c = await scriptedRun(43);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const faults = a.filter((line) => !line.includes(" - "));
    // About 30 % of 60 requests.
    expect(faults.length).toBeGreaterThan(8);
    expect(faults.length).toBeLessThan(30);
  });

  it("draws nothing while disabled, and fails only the methods and paths in scope", async () => {
    const emulator = quietEmulator({ faults: { rate: 1, kinds: ["503"], methods: ["PATCH"], paths: ["/v1/pages/"] } });
    const notion = clientFor(emulator);
    const { plansDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    const page = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: plansDs }, properties: {} });
    await notion.pages.retrieve({ page_id: page.id });
    const error = await rejection(notion.pages.update({ page_id: page.id, properties: { 学校: { rich_text: text("x") } } }));
    expect(isHTTPResponseError(error) && error.status).toBe(503);
    expect(isHTTPResponseError(error) && error.code).toBe(APIErrorCode.ServiceUnavailable);
    expect(emulator.page(page.id)?.properties["学校"]).toBe("");
    emulator.faults.disable();
    expect(emulator.faults.enabled).toBe(false);
    await notion.pages.update({ page_id: page.id, properties: { 学校: { rich_text: text("x") } } });
    expect(emulator.counters.faults).toBe(1);
  });
});

describe("lost responses", () => {
  it("applies a create whose answer is lost as a 502, so the page exists though the caller saw a failure", async () => {
    const { emulator, notion, tasksDs } = await tasksSetup();
    emulator.faults.failNext("lost-502", { methods: ["POST"], paths: ["/v1/pages"] });
    const error = await rejection(createTask(notion, tasksDs, "t-1"));
    expect(isHTTPResponseError(error) && error.status).toBe(502);
    expect(emulator.pages(tasksDs).map((p) => p.properties["同步键"])).toEqual(["t-1"]);
    expect(emulator.requestLog.at(-1)).toMatchObject({ method: "POST", path: "/v1/pages", status: 502, wrote: true, fault: "lost-502" });
    // Checking by 同步键 before retrying finds it: no duplicate.
    const found = await notion.dataSources.query({ data_source_id: tasksDs, filter: { property: "同步键", rich_text: { equals: "t-1" } } });
    expect(found.results).toHaveLength(1);
  });

  it("applies the write, then drops the connection (fetch rejects with TypeError)", async () => {
    const { emulator, notion, tasksDs } = await tasksSetup();
    emulator.faults.failNext("lost-reset");
    const error = await rejection(createTask(notion, tasksDs, "t-2"));
    expect(error).toBeInstanceOf(TypeError);
    expect(emulator.pages(tasksDs)).toHaveLength(1);
    expect(emulator.requestLog.at(-1)).toMatchObject({ status: 0, wrote: true, fault: "lost-reset" });
  });

  it("applies the write, then hangs until the caller aborts", async () => {
    const { emulator, tasksDs } = await tasksSetup();
    emulator.faults.failNext("lost-hang");
    const controller = new AbortController();
    const pending = emulator.fetch(`${emulator.baseUrl}/v1/pages`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.token}`, "notion-version": "2025-09-03", "content-type": "application/json" },
      body: JSON.stringify({ parent: { data_source_id: tasksDs }, properties: { 同步键: { rich_text: text("t-3") } } }),
      signal: controller.signal,
    });
    await until(() => emulator.requestLog.at(-1)?.wrote === true);
    controller.abort();
    const error = await rejection(pending);
    expect((error as Error).name).toBe("AbortError");
    expect(emulator.pages(tasksDs)).toHaveLength(1);
  });
});

describe("failures before applying", () => {
  it.each<[FaultKind, number]>([
    ["500", 500],
    ["502", 502],
    ["503", 503],
    ["504", 504],
    ["429", 429],
    ["529", 529],
  ])("%s changes nothing and answers %i", async (kind, status) => {
    const { emulator, notion, tasksDs } = await tasksSetup();
    emulator.faults.failNext(kind);
    const error = await rejection(createTask(notion, tasksDs, "t-4"));
    expect(isHTTPResponseError(error) && error.status).toBe(status);
    if (kind === "429" || kind === "529") expect(isHTTPResponseError(error) && (error.headers as Headers).get("retry-after")).toBe("1");
    expect(emulator.pages(tasksDs)).toHaveLength(0);
    expect(emulator.requestLog.at(-1)).toMatchObject({ wrote: false, fault: kind });
  });

  it("a dropped connection changes nothing", async () => {
    const { emulator, notion, tasksDs } = await tasksSetup();
    emulator.faults.failNext("reset");
    expect(await rejection(createTask(notion, tasksDs, "t-5"))).toBeInstanceOf(TypeError);
    expect(emulator.pages(tasksDs)).toHaveLength(0);
  });

  it("a timeout hangs until the configured delay passes, then answers 504, having changed nothing", async () => {
    const clock = manualClock();
    const emulator = createNotionEmulator({ clock, rateLimit: false, faults: { rate: 0, hangMs: 30_000 } });
    const notion = clientFor(emulator);
    const { tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    emulator.faults.failNext("timeout");
    let settled = false;
    const pending = rejection(createTask(notion, tasksDs, "t-6")).finally(() => {
      settled = true;
    });
    await until(() => emulator.requestLog.at(-1)?.fault === "timeout");
    clock.advance(29_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    clock.advance(1_000);
    const error = await pending;
    expect(isHTTPResponseError(error) && error.status).toBe(504);
    expect(emulator.pages(tasksDs)).toHaveLength(0);
  });

  it("close() ends every hanging request", async () => {
    const { emulator, notion } = await tasksSetup();
    emulator.faults.failNext("timeout");
    const pending = rejection(notion.users.me({}));
    await until(() => emulator.requestLog.at(-1)?.fault === "timeout");
    await emulator.close();
    const error = await pending;
    expect(isHTTPResponseError(error) && error.status).toBe(504);
  });
});
