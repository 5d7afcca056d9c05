/**
 * The schedule decoder's weights (shared/plan/decode/weights.ts), each checked where it applies, and
 * the main ones shown deciding a small plan: with the weight the plan reads one way, with it set to
 * 0 it reads another.
 */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/index";
import { normalizeText } from "../../shared/normalize/normalize-text";
import { tokenLineOf } from "../../shared/plan/line-rules";
import { lineUnits, type LineUnit } from "../../shared/plan/decode/line-unit";
import { readingsOf, type Reading } from "../../shared/plan/decode/readings";
import { START, step, type DecodeState } from "../../shared/plan/decode/step";
import { WEIGHTS, withWeights, type WeightName } from "../../shared/plan/decode/weights";

function units(text: string): LineUnit[] {
  return lineUnits(normalizeText(text).map(tokenLineOf));
}

function reading(u: LineUnit, kind: Reading["kind"]): Reading {
  const r = readingsOf(u).find((x) => x.kind === kind);
  if (!r) throw new Error(`no ${kind} reading for ${u.whole.text}`);
  return r;
}

/** The weights a reading of `line` is scored with, after the lines before it. */
function termsOf(before: string[], line: string, kind: Reading["kind"], path: Reading["kind"][]): WeightName[] {
  const all = units(before.concat(line).join("\n"));
  let s: DecodeState = START;
  before.forEach((_, i) => {
    const res = step(s, reading(all[i] as LineUnit, path[i] as Reading["kind"]), all[i] as LineUnit);
    if (!res) throw new Error(`line ${i + 1} cannot be read as ${path[i]}`);
    s = res.state;
  });
  const last = all[all.length - 1] as LineUnit;
  const res = step(s, reading(last, kind), last);
  return res ? res.terms.map(([name]) => name) : [];
}

function tasks(text: string): string[] {
  return parsePlans(text).plans.flatMap((p) => p.schedule.flatMap((m) => m.tasks.map((t) => `${m.label}:${t.text}`)));
}

describe("each weight applies where it says", () => {
  const cases: [WeightName, string[], Reading["kind"][], string, Reading["kind"]][] = [
    ["enter", [], [], "三月份：", "month"],
    ["keywordBefore", ["二、活动安排"], ["other"], "三月份：", "month"],
    ["monthAdvance", ["三月份：", "1、植树"], ["month", "task"], "四月份：", "month"],
    ["monthLeap", ["三月份：", "1、植树"], ["month", "task"], "八月份：", "month"],
    ["monthBack", ["五月份：", "1、植树"], ["month", "task"], "三月份：", "month"],
    ["monthSame", ["三月份：", "1、植树"], ["month", "task"], "三月份：", "month"],
    ["dayAdvance", ["3月8日 庆祝三八节"], ["month"], "3月20日 教工趣味运动会", "month"],
    ["emptyMonth", ["三月份："], ["month"], "四月份：", "month"],
    ["sameStyle", ["三月份：", "1、植树"], ["month", "task"], "四月份：", "month"],
    ["styleSpace", [], [], "五月份  教工羽毛球赛", "month"],
    ["styleComma", [], [], "6月上旬，举办表彰会", "month"],
    ["styleGlued", [], [], "九月份组织新教师座谈会", "month"],
    ["headingWithDay", [], [], "3月8日召开座谈会", "month"],
    ["relativeYear", [], [], "今年10月，组织沙龙", "month"],
    ["markdownMonth", [], [], "### 2027年3月", "month"],
    ["itemSequence", ["1、三月份：植树"], ["month"], "2、四月份：登山", "month"],
    ["task", ["三月份："], ["month"], "植树活动", "task"],
    ["inlineTask", [], [], "三月份：植树；登山", "month"],
    ["pastTense", ["三月份："], ["month"], "组织了植树活动。", "task"],
    ["ordinalNext", ["三月份："], ["month"], "1、植树", "task"],
    ["ordinalBreak", ["三月份：", "1、植树"], ["month", "task"], "3、登山", "task"],
    ["unnumberedAmongNumbered", ["三月份：", "1、植树"], ["month", "task"], "登山", "task"],
    ["sectionAsFirstTask", ["三月份："], ["month"], "一、读书月活动", "task"],
    ["gluedSequence", ["11、寒假慰问"], ["glued"], "21、迎春游园", "glued"],
    ["gluedBreak", ["11、寒假慰问"], ["glued"], "91、教师节", "glued"],
    ["continuation", ["三月份：", "1、组织全体教职工开展春季健步走活动并"], ["month", "task"], "评选优胜小组。", "continuation"],
    ["header", [], [], "月份 活动内容 备注", "header"],
    ["extraCell", ["月份 活动内容 备注", "三月", "植树"], ["header", "month", "task"], "全体教工", "cell"],
    ["cellInPlace", ["月份 活动内容 备注", "三月"], ["header", "month"], "植树", "task"],
    ["rowInPlace", ["序号 活动 时间 负责人"], ["header"], "1 篮球赛 5月 体育组", "row"],
    ["monthCell", ["序号", "活动内容", "时间", "1", "植树"], ["header", "header", "header", "cell", "task"], "3", "month"],
    ["rowNumber", ["序号", "活动内容", "时间", "1", "植树", "3"], ["header", "header", "header", "cell", "task", "month"], "2", "cell"],
    ["furniture", [], [], "第3页", "furniture"],
    ["itemDetail", ["4、2027年5月：乒乓球赛。"], ["month"], "35岁以下为甲组", "furniture"],
    ["related", [], [], "学校工会工作计划范文", "furniture"],
    ["field", [], [], "时间：4月中旬", "field"],
    ["otherMonthTask", ["三月份："], ["month"], "今年4月，组织春游", "task"],
    ["fieldAsTask", ["三月份："], ["month"], "时间：3月中旬", "task"],
  ];
  for (const [weight, before, path, line, kind] of cases) {
    it(`${weight} (${WEIGHTS[weight]}) scores "${line}" read as ${kind}`, () => {
      expect(termsOf(before, line, kind, path)).toContain(weight);
    });
  }

  it("signOff scores the committee's name under the plan", () => {
    expect(termsOf(["红星中学2027年工会工作计划", "一、指导思想"], "红星中学工会", "furniture", ["other", "other"])).toContain("signOff");
  });
});

