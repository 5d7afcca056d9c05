/**
 * The user's own holidays and 调休 days, in a form a committee member can type into a settings box
 * or a note, one day or range per line:
 *
 *   # 2027 年放假安排（国务院通知发布后自行补充）
 *   2027-01-01 休 元旦
 *   2027-02-06..2027-02-12 休 春节
 *   2027-02-07 班 春节调休
 *   2026-10-08 常            ← chinese-days was wrong: an ordinary day
 *
 * Kinds: 休 / 假 / 放假 / holiday; 班 / 上班 / 补班 / workday; 常 / 正常 / normal. Ranges: `..`, `~`,
 * `～`, `—`, `至`, `到` between two dates. `#` or `//` starts a comment. The JSON form
 * `{ "2027-01-01": { "kind": "holiday", "name": "元旦" } }` (kind may also be written 休/班/常) is read too.
 */
import dayjs from "dayjs";
import type { HolidayOverride, HolidayOverrides, OverrideKind } from "./types";

export interface OverrideParseError {
  /** 1-based line of the text (1 for a JSON error). */
  line: number;
  message: string;
}

export interface OverrideParseResult {
  overrides: Record<string, HolidayOverride>;
  errors: OverrideParseError[];
}

const KIND_WORDS: Readonly<Record<string, OverrideKind>> = {
  休: "holiday",
  假: "holiday",
  放假: "holiday",
  休息: "holiday",
  holiday: "holiday",
  off: "holiday",
  班: "workday",
  上班: "workday",
  补班: "workday",
  调休上班: "workday",
  workday: "workday",
  work: "workday",
  常: "normal",
  正常: "normal",
  normal: "normal",
  clear: "normal",
};

/** Longest range accepted on one line: no holiday lasts longer, and a typo should not fill a year. */
const MAX_RANGE_DAYS = 31;

function kindOf(word: string): OverrideKind | null {
  return KIND_WORDS[word.trim().toLowerCase()] ?? null;
}

/** "2027-2-7" and "2027/02/07" → "2027-02-07"; null for anything that is not a real calendar day. */
export function normalizeDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = dayjs(new Date(year, month - 1, day));
  if (d.year() !== year || d.month() !== month - 1 || d.date() !== day) return null;
  return d.format("YYYY-MM-DD");
}

function parseJson(text: string): OverrideParseResult {
  const result: OverrideParseResult = { overrides: {}, errors: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.errors.push({ line: 1, message: `JSON 格式有误：${reason} / invalid JSON: ${reason}` });
    return result;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    result.errors.push({ line: 1, message: "应为以日期为键的对象 / expected an object keyed by date" });
    return result;
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const date = normalizeDate(key);
    if (date === null) {
      result.errors.push({ line: 1, message: `“${key}”不是有效日期 / "${key}" is not a valid date` });
      continue;
    }
    let kind: OverrideKind | null = null;
    let name: string | null = null;
    if (typeof value === "string") {
      kind = kindOf(value);
    } else if (value !== null && typeof value === "object") {
      const v = value as { kind?: unknown; name?: unknown };
      if (typeof v.kind === "string") kind = kindOf(v.kind);
      if (typeof v.name === "string" && v.name.trim() !== "") name = v.name.trim();
    }
    if (kind === null) {
      result.errors.push({ line: 1, message: `${date}：类型应为 holiday（休）、workday（班）或 normal（常） / ${date}: kind must be holiday, workday or normal` });
      continue;
    }
    result.overrides[date] = { kind, name };
  }
  return result;
}

const RANGE = /^(\S+?)(?:\s*(?:\.\.|~|～|—|至|到)\s*(\S+))?$/;

function parseLines(text: string): OverrideParseResult {
  const result: OverrideParseResult = { overrides: {}, errors: [] };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/(^|\s)(#|\/\/).*$/, "").replace(/\u3000/g, " ").trim();
    if (line === "") return;
    // dates [range] kind [name…]
    const m = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*(?:\.\.|~|～|—|至|到)\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?)\s+(\S+)(?:\s+(.+))?$/.exec(line);
    if (!m || m[1] === undefined || m[2] === undefined) {
      result.errors.push({ line: lineNo, message: `看不懂这一行，应写成“2027-01-01 休 元旦” / cannot read this line; write it like "2027-01-01 holiday 元旦"` });
      return;
    }
    const range = RANGE.exec(m[1].replace(/\s+/g, ""));
    const start = normalizeDate(range?.[1] ?? "");
    const end = range?.[2] !== undefined ? normalizeDate(range[2]) : start;
    if (start === null || end === null) {
      result.errors.push({ line: lineNo, message: `日期无效：${m[1]} / not a valid date: ${m[1]}` });
      return;
    }
    const kind = kindOf(m[2]);
    if (kind === null) {
      result.errors.push({ line: lineNo, message: `“${m[2]}”应为 休、班 或 常 / "${m[2]}" must be holiday, workday or normal` });
      return;
    }
    const days = dayjs(end).diff(dayjs(start), "day");
    if (days < 0 || days >= MAX_RANGE_DAYS) {
      result.errors.push({ line: lineNo, message: `日期范围应在 ${MAX_RANGE_DAYS} 天以内且由早到晚 / a range must run forwards and be at most ${MAX_RANGE_DAYS} days` });
      return;
    }
    const name = m[3]?.trim() || null;
    for (let i = 0; i <= days; i++) result.overrides[dayjs(start).add(i, "day").format("YYYY-MM-DD")] = { kind, name };
  });
  return result;
}

/** Reads the user's holidays from the line form or the JSON form; bad lines become errors, never exceptions. */
export function parseHolidayOverrides(text: string): OverrideParseResult {
  const trimmed = text.trim();
  if (trimmed === "") return { overrides: {}, errors: [] };
  return trimmed.startsWith("{") ? parseJson(trimmed) : parseLines(text);
}

const KIND_OUT: Readonly<Record<OverrideKind, string>> = { holiday: "休", workday: "班", normal: "常" };

/** Writes overrides back in the line form (consecutive days of the same kind and name as one range). */
export function formatHolidayOverrides(overrides: HolidayOverrides): string {
  const dates = Object.keys(overrides).sort();
  const out: string[] = [];
  let i = 0;
  while (i < dates.length) {
    const start = dates[i] as string;
    const first = overrides[start] as HolidayOverride;
    let end = start;
    let j = i + 1;
    for (; j < dates.length; j++) {
      const next = dates[j] as string;
      const o = overrides[next] as HolidayOverride;
      if (dayjs(next).diff(dayjs(end), "day") !== 1 || o.kind !== first.kind || (o.name ?? null) !== (first.name ?? null)) break;
      end = next;
    }
    const span = start === end ? start : `${start}..${end}`;
    out.push([span, KIND_OUT[first.kind], first.name ?? ""].join(" ").trim());
    i = j;
  }
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

/** Later overrides win day by day. */
export function mergeOverrides(...layers: readonly (HolidayOverrides | undefined)[]): Record<string, HolidayOverride> {
  const out: Record<string, HolidayOverride> = {};
  for (const layer of layers) if (layer) for (const [k, v] of Object.entries(layer)) out[k] = v;
  return out;
}
