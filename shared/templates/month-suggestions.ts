/**
 * What union plans usually hold each month, offered as unticked suggestions in a new plan's 行事历.
 * Our own wording, after the pattern of real school plans: 三八 in March, 教代会 in June, 疗休养 in
 * the summer, 教师节 in September, 送温暖 and 年度考核 in December.
 */
import type { TemplateId } from "./catalog";
import type { MonthGroup } from "./template-period";

export interface Suggestion {
  text: string;
  /** Day of the month, for the few suggestions that have a fixed date (三八, 教师节). */
  day?: number;
}

type MonthList = Readonly<Record<number, readonly Suggestion[]>>;

const SCHOOL: MonthList = {
  1: [{ text: "开展寒假前“送温暖”活动，走访慰问困难教职工" }, { text: "春节前慰问离退休教职工" }],
  2: [{ text: "开学前召开教职工座谈会，听取意见和建议" }],
  3: [{ text: "“三八”妇女节庆祝活动", day: 8 }, { text: "组织女教职工健康知识讲座" }],
  4: [{ text: "举办春季教职工运动会" }, { text: "开展“世界读书日”教工读书分享活动" }],
  5: [{ text: "庆祝“五一”劳动节，表彰先进教职工" }, { text: "开展“五四”青年教师座谈交流" }],
  6: [{ text: "召开教职工代表大会" }, { text: "开展端午节传统文化活动" }],
  7: [{ text: "组织暑期教职工疗休养" }, { text: "布置暑期教工读书活动" }],
  8: [{ text: "走访慰问生病住院和困难教职工" }, { text: "做好新学年工会工作准备" }],
  9: [{ text: "庆祝教师节，慰问一线教师", day: 10 }, { text: "新入职教职工入会登记" }],
  10: [{ text: "开展国庆主题教育活动" }, { text: "举办秋季教职工运动会" }, { text: "组织会员健康体检" }],
  11: [{ text: "举办教职工趣味运动会" }, { text: "开展工会小组长培训" }],
  12: [{ text: "开展冬季“送温暖”活动" }, { text: "基层工会年度考核和“会员评家”" }, { text: "迎新年教职工联欢活动" }],
};

const GROUP: MonthList = {
  1: [{ text: "寒假前关心组内困难教职工" }],
  2: [{ text: "开学初组内谈心，了解组员需求" }],
  3: [{ text: "组内“三八”节关爱女教职工活动", day: 8 }],
  4: [{ text: "组内读书交流活动" }],
  5: [{ text: "组内师徒结对展示，青年教师互助" }],
  6: [{ text: "组室文明创建自查" }],
  7: [{ text: "组内交流暑期安排，提醒假期安全" }],
  8: [{ text: "暑期组员互访慰问" }],
  9: [{ text: "组内庆祝教师节", day: 10 }],
  10: [{ text: "组室环境布置与卫生评比" }],
  11: [{ text: "组织组员参加学校趣味运动会" }],
  12: [{ text: "关心组内困难教职工，参与“送温暖”" }],
};

export interface MonthTheme {
  theme: string;
  activities: readonly Suggestion[];
}

const THEMES: Readonly<Record<number, MonthTheme>> = {
  1: { theme: "温暖迎春", activities: [{ text: "寒假前“送温暖”走访慰问" }, { text: "春节慰问离退休教职工" }] },
  2: { theme: "新岁启航", activities: [{ text: "开学教职工座谈会" }] },
  3: { theme: "巾帼风采", activities: [{ text: "“三八”妇女节庆祝活动", day: 8 }] },
  4: { theme: "书香润心", activities: [{ text: "教工读书分享会" }, { text: "春季教职工运动会" }] },
  5: { theme: "劳动最美", activities: [{ text: "“五一”先进教职工表彰" }, { text: "“五四”青年教师交流" }] },
  6: { theme: "民主治校", activities: [{ text: "召开教职工代表大会" }, { text: "端午节传统文化活动" }] },
  7: { theme: "休养身心", activities: [{ text: "暑期教职工疗休养" }] },
  8: { theme: "休养身心", activities: [{ text: "暑期走访慰问教职工" }] },
  9: { theme: "师德师风", activities: [{ text: "庆祝教师节", day: 10 }, { text: "师德主题学习" }] },
  10: { theme: "强身健体", activities: [{ text: "国庆主题活动" }, { text: "秋季教职工运动会" }] },
  11: { theme: "快乐工作", activities: [{ text: "教职工趣味运动会" }] },
  12: { theme: "凝心聚力", activities: [{ text: "冬季“送温暖”活动" }, { text: "迎新年教职工联欢" }] },
};

export function monthTheme(month: number): MonthTheme {
  return THEMES[month] ?? { theme: "", activities: [] };
}

export interface GroupContext {
  template: TemplateId;
  /** Whether the group is the first / last heading of the 行事历. */
  first: boolean;
  last: boolean;
  /** A term plan (true) or a calendar-year plan. */
  termPlan: boolean;
}

function dedupe(list: Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.text) ? false : (seen.add(s.text), true)));
}

/**
 * The suggestions for one 行事历 heading (one month, or 7月—8月), in the order they are written.
 * A `day` is only kept when the heading has a single month.
 */
export function suggestionsFor(group: MonthGroup, ctx: GroupContext): Suggestion[] {
  const single = group.length === 1;
  const out: Suggestion[] = [];
  const add = (list: readonly Suggestion[]): void => {
    for (const s of list) out.push(single || s.day === undefined ? s : { text: s.text });
  };
  if (ctx.template === "monthly-theme") {
    const themes = group.map((m) => monthTheme(m.month));
    const names = [...new Set(themes.map((t) => t.theme))].join("、");
    out.push({ text: `本月主题：${names}` });
    for (const t of themes) add(t.activities);
    if (ctx.first) out.unshift({ text: "公布本期各月活动主题" });
    return dedupe(out);
  }
  const source = ctx.template === "group" ? GROUP : SCHOOL;
  if (ctx.first) {
    if (ctx.template === "group") out.push({ text: "制定本学期小组创建文明组室计划" });
    else if (ctx.termPlan) out.push({ text: "制定本学期工会工作计划，召开工会小组长会议" });
  }
  if (ctx.template === "annual") {
    const m = group[0]?.month;
    if (m === 1) out.push({ text: "做好上年度工会工作总结" });
    if (m === 2) out.push({ text: "制定本年度工会工作计划，召开工会委员会议" });
  }
  for (const m of group) add(source[m.month] ?? []);
  if (ctx.last && ctx.termPlan) {
    out.push({ text: ctx.template === "group" ? "小组学期总结，参加文明组室评比" : "做好本学期工会工作总结" });
  }
  return dedupe(out);
}
