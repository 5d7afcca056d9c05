/**
 * Plans written for the one-model test (our own wording): a term with a 七、八月份 heading, a
 * dated range, parts of months, a body item that falls in the two-month heading's second month,
 * and a plan that never says its year.
 */
export const SUMMER_PATH = "计划/梧桐小学2026年工会工作计划.md";

export const SUMMER_NOTE = `---
type: union-plan
title: 梧桐小学2026年下半年工会工作计划
school: 梧桐小学
kind: 学期
period: 2026-06..2026-10
plan-id: p-wutong
---
# 梧桐小学2026年下半年工会工作计划

## 一、主要工作

（1）8月下旬组织新教师入会仪式。

## 行事历

### 2026年6月
- [ ] 端午节慰问 📅 2026-06-19 ^t-w0601
- [x] 工会小组长会议 ^t-w0602
- [ ] 夏季消暑慰问 🛫 2026-06-29 📅 2026-07-03 ^t-w0603

### 七、八月份
- [ ] 暑期教工疗休养（负责人：陈静） ^t-w0701
- [ ] 暑期读书分享 ^t-w0702

### 2026年9月
- [ ] 庆祝教师节 📅 2026-09-10 ^t-w0901
- [ ] 上旬布置新学期工会工作 ^t-w0902
`;

export const YEARLESS_PATH = "计划/枫林中学工会计划.md";

export const YEARLESS_NOTE = `---
type: union-plan
title: 枫林中学工会工作计划
school: 枫林中学
plan-id: p-fenglin
---
# 枫林中学工会工作计划

## 行事历

### 3月
- [ ] 三八节女教工活动 ^t-f0301

### 7月
- [ ] 教工体检 ^t-f0701
`;
