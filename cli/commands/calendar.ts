/**
 * `union-plan calendar PATH… [--month YYYY-MM] [--format text|md|html|ics] [--overview] [-o FILE]`:
 * the monthly 行事历 (or a plan's term / year overview) in the format asked for.
 */
import { currentYm, parseYm } from "../../shared/index";
import { monthTasks } from "../../shared/calendar/month-model";
import { renderMonthText, renderOverviewText } from "../../shared/calendar/export-text";
import { renderMonthMarkdown, renderOverviewMarkdown } from "../../shared/calendar/export-markdown";
import { renderMonthHtml, renderOverviewHtml } from "../../shared/calendar/export-html";
import { renderIcs } from "../../shared/calendar/export-ics";
import { flagString, parseArgs, UsageError } from "../args";
import { collectTasks } from "../collect-tasks";
import { err, out } from "../output";
import { writeOutputFile } from "../write-output";

export const CALENDAR_HELP = `union-plan calendar PATH… [--month YYYY-MM] [--format text|md|html|ics] [--overview] [-o FILE] [--force]

显示 PATH 下所有计划的月度行事历。Shows the monthly 行事历 of every plan under PATH.

  --month YYYY-MM   哪个月（默认本月）/ which month (default: this month)
  --format text     终端表格（默认）/ a table for the terminal (default)
  --format md       Markdown 表格 / a Markdown table
  --format html     可打印的网页 / a printable HTML page
  --format ics      日历文件，手机日历可订阅（全部任务；加 --month 只导出该月）/ an ICS calendar
  --overview        学期 / 年度总览（text、md、html）/ the term or year overview (text, md, html)
  -o FILE           写入文件而不是屏幕 / write to FILE instead of stdout
  --force           覆盖已有的 FILE / overwrite FILE if it exists`;

const FORMATS = ["text", "md", "html", "ics"] as const;
type Format = (typeof FORMATS)[number];

export function runCalendar(argv: string[]): number {
  const args = parseArgs(argv, { values: ["--month", "--format", "-o"], booleans: ["--overview", "--force"], aliases: { "--out": "-o" } });
  const format = (flagString(args, "--format") ?? "text") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format 只能是 ${FORMATS.join("、")} / --format must be one of ${FORMATS.join(", ")}, got ${format}`);
  const monthFlag = flagString(args, "--month");
  if (monthFlag !== null && !parseYm(monthFlag)) throw new UsageError(`--month 要写成 YYYY-MM（如 2026-03）/ --month must be YYYY-MM, got ${monthFlag}`);
  const overview = args.flags.has("--overview");
  if (overview && format === "ics") throw new UsageError("--overview 只能和 --format text、md 或 html 一起用 / --overview goes with --format text, md or html");
  const ym = monthFlag ?? currentYm();
  const { plans, tasks } = collectTasks(args.positionals, "calendar");

  let content: string;
  if (format === "ics") {
    const result = renderIcs(monthFlag === null ? tasks : monthTasks(tasks, ym));
    content = result.ics;
    if (result.skipped > 0) err(`${result.skipped} 项任务的年份不明，未写入日历 / ${result.skipped} tasks have no known year and were left out`);
  } else if (overview) {
    const ps = plans.map((p) => p.plan);
    content = format === "md" ? renderOverviewMarkdown(ps, tasks) : format === "html" ? renderOverviewHtml(ps, tasks) : renderOverviewText(ps, tasks);
  } else {
    content = format === "text" ? renderMonthText(tasks, ym) : format === "md" ? renderMonthMarkdown(tasks, ym) : renderMonthHtml(tasks, ym);
  }

  const target = flagString(args, "-o");
  if (target === null) {
    process.stdout.write(content.endsWith("\n") ? content : `${content}\n`);
  } else {
    writeOutputFile(target, content, args.flags.has("--force"));
    out(`已写入 / wrote ${target}`);
  }
  return 0;
}
