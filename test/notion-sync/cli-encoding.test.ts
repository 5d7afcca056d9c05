/**
 * `union-plan sync` writes Notion's changes back into GBK and UTF-16 notes in their own encoding,
 * BOM and line endings, and refuses (note untouched) what that encoding cannot hold.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput } from "./capture-output";
import { runSync } from "../../cli/commands/sync";
import { encodeText } from "../../shared/normalize/encode-text";
import { createNotionEmulator, type NotionEmulator } from "../../notion-emulator/index";
import { virtualClock } from "../../notion-emulator/virtual-clock";

const { stdout, stderr } = captureOutput();

const NOTE = (id: string, school: string): string =>
  [
    "---",
    "type: union-plan",
    `title: ${school}2027年工会工作计划`,
    `school: ${school}`,
    `plan-id: ${id}`,
    "review-status: 待审核",
    "---",
    `# ${school}2027年工会工作计划`,
    "",
    "## 行事历",
    "### 2027年3月",
    "- [ ] “三八”妇女节庆祝活动 ^t-a1",
    "- [ ] 工会小组长会议 ^t-a2",
    "",
  ].join("\r\n");

function bytesOf(text: string, encoding: string, bom: number[] = []): Uint8Array {
  const body = encodeText(text, encoding);
  if (!body) throw new Error(`cannot encode in ${encoding}`);
  return Uint8Array.from([...bom, ...body]);
}

function env(emulator: NotionEmulator): Parameters<typeof runSync>[1] {
  return { token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock: emulator.clock, isTTY: false };
}

interface State {
  plans: Record<string, { pageId: string }>;
  tasks: Record<string, { pageId: string }>;
}

async function setUp(): Promise<{ emulator: NotionEmulator; vault: string; state: () => State }> {
  const emulator = createNotionEmulator({ clock: virtualClock() });
  const parent = emulator.seedPage();
  const vault = mkdtempSync(join(tmpdir(), "union-plan-enc-"));
  mkdirSync(join(vault, "计划"));
  // GBK (GB18030) without BOM, CRLF; UTF-16LE with BOM, CRLF.
  writeFileSync(join(vault, "计划", "gbk.md"), bytesOf(NOTE("p-gbk", "青石小学"), "gb18030"));
  writeFileSync(join(vault, "计划", "utf16.md"), bytesOf(NOTE("p-u16", "滨江中学"), "utf-16le", [0xff, 0xfe]));
  expect(await runSync([vault, "--setup", parent], env(emulator))).toBe(0);
  expect(stdout.join("")).toMatch(/新建 created: 6/);
  const state = (): State => JSON.parse(readFileSync(join(vault, ".union-plan", "notion-sync.json"), "utf8")) as State;
  return { emulator, vault, state };
}

describe("sync writes notes back in their own encoding", () => {
  it("a GBK note and a UTF-16 note with BOM and CRLF take Notion's review and ticks, and stay as they were stored", async () => {
    const { emulator, vault, state } = await setUp();
    const s = state();
    for (const key of ["p-gbk", "p-u16"]) {
      emulator.editPage(s.plans[key]?.pageId ?? "", { 审核状态: "需修改", 审核意见: "请补充：\n时间\t地点:" });
      emulator.editPage(s.tasks[`${key}/t-a1`]?.pageId ?? "", { 完成: true });
    }
    stdout.length = 0;
    expect(await runSync([vault], env(emulator))).toBe(0);

    const gbk = readFileSync(join(vault, "计划", "gbk.md"));
    const gbkText = new TextDecoder("gb18030", { fatal: true }).decode(gbk);
    const u16 = readFileSync(join(vault, "计划", "utf16.md"));
    expect([u16[0], u16[1]]).toEqual([0xff, 0xfe]);
    const u16Text = new TextDecoder("utf-16le", { fatal: true }).decode(u16.subarray(2));
    for (const [text, school] of [
      [gbkText, "青石小学"],
      [u16Text, "滨江中学"],
    ] as const) {
      expect(text).toContain("review-status: 需修改");
      // A tick carries Tasks' ✅ done date.
      expect(text).toMatch(/- \[x\] “三八”妇女节庆祝活动 ✅ \d{4}-\d{2}-\d{2} \^t-a1/);
      expect(text).toContain(`# ${school}2027年工会工作计划`);
      // Every line still ends in CRLF.
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    }
    // Nothing else in the file moved: the GBK bytes of the untouched lines are the original ones.
    const body = (text: string): string => text.slice(text.indexOf("\r\n# "));
    const doneDate = /✅ (\d{4}-\d{2}-\d{2})/.exec(gbkText)?.[1] ?? "";
    expect(body(gbkText)).toBe(body(NOTE("p-gbk", "青石小学").replace("- [ ] “三八”妇女节庆祝活动 ^t-a1", `- [x] “三八”妇女节庆祝活动 ✅ ${doneDate} ^t-a1`)));
    // No temporary file left behind.
    expect(readdirSync(join(vault, "计划")).sort()).toEqual(["gbk.md", "utf16.md"]);

    // The notes read back: a second sync has nothing to pull and writes nothing.
    stdout.length = 0;
    expect(await runSync([vault], env(emulator))).toBe(0);
    expect(stdout.join("")).toMatch(/写入 writes: 0/);
    expect(stdout.join("")).toMatch(/取回 pulled back: 0/);
  });

  it("refuses, with the note untouched, a change its encoding cannot store; the other notes still sync", async () => {
    const { emulator, vault, state } = await setUp();
    const before = readFileSync(join(vault, "计划", "gbk.md"));
    // A private-use character GB18030 has no code for.
    emulator.editPage(state().plans["p-gbk"]?.pageId ?? "", { 审核意见: "见附件\ue5e5" });
    emulator.editPage(state().plans["p-u16"]?.pageId ?? "", { 审核状态: "已通过" });
    stderr.length = 0;
    stdout.length = 0;
    expect(await runSync([vault], env(emulator))).toBe(1);
    expect(readFileSync(join(vault, "计划", "gbk.md")).equals(before)).toBe(true);
    expect(stdout.join("")).toMatch(/无法按原编码 gb18030 写回.*cannot write .*gbk\.md back in its encoding gb18030/);
    const u16 = readFileSync(join(vault, "计划", "utf16.md"));
    expect(new TextDecoder("utf-16le").decode(u16.subarray(2))).toContain("review-status: 已通过");
  });
});
