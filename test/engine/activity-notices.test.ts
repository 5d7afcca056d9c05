/** The rules that read activity notices, each alone: dates after a subject, the activity an opening paragraph names, page noise. */
import { describe, expect, it } from "vitest";
import { midClauseDates } from "../../shared/plan/mid-clause-date";
import { introActivity } from "../../shared/plan/activity-intro";
import { datedPieces } from "../../shared/plan/body-tasks";
import { isNoiseLine, isTitleLike } from "../../shared/plan/plan-facts";
import { groupTitleLines } from "../../shared/plan/group-titles";
import { extractTasks, parsePlans } from "../../shared/index";

const read = (s: string): { label: string; months: number[]; text: string } | null => {
  const d = midClauseDates(s, 1)[0];
  return d === undefined ? null : { label: d.label, months: d.months.map((m) => m.month), text: d.text };
};

describe("a date after the sentence's subject", () => {
  it("a word of intent before the date: the task is the rest of the clause, without weekday and hour", () => {
    expect(read("工会定于5月9日（星期六）上午9点举办职工趣味运动会，请各组做好准备。")).toEqual({ label: "5月9日", months: [5], text: "举办职工趣味运动会" });
    expect(read("学校工会将在11月组织一次秋季长跑。")).toEqual({ label: "11月", months: [11], text: "组织一次秋季长跑" });
  });

  it("a second date in a later clause of the same sentence is read after the first one's clause", () => {
    const both = midClauseDates("纸质材料盖章后于12月8日前交到工会办公室，同时将电子档于12月10日前发至工会邮箱。", 1);
    expect(both.map((d) => [d.label, d.text])).toEqual([
      ["12月8日前", "交到工会办公室"],
      ["12月10日前", "发至工会邮箱"],
    ]);
    // The same day said twice in one clause is one date.
    expect(midClauseDates("工会定于5月9日举办职工趣味运动会，5月9日当天请准时到场。", 1)).toHaveLength(1);
  });

  it("a deadline: what is due after it, with clauses joined by 并; whoever it binds stays in the line", () => {
    expect(read("请各分会在3月2日前上报名单，并做好动员。")?.text).toBe("上报名单，并做好动员");
    expect(read("请各分会在3月2日前上报名单，会后另行通知。")?.text).toBe("上报名单");
    expect(read("参加人员于4月7日下午5:00以前交齐费用。")).toEqual({ label: "4月7日", months: [4], text: "交齐费用" });
    expect(read("各工会小组在4月17日前报名。")?.text).toBe("报名");
    // With no 于 or 在, a date in digits right after the subject can only be a deadline.
    expect(read("请各分会9月10日前将困难职工名单报工会。")).toEqual({ label: "9月10日前", months: [9], text: "将困难职工名单报工会" });
    expect(read("请各分会9月10日将名单报工会。")).toBeNull();
    expect(read("工会2025年3月前完成换届。")).toBeNull();
  });

  it("a date in brackets after the word of intent; a date owned by the event the clause names", () => {
    expect(read("工会将在（12月18日）举行冬季长跑比赛。")).toEqual({ label: "12月18日", months: [12], text: "举行冬季长跑比赛" });
    expect(read("参与筹备于11月中旬召开的第二届教代会。")?.text).toBe("参与筹备于11月中旬召开的第二届教代会");
  });

  it("a deadline naming nobody: the task is what follows it, or the next clause", () => {
    expect(read("请于6月1日前将作品交至工会办公室。")?.text).toBe("将作品交至工会办公室");
    expect(read("组织报名，并于6月1日12点前，各组长将报名表交工会。")?.text).toBe("各组长将报名表交工会");
  });

  it("a plain 于 before a day, maybe an hour in Chinese numerals, and an event verb: the event", () => {
    expect(read("工会于5月9日在操场举办运动会。")).toEqual({ label: "5月9日", months: [5], text: "在操场举办运动会" });
    expect(read("县工会特别于五月五日上午十时举办庆祝大会，地点在礼堂。")).toEqual({ label: "五月五日", months: [5], text: "举办庆祝大会" });
  });

  it("an event after the date's clause: the next clause; after 以后 and a comma likewise", () => {
    expect(read("县总工会拟定于4月24日—4月26日，对全县劳模进行走访慰问。")).toEqual({ label: "4月24日—4月26日", months: [4], text: "对全县劳模进行走访慰问" });
    expect(read("比赛拟定于9月29日（周五）下午4:30以后，在游泳馆举行。")?.text).toBe("在游泳馆举行");
    // The subject is the event itself, not who holds it: the clause is the task, date and all.
    expect(read("各分会：我校第五届教职工代表大会拟于2031年12月下旬召开，现将有关事项通知如下。")).toEqual({ label: "2031年12月下旬", months: [12], text: "我校第五届教职工代表大会拟于2031年12月下旬召开" });
    expect(read("校工会将于10月18日举办教工羽毛球赛。")?.text).toBe("举办教工羽毛球赛");
  });

  it("not commitments: a plain 于 or 在 before a month, a date qualifying a noun, a deadline without a day, the past", () => {
    expect(read("工会于5月在操场举办运动会。")).toBeNull();
    expect(read("工会将于暑假前举办消夏晚会。")).toBeNull();
    expect(read("工会定于5月的第一周举办运动会。")).toBeNull();
    expect(read("工会定于5月9日举办了运动会。")).toBeNull();
    expect(read("5月9日举办运动会。")).toBeNull();
  });

  it("a sentence that opens on a date and an hour: a deadline or an event after them, never the hour alone or a step of the day", () => {
    const texts = (s: string): string[] => datedPieces(s, 1).map((p) => p.text);
    expect(texts("3月20日（周四）下午5点前各单位将名单报送工会办公室。")).toEqual(["各单位将名单报送工会办公室。"]);
    expect(texts("6月3日（星期二）下午2:30在礼堂召开教代会。")).toEqual(["在礼堂召开教代会。"]);
    expect(texts("6月3日（星期二）上午8:30。")).toEqual([]);
    expect(texts("7月31日早9:30点北京大厦集合出发。")).toEqual([]);
    // 将 before a verb says "will"; before a noun it marks the object and stays.
    expect(texts("五月将参加区教工合唱比赛。")).toEqual(["参加区教工合唱比赛。"]);
    expect(texts("3月5日前将报名表交工会。")).toEqual(["将报名表交工会。"]);
  });

  it("is read only when no clause of the sentence opens on a date", () => {
    const pieces = datedPieces("根据工作安排，5月份工会定于5月9日举办运动会。", 1);
    expect(pieces.map((p) => p.label)).toEqual(["5月份"]);
  });

  it("a date that opens a sentence after 在 qualifying a noun is a setting, not a task; so is a season only near", () => {
    expect(datedPieces("在10月的教工大会上将通报活动情况。", 1)).toEqual([]);
    expect(datedPieces("寒假将近，各项工作陆续结束。", 1)).toEqual([]);
  });

  it("a sentence that says what a day is commits to nothing", () => {
    expect(datedPieces("2031年3月8日是“三八”国际劳动妇女节121周年纪念日。", 1)).toEqual([]);
    expect(datedPieces("4月23日是第36个世界读书日。", 1)).toEqual([]);
  });

  it("a finer date of the same month later in a sentence that opens with the whole month: one item", () => {
    expect(datedPieces("10月份，助学是老项目，在十月上旬我们将继续辅导作业。", 1).map((p) => p.label)).toEqual(["10月份"]);
    expect(datedPieces("5月上旬组织植树，5月下旬开展培训。", 1).map((p) => p.label)).toEqual(["5月上旬", "5月下旬"]);
  });
});

