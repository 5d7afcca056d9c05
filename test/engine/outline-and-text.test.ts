/** Normalization, outline numbering, plan facts and several plans in one file, on sample plans written for these tests. */
import { describe, expect, it } from "vitest";
import { parsePlans, type OutlineNode } from "../../shared/index";
import { normalizeText } from "../../shared/normalize/normalize-text";
import { stripPinyinAnnotations } from "../../shared/normalize/pinyin";
import { looksLikeMojibake } from "../../shared/normalize/mojibake";
import { matchItemNumber } from "../../shared/outline/item-number";
import { factsFromTitle, schoolFromBody, schoolFromTitle } from "../../shared/plan/plan-facts";

const shape = (nodes: OutlineNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.level, n.ordinal, n.text, shape(n.children)] : [n.level, n.ordinal, n.text]));

describe("normalization", () => {
  it("maps every cleaned line back to its original line through CRLF, blank lines and tabs", () => {
    const lines = normalizeText("\uFEFF标题\r\n\r\n\t\u3000一、\u200b指导思想\r\n\u00a0\u00a01、 第\u3000\u3000四 工会小组");
    expect(lines.map((l) => [l.source, l.text])).toEqual([
      [1, "标题"],
      [3, "一、指导思想"],
      [4, "1、第四工会小组"],
    ]);
  });

  it("folds full-width forms only in the matching key, keeping the text as written", () => {
    const [line] = normalizeText("３月份：开展“三八”活动，（一）");
    expect(line!.text).toBe("３月份：开展“三八”活动，（一）");
    expect(line!.key).toBe("3月份:开展“三八”活动,(一)");
  });

  it("removes glued pinyin annotations and keeps Traditional characters", () => {
    expect(stripPinyinAnnotations("認(rèn)真學(xué)習(xí)貫徹").text).toBe("認真學習貫徹");
    expect(stripPinyinAnnotations("關心退休(養(yǎng))老同志").text).toBe("關心退休(養)老同志");
    expect(stripPinyinAnnotations("（一）加强建设(负责人：王)").text).toBe("（一）加强建设(负责人：王)");
  });

  it("flags mis-decoded lines but not ordinary Chinese", () => {
    expect(looksLikeMojibake("?。ㄈ┲匾暯搪毠り伍建設")).toBe(true);
    expect(looksLikeMojibake("（三）重视教职工队伍建设")).toBe(false);
  });
});

describe("outline numbers", () => {
  const forms: [string, number, number][] = [
    ["一、指导思想", 1, 1],
    ["十一、其他", 1, 11],
    ["（一）加强建设", 2, 1],
    ["(二)重学习", 2, 2],
    ["(三)、重服务", 2, 3],
    ["( 三)加强组织", 2, 3],
    ["1、强化师德", 3, 1],
    ["2.加强师能", 3, 2],
    ["3．提升素质", 3, 3],
    ["1 .参加比赛", 3, 1],
    ["1.2030-2031学年度先进评选", 3, 1],
    ["2.2030年度会员登记", 3, 2],
    ["1.20xx年元月迎新茶话会", 3, 1],
    ["（1）认真学习", 4, 1],
    ["(2)牢固树立", 4, 2],
    ["③组织活动", 5, 3],
  ];
  it("a decimal is no item number", () => {
    expect(matchItemNumber("1.5倍")).toBeNull();
    expect(matchItemNumber("1.2030")).toBeNull();
  });
  for (const [text, level, ordinal] of forms) {
    it(`${text} is level ${level}, number ${ordinal}`, () => {
      const m = matchItemNumber(normalizeText(text)[0]!.key);
      expect(m && [m.level, m.ordinal]).toEqual([level, ordinal]);
    });
  }

  it("nests levels and keeps body text under its item", () => {
    const plan = parsePlans(["某中学工会工作计划", "一、主要工作", "（一）师德建设", "1、学习", "（1）读书", "①写心得", "正文一段。", "2、实践", "二、保障措施"].join("\n")).plans[0]!;
    expect(shape(plan.outline)).toEqual([
      [1, 1, "主要工作", [[2, 1, "师德建设", [[3, 1, "学习", [[4, 1, "读书", [[5, 1, "写心得", [[6, null, "正文一段。"]]]]]]], [3, 2, "实践"]]]]],
      [1, 2, "保障措施"],
    ]);
  });

  it("gives a lost number the next one, and says so on its line", () => {
    const r = parsePlans(["二、主要工作", "1、开展师德活动", "2、开展青年教师活动", "、开展教工读书活动", "4、开展文体活动"].join("\n"));
    const items = r.plans[0]!.outline[0]!.children;
    expect(items.map((n) => [n.ordinal, n.text])).toEqual([
      [1, "开展师德活动"],
      [2, "开展青年教师活动"],
      [3, "开展教工读书活动"],
      [4, "开展文体活动"],
    ]);
    expect(r.diagnostics.find((d) => d.code === "number-lost")?.line).toBe(4);
  });

  it("notes a gap and a restart in the numbering, with their lines", () => {
    const r = parsePlans(["一、工作", "1、甲", "2、乙", "4、丁", "1、又一项"].join("\n"));
    expect(r.diagnostics.filter((d) => d.code !== "no-dated-items").map((d) => [d.code, d.line])).toEqual([
      ["numbering-gap", 4],
      ["numbering-restart", 5],
    ]);
  });
});

