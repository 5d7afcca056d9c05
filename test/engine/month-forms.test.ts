/** Every form of 行事历 the issue lists, in sample plans written for these tests. */
import { describe, expect, it } from "vitest";
import { parsePlans, ymKey, type Plan } from "../../shared/index";
import { matchMonthHeading } from "../../shared/schedule/month-heading";
import { foldKey } from "../../shared/normalize/fold";

function only(text: string): Plan {
  const r = parsePlans(text);
  expect(r.plans.length).toBe(1);
  return r.plans[0]!;
}

function months(plan: Plan): { label: string; ym: string[]; tasks: string[] }[] {
  return plan.schedule.map((m) => ({ label: m.label, ym: m.months.map(ymKey), tasks: m.tasks.map((t) => t.text) }));
}

describe("month heading rule, alone", () => {
  const cases: [string, number[] | null][] = [
    ["一月份工作：", [1]],
    ["三月份：", [3]],
    ["3月", [3]],
    ["3月份", [3]],
    ["元月", [1]],
    ["十二月份工作", [12]],
    ["2020年9月", [9]],
    ["七、八月份", [7, 8]],
    ["七月、八月", [7, 8]],
    ["7-8月", [7, 8]],
    ["12月至1月", [12, 1]],
    ["2020年12月至2021年1月", [12, 1]],
    ["９月份：", [9]],
    ["七、八月份：暑期生活", [7, 8]],
    ["九月份（开学月）：", [9]],
    ["今年4月，组织一次教工春游", null],
    ["3月8日召开妇女节座谈会", null],
    ["七、做好工会常规工作", null],
    ["二、主要工作", null],
    ["一、一月份工作", null],
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want === null ? "not a heading" : want.join("+")}`, () => {
      const got = matchMonthHeading(foldKey(text));
      expect(got === null ? null : got.months.map((m) => m.month)).toEqual(want);
    });
  }
});

describe("schedules in the forms people write", () => {
  it("reads 一月份工作： headings with 1. 1、 1 . 2. items in a calendar-year plan", () => {
    const plan = only(
      [
        "阳光小学2025年工会工作计划",
        "一、指导思想",
        "坚持服务教职工。",
        "二、工作行事历",
        "一月份工作：",
        "1. 做好年度工会工作总结。",
        "2、春节前走访慰问困难教职工；",
        "二月份工作：",
        "1 .制定本年度工会工作计划",
        "2.“巾帼建功”动员会",
        "七、八月份工作：",
        "1、组织教职工暑期疗休养。",
      ].join("\n"),
    );
    expect(plan.school).toBe("阳光小学");
    expect(plan.kind).toBe("年度");
    expect(plan.period).toEqual({ start: "2025-01", end: "2025-12" });
    expect(months(plan)).toEqual([
      { label: "一月份工作", ym: ["2025-01"], tasks: ["做好年度工会工作总结", "春节前走访慰问困难教职工"] },
      { label: "二月份工作", ym: ["2025-02"], tasks: ["制定本年度工会工作计划", "“巾帼建功”动员会"] },
      { label: "七、八月份工作", ym: ["2025-07", "2025-08"], tasks: ["组织教职工暑期疗休养"] },
    ]);
    // 七、八月份 must not have been taken for outline section 七; section 二 heads the 行事历.
    expect(plan.outline.map((n) => n.ordinal)).toEqual([1]);
    expect(plan.scheduleHeading).toBe("二、工作行事历");
  });

  it("crosses the new year in school-year order and keeps 元月 as January", () => {
    const plan = only(
      ["春晖中学2025学年度第一学期工会工作计划", "工作安排：", "9月：庆祝教师节", "10月份：教职工秋季运动会", "12月", "1、迎新年联欢", "元月", "1、学期工作总结"].join("\n"),
    );
    expect(plan.kind).toBe("学期");
    expect(plan.period).toEqual({ start: "2025-09", end: "2026-01" });
    expect(months(plan).map((m) => m.ym)).toEqual([["2025-09"], ["2025-10"], ["2025-12"], ["2026-01"]]);
    expect(months(plan)[0]!.tasks).toEqual(["庆祝教师节"]);
  });

  it("reads 7-8月, 七月、八月 and 12月至1月 as two months each", () => {
    const plan = only(["2025年工会活动安排", "七月、八月", "1、教工疗休养", "9-10月：教师节与秋季运动会", "12月至1月：", "1、送温暖"].join("\n"));
    expect(months(plan).map((m) => m.ym)).toEqual([
      ["2025-07", "2025-08"],
      ["2025-09", "2025-10"],
      ["2025-12", "2026-01"],
    ]);
  });

  it("resolves a written year that contradicts the order, with a warning on that line", () => {
    const r = parsePlans(["四、活动安排", "2023年11月", "1、学习工会法", "2023年12月至1月", "1、年度考核", "2023年3月", "1、三八节活动"].join("\n"));
    const plan = r.plans[0]!;
    expect(months(plan).map((m) => m.ym)).toEqual([["2023-11"], ["2023-12", "2024-01"], ["2024-03"]]);
    const warn = plan.diagnostics.find((d) => d.code === "year-conflict");
    expect(warn?.line).toBe(6);
    expect(warn?.severity).toBe("warning");
  });

  it("gives months above the first written year their years, counting back", () => {
    const plan = only(["主要活动安排", "12月至1月", "1、总结", "2021年3月", "1、三八节"].join("\n"));
    expect(months(plan).map((m) => m.ym)).toEqual([["2020-12", "2021-01"], ["2021-03"]]);
  });

  it("keeps years unknown when nothing names one", () => {
    const plan = only(["具体工作安排：", "三月份：", "1、三八节庆祝活动", "四月份：", "1、春季趣味运动会"].join("\n"));
    expect(plan.schedule.flatMap((m) => m.months.map((x) => x.year))).toEqual([null, null]);
    expect(plan.period).toBeNull();
  });

  it("reads a month inside a list item, with its task after the colon", () => {
    const plan = only(["四、工会月主题活动", "1、三月份：庆祝三八节，组织女教工插花活动。", "2、四月份:春季健步走", "3、五月份：青年教师演讲比赛"].join("\n"));
    expect(months(plan)).toEqual([
      { label: "三月份", ym: ["?-03"], tasks: ["庆祝三八节，组织女教工插花活动"] },
      { label: "四月份", ym: ["?-04"], tasks: ["春季健步走"] },
      { label: "五月份", ym: ["?-05"], tasks: ["青年教师演讲比赛"] },
    ]);
  });

  it("reads one line per month, splitting items on ；", () => {
    const plan = only(["2026年工会工作计划", "行事历", "3月：三八节慰问；工会小组长会议", "4月：读书分享会", "5月：五一劳模座谈"].join("\n"));
    expect(months(plan)[0]).toEqual({ label: "3月", ym: ["2026-03"], tasks: ["三八节慰问", "工会小组长会议"] });
    expect(months(plan).length).toBe(3);
  });

  it("reads Markdown month headings and checkboxes", () => {
    const plan = only(["# 示范小学2026年工会工作计划", "## 行事历", "### 三月", "- [ ] 三八节活动", "- [x] 小组长会议", "### 4月份", "- 教工读书会"].join("\n"));
    expect(months(plan)).toEqual([
      { label: "三月", ym: ["2026-03"], tasks: ["三八节活动", "小组长会议"] },
      { label: "4月份", ym: ["2026-04"], tasks: ["教工读书会"] },
    ]);
    expect(plan.schedule[0]!.tasks.map((t) => t.done)).toEqual([false, true]);
  });

  it("reads a Markdown pipe table with a 负责人 column and merged month cells", () => {
    const plan = only(
      [
        "# 城南医院2026年工会工作计划",
        "## 工作安排",
        "| 月份 | 工作内容 | 负责人 |",
        "| --- | --- | --- |",
        "| 3月 | 三八节女职工活动<br>职工体检 | 李梅 |",
        "|  | 工会小组长培训 | 王强 |",
        "| 四月 | 春季登山比赛 |  |",
      ].join("\n"),
    );
    expect(plan.school).toBe("城南医院");
    expect(months(plan)).toEqual([
      { label: "3月", ym: ["2026-03"], tasks: ["三八节女职工活动", "职工体检", "工会小组长培训"] },
      { label: "四月", ym: ["2026-04"], tasks: ["春季登山比赛"] },
    ]);
    expect(plan.schedule[0]!.tasks.map((t) => t.owner)).toEqual(["李梅", "李梅", "王强"]);
    expect(plan.schedule[1]!.tasks[0]!.owner).toBeNull();
  });

  it("recognises a schedule by structure alone, and never a sentence that mentions a month", () => {
    const plan = only(
      ["一、主要工作", "今年4月，组织一次教工春游。", "3月8日召开女教工座谈会。", "二、月度安排", "九月", "1、教师节表彰", "十月", "1、秋季运动会"].join("\n"),
    );
    expect(plan.schedule.map((m) => m.label)).toEqual(["九月", "十月"]);
    expect(plan.outline[0]!.children.map((c) => c.text)).toEqual(["今年4月，组织一次教工春游。", "3月8日召开女教工座谈会。"]);
  });

  it("leaves a lone month-like line in the text as text", () => {
    const plan = only(["一、工作目标", "三月份：", "做好三八节工作", "二、保障措施", "经费保障。"].join("\n"));
    expect(plan.schedule).toEqual([]);
  });

  it("reports an empty month with its line", () => {
    const r = parsePlans(["行事历", "三月份：", "1、三八节", "四月份：", "五月份：", "1、五四青年节"].join("\n"));
    const d = r.diagnostics.find((x) => x.code === "empty-month");
    expect(d?.line).toBe(4);
  });
});

describe("days, parts of months and owners inside tasks", () => {
  const plan = only(
    [
      "启明小学2026年工会工作计划",
      "行事历",
      "三月份：",
      "1、3月8日组织女教工半日游（负责人：张三）",
      "2、3月6日—30日开展读书月活动",
      "3、中旬召开工会委员会",
      "4、月末完成会员信息统计。",
      "四月份：",
      "1、15日春季运动会",
    ].join("\n"),
  );
  const tasks = plan.schedule.flatMap((m) => m.tasks);

  it("takes a day as the task's date", () => {
    expect(tasks[0]).toMatchObject({ text: "3月8日组织女教工半日游", date: "2026-03-08", owner: "张三" });
    expect(tasks[4]).toMatchObject({ text: "15日春季运动会", date: "2026-04-15" });
  });

  it("takes a day range as date and end date", () => {
    expect(tasks[1]).toMatchObject({ date: "2026-03-06", dateEnd: "2026-03-30" });
  });

  it("keeps parts of a month", () => {
    expect(tasks[2]!.partOfMonth).toBe("中旬");
    expect(tasks[3]!.partOfMonth).toBe("月末");
    expect(tasks[3]!.text).toBe("月末完成会员信息统计");
  });

  it("records each task's source line", () => {
    expect(tasks.map((t) => t.line)).toEqual([4, 5, 6, 7, 9]);
  });
});
