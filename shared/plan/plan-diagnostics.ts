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

// A page pasted as one line (document-sharing sites flatten a whole plan so): a line this long with
// this many items numbered inside it, each after a space or a full stop. No plan writes one item
// that long with three numbered items run into it.
const WHOLE_PAGE_LENGTH = 200;
const WHOLE_PAGE_ITEMS = 3;
// "五、", "1、", "(2)", "（3）" read at one offset (sticky): linear in what it reads.
const INLINE_ITEM = /[一二三四五六七八九十]{1,3}、|\d{1,2}、|[(（]\d{1,2}[)）]/y;
const BEFORE_INLINE_ITEM = " \u3000。；;";

/** How many numbered items start inside `text` after a space, a dropped layout gap or a full stop. */
function inlineItems(text: string, gaps: readonly number[]): number {
  let count = 0;
  let g = 0;
  for (let i = 1; i < text.length; i++) {
    while (g < gaps.length && (gaps[g] as number) < i) g++;
    const afterBreak = gaps[g] === i || BEFORE_INLINE_ITEM.includes(text.charAt(i - 1));
    if (!afterBreak) continue;
    INLINE_ITEM.lastIndex = i;
    if (INLINE_ITEM.test(text)) count++;
  }
  return count;
}

/**
 * Never silent about a page pasted as one line: its items are not lines of their own, so the
 * engine reads them as one paragraph and may miss the dates inside. The line is named, with what
 * to do about it.
 */
export function wholePageDiagnostics(decoded: readonly Decision[], diagnostics: Diagnostic[]): void {
  for (const d of decoded) {
    const text = d.unit.whole.text;
    if (text.length < WHOLE_PAGE_LENGTH || d.reading.kind !== "other") continue;
    const items = inlineItems(d.unit.body.text, d.unit.gaps);
    if (items < WHOLE_PAGE_ITEMS) continue;
    const line = d.unit.line;
    diagnostics.push({
      line,
      severity: "warning",
      code: "page-on-one-line",
      message: `第 ${line} 行有 ${text.length} 字，${items} 个编号条目连在这一行里，像是整页粘成了一行：里面的日期可能没有读出；在每个编号（一、 1、 （1））前换行后可读全 / line ${line} has ${text.length} characters with ${items} numbered items run into it, as if a whole page were pasted as one line: dates inside may not be read; break the line before each number (一、 1、 （1）) to read it all`,
    });
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
