/**
 * The header of a 行事历 table pasted as text: one cell per line ("月份" / "活动内容" / "备注") or one
 * line of cells ("时间 | 活动内容 | 参加对象"). Each cell gets a role; only the month and content
 * columns make tasks, an owner column gives their owner, a 序号 column counts the rows, the rest
 * (参加对象, 地点, 备注) stay cells.
 */
import { SPACES } from "../../normalize/trim-chars";
import { charCodeSet, firstCharsOf } from "../../schedule/word-lookup";

export type ColumnRole = "month" | "content" | "owner" | "number" | "extra";

const ROLE_LISTS: readonly [ColumnRole, readonly string[]][] = [
  ["month", ["月份", "月", "时间", "時間", "日期", "时间安排", "時間安排", "活动时间", "活動時間", "月份安排", "完成时间", "完成時間", "完成时限", "完成時限", "时间节点", "時間節點", "截止时间", "截止時間"]],
  ["content", ["内容", "內容", "活动内容", "活動內容", "工作内容", "工作內容", "主要内容", "主要內容", "工作安排", "活动安排", "活動安排", "主要工作", "工作项目", "工作項目", "活动项目", "活動項目", "活动名称", "活動名稱", "项目", "項目", "事项", "事項", "工作要点", "工作要點", "主要活动", "主要活動", "活动", "活動", "活动主题", "活動主題", "主题", "主題"]],
  ["owner", ["负责人", "負責人", "责任人", "責任人", "负责部门", "負責部門", "责任部门", "責任部門", "牵头部门", "牽頭部門", "承办", "承辦", "负责", "負責", "组织者", "組織者"]],
  ["number", ["序号", "序號", "编号", "編號"]],
  ["extra", ["备注", "備註", "参加对象", "參加對象", "参加人员", "參加人員", "参加范围", "參加範圍", "参与对象", "參與對象", "地点", "地點", "对象", "對象", "形式", "活动形式", "活動形式", "类别", "類別", "类型", "類型", "完成情况", "完成情況", "要求"]],
];
const ROLE_WORDS: readonly [ColumnRole, RegExp][] = ROLE_LISTS.map(([role, words]) => [role, new RegExp(`^(${words.join("|")})$`)]);
// Every role word opens with one of these: a cell that does not is no header cell.
const ROLE_FIRST = charCodeSet(firstCharsOf(ROLE_LISTS.flatMap(([, words]) => words)));

function roleOf(cell: string): ColumnRole | null {
  for (const [role, re] of ROLE_WORDS) if (re.test(cell)) return role;
  return null;
}

// A cell ends at | ｜ or whitespace as \s sees it; looked up by char code without a pattern (and
// without a one-character string), as the first cell is walked character by character.
const CELL_BREAK_CODES = new Set([..."|｜", ...SPACES].map((c) => c.charCodeAt(0)));
const isCellBreakAt = (text: string, i: number): boolean => CELL_BREAK_CODES.has(text.charCodeAt(i));

/** The roles of a header line, or null when the line is not (part of) a header. */
export function headerRoles(text: string): ColumnRole[] | null {
  // Most lines are no header: their first cell already says so, before the line is cut up.
  let from = 0;
  while (from < text.length && isCellBreakAt(text, from)) from++;
  if (from < text.length && !ROLE_FIRST.has(text.charCodeAt(from))) return null;
  let to = from;
  while (to < text.length && to - from <= 8 && !isCellBreakAt(text, to)) to++;
  // No role word is longer than 8 characters.
  if (to - from > 8 || (to > from && roleOf(text.slice(from, to)) === null)) return null;
  const cells = text.split(/[|｜\s]/).filter((c) => c !== "");
  if (cells.length === 0 || cells.length > 8) return null;
  const roles: ColumnRole[] = [];
  for (const c of cells) {
    const r = roleOf(c);
    if (!r) return null;
    roles.push(r);
  }
  return roles;
}