describe("the activity an opening paragraph names", () => {
  it("the object of the last organising verb, when it ends in a word for an activity", () => {
    expect(introActivity("为活跃气氛，经研究，工会决定组织全体会员开展秋季登高活动，现将方案通知如下：", null)).toBe("秋季登高活动");
    expect(introActivity("工会拟举办一次教职工摄影展。", null)).toBe("教职工摄影展");
  });

  it("a quoted name starts at its quote; a name under 的 starts after it", () => {
    expect(introActivity("特此举办文化中心“迎新趣味运动会”。", null)).toBe("“迎新趣味运动会”");
    expect(introActivity("我们为此举办一场意义深远的义务植树活动。", null)).toBe("义务植树活动");
  });

  it("words of the occasion before a quoted name are part of it; an organiser or the members taking part are not", () => {
    expect(introActivity("我工会特举办庆“重阳”登高比赛。", null)).toBe("庆“重阳”登高比赛");
    expect(introActivity("工会决定分批组织会员开展2031年迎“国庆”“金秋漫步”健身活动。", null)).toBe("2031年迎“国庆”“金秋漫步”健身活动");
    expect(introActivity("工会决定组织全体教职工“迎新春”长跑活动。", null)).toBe("“迎新春”长跑活动");
  });

  it("the name ends where a purpose begins", () => {
    expect(introActivity("为感谢老教师的付出，特举办退休教师欢送会以表达敬意与关怀。", null)).toBe("退休教师欢送会");
  });

  it("with the field's date in a clause: what follows that date", () => {
    expect(introActivity("园工会组织教职工于2032年4月11日（周日）赴东湖湿地开展健步活动，具体如下。", "4月11日")).toBe("赴东湖湿地开展健步活动");
    // The date then an organising verb: the name is what it organises.
    expect(introActivity("分工会定于11月6日举办室内飞镖比赛，现通知如下。", "11月6日")).toBe("室内飞镖比赛");
  });

  it("no activity word at the end, or no organising verb: none", () => {
    expect(introActivity("为了丰富教职工的业余生活，增进交流。", null)).toBeNull();
    expect(introActivity("工会组织全体教职工认真学习文件精神。", null)).toBeNull();
  });
});

