/** The same emulator over real HTTP on 127.0.0.1, through @notionhq/client with Node's own fetch. */
import { APIErrorCode, isHTTPResponseError } from "@notionhq/client";
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createNotionEmulator, type ListeningServer, type NotionEmulator } from "../../notion-emulator/index";
import { clientFor, createPlanAndTaskDatabases, failure, text, until } from "./test-helpers";

let emulator: NotionEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(): Promise<{ emulator: NotionEmulator; server: ListeningServer }> {
  emulator = createNotionEmulator({ rateLimit: false });
  const server = await emulator.listen();
  return { emulator, server };
}

describe("HTTP server", () => {
  it("serves set-up, create and query over HTTP, sharing its store with the in-process fetch", async () => {
    const { emulator, server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const overHttp = clientFor(emulator, { overHttp: true, baseUrl: server.url });
    const parent = emulator.seedPage({ title: "工会" });
    const { tasksDs } = await createPlanAndTaskDatabases(overHttp, parent);
    await overHttp.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: { 任务: { title: text("工会小组长会议") }, 同步键: { rich_text: text("t-x81q") } } });

    const inProcess = clientFor(emulator);
    const found = await inProcess.dataSources.query({ data_source_id: tasksDs, filter: { property: "同步键", rich_text: { equals: "t-x81q" } } });
    expect(found.results).toHaveLength(1);
    expect(emulator.requestLog.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/, "{id}")} ${e.status}`)).toEqual([
      "POST /v1/databases 200",
      "POST /v1/databases 200",
      "POST /v1/pages 200",
      "POST /v1/data_sources/{id}/query 200",
    ]);
  });

  it("answers 401 and 404 over HTTP as in process", async () => {
    const { emulator, server } = await start();
    const wrong = await failure(clientFor(emulator, { overHttp: true, baseUrl: server.url, auth: "secret_wrong" }).users.me({}));
    expect(wrong.status).toBe(401);
    const hidden = emulator.seedPage({ shared: false });
    const notFound = await failure(clientFor(emulator, { overHttp: true, baseUrl: server.url }).pages.retrieve({ page_id: hidden }));
    expect(notFound.code).toBe(APIErrorCode.ObjectNotFound);
  });

  it("drops the connection for a reset fault and applies a lost-response write", async () => {
    const { emulator, server } = await start();
    const notion = clientFor(emulator, { overHttp: true, baseUrl: server.url });
    const { tasksDs } = await createPlanAndTaskDatabases(notion, emulator.seedPage());
    emulator.faults.failNext("lost-reset");
    const error: unknown = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(emulator.pages(tasksDs)).toHaveLength(1);
    emulator.faults.failNext("lost-502");
    const bad: unknown = await notion.pages.create({ parent: { type: "data_source_id", data_source_id: tasksDs }, properties: {} }).catch((e: unknown) => e);
    expect(isHTTPResponseError(bad) && bad.status).toBe(502);
    expect(emulator.pages(tasksDs)).toHaveLength(2);
  });

  it("ends a hanging request when the client gives up", async () => {
    const { emulator, server } = await start();
    emulator.faults.failNext("timeout");
    // A bare node:http request that hangs up once the emulator holds it (the client library cannot abort).
    const req = request(`${server.url}/v1/users/me`, { headers: { authorization: `Bearer ${emulator.token}`, "notion-version": "2025-09-03" } });
    let answered = false;
    req.on("response", () => {
      answered = true;
    });
    req.on("error", () => undefined);
    req.end();
    await until(() => emulator.requestLog[0]?.fault === "timeout");
    req.destroy();
    await until(() => emulator.requestLog.length === 1 && emulator.requestLog[0]?.status === 0);
    expect(emulator.requestLog[0]).toMatchObject({ fault: "timeout", status: 0, wrote: false });
    expect(answered).toBe(false);
  });
});
