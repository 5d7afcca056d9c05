/** `union-plan tasks PATH… [--month YYYY-MM] [--json]`: every task of every plan under PATH, 行事历 and body. */
import { tasksInMonth, ymKey, parseYm } from "../../shared/index";
import { flagString, parseArgs, UsageError } from "../args";
import { collectTasks } from "../collect-tasks";
import { out } from "../output";
import { renderTextTable } from "../../shared/calendar/export-text";
import { shownText } from "../../shared/calendar/export-model";

export const TASKS_HELP = `union-plan tasks PATH… [--month YYYY-MM] [--json]

列出 PATH（文件或文件夹）下所有计划的行事历任务，以及正文里写了日期的事项（标“正文”）。
Lists the 行事历 tasks of every plan under PATH (files or folders), and the dated items of
its body (marked "from the body").

  --month YYYY-MM   只列这个月的任务 / only this month's tasks
  --json            以 JSON 输出 / print JSON`;

export function runTasks(argv: string[]): number {
  const args = parseArgs(argv, { values: ["--month"], booleans: ["--json"] });
  const month = flagString(args, "--month");
  if (month !== null && !parseYm(month)) throw new UsageError(`--month 要写成 YYYY-MM（如 2026-03）/ --month must be YYYY-MM, got ${month}`);
  const { tasks: all } = collectTasks(args.positionals);
  const tasks = month === null ? all : tasksInMonth(all, month);
  if (args.flags.has("--json")) {
    out(JSON.stringify({ month, tasks: tasks.map((t) => ({ id: t.id, planId: t.planId, plan: t.planTitle, path: t.path, months: t.months.map(ymKey), label: t.monthLabel, source: t.source, text: t.text, date: t.date, dateEnd: t.dateEnd, owner: t.owner, done: t.done, line: t.line })) }, null, 2));
    return 0;
  }
  if (tasks.length === 0) {
    out(month ? `${month} 没有任务 / no tasks in ${month}` : "没有任务 / no tasks");
    return 0;
  }
  const rows = tasks.map((t) => [t.done ? "[x]" : "[ ]", t.months.map(ymKey).join("+"), shownText(t), t.owner ?? "", `${t.path ?? ""}:${t.line}`]);
  out(renderTextTable(["完成", "月份 / month", "任务 / task", "负责人", "位置 / where"], rows, { maxWidth: 120, flex: [2, 4] }));
  out(`${tasks.length} 项任务 / tasks`);
  return 0;
}
