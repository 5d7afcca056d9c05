/**
 * A 行事历 written as a Markdown pipe table: | 月份 | 工作内容 | 负责人 |. The header says which
 * column is which; a row with an empty month cell continues the month above it (a merged cell).
 */
import { foldKey } from "../normalize/fold";
import { matchMonthHeading, type MonthRef } from "./month-heading";

export interface TableColumns {
  month: number;
  content: number;
  owner: number | null;
  done: number | null;
}

export function scheduleColumns(header: readonly string[]): TableColumns | null {
  const find = (re: RegExp, except: number[] = []): number => header.findIndex((c, i) => !except.includes(i) && re.test(c));
  const month = find(/(月份|月|时间|時間|日期)/);
  if (month < 0) return null;
  const content = find(/(内容|內容|工作|活动|活動|事项|事項|项目|項目|安排|任务|任務)/, [month]);
  if (content < 0) return null;
  const owner = find(/(负责|負責|责任|責任|承办|承辦|牵头|牽頭)/, [month, content]);
  const done = find(/(完成|状态|狀態)/, [month, content]);
  return { month, content, owner: owner < 0 ? null : owner, done: done < 0 ? null : done };
}

/** The month a cell names: "3月", "三月份", "2027年3月", "7-8月", or "3月8日" (the month of a day). */
export function monthCell(cell: string): { label: string; months: MonthRef[] } | null {
  const key = foldKey(cell.trim());
  const heading = matchMonthHeading(key);
  if (heading) return { label: cell.trim().slice(0, heading.labelEnd), months: heading.months };
  const day = /^(?:(\d{4}) *年 *)?(\d{1,2}) *月/.exec(key);
  if (day) {
    const month = Number(day[2]);
    if (month >= 1 && month <= 12) return { label: cell.trim().slice(0, day[0].length).trim(), months: [{ year: day[1] ? Number(day[1]) : null, month }] };
  }
  return null;
}

/** A content cell may hold several items: split on <br> and on ；. */
export function splitContentCell(cell: string): string[] {
  return cell
    .split(/<br\s*\/?>|[；;]/i)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The cells of a row outside month, content, owner and done (地点, 备注, 参加对象 …), named by their
 * header: the task keeps them, so rewriting the table as task lines loses none of them.
 */
export function tableDetails(header: readonly string[], cells: readonly string[], cols: TableColumns): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (i === cols.month || i === cols.content || i === cols.owner || i === cols.done) continue;
    const value = (cells[i] ?? "").trim();
    if (value === "") continue;
    // A header cell that is empty or not a CJK name still needs a label our task lines can carry.
    const name = (header[i] ?? "").trim().replace(/[\][():：]/g, "");
    out.push({ label: /^[\u3400-\u9fff]/.test(name) ? name : `第${i + 1}列`, value });
  }
  return out;
}