describe("page noise", () => {
  it("a link or a 【】 in a short line, or at a line's start, is furniture", () => {
    expect(isNoiseLine("【写作参考】本文由网友整理，供参考。")).toBe(true);
    expect(isNoiseLine("更多范文请访问 www.example.com")).toBe(true);
  });

  it("a web page's post fields (publication or update time, source, view counter) are furniture; a plan's own fields are not", () => {
    expect(isNoiseLine("發布時間：2027年02月20日 10:30  瀏覽次數：  作者：")).toBe(true);
    expect(isNoiseLine("更新时间：2027-02-21 08:05")).toBe(true);
    expect(isNoiseLine("时间：2027-02-20 来源：校工会 作者：管理员")).toBe(true);
    expect(isNoiseLine("来源：校工会办公室  点击数：128")).toBe(true);
    expect(isNoiseLine("经费来源：工会会费")).toBe(false);
    expect(isNoiseLine("活动时间：2027年3月8日下午")).toBe(false);
    expect(isNoiseLine("发布会：3月12日召开新学期工会工作发布会")).toBe(false);
  });

  it("a page's 阅读 link or counter is furniture; an activity whose name opens with 阅读 is the plan's", () => {
    for (const line of ["阅读全文", "阅读：128", "阅读(2.5万)", "阅读 2.5万 次", "閱讀更多"]) expect(isNoiseLine(line)).toBe(true);
    for (const line of ["阅读分享会", "閱讀推廣月活動", "阅读之星评选"]) expect(isNoiseLine(line)).toBe(false);
    const text = "晨光小学2027年工会工作计划\n三、行事历\n三月份：\n教工健身操比赛\n四月份：\n阅读分享会\n五月份：\n教职工趣味运动会\n";
    expect(extractTasks(parsePlans(text).plans).map((t) => `${t.months[0]?.month}:${t.text}`)).toEqual(["3:教工健身操比赛", "4:阅读分享会", "5:教职工趣味运动会"]);
  });

  it("a news tag opening a paragraph (a long line of sentences) is the paragraph's", () => {
    expect(isNoiseLine("【本报讯】为庆祝五一国际劳动节，慰问奋战在一线的广大职工，镇总工会将于4月29日上午在镇文化广场举办职工文艺汇演，欢迎各企业职工踊跃参加。")).toBe(false);
    expect(isNoiseLine("【写作参考】本文由网友整理，供参考。")).toBe(true);
  });

  it("a long sentence of the plan that gives a sign-up link is the plan's own", () => {
    expect(isNoiseLine("请于6月20日17:00前通过【在线报名表】 https://example.org/form 填写节目名称、表演形式和人数，逾期不再受理。")).toBe(false);
  });
});

describe("a period line over activities dated below it", () => {
  const field = (line: number, month: number) => ({ line, months: [{ year: null, month }], label: `${month}月`, text: "活动" });
  it("titles the group when a field below it, before the next dated line, falls in its months", () => {
    const dated = [
      { line: 1, months: [1, 2, 3], text: "暖心开局" },
      { line: 5, months: [4, 5, 6], text: "强身健体" },
    ];
    expect([...groupTitleLines(dated, [field(3, 2), field(7, 5)])]).toEqual([1, 5]);
  });

  it("is an item when its words are punctuated or long, or no field below it is in its months", () => {
    expect(groupTitleLines([{ line: 1, months: [3], text: "组织踏青，增进交流" }], [field(2, 3)]).size).toBe(0);
    expect(groupTitleLines([{ line: 1, months: [3], text: "踏青" }], [field(2, 4)]).size).toBe(0);
    // The field belongs to the next dated line's block.
    expect(groupTitleLines([{ line: 1, months: [3], text: "踏青" }, { line: 2, months: [3], text: "植树" }], [field(3, 3)])).toEqual(new Set([2]));
  });
});

describe("an activity block's 活动内容 section names its activities", () => {
  it("past the block's other fields between it and the time field", async () => {
    const { parsePlans } = await import("../../shared/index");
    const text = ["工会趣味运动会方案", "一、活动目的：增进交流", "二、活动内容：", "1、拔河比赛", "2、托球跑", "三、活动地点：学校操场", "四、活动时间：5月16日下午"].join("\n");
    const tasks = parsePlans(text).plans.flatMap((p) => p.bodyTasks.flatMap((m) => m.tasks.map((t) => `${m.label}:${t.text}`)));
    expect(tasks).toEqual(["5月16日:拔河比赛", "5月16日:托球跑"]);
  });
});

describe("an activity notice's title", () => {
  it("关于…的通知 naming the union's activity is a plan title; an attachment's name or the notice's closing words are not", () => {
    expect(isTitleLike("关于举办2031年教职工秋季趣味运动会的通知")).toBe(true);
    expect(isTitleLike("工会五一活动通知")).toBe(true);
    expect(isTitleLike("附件1：关于举办教职工运动会的通知")).toBe(false);
    expect(isTitleLike("现将有关事项通知如下：")).toBe(false);
  });
});
