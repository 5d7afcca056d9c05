/**
 * The notes the browser tests show: the example vault's plans (as a user opening example-vault
 * sees them) and canonical plan notes written for these tests, with dated tasks in the months the
 * tests visit (October 2026 has 国庆 holidays and 调休 workdays; January 2027 has no holiday data).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PageConfig } from "./page/entry";

export const TERM_NOTE_PATH = "计划/青石路小学2026学年度第一学期工会工作计划.md";
export const TERM_PLAN_ID = "p-qsl-t1";

export const TERM_NOTE = `---
type: union-plan
title: 青石路小学2026学年度第一学期工会工作计划
school: 青石路小学
kind: 学期
period: 2026-09..2027-01
plan-id: ${TERM_PLAN_ID}
review-status: 待审核
---
# 青石路小学2026学年度第一学期工会工作计划

## 一、指导思想

以服务教职工为中心，建设温暖和谐的“教工之家”。

## 二、主要工作

### （一）推进民主管理

- 1、召开教代会，审议绩效考核方案。

## 行事历

### 2026年9月
- [x] 庆祝教师节暨表彰大会（负责人：周敏） 📅 2026-09-10 ^t-t0901
- [x] 新教师入会仪式 ^t-t0902

### 2026年10月
- [x] 国庆节后工会小组长会议 📅 2026-10-10 ^t-t1001
- [ ] 秋季教职工趣味运动会 📅 2026-10-16 ^t-t1002
- [ ] 中旬开展重阳节慰问退休教师活动 ^t-t1003

### 2026年11月
- [ ] 工会委员会例会 📅 2026-11-04 ^t-t1101
- [ ] 教职工羽毛球比赛（负责人：王芳） 📅 2026-11-13 ^t-t1102
- [x] 教代会提案征集 📅 2026-11-20 ^t-t1103
- [ ] 女教职工健康讲座 📅 2026-11-25 ^t-t1104
- [ ] 工会小组长培训 ^t-t1105

### 2026年12月
- [ ] 送温暖走访困难教职工 ^t-t1201
- [ ] 迎新年教职工联欢会 📅 2026-12-31 ^t-t1202

### 2027年1月
- [ ] 学期工会工作总结 📅 2027-01-15 ^t-t0101
- [ ] 寒假前慰问 📅 2027-01-22 ^t-t0102
`;

export const HOSPITAL_NOTE_PATH = "计划/滨江实验中学2026年工会工作计划.md";

export const HOSPITAL_NOTE = `---
type: union-plan
title: 滨江实验中学2026年工会工作计划
school: 滨江实验中学
kind: 年度
period: 2026-01..2026-12
plan-id: p-bjsy2026
review-status: 退回修改
review-comment: 请补充十二月安排
---
# 滨江实验中学2026年工会工作计划

## 一、指导思想

服务教职工，促进学校发展。

## 行事历

### 2026年10月
- [ ] 教工登山活动 📅 2026-10-24 ^t-b1001

### 2026年11月
- [ ] 教职工篮球友谊赛 📅 2026-11-13 ^t-b1101
- [ ] 工会经费审查 ^t-b1102
`;

/** The example vault's own plan notes, by vault path. */
export function exampleVaultNotes(): Record<string, string> {
  const dir = join(process.cwd(), "example-vault", "计划");
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith(".md")) out[`计划/${name}`] = readFileSync(join(dir, name), "utf8");
  }
  return out;
}

export function sampleNotes(): Record<string, string> {
  return { ...exampleVaultNotes(), [TERM_NOTE_PATH]: TERM_NOTE, [HOSPITAL_NOTE_PATH]: HOSPITAL_NOTE };
}

/** One note with `count` tasks in November 2026, spread over the month's days (for the render bench). */
export function bigMonthNote(count: number): string {
  const lines = [
    "---",
    "type: union-plan",
    "title: 压力测试学校2026年工会工作计划",
    "school: 压力测试学校",
    "kind: 年度",
    "period: 2026-01..2026-12",
    "plan-id: p-bench",
    "review-status: 已通过",
    "---",
    "# 压力测试学校2026年工会工作计划",
    "",
    "## 行事历",
    "",
    "### 2026年11月",
  ];
  for (let i = 0; i < count; i++) {
    const day = (i % 30) + 1;
    const date = `2026-11-${String(day).padStart(2, "0")}`;
    const dated = i % 3 !== 2;
    lines.push(`- [${i % 4 === 0 ? "x" : " "}] 第${i + 1}项工会活动（负责人：教师${i % 17}）${dated ? ` 📅 ${date}` : ""} ^t-b${i.toString(36)}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The page every browser test and the render bench open: November 2026 on the 22nd, the month view,
 * Chinese, light theme, export buttons shown; `over` changes what a test needs.
 */
export function pageConfig(notes: Record<string, string>, over: Partial<PageConfig> = {}): PageConfig {
  return {
    notes,
    ym: "2026-11",
    mode: "month",
    now: "2026-11-22T10:00:00+08:00",
    settings: { weekStart: 1, language: "zh" },
    theme: "light",
    withExport: true,
    ...over,
  };
}

