/**
 * `union-plan sync PATH` — mirrors the plan notes under PATH to Notion. Thin: reads files and
 * arguments, prints; the sync is notion-sync/'s.
 */
import { ownersSummary } from "../../notion-sync/members";
import { reviewNewsLines } from "../../notion-sync/review-news";
import { statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parsePlans } from "../../shared/index";
import { createNotionClient, type NotionFetch } from "../../notion-sync/client";
import { realClock, type Clock } from "../../notion-sync/clock";
import { SyncError, redact } from "../../notion-sync/errors";
import { parseNotionId } from "../../notion-sync/schema";
import { runNotionSync, type SyncNote, type SyncReport } from "../../notion-sync/sync-engine";
import { applyNoteEdit } from "../../notion-sync/apply-back";
import { editNoteFile } from "../note-file";
import { fileStateStore } from "../state-file";
import { useYamlPackage } from "../yaml-codec";
import { flagString, parseArgs, UsageError } from "../args";
import { collectPlanFiles, InputError } from "../read-plans";
import { err, out } from "../output";
import { folderWaiter, watchLoop, type WatchWaiter } from "../watch";

export const SYNC_HELP = `union-plan sync PATH [--dry-run] [--full-comments] [--as NAME] [--watch [--every MINUTES]] [--state FILE] [--setup PARENT_PAGE] [--database PLANS_DB[,TASKS_DB]]

把 PATH（笔记库文件夹或一篇笔记）中的计划同步到 Notion。需要 Notion 账号和集成：令牌放在环境变量 NOTION_TOKEN。
Mirrors the plan notes under PATH (a vault folder or one note) to Notion. Needs a Notion account and an
integration; the token comes from the NOTION_TOKEN environment variable (never from an argument).

  --setup PARENT_PAGE   在此页面下创建计划和任务数据库（URL 或 ID；先在页面 ••• → Connections 添加集成）
                        create the plans and tasks databases under this page (share it with the integration first)
  --database ID[,ID]    使用已有的计划数据库（和任务数据库）/ use existing plans (and tasks) databases
  --state FILE          同步状态文件 / sync state file (default: PATH/.union-plan/notion-sync.json)
  --as NAME             同步人：记在这次同步写入的页面的“同步人”属性上（几位委员同步同一数据库时）
                        who runs this sync: recorded as 同步人 on the pages it writes (several members, one database)
  --watch               同步后继续运行：笔记有改动时、以及每隔 --every 分钟（默认 5）再同步，Ctrl-C 结束
                        keep running: sync again when notes change, and every --every minutes (default 5); Ctrl-C ends
  --full-comments       这次读取每个任务页的评论（平时只读计划页、有改动或有讨论的任务页）
                        read the comments of every task page this time (usually: plan pages, and task pages
                        that changed or have open discussions)
  --dry-run             只打印将要做的写入（含 --setup 要创建的两个数据库）/ print the writes it would make
                        (with --setup, the two databases it would create), change nothing

文件夹里只同步 .md 笔记；.txt 计划会被列出，请先 union-plan import。/ In a folder only .md notes are synced;
.txt plans are named as skipped: import them first.

环境变量 / environment: NOTION_TOKEN（令牌 / the token）, NOTION_BASE_URL（另一个 API 地址，如模拟器 / another
API base URL, e.g. the emulator）

Notion 中改的审核状态、审核意见和“完成”会写回笔记。/ Review status, review comment and 完成 changed in Notion come back into the notes.
Notion 中的评论写入笔记末尾的「## 审核意见 / Review comments」；在某条意见下加一行「  - 回复：……」，下次同步时发到该讨论。
Reviewers' comments in Notion come into the section "## 审核意见 / Review comments" at the end of the note; a line
"  - 回复：…" added under an entry is posted to that discussion on the next sync.
没有 NOTION_TOKEN 时，npm start 会把示例笔记库同步到内置的 Notion 模拟器。/ Without NOTION_TOKEN, npm start syncs the example vault into the built-in emulator.`;

export { fileStateStore } from "../state-file";

