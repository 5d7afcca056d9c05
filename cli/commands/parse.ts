/** `union-plan parse FILE… [--json]`: what the engine reads in each file. */
import { parsePlans } from "../../shared/index";
import { planToJson } from "../../shared/plan/plan-json";
import { ymKey } from "../../shared/time/year-month";
import { parseArgs } from "../args";
import { collectPlanFiles } from "../read-plans";
import { out } from "../output";
import { isPlanFound } from "../../shared/plan/plan-found";
import { noPlanInfo } from "../collect-tasks";
import { explainText } from "../../shared/plan/decode/explain";

export const PARSE_HELP = `union-plan parse FILE… [--json | --explain]

读取计划文件（纯文本或 Markdown），列出找到的计划、行事历和诊断信息。
Reads plan files (plain text or Markdown) and shows the plans, 行事历 and diagnostics found.

  --json     以 JSON 输出 / print JSON: {"files":[{"path","plans":[{title,school,kind,period,schedule,bodyTasks,diagnostics}]}]}
  --explain  逐行说明读法：选中的读法、得分依据、其次的读法 / each line's chosen reading, the clues that
             scored it, and the runner-up`;

export function runParse(argv: string[]): number {
  const args = parseArgs(argv, { values: [], booleans: ["--json", "--explain"] });
  const files = collectPlanFiles(args.positionals);
  if (args.flags.has("--explain")) {
    for (const f of files) {
      out(`${f.path}:`);
      for (const line of explainText(f.text)) out(line);
    }
    return 0;
  }
  const results = files.map((f) => {
    const result = parsePlans(f.text, { fileName: f.path });
    return { path: f.path, result: { ...result, plans: result.plans.filter(isPlanFound) } };
  });
  // Read-only: a file with no plan is an info line, not an error (import is the one that stops).
  for (const { path, result } of results) if (result.plans.length === 0) noPlanInfo("parse", path);
  if (args.flags.has("--json")) {
    const json = {
      files: results.map(({ path, result }) => ({
        path,
        plans: result.plans.map(planToJson),
        diagnostics: result.diagnostics.filter((d) => !result.plans.some((p) => p.diagnostics.includes(d))),
      })),
    };
    out(JSON.stringify(json, null, 2));
    return 0;
  }
  for (const { path, result } of results) {
    out(`${path}: ${result.plans.length} 份计划 / plan(s)`);
    // With no plan, the engine's notes on skipped lines ("page furniture") say less than the info line.
    if (result.plans.length === 0) continue;
    result.plans.forEach((p, i) => {
      const tasks = p.schedule.reduce((n, m) => n + m.tasks.length, 0);
      out(`  [${i + 1}] ${p.title ?? "（无标题 / untitled）"}  行 / lines ${p.lines.start}–${p.lines.end}`);
      out(`      学校 / school: ${p.school ?? "—"}   类型 / kind: ${p.kind ?? "—"}   期间 / period: ${p.period ? `${p.period.start}..${p.period.end}` : "—"}`);
      out(`      行事历 / schedule: ${p.schedule.length} 个月份 / months, ${tasks} 项任务 / tasks`);
      for (const m of p.schedule) out(`        ${m.label}  (${m.months.map(ymKey).join(", ")})  ${m.tasks.length}`);
      // The body's dated items, each under its date phrase as written: they are tasks too (tasks, calendar, Notion).
      if (p.bodyTasks.length > 0) {
        const body = p.bodyTasks.reduce((n, m) => n + m.tasks.length, 0);
        out(`      正文中的日期事项 / dated items in the body: ${body} 项 / tasks`);
        for (const m of p.bodyTasks) out(`        ${m.label}  (${m.months.map(ymKey).join(", ")})  第 ${m.line} 行 / line ${m.line}  ${m.tasks.map((t) => t.text).join("；")}`);
      }
    });
    for (const d of result.diagnostics) out(`  第 ${d.line} 行 / line ${d.line} [${d.severity}] ${d.message}`);
  }
  return 0;
}
