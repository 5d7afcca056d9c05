import { describe, expect, it } from "vitest";
import { TEMPLATES, renderTemplate, renderTemplateNote, suggestionsFor, templatePeriod, type TemplateId } from "../../shared/templates";
import { parseHolidayOverrides } from "../../shared/holidays";

/** The `### …` headings under `## 行事历`, in order. */
function scheduleHeadings(md: string): string[] {
  const after = md.split("\n## 行事历\n")[1] ?? "";
  return after.split("\n").filter((l) => l.startsWith("### ")).map((l) => l.slice(4));
}

/** Lines under one month heading, up to the next heading. */
function monthBlock(md: string, heading: string): string[] {
  const lines = md.split("\n");
  const start = lines.indexOf(`### ${heading}`);
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && !(lines[i] ?? "").startsWith("#"); i++) if (lines[i] !== "") out.push(lines[i] as string);
  return out;
}

const months = (y: number, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${y}年${from + i}月`);

describe("the months of each template's period", () => {
  const cases: { template: TemplateId; year: number; term?: 1 | 2; period: string; headings: string[] }[] = [
    { template: "annual", year: 2026, period: "2026-01..2026-12", headings: [...months(2026, 1, 6), "2026年7月—8月", ...months(2026, 9, 12)] },
    { template: "term", year: 2026, term: 1, period: "2026-09..2027-01", headings: [...months(2026, 9, 12), "2027年1月"] },
    { template: "term", year: 2026, term: 2, period: "2027-02..2027-07", headings: months(2027, 2, 7) },
    { template: "group", year: 2025, term: 1, period: "2025-09..2026-01", headings: [...months(2025, 9, 12), "2026年1月"] },
    { template: "group", year: 2025, term: 2, period: "2026-02..2026-07", headings: months(2026, 2, 7) },
    { template: "monthly-theme", year: 2026, term: 1, period: "2026-09..2027-01", headings: [...months(2026, 9, 12), "2027年1月"] },
    { template: "monthly-theme", year: 2026, term: 2, period: "2027-02..2027-07", headings: months(2027, 2, 7) },
    { template: "monthly-theme", year: 2026, period: "2026-01..2026-12", headings: [...months(2026, 1, 6), "2026年7月—8月", ...months(2026, 9, 12)] },
  ];
  for (const c of cases) {
    it(`${c.template} ${c.year}${c.term ? ` term ${c.term}` : ""}: ${c.period}`, () => {
      const md = renderTemplate({ template: c.template, school: "晨光小学", year: c.year, term: c.term });
      expect(md).toContain(`\nperiod: ${c.period}\n`);
      expect(scheduleHeadings(md)).toEqual(c.headings);
      const p = templatePeriod(c.template, c.year, c.term);
      expect(p.groups.flat()).toEqual(p.months);
      expect(`${p.period.start}..${p.period.end}`).toBe(c.period);
    });
  }

  it("ignores a term for the annual plan and requires one for term and group plans", () => {
    expect(templatePeriod("annual", 2026, 1).period).toEqual({ start: "2026-01", end: "2026-12" });
    expect(() => renderTemplate({ template: "term", school: "晨光小学", year: 2026 })).toThrow(/学期/);
    expect(() => renderTemplate({ template: "group", school: "晨光小学", year: 2026 })).toThrow(/term/);
    expect(() => renderTemplate({ template: "annual", school: "晨光小学", year: 26.5 })).toThrow(RangeError);
  });

  it("lists every template with its Chinese name and English beside it", () => {
    expect(TEMPLATES.map((t) => [t.id, t.name, t.kind])).toEqual([
      ["annual", "学校工会年度工作计划", "年度"],
      ["term", "学期工会工作计划", "学期"],
      ["group", "工会小组 / 创建文明组室计划", "工会小组"],
      ["monthly-theme", "工会月主题活动安排", "月主题"],
    ]);
    for (const t of TEMPLATES) expect(t.nameEn).toMatch(/^[A-Z][A-Za-z /]+$/);
  });
});

describe("a rendered template", () => {
  const md = renderTemplate({ template: "term", school: "晨光小学", year: 2026, term: 1 });

  it("starts with the plan facts as frontmatter and the title", () => {
    const head = md.split("\n").slice(0, 11);
    expect(head[0]).toBe("---");
    expect(head).toContain("type: union-plan");
    expect(head).toContain("title: 晨光小学2026学年度第一学期工会工作计划");
    expect(head).toContain("school: 晨光小学");
    expect(head).toContain("kind: 学期");
    expect(head).toContain("review-status: 草稿");
    expect(head.some((l) => /^plan-id: p-[0-9a-z]{6}$/.test(l))).toBe(true);
    expect(md).toContain("\n---\n# 晨光小学2026学年度第一学期工会工作计划\n");
  });

  it("has the usual sections with prompts, 主要工作 with （一）… subsections", () => {
    const headings = md.split("\n").filter((l) => /^##+ /.test(l) && !/^### \d{4}年/.test(l));
    expect(headings.slice(0, 3)).toEqual(["## 一、指导思想", "## 二、工作目标", "## 三、主要工作"]);
    expect(headings).toContain("### （一）加强思想引领和师德建设");
    expect(headings).toContain("## 四、保障措施");
    expect(headings[headings.length - 1]).toBe("## 行事历");
    expect(md).toMatch(/## 一、指导思想\n\n（[^）\n]+）\n/);
  });

  it("puts the holiday line under every month: data for 2026, 'no data' for 2027", () => {
    expect(monthBlock(md, "2026年10月")[0]).toBe("> 节假日 / Holidays: 国庆节 10月1日—7日放假；10月10日（周六）调休上班");
    expect(monthBlock(md, "2026年9月")[0]).toBe("> 节假日 / Holidays: 中秋节 9月25日—27日放假；9月20日（周日）调休上班");
    expect(monthBlock(md, "2027年1月")[0]).toBe("> 节假日 / Holidays: 暂无 2027 年节假日数据 / no holiday data for 2027");
  });

  it("suggests the month's usual activities as unticked tasks with block ids", () => {
    const sep = monthBlock(md, "2026年9月").slice(1);
    expect(sep).toHaveLength(3);
    for (const line of sep) expect(line).toMatch(/^- \[ \] \S.* \^t-[0-9a-z]{4}$/);
    expect(sep[0]).toMatch(/^- \[ \] 制定本学期工会工作计划/);
    expect(sep[1]).toMatch(/^- \[ \] 庆祝教师节，慰问一线教师 📅 2026-09-10 \^t-/);
    expect(monthBlock(md, "2026年12月").join("\n")).toMatch(/送温暖[\s\S]*年度考核[\s\S]*迎新年/);
    // In the Tasks format the user set: Dataview writes the same date as [due:: ].
    const dv = renderTemplate({ template: "term", school: "晨光小学", year: 2026, term: 1, format: "dataview" });
    expect(monthBlock(dv, "2026年9月")[2]).toMatch(/^- \[ \] 庆祝教师节，慰问一线教师 \[due:: 2026-09-10\] \^t-/);
    expect(monthBlock(md, "2027年1月").join("\n")).toMatch(/送温暖[\s\S]*春节前慰问[\s\S]*学期工会工作总结/);
    const ids = md.match(/\^t-[0-9a-z]{4}$/gm) ?? [];
    expect(ids.length).toBe(14);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the same every time for the same input, different for another school", () => {
    expect(renderTemplate({ template: "term", school: "晨光小学", year: 2026, term: 1 })).toBe(md);
    const other = renderTemplate({ template: "term", school: "东风中学", year: 2026, term: 1 });
    expect(other.match(/\^t-\w+/g)).not.toEqual(md.match(/\^t-\w+/g));
    const seeded = renderTemplateNote({ template: "term", school: "晨光小学", year: 2026, term: 1, planId: "p-fixed1" });
    expect(seeded.planId).toBe("p-fixed1");
    expect(seeded.markdown).toContain("\nplan-id: p-fixed1\n");
  });

  it("uses the user's holidays for a year chinese-days does not know", () => {
    const { overrides } = parseHolidayOverrides("2027-02-06..2027-02-12 休 春节\n2027-02-20 班 春节调休");
    const spring = renderTemplate({ template: "term", school: "晨光小学", year: 2026, term: 2, holidays: overrides });
    expect(monthBlock(spring, "2027年2月")[0]).toBe("> 节假日 / Holidays: 春节 2月6日—12日放假；2月20日（周六）调休上班");
  });
});

describe("the suggestions of each month", () => {
  const annual = renderTemplate({ template: "annual", school: "晨光小学", year: 2026 });
  const text = (heading: string): string => monthBlock(annual, heading).join("\n");

  it("follows the year of a school union", () => {
    expect(text("2026年1月")).toMatch(/上年度工会工作总结[\s\S]*送温暖[\s\S]*春节前慰问/);
    expect(text("2026年2月")).toContain("制定本年度工会工作计划");
    expect(text("2026年3月")).toMatch(/“三八”妇女节庆祝活动 📅 2026-03-08/);
    expect(text("2026年4月")).toMatch(/春季教职工运动会[\s\S]*读书/);
    expect(text("2026年5月")).toMatch(/“五一”[\s\S]*“五四”/);
    expect(text("2026年6月")).toMatch(/教职工代表大会[\s\S]*端午/);
    expect(text("2026年7月—8月")).toContain("暑期教职工疗休养");
    expect(text("2026年9月")).toContain("教师节");
    expect(text("2026年10月")).toMatch(/国庆[\s\S]*秋季教职工运动会/);
    expect(text("2026年11月")).toContain("趣味运动会");
    expect(text("2026年12月")).toMatch(/送温暖[\s\S]*年度考核[\s\S]*迎新年/);
    expect(text("2026年7月—8月")).not.toContain("📅");
  });

  it("gives the monthly-theme plan one theme a month", () => {
    const md = renderTemplate({ template: "monthly-theme", school: "晨光小学", year: 2026, term: 2 });
    for (const h of scheduleHeadings(md)) {
      const themes = monthBlock(md, h).filter((l) => l.includes("本月主题："));
      expect(themes, h).toHaveLength(1);
    }
    expect(monthBlock(md, "2027年3月").join("\n")).toContain("本月主题：巾帼风采");
  });

  it("opens a group plan with its own plan and closes it with the 评比", () => {
    const md = renderTemplate({ template: "group", school: "晨光小学", year: 2026, term: 1, group: "第四工会小组" });
    expect(md).toContain("title: 晨光小学2026学年度第一学期第四工会小组创建文明组室计划");
    expect(monthBlock(md, "2026年9月")[1]).toMatch(/制定本学期小组创建文明组室计划/);
    expect(monthBlock(md, "2027年1月").join("\n")).toContain("文明组室评比");
  });

  it("never gives a day to a suggestion under a two-month heading", () => {
    const list = suggestionsFor([{ year: 2026, month: 7 }, { year: 2026, month: 8 }], { template: "annual", first: false, last: false, termPlan: false });
    expect(list.every((s) => s.day === undefined)).toBe(true);
  });
});
