/**
 * The plugin build swaps mammoth's zip and XML-writer dependencies for small stand-ins
 * (esbuild.config.mjs). Bundled the same way, extractRawText still reads a .docx: the swapped
 * XML writer is never reached when reading.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import esbuild from "esbuild";
import { expect, it } from "vitest";
import { makeDocx } from "./docx-fixture";

it("mammoth bundled with the plugin's stand-ins reads a .docx", async () => {
  const root = join(__dirname, "..", "..");
  const out = await esbuild.build({
    stdin: { contents: 'module.exports = require("mammoth").extractRawText;', resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    format: "cjs",
    platform: "browser",
    mainFields: ["browser", "module", "main"],
    alias: { jszip: "./plugin/docx/jszip-lite.ts", xmlbuilder: "./plugin/docx/xmlbuilder-stub.ts" },
    logLevel: "silent",
  });
  const code = out.outputFiles[0]?.text ?? "";
  expect(code).not.toContain("XMLBuilder");
  const file = join(mkdtempSync(join(tmpdir(), "union-plan-docx-")), "bundle.cjs");
  writeFileSync(file, code);
  const extractRawText = createRequire(file)(file) as (input: { arrayBuffer: ArrayBuffer }) => Promise<{ value: string }>;
  const result = await extractRawText({ arrayBuffer: await makeDocx(["工会工作计划", "三月份：教工运动会"]) });
  expect(result.value).toContain("三月份：教工运动会");
}, 60_000);
