import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../fakes/obsidian";
import { DEFAULT_SETTINGS, folderPath, holidayOverridesOf, parseTermMonths, readSettings } from "../../plugin/settings";
import { defaultTermAndYear } from "../../plugin/commands/new-plan";
import { both, currentLang, tr } from "../../plugin/i18n";

afterEach(() => setLanguage("en"));

describe("settings helpers", () => {
  it("term months: '9-1' and friends", () => {
    expect(parseTermMonths("9-1")).toEqual({ start: 9, end: 1 });
    expect(parseTermMonths(" 2 — 7 ")).toEqual({ start: 2, end: 7 });
    expect(parseTermMonths("13-1")).toBeNull();
    expect(parseTermMonths("九月")).toBeNull();
  });

  it("the term and year a new plan is most likely for", () => {
    const s = DEFAULT_SETTINGS;
    expect(defaultTermAndYear(s, new Date(2026, 10, 22))).toEqual({ term: 1, schoolYear: 2026, year: 2026 });
    expect(defaultTermAndYear(s, new Date(2027, 0, 10))).toEqual({ term: 1, schoolYear: 2026, year: 2027 });
    expect(defaultTermAndYear(s, new Date(2027, 3, 1))).toEqual({ term: 2, schoolYear: 2026, year: 2027 });
    // August: the coming first term.
    expect(defaultTermAndYear(s, new Date(2027, 7, 15))).toMatchObject({ term: 1, schoolYear: 2027 });
    // A school whose second term starts in March: in February the second term is next.
    expect(defaultTermAndYear({ ...s, term2: { start: 3, end: 7 } }, new Date(2027, 1, 20))).toMatchObject({ term: 2, schoolYear: 2026 });
  });

  it("folders are normalized vault paths, '' is the root", () => {
    expect(folderPath("  ")).toBe("");
    expect(folderPath("/计划//2026/")).toBe("计划/2026");
    expect(folderPath("/")).toBe("");
  });

  it("holiday overrides come from the settings text through shared/holidays", () => {
    const s = readSettings({ holidayOverrides: "2027-10-01 休 国庆节\n这一行看不懂\n2027-09-26 班 国庆调休" });
    expect(holidayOverridesOf(s)).toEqual({ "2027-10-01": { kind: "holiday", name: "国庆节" }, "2027-09-26": { kind: "workday", name: "国庆调休" } });
  });
});

describe("i18n", () => {
  it("follows getLanguage(), Chinese for any zh variant, English otherwise", () => {
    setLanguage("zh-TW");
    expect(currentLang()).toBe("zh");
    expect(tr("cmdImport")).toBe("从文本导入计划");
    expect(tr("line", { n: 12 })).toBe("第 12 行");
    expect(both("cmdNormalize")).toBe("规范本笔记的行事历 / Normalize 行事历 in this note");
    setLanguage("fr");
    expect(currentLang()).toBe("en");
    expect(tr("line", { n: 12 })).toBe("Line 12");
    expect(both("cmdNewPlan")).toBe("New union plan / 新建工会计划");
  });
});
