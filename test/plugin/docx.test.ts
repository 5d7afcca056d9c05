// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { Modal } from "../fakes/obsidian";
import { JSZipLite, loadAsync } from "../../plugin/docx/jszip-lite";
import { ImportModal } from "../../plugin/commands/import-plans";
import { docxWithDocument, makeDocx } from "./docx-fixture";
import { extractRawText } from "../../plugin/docx/mammoth-raw-text";
import { extractTasks, parsePlans } from "../../shared/index";
import { startPlugin, type Running } from "./harness";

let running: Running | null = null;
afterEach(() => {
  running?.plugin.unload();
  running = null;
});

describe("jszip-lite (the plugin build's stand-in for JSZip)", () => {
  it("reads every entry of a deflated and a stored zip as JSZip does", async () => {
    for (const compression of ["DEFLATE", "STORE"] as const) {
      const zip = new JSZip();
      zip.file("word/document.xml", "<w:t>工会工作计划</w:t>".repeat(200));
      zip.file("a/b/c.bin", new Uint8Array([0, 1, 2, 255, 254]));
      zip.file("空.txt", "");
      const bytes = await zip.generateAsync({ type: "uint8array", compression });
      const lite = await JSZipLite.loadAsync(new Uint8Array(bytes).buffer);
      const real = await JSZip.loadAsync(bytes);
      for (const name of ["word/document.xml", "a/b/c.bin", "空.txt"]) {
        expect(await lite.file(name)?.async("uint8array")).toEqual(await real.file(name)?.async("uint8array"));
      }
      expect(await lite.file("word/document.xml")?.async("string")).toBe("<w:t>工会工作计划</w:t>".repeat(200));
      expect(lite.file("missing.xml")).toBeNull();
    }
  });

  it("answers loadAsync on the module itself, as mammoth's require('jszip') calls it", async () => {
    const zip = await loadAsync(await makeDocx(["一行"]));
    expect(zip.names()).toContain("word/document.xml");
  });

  it("says so when the file is not a zip", async () => {
    await expect(JSZipLite.loadAsync(new TextEncoder().encode("not a zip at all, just text"))).rejects.toThrow(/docx/);
  });
});

describe("importing a .docx picked in the vault", () => {
  it("reads it through mammoth and writes a note per plan", async () => {
    const docx = await makeDocx([
      "滨江人民医院工会2026年工作计划",
      "一、指导思想",
      "坚持以职工为本。",
      "二、全年活动安排",
      "三月：“三八”节女职工健康讲座",
      "四月份：",
      "1. 职工春季健步走",
      "青石小学2027年工会工作计划",
      "一、月份安排",
      "3月",
      "1、教工春季登山",
      "5月",
      "1、青年教师演讲比赛",
    ]);
    running = await startPlugin({});
    const { app } = running;
    await app.vault.createFolder("导入");
    const file = await app.vault.createBinary("导入/两份计划.docx", docx);
    Modal.open = [];
    app.executeCommandById("union-plan:import-plan");
    const modal = Modal.open[0];
    if (!(modal instanceof ImportModal)) throw new Error("no import modal");
    const report = await modal.run({ kind: "file", file: file as never });
    expect(report?.plans.map((p) => [p.title, p.months, p.tasks])).toEqual([
      ["滨江人民医院工会2026年工作计划", 2, 2],
      ["青石小学2027年工会工作计划", 2, 2],
    ]);
    // Lines of a .docx are the extracted text's: shown as text, not as links into the .docx.
    expect(modal.contentEl.querySelectorAll(".union-plan-import-diagnostics a").length).toBe(0);
  });
});

describe("a .docx's line breaks inside a paragraph (Shift+Enter, <w:br/>)", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = (...lines: string[]): string => `<w:p><w:r>${lines.map((l) => `<w:t>${l}</w:t>`).join("<w:br/>")}</w:r></w:p>`;

  it("start new lines, so a 行事历 typed with them reads item by item", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraph("青石小学2027年工会工作计划")}${paragraph("三月份：", "1、教工春季登山", "2、读书分享会")}${paragraph("四月份：", "1、青年教师演讲比赛")}</w:body></w:document>`;
    const docx = await docxWithDocument(xml);
    const { value } = await extractRawText({ arrayBuffer: docx, buffer: docx });
    expect(value).toBe("青石小学2027年工会工作计划\n\n三月份：\n1、教工春季登山\n2、读书分享会\n\n四月份：\n1、青年教师演讲比赛\n\n");
    const tasks = extractTasks(parsePlans(value).plans).map((t) => `${t.months[0]?.month}:${t.text}`);
    expect(tasks).toEqual(["3:教工春季登山", "3:读书分享会", "4:青年教师演讲比赛"]);
  });
});

describe("a .docx's checkboxes (content controls and legacy form fields)", () => {
  const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
  // A checkbox content control as Word writes it: the box glyph is the control's content.
  const control = (checked: boolean): string =>
    `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/><w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>${checked ? "☒" : "☐"}</w:t></w:r></w:sdtContent></w:sdt>`;
  // A legacy form field: no glyph in the text, only the field's checked state.
  const formField = (checked: boolean): string =>
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>${checked ? '<w:checked/>' : ""}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const line = (box: string, text: string): string => `<w:p>${box}<w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p>`;

  it("keep their box, ticked or not, where mammoth's raw text drops it", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${line(control(true), "三八节慰问")}${line(control(false), "春季登山")}${line(formField(true), "读书分享会")}${line(formField(false), "教工体检")}</w:body></w:document>`;
    const docx = await docxWithDocument(xml);
    const { value } = await extractRawText({ arrayBuffer: docx, buffer: docx });
    expect(value).toBe("☒ 三八节慰问\n\n☐ 春季登山\n\n☒ 读书分享会\n\n☐ 教工体检\n\n");
  });
});
