/**
 * What `npm start` shows of the Notion mirror when NOTION_TOKEN is not set: the vault's plan
 * notes synced into the built-in Notion emulator (on a fast clock), the rows a reviewer would see,
 * a reviewer's answer coming back, and how to point it at a real workspace. The vault on disk is
 * not changed: Notion's answers are applied to copies in memory.
 */
import { scaledClock } from "../../notion-sync/clock";
import { createNotionClient } from "../../notion-sync/client";
import { RateLimiter } from "../../notion-sync/rate-limiter";
import { MemoryStateStore } from "../../notion-sync/sync-state";
import { runNotionSync, type SyncReport } from "../../notion-sync/sync-engine";
import { applyNoteEdit } from "../../notion-sync/apply-back";
import { parsePlans } from "../../shared/index";
import { reviewSectionOf } from "../../shared/markdown/review-section";
import { createNotionEmulator, type PlainValue } from "../../notion-emulator/index";
import { out } from "../output";
import { readSyncNotes } from "./sync";

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300 ? 2 : 1;
  }
  return w;
}

function cell(value: PlainValue | undefined, width: number): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "boolean") text = value ? "☑" : "☐";
  else if (Array.isArray(value)) text = value.join(",");
  else if (typeof value === "object") text = value.end ? `${value.start}→${value.end}` : value.start;
  else text = String(value);
  let cut = "";
  for (const ch of text) {
    if (displayWidth(cut + ch) > width) {
      cut = `${cut.slice(0, -1)}…`;
      break;
    }
    cut += ch;
  }
  return cut + " ".repeat(Math.max(0, width - displayWidth(cut)));
}

function line(report: SyncReport): string {
  return `新建 created ${report.created} · 更新 updated ${report.updated} · 未变 unchanged ${report.unchanged} · 取回 pulled back ${report.pulledBack} · 冲突 conflicts ${report.conflicts.length} · 请求 requests ${report.requests}（写入 writes ${report.writes}）`;
}

