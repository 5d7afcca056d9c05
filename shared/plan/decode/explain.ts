/**
 * Why each line was read as it was: the chosen reading, the clues that scored it, and the best
 * other reading with how far behind it was. `union-plan parse --explain` prints this.
 */
import { parsePlansWithDecisions } from "../parse-plans";
import type { Decision } from "./decode-schedule";
import type { Reading } from "./readings";
import type { Term } from "./clues";

const NAMES: Record<Reading["kind"], string> = {
  month: "月份标题 month heading",
  glued: "月份+序号 month glued to item number",
  task: "任务 task",
  continuation: "接上行 continues the line above",
  header: "表头 table header",
  row: "表格行 table row",
  cell: "表格单元 table cell",
  furniture: "页面杂项 page furniture",
  field: "活动字段 activity field",
  other: "正文 body text",
};

function describe(r: Reading): string {
  switch (r.kind) {
    case "month":
      return `${NAMES.month}「${r.label}」→ ${r.months.map((m) => m.month).join("+")}月${r.tasks.length > 0 ? `，同行任务 ${r.tasks.length} 项` : ""}`;
    case "glued":
      return `${NAMES.glued} ${r.month}月${r.ordinal === null ? "" : ` 第${r.ordinal}项`}`;
    case "task":
      return `${NAMES.task}${r.tasks.length > 1 ? ` ×${r.tasks.length}` : ""}`;
    case "furniture":
      return `${NAMES.furniture} (${r.why})`;
    default:
      return NAMES[r.kind];
  }
}

function terms(list: readonly Term[]): string {
  return list.length === 0 ? "—" : list.map(([name, v]) => `${name} ${v > 0 ? "+" : ""}${v}`).join(", ");
}

export function explainDecision(d: Decision): string {
  const head = `第 ${d.unit.line} 行 | ${d.unit.whole.text.slice(0, 40)}`;
  const chosen = `    读作 / read as: ${describe(d.reading)}   [${terms(d.terms)}]`;
  const runner = d.runnerUp ? `    其次 / runner-up: ${describe(d.runnerUp.reading)}   [${terms(d.runnerUp.terms)}]，到此为止得分差 / score gap so far ${d.runnerUp.behind.toFixed(1)}` : "    其次 / runner-up: —";
  return `${head}\n${chosen}\n${runner}`;
}

/** Every content line of every plan in `text`, explained. */
export function explainText(text: string): string[] {
  const out: string[] = [];
  const { plans, decisions } = parsePlansWithDecisions(text);
  plans.forEach((p, i) => {
    out.push(`[${i + 1}] ${p.title ?? "（无标题 / untitled）"}`);
    for (const d of decisions[i] ?? []) out.push(explainDecision(d));
  });
  return out;
}
