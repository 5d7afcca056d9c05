/**
 * The emulator over real HTTP on 127.0.0.1 (node:http), for the CLI, the bench and anyone who wants
 * the network in the loop. Same pipeline and store as the in-process fetch. A hanging request ends
 * when the client hangs up; a "reset" fault destroys the socket.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handle, type PipelineState } from "./pipeline";
import type { ListeningServer } from "./types";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function serve(state: PipelineState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  const body = await readBody(req);
  // The client hanging up is this transport's AbortSignal.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableEnded) controller.abort(new Error("client closed the connection"));
  });
  const outcome = await handle(state, { method: req.method ?? "GET", url: req.url ?? "/", headers, body: body === "" ? undefined : body, signal: controller.signal });
  if (outcome.kind === "reset") {
    req.socket.destroy();
    return;
  }
  if (outcome.kind === "aborted") return;
  res.writeHead(outcome.status, outcome.headers);
  res.end(outcome.body);
}

export function listenHttp(state: PipelineState, port = 0): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    serve(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "error", status: 500, code: "internal_server_error", message: String(error) }));
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