describe("plan facts", () => {
  it("reads school and organisation names from titles", () => {
    expect(schoolFromTitle("礼河实验学校2012年工会工作计划")).toBe("礼河实验学校");
    expect(schoolFromTitle("东方小学2011学年度第一学期第四工会小组计划")).toBe("东方小学");
    expect(schoolFromTitle("市第一人民医院2026年工会工作计划")).toBe("市第一人民医院");
    expect(schoolFromTitle("恒通机械有限公司工会2026年工作计划")).toBe("恒通机械有限公司");
    expect(schoolFromTitle("小学工会工作计划")).toBeNull();
  });

  it("with no title, takes the school the body names twice, and no phrase around it", () => {
    expect(schoolFromBody(["組織明德小學第一屆教工象棋賽", "展示城東區明德小學教師風采"])).toBe("明德小學");
    expect(schoolFromBody(["带领全镇小学教师学习", "带领全镇小学教师实践"])).toBeNull();
    expect(schoolFromBody(["我校工会", "明德小学一次"])).toBeNull();
  });

  it("reads the period from every title form", () => {
    expect(factsFromTitle("某校2012年工会工作计划").period).toEqual({ start: "2012-01", end: "2012-12" });
    expect(factsFromTitle("某校2011学年度第一学期工会计划").period).toEqual({ start: "2011-09", end: "2012-01" });
    expect(factsFromTitle("某校2011学年度第二学期工会计划").period).toEqual({ start: "2012-02", end: "2012-07" });
    expect(factsFromTitle("某校2020-2021学年工会工作计划").period).toEqual({ start: "2020-09", end: "2021-07" });
    expect(factsFromTitle("某校2026年下半年工会工作计划").period).toEqual({ start: "2026-07", end: "2026-12" });
    expect(factsFromTitle("某校2026年春季工会工作计划").period).toEqual({ start: "2026-02", end: "2026-07" });
    expect(factsFromTitle("学校工会工作计划").period).toBeNull();
    expect(factsFromTitle("某校二〇二六年工会工作计划").period).toEqual({ start: "2026-01", end: "2026-12" });
  });

  it("reads the kind", () => {
    expect(factsFromTitle("东方小学2011学年度第一学期第四工会小组创建文明组室计划").kind).toBe("工会小组");
    expect(factsFromTitle("某校2026年工会月主题活动安排").kind).toBe("月主题");
    expect(factsFromTitle("某校2026年春季工会工作计划").kind).toBe("学期");
    expect(factsFromTitle("某校2026年工会工作计划").kind).toBe("年度");
  });

  it("reads a company union plan the same way as a school's", () => {
    const plan = parsePlans(["恒通机械有限公司工会2026年工作计划", "一、指导思想", "服务职工。", "二、全年活动安排", "三月：三八节女职工活动", "五月：职工技能比武", "十二月：年终总结"].join("\n")).plans[0]!;
    expect(plan.school).toBe("恒通机械有限公司");
    expect(plan.schedule.map((m) => m.months[0]!.year)).toEqual([2026, 2026, 2026]);
  });
});

describe("several plans in one file", () => {
  const text = [
    "2025-03-01",
    "【某网站--工作计划】",
    "上半年工作：",
    "一、加强学习",
    "二、维护权益",
    "三、丰富活动",
    "下半年的主要工作：",
    "一、做好教师节工作",
    "二、做好送温暖工作",
    "指导思想：坚持以教职工为本，围绕学校中心工作。",
    "具体工作安排：",
    "三月份：",
    "1、三八节活动",
    "四月份：",
    "1、春季运动会",
    "学校工会年度工作计划 篇3",
    "一、指导思想",
    "团结广大教职工。",
  ].join("\n");
  const r = parsePlans(text);

  it("splits at a restart, a new 指导思想 and a numbered title", () => {
    expect(r.plans.map((p) => p.lines)).toEqual([
      { start: 3, end: 6 },
      { start: 7, end: 9 },
      { start: 10, end: 15 },
      { start: 16, end: 18 },
    ]);
    expect(r.plans[3]!.title).toBe("学校工会年度工作计划");
    expect(r.plans[2]!.schedule.length).toBe(2);
  });

  it("sets page furniture aside and says where", () => {
    const d = r.diagnostics.find((x) => x.code === "noise-skipped");
    expect(d?.line).toBe(1);
  });

  it("gives each plan its own id", () => {
    expect(new Set(r.plans.map((p) => p.id)).size).toBe(4);
  });
});