/** Plan notes under PATH, with vault-relative paths (the same 来源 the plugin writes). */
export function readSyncNotes(root: string, skippedTxt: string[] = []): Array<SyncNote & { file: string }> {
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new InputError(`找不到文件或文件夹 / no such file or folder: ${root}`);
  }
  const base = isDir ? resolve(root) : dirname(resolve(root));
  // In a folder only Markdown notes are plans to mirror (pasted .txt files are imported first).
  const all = collectPlanFiles([root]);
  const files = all.filter((f) => !isDir || f.path.toLowerCase().endsWith(".md"));
  // Named, not silently left out: a .txt plan in the vault is not mirrored until it is imported.
  for (const f of all) if (!files.includes(f) && parsePlans(f.text, { fileName: f.path }).plans.length > 0) skippedTxt.push(f.path);
  const notes: Array<SyncNote & { file: string }> = [];
  for (const f of files) {
    const file = resolve(f.path);
    const plans = parsePlans(f.text, { fileName: f.path }).plans;
    if (plans.length === 0) continue;
    notes.push({ file, path: relative(base, file).split(sep).join("/"), text: f.text, plans });
  }
  if (notes.length === 0) throw new InputError(`${root} 中没有计划 / no plans in ${root}`);
  return notes;
}

export function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}

export function summaryLines(r: SyncReport, dryRun: boolean): string[] {
  const lines = [
    `${dryRun ? "（试运行，未写入）/ (dry run, nothing written) " : ""}新建 created: ${r.created}  更新 updated: ${r.updated}  未变 unchanged: ${r.unchanged}  取回 pulled back: ${r.pulledBack}  冲突 conflicts: ${r.conflicts.length}  标记删除 deleted: ${r.trashed}`,
    `请求 requests made: ${r.requests}（写入 writes: ${r.writes}，429: ${r.http429}，读评论 comment reads: ${r.commentReads}）${r.repliesPosted > 0 ? `  已发回复 replies posted: ${r.repliesPosted}` : ""}`,
  ];
  for (const c of r.conflicts) lines.push(`冲突，以 Obsidian 为准 / conflict, Obsidian kept: ${c.path} · ${c.task} (Obsidian ${c.obsidian ? "☑" : "☐"}, Notion ${c.notion ? "☑" : "☐"})`);
  for (const e of r.edits) lines.push(`写回 / pulled into ${e.path}: ${[...Object.entries(e.frontmatter ?? {}).map(([k, v]) => `${k}=${v ?? "∅"}`), ...(e.tasks ?? []).map((t) => `${t.taskId} ${t.done ? "☑" : "☐"}`), ...(e.reviewSection !== undefined ? [e.reviewSection === null ? "审核意见 / review comments: ∅" : "审核意见 / review comments"] : [])].join(", ")}`);
  for (const l of reviewNewsLines(r.reviews)) lines.push(l);
  const owners = ownersSummary(r.owners);
  if (owners) lines.push(owners);
  for (const n of r.notes) lines.push(n);
  for (const e of r.errors) lines.push(`未同步 / not synced: ${e}`);
  return lines;
}

export interface SyncCommandEnv {
  /** --watch: when the next round runs (a test's; the folder, a timer and Ctrl-C otherwise). */
  watchWaiter?: WatchWaiter;
  token?: string;
  fetch?: NotionFetch;
  baseUrl?: string;
  clock?: Clock;
  isTTY?: boolean;
}