describe("the main weights decide a plan", () => {
  it("enter: one month word in a sentence is no 行事历; without the cost it would be", () => {
    const text = ["青禾小学2027年工会工作计划", "一、指导思想", "今年4月，组织一次教工春游。"].join("\n");
    expect(tasks(text)).toEqual([]);
    expect(withWeights({ enter: 0, styleComma: 0, relativeYear: 0 }, () => tasks(text))).toEqual(["今年4月:组织一次教工春游"]);
  });

  it("keywordBefore: a lone month under a 行事历 heading is a month; without the keyword it is text", () => {
    const text = ["青禾小学2027年工会工作计划", "三、活动安排", "五月份：教工羽毛球赛"].join("\n");
    expect(tasks(text)).toEqual(["五月份:教工羽毛球赛"]);
    expect(withWeights({ keywordBefore: 0 }, () => tasks(text))).toEqual([]);
  });

  it("gluedSequence: 11、21、22、 read as months glued to item numbers", () => {
    const text = ["青禾中学2027年工会工作计划", "11、寒假前慰问退休教师", "21、教工迎春游园会", "22、工会小组长会议", "31、女教工插花比赛"].join("\n");
    expect(tasks(text)).toEqual(["1:寒假前慰问退休教师", "2:教工迎春游园会", "2:工会小组长会议", "3:女教工插花比赛"]);
    expect(withWeights({ gluedSequence: 0 }, () => tasks(text))).not.toEqual(tasks(text));
  });

  it("pastTense: a 总结 under month headings is not a 行事历", () => {
    // The long opening paragraph keeps the title out of report-runs.ts's reach: the weight alone decides.
    const text = ["青禾幼儿园工会上半年工作总结", "上半年，在学校党支部的领导下，工会围绕学校中心工作，团结带领全体教职工做了以下几项工作，回顾如下：", "三月份：", "组织了教工植树，评出了优胜小组。", "四月份：", "举办了春季运动会。"].join("\n");
    expect(tasks(text)).toEqual([]);
    expect(withWeights({ pastTense: 0 }, () => tasks(text)).length).toBe(2);
  });

  it("itemDetail: bare lines under a month written inside a numbered item are that item's details", () => {
    const text = ["青禾中学2027年春季文体活动计划", "1、2027年3月：教工踏青。", "2、2027年5月：乒乓球赛。", "35岁以下为甲组", "35岁以上为乙组", "3、2027年6月：棋类比赛。"].join("\n");
    expect(tasks(text)).toEqual(["2027年3月:教工踏青", "2027年5月:乒乓球赛", "2027年6月:棋类比赛"]);
    expect(withWeights({ itemDetail: 0 }, () => tasks(text))).toContain("2027年5月:35岁以下为甲组");
  });

  it("dayAdvance: a list of dated days names March again for each of its days; without it the second day is a task", () => {
    // A bulleted list: under a day, only a listed or numbered line can be a task (a plain paragraph there tells about the day).
    const text = ["青禾小学2027年春季工会活动安排", "二、行事历", "- 3月8日（周一） 庆祝三八节", "- 3月20日（周六） 教工趣味运动会", "- 4月15日 青年教师读书沙龙"].join("\n");
    expect(tasks(text)).toEqual(["3月8日（周一）:庆祝三八节", "3月20日（周六）:教工趣味运动会", "4月15日:青年教师读书沙龙"]);
    expect(withWeights({ dayAdvance: 0 }, () => tasks(text))).toContain("3月8日（周一）:3月20日（周六）教工趣味运动会");
  });

  it("signOff: the name and date under the plan are no month and no task", () => {
    const text = ["青禾小学2027年工会工作计划", "二、行事历", "三月份：", "1、植树活动", "四月份：", "1、春季登山", "青禾小学工会", "2027年2月"].join("\n");
    expect(tasks(text)).toEqual(["三月份:植树活动", "四月份:春季登山"]);
  });
});
