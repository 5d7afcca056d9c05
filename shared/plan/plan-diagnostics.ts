/** The diagnostics the plan builder gives: lines it could not read, and dates it did not take. */
import type { Diagnostic, ScheduleMonth } from "./types";
import type { Decision } from "./decode/decode-schedule";

const MAX_LINES_NAMED = 5;

/**
 * Never silent: lines that open with a month or a date but were read into no 行事历 and no dated item
 * are named (when the plan has no 行事历 at all, since then the reader sees nothing of them), and a
 * plan with no dated item says so.
 */
export function silentDateDiagnostics(decoded: readonly Decision[], schedule: readonly ScheduleMonth[], bodyTasks: readonly ScheduleMonth[], startLine: number, diagnostics: Diagnostic[]): void {
  if (schedule.length > 0) return;
  const used = new Set<number>();
  for (const g of bodyTasks) used.add(g.line);
  const dated: number[] = [];
  for (const d of decoded) {
    if (d.reading.kind !== "other" || used.has(d.unit.line)) continue;
    // The unit read its opening date phrase once already.
    if (d.unit.body.key.indexOf("月") >= 0 && d.unit.opensWithDate) {
      // Pieces of one line come one after another: a line is named once.
      if (dated[dated.length - 1] !== d.unit.line) dated.push(d.unit.line);
    }
  }
  if (dated.length > 0) {
    const named = dated.slice(0, MAX_LINES_NAMED).join("、");
    const more = dated.length > MAX_LINES_NAMED ? ` 等 ${dated.length} 行` : "";
    diagnostics.push({
      line: dated[0] as number,
      severity: "warning",
      code: "dates-not-read",
      message: `第 ${named} 行${more}以月份或日期开头，但没有读成行事历或带日期的任务；用 union-plan parse --explain 查看原因 / lines ${dated.slice(0, MAX_LINES_NAMED).join(", ")}${dated.length > MAX_LINES_NAMED ? ` and ${dated.length - MAX_LINES_NAMED} more` : ""} open with a month or a date but were read into no 行事历 and no dated task; union-plan parse --explain shows why`,
    });
  }
  if (bodyTasks.length === 0) {
    diagnostics.push({ line: startLine, severity: "info", code: "no-dated-items", message: "这份计划里没有找到行事历或带日期的工作 / no 行事历 and no dated item found in this plan" });
  }
}

export function mojibakeDiagnostic(line: number): Diagnostic {
  return { line, severity: "warning", code: "mojibake", message: `第 ${line} 行疑似乱码（网页编码错误），无法读出，已原样保留 / line ${line} looks garbled (wrong text encoding); kept as it is` };
}

export function lostNumberDiagnostic(line: number, assumed: string | null): Diagnostic {
  return {
    line,
    severity: "warning",
    code: "number-lost",
    message: assumed ? `第 ${line} 行的编号缺失，按「${assumed}」处理 / line ${line} lost its number; read as ${assumed}` : `第 ${line} 行的编号缺失 / line ${line} lost its number`,
  };
}
