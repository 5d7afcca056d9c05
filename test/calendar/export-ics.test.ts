import { describe, expect, it } from "vitest";
import { escapeIcsText, foldIcsLine, renderIcs } from "../../shared/calendar/export-ics";
import { task, ym } from "./fixture-tasks";

const generatedAt = new Date(Date.UTC(2026, 10, 22, 9, 0, 0));

/** Unfolds content lines (RFC 5545 §3.1): CRLF followed by one space joins the lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, "").split("\r\n");
}

/** The VEVENT blocks as property maps (after unfolding). */
function events(ics: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur: Map<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === "BEGIN:VEVENT") cur = new Map();
    else if (line === "END:VEVENT" && cur) {
      out.push(cur);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(":");
      cur.set(line.slice(0, i), line.slice(i + 1));
    }
  }
  return out;
}

describe("ICS export", () => {
  it("writes the golden file for two tasks (read and checked by hand)", () => {
    const tasks = [
      task("t-aaaa", "庆祝教师节, 慰问; 一线\\教师", [ym(2026, 9)], { date: "2026-09-10", owner: "王老师" }),
      task("t-bbbb", "举办秋季教职工运动会，项目有拔河、跳绳、托球跑和三人四足，以工会小组为单位报名", [ym(2026, 10)]),
    ];
    const result = renderIcs(tasks, { generatedAt, calendarName: "晨光小学工会行事历" });
    expect(result.events).toBe(2);
    expect(result.skipped).toBe(0);
    expect(result.ics).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//union-plan//union-plan 行事历//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:晨光小学工会行事历",
        "NAME:晨光小学工会行事历",
        "X-WR-TIMEZONE:Asia/Shanghai",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "BEGIN:VEVENT",
        "UID:t-aaaa.p-demo01@union-plan",
        "DTSTAMP:20261122T090000Z",
        "DTSTART;VALUE=DATE:20260910",
        "DTEND;VALUE=DATE:20260911",
        "SUMMARY:庆祝教师节\\, 慰问\\; 一线\\\\教师",
        "DESCRIPTION:计划：晨光小学2026学年度第一学期工会工作计",
        " 划\\n月份：9月\\n负责人：王老师",
        "CATEGORIES:工会",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:t-bbbb.p-demo01@union-plan",
        "DTSTAMP:20261122T090000Z",
        "DTSTART;VALUE=DATE:20261001",
        "DTEND;VALUE=DATE:20261002",
        "SUMMARY:【本月】举办秋季教职工运动会，项目有拔河、跳",
        " 绳、托球跑和三人四足，以工会小组为单位报名",
        "DESCRIPTION:计划：晨光小学2026学年度第一学期工会工作计",
        " 划\\n月份：10月\\n本月内完成，日期未定 / sometime this month",
        "CATEGORIES:工会",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("ends every line in CRLF and keeps every line within 75 octets", () => {
    const long = "开展“我与好书为伴”读书活动😀，".repeat(12);
    const { ics } = renderIcs([task("t-long", long, [ym(2026, 4)], { owner: "李老师" })], { generatedAt });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(events(ics)[0]?.get("SUMMARY")).toBe(`【本月】${long}`);
  });

  it("folds on UTF-8 character boundaries, emoji included", () => {
    const line = `SUMMARY:${"a".repeat(72)}工会😀活动`;
    const folded = foldIcsLine(line);
    const parts = folded.split("\r\n");
    expect(parts[0]).toBe(`SUMMARY:${"a".repeat(67)}`);
    for (const p of parts) {
      const bytes = new TextEncoder().encode(p);
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line decodes on its own: no character was cut in two.
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(p);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldIcsLine("SHORT:工会")).toBe("SHORT:工会");
    // Exactly 75 octets stays on one line; 76 folds.
    expect(foldIcsLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldIcsLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
  });

  it("escapes backslash, semicolon, comma and line breaks in text", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    const { ics } = renderIcs([task("t-nl", "第一行\n第二行; 注意, 安全", [ym(2026, 5)], { done: true })], { generatedAt });
    const ev = events(ics)[0];
    expect(ev?.get("SUMMARY")).toBe("✓ 【本月】第一行\\n第二行\\; 注意\\, 安全");
    expect(ev?.get("DESCRIPTION")).toContain("状态：已完成");
  });

  it("places undated tasks on one day of their month and ranges across their days", () => {
    const tasks = [
      task("t-mid", "工会小组长会议", [ym(2026, 11)], { partOfMonth: "中旬" }),
      task("t-end", "收缴会费", [ym(2026, 11)], { partOfMonth: "月末" }),
      task("t-range", "读书月活动", [ym(2026, 11)], { date: "2026-11-06", dateEnd: "2026-11-30" }),
      task("t-summer", "暑期教工疗休养", [ym(2027, 7), ym(2027, 8)]),
    ];
    const evs = events(renderIcs(tasks, { generatedAt }).ics);
    const at = (i: number): [string | undefined, string | undefined, string | undefined] => [evs[i]?.get("DTSTART;VALUE=DATE"), evs[i]?.get("DTEND;VALUE=DATE"), evs[i]?.get("SUMMARY")];
    expect(at(0)).toEqual(["20261111", "20261112", "【中旬】工会小组长会议"]);
    expect(at(1)).toEqual(["20261130", "20261201", "【月末】收缴会费"]);
    expect(at(2)).toEqual(["20261106", "20261201", "读书月活动"]);
    expect(at(3)).toEqual(["20270701", "20270702", "【7月—8月】暑期教工疗休养"]);
  });

  it("skips tasks whose year is unknown, counts them, and writes each task once", () => {
    const known = task("t-k", "三八节活动", [ym(2026, 3)], { date: "2026-03-08" });
    const unknown1 = task("t-u1", "三月份活动", [ym(null, 3)]);
    const unknown2 = task("t-u2", "四月份活动", [ym(null, 4)]);
    const result = renderIcs([known, unknown1, known, unknown2], { generatedAt });
    expect(result.events).toBe(1);
    expect(result.skipped).toBe(2);
    expect(result.skippedTasks.map((t) => t.id)).toEqual(["t-u1", "t-u2"]);
    expect(result.ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("gives the same UID to a task however its text changes, so a subscription updates it", () => {
    const a = events(renderIcs([task("t-same", "教师节慰问", [ym(2026, 9)])], { generatedAt }).ics)[0]?.get("UID");
    const b = events(renderIcs([task("t-same", "教师节慰问一线教师", [ym(2026, 10)])], { generatedAt }).ics)[0]?.get("UID");
    expect(a).toBe("t-same.p-demo01@union-plan");
    expect(b).toBe(a);
  });
});