export async function runSync(argv: string[], env: SyncCommandEnv = {}): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    out(SYNC_HELP);
    return 0;
  }
  const token = env.token ?? process.env["NOTION_TOKEN"] ?? "";
  // Review fields come back into frontmatter: read and written with the `yaml` package.
  useYamlPackage();
  try {
    const args = parseArgs(argv, { values: ["--state", "--setup", "--database", "--as", "--every"], booleans: ["--dry-run", "--full-comments", "--watch"] });
    const root = args.positionals[0];
    if (root === undefined || args.positionals.length > 1) throw new UsageError("sync 需要一个文件夹或笔记 / sync needs one folder or note");
    if (token.trim() === "") {
      err("union-plan sync: 没有 NOTION_TOKEN 环境变量（在 notion.so/profile/integrations 创建集成并复制令牌）/ NOTION_TOKEN is not set (create an integration at notion.so/profile/integrations and copy its token)");
      return 1;
    }
    const dryRun = args.flags.has("--dry-run");
    const setup = flagString(args, "--setup");
    const database = flagString(args, "--database");
    const parentPageId = setup !== null ? parseNotionId(setup) : null;
    if (setup !== null && parentPageId === null) throw new UsageError(`--setup 需要 Notion 页面链接或 ID / --setup needs a Notion page URL or id, got ${setup}`);
    const [plansDbText, tasksDbText] = database !== null ? database.split(",") : [];
    const plansDatabaseId = plansDbText ? parseNotionId(plansDbText) : null;
    const tasksDatabaseId = tasksDbText ? parseNotionId(tasksDbText) : null;
    if (database !== null && (plansDatabaseId === null || (tasksDbText !== undefined && tasksDatabaseId === null))) throw new UsageError(`--database 需要 Notion 数据库链接或 ID / --database needs Notion database URLs or ids`);

    const every = Number(flagString(args, "--every") ?? "5");
    if (!Number.isFinite(every) || every <= 0) throw new UsageError(`--every 需要正数分钟 / --every needs a positive number of minutes`);
    if (args.flags.has("--watch")) {
      if (dryRun) throw new UsageError("--watch 不能和 --dry-run 一起用 / --watch cannot go with --dry-run");
      const waiter = env.watchWaiter ?? folderWaiter(statSync(root).isDirectory() ? root : dirname(root), every * 60_000);
      return await watchLoop(() => syncRound(root, args, { token, env, dryRun, parentPageId, plansDatabaseId, tasksDatabaseId }), waiter, out, (e) => e instanceof UsageError);
    }
    return await syncRound(root, args, { token, env, dryRun, parentPageId, plansDatabaseId, tasksDatabaseId });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`union-plan sync: ${error.message}`);
      return 1;
    }
    const message = error instanceof SyncError || error instanceof InputError ? error.message : error instanceof Error ? error.message : String(error);
    err(`union-plan sync: ${redact(message, token).split("\n")[0] ?? ""}`);
    return 1;
  }
}

interface RoundInputs {
  token: string;
  env: SyncCommandEnv;
  dryRun: boolean;
  parentPageId: string | null;
  plansDatabaseId: string | null;
  tasksDatabaseId: string | null;
}

/** One sync of the notes under `root`, read afresh: the whole command, or one round of --watch. */
async function syncRound(root: string, args: ReturnType<typeof parseArgs>, inputs: RoundInputs): Promise<number> {
  const { token, env, dryRun, parentPageId, plansDatabaseId, tasksDatabaseId } = inputs;
  const skippedTxt: string[] = [];
  const notes = readSyncNotes(root, skippedTxt);
  const statePath = flagString(args, "--state") ?? join(statSync(root).isDirectory() ? root : dirname(root), ".union-plan", "notion-sync.json");
  const store = fileStateStore(statePath);
  const known = await store.load();
  if (!parentPageId && !plansDatabaseId && !(known?.plansDataSourceId && known.tasksDataSourceId)) {
    throw new UsageError("第一次同步需要 --setup PARENT_PAGE 或 --database ID / the first sync needs --setup PARENT_PAGE or --database ID");
  }

  const tty = env.isTTY ?? process.stderr.isTTY === true;
  const connection = createNotionClient({ token, fetch: env.fetch ?? fetch, clock: env.clock ?? realClock, baseUrl: env.baseUrl ?? process.env["NOTION_BASE_URL"] });
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const report = await runNotionSync(notes, {
    connection,
    store,
    target: { parentPageId: parentPageId ?? undefined, plansDatabaseId: plansDatabaseId ?? undefined, tasksDatabaseId: tasksDatabaseId ?? undefined },
    dryRun,
    fullComments: args.flags.has("--full-comments"),
    ...(flagString(args, "--as") ? { syncedBy: flagString(args, "--as") ?? "" } : {}),
    applyEdit: (edit) => {
      const note = byPath.get(edit.path);
      // In the note's own encoding, BOM and line endings, or refused with the note untouched.
      if (note) editNoteFile(note.file, (text) => applyNoteEdit(text, edit));
      return Promise.resolve();
    },
    onProgress: tty ? (done, total) => process.stderr.write(`\rNotion ${progressBar(done, total)}`) : undefined,
  });
  if (tty) process.stderr.write("\n");
  if (dryRun) for (const w of report.plannedWrites) out(w);
  if (report.schema && report.schema.created.length > 0) out(`已创建数据库 / created: ${report.schema.created.join(", ")}${report.schema.calendarView === "created" ? "（含日历视图 / with a calendar view）" : ""}`);
  for (const line of summaryLines(report, dryRun)) out(line);
  if (skippedTxt.length > 0) out(`未同步的 .txt 计划（先用 union-plan import 转为笔记）/ .txt plans not synced (import them first): ${skippedTxt.join(", ")}`);
  return report.errors.length > 0 ? 1 : 0;
}
