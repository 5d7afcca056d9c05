/**
 * The plugin build enters mammoth through its raw-text reader only (plugin/docx/mammoth-raw-text.ts),
 * swaps mammoth's zip and XML-writer dependencies, and xmldom's HTML entity table, for small stand-ins, and takes underscore's minified UMD build (esbuild.config.mjs). Bundled the same way, extractRawText still reads
 * a .docx, XML entities included: the swapped XML writer and HTML table are never reached when reading.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import esbuild, { type Plugin } from "esbuild";
import { expect, it } from "vitest";
import { makeDocx } from "./docx-fixture";

it("mammoth bundled with the plugin's stand-ins reads a .docx", async () => {
  const root = join(__dirname, "..", "..");
  // As esbuild.config.mjs does: xmldom's ./entities becomes plugin/docx/xml-entities.ts.
  const xmldomEntities: Plugin = {
    name: "xmldom-entities",
    setup(build) {
      build.onResolve({ filter: /^\.\/entities(\.js)?$/ }, (args) =>
        args.importer.includes(`${sep}@xmldom${sep}xmldom${sep}`) ? { path: join(root, "plugin/docx/xml-entities.ts") } : undefined,
      );
    },
  };
  const out = await esbuild.build({
    stdin: { contents: 'module.exports = require("./plugin/docx/mammoth-raw-text.ts").extractRawText;', resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    format: "cjs",
    platform: "browser",
    mainFields: ["browser", "module", "main"],
    alias: { jszip: "./plugin/docx/jszip-lite.ts", xmlbuilder: "./plugin/docx/xmlbuilder-stub.ts", underscore: "./node_modules/underscore/underscore-umd-min.js" },
    plugins: [xmldomEntities],
    logLevel: "silent",
  });
  const code = out.outputFiles[0]?.text ?? "";
  expect(code).not.toContain("XMLBuilder");
  // The raw-text entry leaves mammoth's HTML writer and style-map parser out.
  expect(code).not.toContain("DocumentConverter");
  expect(code).not.toContain("zigrarr");
  const file = join(mkdtempSync(join(tmpdir(), "union-plan-docx-")), "bundle.cjs");
  writeFileSync(file, code);
  const extractRawText = createRequire(file)(file) as (input: { arrayBuffer: ArrayBuffer }) => Promise<{ value: string }>;
  const result = await extractRawText({ arrayBuffer: await makeDocx(["工会工作计划", "三月份：教工运动会", "四月份：“读书 & 分享” <会>"]) });
  expect(result.value).toContain("三月份：教工运动会");
  // Written as &amp; &lt; &gt; in the document's XML, read back as the characters.
  expect(result.value).toContain("四月份：“读书 & 分享” <会>");
}, 60_000);
