/**
 * After the plans are built: where each task's words sit on its line (so an editor can mark them
 * and an edit can touch one segment of a shared line), and a warning for every `^t-` id a note
 * repeats (a line copied in the editor). Runs once per parse over the tasks, not over the text.
 */
import type { Diagnostic, Plan } from "./types";
import { lineBounds, RawLineReader } from "../normalize/raw-lines";

export function placeTasks(plans: readonly Plan[], text: string): void {
  // Tasks come in the order of their lines, nearly always: a reader moving forward finds each with
  // nothing kept. Only when a task's line lies behind it are all lines' bounds found, once.
  const reader = new RawLineReader(text);
  let bounds: ReturnType<typeof lineBounds> | null = null;
  const lineText = (line: number): string => {
    if (bounds === null && line >= reader.line) {
      while (reader.line < line && reader.next());
      return reader.line === line ? reader.text() : "";
    }
    bounds ??= lineBounds(text);
    return line >= 1 && line <= bounds.count ? text.slice(bounds.starts[line - 1], bounds.ends[line - 1]) : "";
  };
  for (const plan of plans) {
    // Several tasks may share a line (a table row, "3月：…；…"): each is looked for after the one
    // before. A plan's lines are its own, so the map is the plan's: one for the whole text lived to
    // the end of the parse and weighed several MB on a long text, when every plan is held at once.
    const cursor = new Map<number, number>();
    for (const month of plan.schedule) {
      for (const task of month.tasks) {
        const raw = lineText(task.line);
        const from = cursor.get(task.line) ?? 0;
        const at = task.text === "" ? -1 : raw.indexOf(task.text, from);
        if (at >= 0) {
          task.span = { line: task.line, start: at, end: at + task.text.length };
          cursor.set(task.line, at + task.text.length);
        } else {
          task.span = { line: task.line };
        }
        if (task.writtenId) plan.diagnostics.push(duplicateIdDiagnostic(task.line, task.writtenId, task.id));
      }
    }
    plan.diagnostics.sort((a, b) => a.line - b.line);
  }
}

function duplicateIdDiagnostic(line: number, written: string, fresh: string): Diagnostic {
  return {
    line,
    severity: "warning",
    code: "duplicate-id",
    message: `第 ${line} 行的编号 ^${written} 与前面的任务重复（可能是复制的行），下次写入时改为 ^${fresh} / line ${line} repeats the id ^${written} of an earlier task (a copied line?); the next write gives it ^${fresh}`,
  };
}
