import { describe, expect, it } from "vitest";
import {
  dayInfo,
  formatHolidayLine,
  formatHolidayLineForMonths,
  formatHolidayOverrides,
  holidayQuoteLine,
  holidaysInMonth,
  parseHolidayOverrides,
  yearCovered,
} from "../../shared/holidays";

const kinds = (year: number, month: number, kind: string, overrides?: Parameters<typeof holidaysInMonth>[2]): string[] =>
  holidaysInMonth(year, month, overrides)
    .days.filter((d) => d.kind === kind)
    .map((d) => d.date);

describe("holidays from chinese-days (2004–2026)", () => {
  it("2026 National Day: 1–7 October off, Saturday 10 October worked", () => {
    const oct = holidaysInMonth(2026, 10);
    expect(oct.covered).toBe(true);
    expect(oct.note).toBeNull();
    expect(oct.days).toHaveLength(31);
    expect(kinds(2026, 10, "holiday")).toEqual(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"]);
    expect(kinds(2026, 10, "workday")).toEqual(["2026-10-10"]);
    expect(dayInfo("2026-10-01")).toEqual({ date: "2026-10-01", kind: "holiday", name: "国庆节", weekday: 4 });
    expect(dayInfo("2026-10-10")).toEqual({ date: "2026-10-10", kind: "workday", name: "国庆节调休", weekday: 6 });
    expect(dayInfo("2026-10-11")).toEqual({ date: "2026-10-11", kind: "weekend", name: null, weekday: 0 });
    expect(dayInfo("2026-10-08")).toEqual({ date: "2026-10-08", kind: "weekday", name: null, weekday: 4 });
  });

  it("2026 Spring Festival: 15–23 February off, 14 and 28 February worked", () => {
    expect(kinds(2026, 2, "holiday")).toEqual(["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"]);
    expect(kinds(2026, 2, "workday")).toEqual(["2026-02-14", "2026-02-28"]);
    expect(formatHolidayLine(2026, 2)).toBe("节假日 / Holidays: 春节 2月15日—23日放假；2月14日（周六）、2月28日（周六）调休上班");
  });

  it("writes one line per month as templates use it", () => {
    expect(formatHolidayLine(2026, 10)).toBe("节假日 / Holidays: 国庆节 10月1日—7日放假；10月10日（周六）调休上班");
    expect(formatHolidayLine(2026, 9)).toBe("节假日 / Holidays: 中秋节 9月25日—27日放假；9月20日（周日）调休上班");
    expect(formatHolidayLine(2026, 1)).toBe("节假日 / Holidays: 元旦 1月1日—3日放假；1月4日（周日）调休上班");
    expect(formatHolidayLine(2026, 3)).toBe("节假日 / Holidays: 本月无法定节假日和调休 / none this month");
    expect(holidayQuoteLine(2026, 4)).toBe("> 节假日 / Holidays: 清明节 4月4日—6日放假");
  });

  it("names both holidays of a run that holds two (2025: 国庆 with 中秋 inside)", () => {
    expect(formatHolidayLine(2025, 10)).toBe("节假日 / Holidays: 国庆节、中秋节 10月1日—8日放假；10月11日（周六）调休上班");
  });

  it("follows a holiday across the month's edge (春节 2025 runs 28 January – 4 February)", () => {
    expect(formatHolidayLine(2025, 1)).toBe("节假日 / Holidays: 元旦 1月1日放假；春节 1月28日—2月4日放假；1月26日（周日）调休上班");
    expect(formatHolidayLine(2025, 2)).toBe("节假日 / Holidays: 春节 1月28日—2月4日放假；2月8日（周六）调休上班");
  });

  it("puts two months under one heading's line", () => {
    expect(formatHolidayLineForMonths([{ year: 2026, month: 7 }, { year: 2026, month: 8 }])).toBe("节假日 / Holidays: 无法定节假日和调休 / none");
    expect(formatHolidayLineForMonths([{ year: 2026, month: 12 }, { year: 2027, month: 1 }])).toBe(
      "节假日 / Holidays: 无法定节假日和调休 / none；暂无 2027 年节假日数据 / no holiday data for 2027",
    );
  });
});

describe("a year chinese-days has no data for", () => {
  it("says so for 2027 instead of showing no holidays", () => {
    const jan = holidaysInMonth(2027, 1);
    expect(jan.covered).toBe(false);
    expect(jan.note).toBe("暂无 2027 年节假日数据 / no holiday data for 2027");
    expect(formatHolidayLine(2027, 1)).toBe("节假日 / Holidays: 暂无 2027 年节假日数据 / no holiday data for 2027");
    // Days are still there, as plain weekdays and weekends: 1 January 2027 is a Friday.
    expect(jan.days[0]).toEqual({ date: "2027-01-01", kind: "weekday", name: null, weekday: 5 });
    expect(jan.days[1]?.kind).toBe("weekend");
    expect(jan.days.some((d) => d.kind === "holiday" || d.kind === "workday")).toBe(false);
  });

  it("knows the edges of the data: 2003 and 2027 not covered, 2004 and 2026 covered", () => {
    expect([2003, 2004, 2026, 2027].map((y) => yearCovered(y))).toEqual([false, true, true, false]);
  });
});

describe("the user's own holidays", () => {
  const text = [
    "# 2027 年放假安排（自行补充）",
    "2027-01-01..2027-01-03 休 元旦",
    "2027-02-06～2027-02-12 休 春节",
    "2027-02-20 班 春节调休   // 周六上班",
    "",
    "2026-10-10 常",
  ].join("\n");

  it("reads the line form: ranges, kinds in Chinese, comments", () => {
    const { overrides, errors } = parseHolidayOverrides(text);
    expect(errors).toEqual([]);
    expect(Object.keys(overrides)).toHaveLength(3 + 7 + 1 + 1);
    expect(overrides["2027-01-02"]).toEqual({ kind: "holiday", name: "元旦" });
    expect(overrides["2027-02-20"]).toEqual({ kind: "workday", name: "春节调休" });
    expect(overrides["2026-10-10"]).toEqual({ kind: "normal", name: null });
  });

  it("merges over chinese-days and makes the year covered", () => {
    const { overrides } = parseHolidayOverrides(text);
    const feb = holidaysInMonth(2027, 2, overrides);
    expect(feb.covered).toBe(true);
    expect(feb.note).toBeNull();
    expect(kinds(2027, 2, "holiday", overrides)).toHaveLength(7);
    expect(formatHolidayLine(2027, 2, overrides)).toBe("节假日 / Holidays: 春节 2月6日—12日放假；2月20日（周六）调休上班");
    // A correction of a covered year: 10 October 2026 is an ordinary Saturday again.
    expect(dayInfo("2026-10-10", overrides).kind).toBe("weekend");
    expect(formatHolidayLine(2026, 10, overrides)).toBe("节假日 / Holidays: 国庆节 10月1日—7日放假");
    // Other 2027 months are covered by the user's data too, and have nothing.
    expect(formatHolidayLine(2027, 3, overrides)).toBe("节假日 / Holidays: 本月无法定节假日和调休 / none this month");
  });

  it("reads the JSON form of the brief", () => {
    const { overrides, errors } = parseHolidayOverrides('{ "2027-01-01": { "kind": "holiday", "name": "元旦" }, "2027-02-07": { "kind": "workday", "name": "春节调休" }, "2027-2-8": "休" }');
    expect(errors).toEqual([]);
    expect(overrides).toEqual({
      "2027-01-01": { kind: "holiday", name: "元旦" },
      "2027-02-07": { kind: "workday", name: "春节调休" },
      "2027-02-08": { kind: "holiday", name: null },
    });
  });

  it("reports bad lines with their line numbers and keeps the good ones", () => {
    const { overrides, errors } = parseHolidayOverrides("2027-01-01 休 元旦\n2027-02-30 休\n2027-03-01 放风筝\n明天放假\n2027-01-01..2027-03-01 休 太长");
    expect(Object.keys(overrides)).toEqual(["2027-01-01"]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(errors[0]?.message).toContain("2027-02-30");
  });

  it("reports bad JSON instead of throwing", () => {
    const r = parseHolidayOverrides("{ not json");
    expect(r.overrides).toEqual({});
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/JSON/);
  });

  it("writes overrides back in the line form, ranges joined", () => {
    const { overrides } = parseHolidayOverrides(text);
    const written = formatHolidayOverrides(overrides);
    expect(written).toBe("2026-10-10 常\n2027-01-01..2027-01-03 休 元旦\n2027-02-06..2027-02-12 休 春节\n2027-02-20 班 春节调休\n");
    expect(parseHolidayOverrides(written).overrides).toEqual(overrides);
  });
});

describe("bad input", () => {
  it("refuses a date that is not one", () => {
    expect(() => dayInfo("2026-13-45")).toThrow(RangeError);
    expect(() => dayInfo("2026-02-30")).toThrow(RangeError);
    expect(() => dayInfo("2026-2-3")).toThrow(RangeError);
  });
});
