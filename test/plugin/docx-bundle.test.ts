/**
 * The plugin build enters mammoth through its raw-text reader only (plugin/docx/mammoth-raw-text.ts),
 * swaps mammoth's zip, XML-writer and XML-parser dependencies for small stand-ins, and takes
 * underscore's minified UMD build (esbuild.config.mjs). Bundled the same way, extractRawText still
 * reads a .docx, XML entities included: the swapped XML writer is never reached when reading.
 *
 * The XML parser stand-in is the platform's DOMParser, which Node lacks: here xmldom's DOMParser
 * (what mammoth used) plays the platform's part; test/browser/docx-import.test.ts reads the same
 * bundle with Chromium's own.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import esbuild from "esbuild";
import { afterEach, expect, it } from "vitest";
import { makeDocx } from "./docx-fixture";
import { docxBundleOptions } from "./docx-bundle";

// xmldom is mammoth's own dependency: taken from where mammoth finds it.
const fromMammoth = createRequire(createRequire(import.meta.url).resolve("mammoth/package.json"));
const XmldomParser = (fromMammoth("@xmldom/xmldom") as { DOMParser: unknown }).DOMParser;
const scope = globalThis as { DOMParser?: unknown };
afterEach(() => {
  delete scope.DOMParser;
});

it("mammoth bundled with the plugin's stand-ins reads a .docx", async () => {
  const root = join(__dirname, "..", "..");
  const out = await esbuild.build(docxBundleOptions(root));
  const code = out.outputFiles[0]?.text ?? "";
  expect(code).not.toContain("XMLBuilder");
  // The raw-text entry leaves mammoth's HTML writer and style-map parser out.
  expect(code).not.toContain("DocumentConverter");
  expect(code).not.toContain("zigrarr");
  // No XML parser of its own: the platform's serves.
  expect(code).not.toContain("DOMImplementation");
  const file = join(mkdtempSync(join(tmpdir(), "union-plan-docx-")), "bundle.cjs");
  writeFileSync(file, code);
  scope.DOMParser = XmldomParser;
  const extractRawText = createRequire(file)(file) as (input: { arrayBuffer: ArrayBuffer }) => Promise<{ value: string }>;
  const result = await extractRawText({ arrayBuffer: await makeDocx(["工会工作计划", "三月份：教工运动会", "四月份：“读书 & 分享” <会>"]) });
  expect(result.value).toContain("三月份：教工运动会");
  // Written as &amp; &lt; &gt; in the document's XML, read back as the characters.
  expect(result.value).toContain("四月份：“读书 & 分享” <会>");
}, 60_000);
