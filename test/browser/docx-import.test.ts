/**
 * Importing a .docx in real Chromium, through mammoth bundled as main.js bundles it: with the
 * browser's own DOMParser in place of xmldom (plugin/docx/platform-xml.ts) and its
 * DecompressionStream under the zip reader. The text must be what the Node test reads with xmldom
 * (test/plugin/docx-bundle.test.ts), and a malformed document must fail loudly, never read empty.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from "./harness";
import { docxBundleOptions } from "../plugin/docx-bundle";
import { docxWithDocument, makeDocx } from "../plugin/docx-fixture";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** extractRawText on the page; the .docx crosses over as base64. Resolves to the text, or to "error: …". */
function readInPage(page: Page, docx: ArrayBuffer): Promise<string> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const reader = (window as unknown as { docxReader: { extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }> } }).docxReader;
    try {
      return (await reader.extractRawText({ arrayBuffer: bytes.buffer })).value;
    } catch (error) {
      return `error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }, Buffer.from(docx).toString("base64"));
}

describe.skipIf(!chromiumAvailable())(".docx import with the browser's own XML parser, in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const out = await esbuild.build(docxBundleOptions(process.cwd(), "docxReader"));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: out.outputFiles[0]?.text ?? "" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("reads a plan's paragraphs, entities decoded, as the Node build with xmldom does", async () => {
    const text = await readInPage(page, await makeDocx(["工会工作计划", "三月份：教工运动会", "四月份：“读书 & 分享” <会>"]));
    expect(text).toBe("工会工作计划\n\n三月份：教工运动会\n\n四月份：“读书 & 分享” <会>\n\n");
  });

  it("reads every run of a paragraph, keeps its tabs, and starts a new line at a line break", async () => {
    const body = `<w:p><w:r><w:t>五月份</w:t></w:r><w:r><w:tab/><w:t>教工</w:t></w:r><w:r><w:t xml:space="preserve"> 登山</w:t><w:br/><w:t>（负责人：李）</w:t></w:r></w:p>`;
    const text = await readInPage(page, await docxWithDocument(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`));
    expect(text).toBe("五月份\t教工 登山\n（负责人：李）\n\n");
  });

  it("fails with the parser's message on a malformed document, instead of reading it as empty", async () => {
    const text = await readInPage(page, await docxWithDocument(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>三月份</w:r></w:p></w:body></w:document>`));
    expect(text).toMatch(/^error: /);
  });
});
