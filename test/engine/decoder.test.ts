/**
 * The reading of a whole plan: date phrases, dated items in the body, the never-silent diagnostics,
 * and `--explain` (through the CLI, as a user runs it).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlans, type Plan } from "../../shared/index";
import { foldKey } from "../../shared/normalize/fold";
import { readDatePhrase } from "../../shared/schedule/date-phrase";
import { runCli } from "../cli/cli-harness";

function only(text: string): Plan {
  const plans = parsePlans(text).plans;
  expect(plans).toHaveLength(1);
  return plans[0] as Plan;
}

function body(plan: Plan): string[] {
  return plan.bodyTasks.flatMap((g) => g.tasks.map((t) => `${g.label}|${g.months.map((m) => m.month).join("+")}|${t.text}`));
}

describe("date phrases", () => {
  const cases: [string, string | null, number[]][] = [
    ["三月份：", "三月份", [3]],
    ["20xx年4月：教工登山", "20xx年4月", [4]],
    ["xx年4月16—18日举行篮球赛", "xx年4月16—18日", [4]],
    ["XX年3月：植树", "XX年3月", [3]],
    ["xx市工会", null, []],
    ["2———3月", "2———3月", [2, 3]],
    ["4月——10月", "4月——10月", [4, 5, 6, 7, 8, 9, 10]],
    ["9,10月", "9,10月", [9, 10]],
    ["四月份和九月份分别", "四月份和九月份", [4, 9]],
    ["10月中旬—11月中旬", "10月中旬—11月中旬", [10, 11]],
    ["6月3日至7月2日", "6月3日至7月2日", [6, 7]],
    ["12月至1月", "12月至1月", [12, 1]],
    ["寒假期间", "寒假期间", [1, 2]],
    ["第一季度", "第一季度", [1, 2, 3]],
    ["11月左右组织", "11月左右", [11]],
    ["4月中下旬舉辦運動會", "4月中下旬", [4]],
    ["5月上中旬", "5月上中旬", [5]],
    ["7月上、中旬舉辦", "7月上、中旬", [7]],
    ["9月1日起", "9月1日起", [9]],
    ["一、一月份", null, []],
    ["3.8妇女节", null, []],
    ["全年", null, []],
    ["3月6日、7日两个半天", "3月6日、7日", [3]],
    ["五一期间举办", "五一期间", [5]],
    ["“五一”国际劳动节期间，利用", "“五一”国际劳动节期间", [5]],
    ["教师节前后慰问", "教师节前后", [9]],
    ["國慶節期間", "國慶節期間", [10]],
    ["三八妇女节为契机", null, []],
    ["五一劳动节", null, []],
    ["3月x日下午女教工游园", "3月x日", [3]],
    ["9月16、17日举行拔河预赛", "9月16、17日", [9]],
    ["2月x日—3月x日发动", "2月x日—3月x日", [2, 3]],
    ["9/1（一） 開學日", "9/1", [9]],
    ["2/1~2/15會員申請", "2/1~2/15", [2]],
    ["115/2/1起申請", "115/2/1起", [2]],
    ["2026/2/1 报名", "2026/2/1", [2]],
    ["2019/08/15 发布", null, []],
    ["13/1", null, []],
    ["24/7值班", null, []],
    ["1/2/3/4", null, []],
    ["9/1.5", null, []],
  ];
  for (const [text, label, months] of cases) {
    it(`${text} → ${label ?? "none"}`, () => {
      const p = readDatePhrase(foldKey(text));
      expect(p === null ? null : text.slice(0, p.end)).toBe(label);
      if (p) expect(p.months.map((m) => m.month)).toEqual(months);
    });
  }
});

describe("a date phrase never reaches past its text", () => {
  it("ends where the text does, and a day that lost its 日 at the end of a cell is still the day", () => {
    for (const t of ["3月", "三月份", "3月x", "9/1", "2017年11月30", "寒假", "五一期间"]) {
      const p = readDatePhrase(foldKey(t));
      expect(p?.end ?? 0).toBeLessThanOrEqual(t.length);
    }
    expect(readDatePhrase(foldKey("2017年11月30"))?.day).toEqual({ month: 11, day: 30 });
    expect(readDatePhrase(foldKey("3月x"))?.day).toBeNull();
  });
});

describe("slash dates", () => {
  it("a Republic year counts from 1911 and a four-digit year is taken as written", () => {
    expect(readDatePhrase(foldKey("115/2/1"))?.months).toEqual([{ year: 2026, month: 2 }]);
    expect(readDatePhrase(foldKey("2026/2/1"))?.months).toEqual([{ year: 2026, month: 2 }]);
  });

  it("a range keeps its last day, and a slash date is never read inside a longer number or path", () => {
    const p = readDatePhrase(foldKey("9/1-9/30 报名"));
    expect([p?.day, p?.dayEnd]).toEqual([{ month: 9, day: 1 }, { month: 9, day: 30 }]);
    expect(readDatePhrase(foldKey("x/2/15"), 2)).toBeNull();
    expect(readDatePhrase(foldKey("12/31"), 1)).toBeNull();
  });

  it("a task's own slash date dates it, and a publication stamp is page furniture", () => {
    const plan = only(["青山國中教師會115年度工作計畫", "二、行事曆", "三月份：", "1、會員大會（3/18舉行）", "2、春季旅遊"].join("\n"));
    expect(plan.schedule[0]?.tasks.map((t) => t.date)).toEqual(["2026-03-18", null]);
    expect(parsePlans("2026/01/30 10:12\n青山國中教師會115年度工作計畫\n二、行事曆\n三月份：\n1、會員大會").plans[0]?.schedule).toHaveLength(1);
  });
});

describe("dated items in the body, after an activity's name", () => {
  it("a short name and its colon open the sentence: the date after them dates what is done", () => {
    const plan = only(["某中心2030年工会工作计划", "一、主要活动", "（3）自行车环湖运动：四月份组织一次自行车环湖活动，领略湖岸春色。", "（4）春游：五月份组织一次职工春游。"].join("\n"));
    expect(body(plan)).toEqual(["四月份|4|组织一次自行车环湖活动，领略湖岸春色", "五月份|5|组织一次职工春游"]);
  });

  it("the rest of a range the date did not take is no task", () => {
    expect(body(only(["某中心2030年工会工作计划", "一、主要活动", "申请时间：2/1 ~ 2 /15止。"].join("\n")))).toEqual([]);
  });
});

describe("dated items in the body", () => {
  const PLAN = [
    "青禾中学2027年工会工作计划",
    "一、加强自身建设",
    "（1）会员信息每学期更新一次。",
    "（2）11月左右组织一次秋季登山。",
    "2、2027年12月召开会员大会进行换届。",
    "3、6月上旬，举办优秀会员表彰会，表彰一批先进。",
    "4、做好日常工作。今年10月，组织一次青年教师沙龙。",
    "5、3月份以来，大力开展了读书活动。",
    "6、组织会员秋季健步走（十月份）。",
    "青禾中学工会",
    "2027年1月",
  ].join("\n");

  it("reads each dated sentence with its months, its text without the date phrase", () => {
    expect(body(only(PLAN))).toEqual([
      "11月左右|11|组织一次秋季登山",
      "2027年12月|12|召开会员大会进行换届",
      "6月上旬|6|举办优秀会员表彰会，表彰一批先进",
      "今年10月|10|组织一次青年教师沙龙",
      "十月份|10|组织会员秋季健步走",
    ]);
  });

  it("gives them the plan's year and a part of the month when written", () => {
    const plan = only(PLAN);
    expect(plan.bodyTasks[0]?.months).toEqual([{ year: 2027, month: 11 }]);
    expect(plan.bodyTasks[2]?.tasks[0]?.partOfMonth).toBe("上旬");
    expect(plan.bodyTasks.every((g) => g.tasks.every((t) => t.form === "body-sentence"))).toBe(true);
  });

  it("never lists one twice when the 行事历 has it", () => {
    const plan = only(["青禾中学2027年工会工作计划", "一、工作", "1、5月组织教工羽毛球赛。", "二、行事历", "五月份：", "1、组织教工羽毛球赛", "六月份：", "1、端午慰问"].join("\n"));
    expect(body(plan)).toEqual([]);
    expect(plan.schedule.map((m) => m.label)).toEqual(["五月份", "六月份"]);
  });

  it("keeps a body sentence the 行事历 lists for another month: it is another date for the same words", () => {
    const plan = only(["青禾中学2027年工会工作计划", "一、工作", "1、10月组织教工羽毛球赛。", "二、行事历", "五月份：", "1、组织教工羽毛球赛", "六月份：", "1、端午慰问"].join("\n"));
    expect(body(plan)).toEqual(["10月|10|组织教工羽毛球赛"]);
  });

  it("reads an activity block's fields: the name field, the time field", () => {
    const plan = only(["青禾公司工会年度活动计划", "二、活动安排", "- 活动名称：新春联欢会", "- 时间：1月中旬", "- 活动名称：职工趣味运动会", "- 时间：4月下旬"].join("\n"));
    expect(body(plan)).toEqual(["1月中旬|1|新春联欢会", "4月下旬|4|职工趣味运动会"]);
  });
});

describe("the last item, written without its full stop, before the sign-off", () => {
  const last = (lines: string[]): string[] => body(only(["关于开展2031年春季职工活动的通知", "各分会：", ...lines].join("\n")));

  it("a section item is still a sentence when only the sign-off stands under it", () => {
    expect(last(["一、5月23日、24日两天，在各基层工会巡回开展职工书画作品展", "滨河区总工会", "2031年4月2日"])).toEqual(["5月23日、24日|5|在各基层工会巡回开展职工书画作品展"]);
  });

  it("a teachers' association signs off with its closing formula (教師會 敬啟)", () => {
    expect(last(["（三）114 年 5 月 17 日上午舉辦校慶園遊會", "", "青山國中教師會 敬啟"])).toEqual(["114 年 5 月 17 日|5|舉辦校慶園遊會"]);
  });

  it("a sentence that ends in a union's name but holds a date is no sign-off", () => {
    expect(last(["三、报名", "请各工会小组3月6日前将参加名单报机关工会"])).toEqual(["3月6日前|3|将参加名单报机关工会"]);
  });
});

describe("month numbers glued to item numbers", () => {
  const after = (lines: string[]): Plan => only(["# 计划", "## 行事历", "1月份：", "1、开展健步走", "## 附则", ...lines].join("\n"));

  it("a first glued number continues nothing: a list whose 1 was typed twice is no table", () => {
    const plan = after(["11 本办法自公布之日起施行", "2、本办法由工会负责解释", "3、未尽事宜另行通知"]);
    expect(plan.schedule.map((m) => m.label)).toEqual(["1月份"]);
  });

  it("a line without a number under a glued row is not a row of its own", () => {
    const plan = after(["11 本办法自公布之日起施行", "解释权归工会", "未尽事宜另行通知", "各小组遵照执行", "如有变动另行通知", "请各位教工周知", "特此说明"]);
    expect(plan.schedule.map((m) => m.label)).toEqual(["1月份"]);
  });

  it("punctuation after 附则 stays out of the 行事历 (a property test's counterexample)", () => {
    const plan = after(["11 !", "!!", "!!"]);
    expect(plan.schedule.flatMap((m) => m.tasks.map((t) => t.text))).toEqual(["开展健步走"]);
  });
});

describe("never silent", () => {
  it("names lines that open with a month but became no task, and says the plan has no dated item", () => {
    const plan = only(["青禾小学2027年工会工作计划", "一、回顾", "3月份以来，开展了读书活动。", "4月以来，举办了讲座。"].join("\n"));
    const codes = plan.diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(["dates-not-read", 3]);
    expect(codes).toContainEqual(["no-dated-items", 1]);
    const warning = plan.diagnostics.find((d) => d.code === "dates-not-read");
    expect(warning?.message).toMatch(/第 3、4 行/);
    expect(warning?.message).toMatch(/--explain/);
  });

  it("names a whole page pasted as one line, and not a long paragraph of one item", () => {
    const page = [
      "青石镇中心小学工会2031年春季教工活动方案 一、活动目的 为丰富教职工的业余生活，增强教职工之间的交流与合作，营造团结和谐的校园氛围，经校工会委员会研究，决定在本学期开展系列教工活动。",
      "二、活动安排 1、3月上旬组织女教工插花沙龙，地点在学校图书室。 2、4月中旬开展教工春季健步走，沿滨江绿道往返。 3、5月下旬举行教工气排球友谊赛，各年级组各出一队。 三、活动要求 各工会小组长做好本组教工的组织发动工作，活动期间注意安全。",
    ].join(" ");
    const plan = only(page);
    const d = plan.diagnostics.find((x) => x.code === "page-on-one-line");
    expect(d?.line).toBe(1);
    expect(d?.message).toMatch(/^第 1 行有 \d+ 字，\d+ 个编号条目连在这一行里/);
    const paragraph = "为丰富教职工的业余生活，增强教职工之间的交流与合作，营造团结和谐的校园氛围，经校工会委员会研究，决定在本学期开展系列教工活动，".repeat(4) + "请各工会小组长做好组织发动工作。";
    expect(only(`青石镇中心小学工会2031年春季教工活动方案\n${paragraph}`).diagnostics.map((x) => x.code)).not.toContain("page-on-one-line");
  });

  it("says nothing of the kind when the plan has a 行事历", () => {
    const plan = only(["青禾小学2027年工会工作计划", "二、行事历", "三月份：", "1、植树", "四月份：", "1、登山"].join("\n"));
    expect(plan.diagnostics.filter((d) => d.code === "dates-not-read" || d.code === "no-dated-items")).toEqual([]);
  });
});

describe("union-plan parse --explain", () => {
  it("prints each line's reading, the clues that scored it and the runner-up", () => {
    const dir = mkdtempSync(join(tmpdir(), "union-plan-explain-"));
    const file = join(dir, "plan.txt");
    writeFileSync(file, ["青禾中学2027年工会工作计划", "11、寒假前慰问退休教师", "21、教工迎春游园会", "31、女教工插花比赛", "今年4月，组织一次春游。"].join("\n"));
    const r = runCli(["parse", "--explain", file]);
    expect(r.code).toBe(0);
    // The first glued number continues nothing; the second is what makes them a sequence.
    expect(r.stdout).toMatch(/第 2 行 \| 11、寒假前慰问退休教师\n\s+读作 \/ read as: 月份\+序号 month glued to item number 1月 第1项 +\[enter -4, task \+1\]/);
    expect(r.stdout).toMatch(/第 3 行 \| 21、教工迎春游园会\n\s+读作 \/ read as: 月份\+序号 month glued to item number 2月 第1项 +\[gluedSequence \+2/);
    expect(r.stdout).toMatch(/其次 \/ runner-up: 正文 body text/);
    expect(r.stdout).toMatch(/第 5 行 \| 今年4月，组织一次春游。\n\s+读作 \/ read as: 正文 body text/);
  });
});
