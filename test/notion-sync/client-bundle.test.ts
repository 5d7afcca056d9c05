/**
 * The mirror imports the Notion client's own CommonJS module (notion-sync/client.ts). Bundled as
 * the plugin (browser platform) and as the CLI (Node) are, it still makes a working client: the
 * two read the module's `default` differently, and both are handled.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import esbuild from "esbuild";
import { expect, it } from "vitest";

it.each(["browser", "node"] as const)("a client made from the %s bundle has the endpoints the sync calls", async (platform) => {
  const root = join(__dirname, "..", "..");
  const out = await esbuild.build({
    stdin: { contents: 'module.exports = require("./notion-sync/client").createNotionClient;', resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    format: "cjs",
    platform,
    ...(platform === "browser" ? { mainFields: ["browser", "module", "main"] } : {}),
    logLevel: "silent",
  });
  const file = join(mkdtempSync(join(tmpdir(), "union-plan-client-")), "bundle.cjs");
  writeFileSync(file, out.outputFiles[0]?.text ?? "");
  const create = createRequire(file)(file) as (o: unknown) => { client: { users: { list: unknown }; pages: { create: unknown }; comments: { create: unknown } } };
  const { client } = create({ token: "secret_test", fetch: () => Promise.resolve(new Response("{}")), clock: { now: () => 0, sleep: () => Promise.resolve() } });
  expect([typeof client.users.list, typeof client.pages.create, typeof client.comments.create]).toEqual(["function", "function", "function"]);
}, 60_000);