export async function runSyncDemo(vaultPath: string): Promise<void> {
  const clock = scaledClock(50);
  const emulator = createNotionEmulator({ clock, workspaceName: "示例工会" });
  const parent = emulator.seedPage({ title: "工会工作 / Union work" });
  const connection = createNotionClient({ token: emulator.token, fetch: emulator.fetch, baseUrl: emulator.baseUrl, clock, limiter: new RateLimiter(clock) });
  const store = new MemoryStateStore();
  const notes = readSyncNotes(vaultPath).map(({ path, text, plans }) => ({ path, text, plans }));
  const texts = new Map(notes.map((n) => [n.path, n.text]));
  const sync = (): Promise<SyncReport> =>
    runNotionSync(
      [...texts.entries()].map(([path, text]) => ({ path, text, plans: parsePlans(text, { fileName: path }).plans })),
      {
        connection,
        store,
        target: { parentPageId: parent },
        applyEdit: (edit) => {
          const text = texts.get(edit.path);
          if (text !== undefined) texts.set(edit.path, applyNoteEdit(text, edit));
          return Promise.resolve();
        },
      },
    );

  out("== Notion 同步演示（内置模拟器，没有连接 Notion）/ Notion mirror demo (built-in emulator, no network) ==");
  const first = await sync();
  out(`第一次同步 / first sync: ${line(first)}`);
  const plansDs = store.snapshot?.plansDataSourceId ?? "";
  const tasksDs = store.snapshot?.tasksDataSourceId ?? "";
  const planPages = emulator.pages(plansDs);
  const titles = new Map(planPages.map((p) => [p.id, typeof p.properties["名称"] === "string" ? p.properties["名称"] : ""]));

  out("");
  out("审核人在 Notion 的「工会工作计划」数据库中看到 / what a reviewer sees in the plans database:");
  out(`  ${cell("名称", 44)} ${cell("学校", 14)} ${cell("类型", 6)} ${cell("审核状态", 8)} ${cell("任务数", 6)}`);
  for (const p of planPages) out(`  ${cell(p.properties["名称"], 44)} ${cell(p.properties["学校"], 14)} ${cell(p.properties["类型"], 6)} ${cell(p.properties["审核状态"], 8)} ${cell(p.properties["任务数"], 6)}`);
  out("");
  out("「行事历任务」数据库（按月份也有日历视图）/ the tasks database (also a calendar view by 月份):");
  out(`  ${cell("任务", 36)} ${cell("月份", 23)} ${cell("完成", 4)} ${cell("负责人", 8)} ${cell("计划", 30)}`);
  const taskPages = emulator.pages(tasksDs);
  for (const t of taskPages.slice(0, 25)) {
    const plan = Array.isArray(t.properties["计划"]) ? titles.get(String(t.properties["计划"][0])) : "";
    out(`  ${cell(t.properties["任务"], 36)} ${cell(t.properties["月份"], 23)} ${cell(t.properties["完成"], 4)} ${cell(t.properties["负责人"], 8)} ${cell(plan ?? "", 30)}`);
  }
  if (taskPages.length > 25) out(`  … 共 ${taskPages.length} 项 / ${taskPages.length} tasks in all`);

  // A reviewer answers in Notion: a status, a tick, a comment on the plan, one on the ticked task, one on a line.
  // A minute later: Notion's timestamps are whole minutes.
  await clock.sleep(60_000);
  const reviewed = planPages[0];
  const ticked = taskPages.find((t) => t.properties["完成"] === false);
  if (reviewed) emulator.editPage(reviewed.id, { 审核状态: "需修改", 审核意见: "请补充经费预算" });
  if (ticked) emulator.editPage(ticked.id, { 完成: true });
  if (reviewed) emulator.comment(reviewed.id, "第三部分请补充经费预算表", { as: "李审核" });
  if (ticked) emulator.comment(ticked.id, "请把活动照片发到工会群", { as: "王委员" });
  // And one on a line of the plan's 行事历 (a to-do block of its page): read because a person edited the page.
  const line1 = reviewed ? emulator.blocks(reviewed.id).find((b) => b.type === "to_do") : undefined;
  if (line1) emulator.comment(line1.id, "这项能否提前一周？", { as: "李审核" });
  const second = await sync();
  out("");
  out(`审核人改了审核状态并勾选了一项任务，再同步 / a reviewer set a status and ticked a task; sync again: ${line(second)}`);
  for (const e of second.edits) {
    const fields = [...Object.entries(e.frontmatter ?? {}).map(([k, v]) => `${k}: ${v ?? "∅"}`), ...(e.tasks ?? []).map((t) => `${t.taskId} ${t.done ? "[x]" : "[ ]"}`), ...(e.reviewSection ? ["## 审核意见"] : [])];
    out(`  → ${e.path}: ${fields.join("; ")}`);
  }
  // The comments in the note, and a reply written under the plan's entry going back to Notion.
  const commented = second.edits.find((e) => e.reviewSection)?.path;
  const sectionOf = (path: string): string[] => (reviewSectionOf(texts.get(path) ?? "") ?? "").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("<!--"));
  if (commented !== undefined) {
    out(`  ${commented} 末尾 / at the end of the note:`);
    for (const l of sectionOf(commented)) out(`    ${l}`);
    const text = texts.get(commented) ?? "";
    texts.set(commented, text.replace(/(第三部分请补充经费预算表\n)/, "$1  - 回复：已补充，见第三部分\n"));
    const replied = await sync();
    out("");
    out(`在笔记中该意见下写「  - 回复：已补充，见第三部分」，再同步 / replied under the comment in the note; sync again: ${line(replied)} · 已发回复 replies posted ${replied.repliesPosted}`);
    if (reviewed) for (const c of emulator.comments(reviewed.id)) out(`  Notion: ${c.author}：${c.text}`);
  }
  const third = await sync();
  out(`什么都没改，再同步 / nothing changed, sync again: ${line(third)}`);
  await emulator.close();

  out("");
  out("连接真实的 Notion / to use a real Notion workspace (needs a Notion account and an integration):");
  out("  1. 在 https://www.notion.so/profile/integrations 创建内部集成，复制令牌 / create an internal integration, copy its token");
  out("  2. 在 Notion 中打开一个页面，••• → 连接（Connections）→ 添加该集成 / open a page, ••• → Connections → add the integration");
  out("  3. NOTION_TOKEN=… union-plan sync example-vault --setup <页面链接 page URL>");
  out("     之后 / afterwards: NOTION_TOKEN=… union-plan sync example-vault   （--dry-run 只显示将写入的内容 / shows the writes only）");
  out("  在 Obsidian 中：设置 → Union Plan → Notion 同步 / in Obsidian: Settings → Union Plan → Notion sync");
}
