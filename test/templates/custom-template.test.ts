import { describe, expect, it } from "vitest";
import { TEMPLATE_PLACEHOLDERS, renderCustomTemplate, unknownPlaceholders } from "../../shared/templates";

const now = new Date(2026, 10, 22, 9, 30);

describe("custom templates", () => {
  const template = [
    "---",
    "type: union-plan",
    "title: {{title}}",
    "school: {{ school }}",
    "period: {{period}}",
    "plan-id: {{plan-id}}",
    "---",
    "# {{title}}",
    "",
    "{{year}} 学年 {{term}}，制定于 {{date:YYYY年M月D日}}（{{date}}），{{date:[第]Q[季度]}}",
    "",
    "## 行事历",
    "",
    "{{months}}",
    "",
    "{{schol}} {{date:}}",
  ].join("\n");

  it("fills every documented placeholder", () => {
    const out = renderCustomTemplate(template, { school: "晨光小学", year: 2026, term: 2, now, planId: "p-abc123" });
    expect(out).toContain("title: 晨光小学2026学年度第二学期工会工作计划\n");
    expect(out).toContain("school: 晨光小学\n");
    expect(out).toContain("period: 2027-02..2027-07\n");
    expect(out).toContain("plan-id: p-abc123\n");
    expect(out).toContain("2026 学年 第二学期，制定于 2026年11月22日（2026-11-22），第Q季度");
    // Unknown placeholders stay as written; an empty format means the default.
    expect(out).toContain("{{schol}} 2026-11-22");
  });

  it("expands {{months}} to the 行事历 headings with their holiday lines", () => {
    const out = renderCustomTemplate("{{months}}", { school: "晨光小学", year: 2026, term: 1, now });
    expect(out.split("\n").filter((l) => l.startsWith("### "))).toEqual(["### 2026年9月", "### 2026年10月", "### 2026年11月", "### 2026年12月", "### 2027年1月"]);
    expect(out).toContain("### 2026年10月\n> 节假日 / Holidays: 国庆节 10月1日—7日放假；10月10日（周六）调休上班\n");
    expect(out).not.toContain("- [ ]");
  });

  it("takes a calendar year without a term, and any period given", () => {
    const year = renderCustomTemplate("{{title}}|{{term}}|{{months}}", { school: "晨光小学", year: 2026, now });
    expect(year.startsWith("晨光小学2026年工会工作计划||### 2026年1月")).toBe(true);
    expect(year).toContain("### 2026年7月—8月");
    const custom = renderCustomTemplate("{{months}}", { school: "", year: 2026, period: { start: "2026-03", end: "2026-04" }, now });
    expect(custom.split("\n").filter((l) => l.startsWith("###"))).toEqual(["### 2026年3月", "### 2026年4月"]);
  });

  it("names the placeholders it does not know, and documents the ones it does", () => {
    expect(unknownPlaceholders(template)).toEqual(["{{schol}}"]);
    expect(TEMPLATE_PLACEHOLDERS.map((p) => p.name)).toEqual(["{{school}}", "{{year}}", "{{term}}", "{{title}}", "{{period}}", "{{plan-id}}", "{{months}}", "{{date}}", "{{date:FORMAT}}"]);
  });
});
