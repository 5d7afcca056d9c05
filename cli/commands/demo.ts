/**
 * `union-plan demo VAULT` — what `npm start` runs on the example vault: imports the pasted sample
 * plans into canonical notes, prints the current term's 行事历 and this month's tasks.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlans, planTasks, renderPlanMarkdown, tasksInMonth, monthsBetween, currentYm, type PlanTask } from "../../shared/index";
import { termOf } from "../../shared/calendar/term";
import { noteFileName } from "../../shared/markdown/note-name";
import { flagString, parseArgs, UsageError } from "../args";
import { readPlanFile } from "../read-plans";
import { runSyncDemo } from "./sync-demo";
import { collectTasks } from "../collect-tasks";
import { out } from "../output";
import { renderMonthText } from "../../shared/calendar/export-text";

export const DEMO_HELP = `union-plan demo VAULT [--today YYYY-MM-DD]

npm start 的演示：导入 VAULT/导入/ 下的文本计划，写入 VAULT/已导入/，打印本学期行事历和本月任务。
What npm start runs: imports the pasted plans in VAULT/导入/ into VAULT/已导入/, prints this term's 行事历 and this month's tasks.`;

export async function runDemo(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ["--today"], booleans: [] });
  const vault = args.positionals[0];
  if (vault === undefined) throw new UsageError("demo 需要笔记库文件夹 / demo needs the vault folder");
  const todayText = flagString(args, "--today");
  const today = todayText ? new Date(`${todayText}T12:00:00`) : new Date();
  if (Number.isNaN(today.getTime())) throw new UsageError(`--today 要写成 YYYY-MM-DD / --today must be YYYY-MM-DD, got ${todayText}`);

  out("== 1. 导入粘贴的计划 / importing pasted plans ==");
  const inbox = join(vault, "导入");
  const imported = join(vault, "已导入");
  mkdirSync(imported, { recursive: true });
  for (const name of readdirSync(inbox).filter((f) => f.endsWith(".txt")).sort()) {
    const file = readPlanFile(join(inbox, name));
    const result = parsePlans(file.text, { fileName: name });
    const tasks = result.plans.reduce((n, p) => n + planTasks(p).length, 0);
    out(`${name}: ${result.plans.length} 份计划 / plans, ${tasks} 项任务 / tasks`);
    result.plans.forEach((plan, i) => {
      const target = join(imported, noteFileName(plan, i));
      writeFileSync(target, renderPlanMarkdown(plan));
      out(`  → ${target}  (${plan.title ?? "无标题 / untitled"}; ${plan.schedule.length} 个月份 / months)`);
    });
    for (const d of result.diagnostics) out(`  第 ${d.line} 行 / line ${d.line} [${d.severity}] ${d.message}`);
  }

  const { plans, tasks } = collectTasks([join(vault, "计划"), imported], "demo");
  const term = termOf(today);
  out("");
  out(`== 2. 本学期行事历 / this term's 行事历: ${term.label} (${term.period.start}..${term.period.end}), ${plans.length} 份计划 / plans ==`);
  for (const ym of monthsBetween(term.period.start, term.period.end)) {
    const inMonth = tasksInMonth(tasks, ym).filter((t) => t.months.some((m) => m.year !== null));
    out(`${ym}  ${inMonth.length} 项 / tasks`);
    for (const t of inMonth) out(`   ${t.done ? "☑" : "☐"} ${t.text}${t.owner ? `（${t.owner}）` : ""}  — ${t.planTitle ?? t.path}`);
  }

  const month = currentYm(today);
  out("");
  out(`== 3. 本月任务 / tasks of ${month} ==`);
  printMonth(tasksInMonth(tasks, month).filter((t) => t.months.some((m) => m.year !== null)), month);
  out("");
  out(`== 4. Notion 同步 / the Notion mirror ==`);
  if (process.env["NOTION_TOKEN"]) {
    out("已设置 NOTION_TOKEN：同步到真实的 Notion 请运行 / NOTION_TOKEN is set; to sync to your real workspace run:");
    out(`  npx union-plan sync ${vault} --setup <父页面链接 / parent page URL>`);
  } else {
    await runSyncDemo(vault);
  }
  out("");
  out(`用 Obsidian 打开 example-vault 文件夹即可看到插件 / open the example-vault folder in Obsidian to see the plugin.`);
  return 0;
}

function printMonth(tasks: readonly PlanTask[], ym: string): void {
  if (tasks.length === 0) {
    out("（本月没有任务 / no tasks this month）");
    return;
  }
  out(renderMonthText(tasks, ym));
}
