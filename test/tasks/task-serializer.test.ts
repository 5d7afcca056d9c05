import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePlans, renderPlanMarkdown, type Task } from "../../shared/index";
import { readTaskFields, setLineDone, writeTaskLine, type TaskFormat } from "../../shared/tasks/task-serializer";

function tasksOf(text: string): Task[] {
  return parsePlans(text).plans.flatMap((p) => p.schedule.flatMap((m) => m.tasks));
}

const HEAD = "# 晨光小学2026学年度第一学期工会工作计划\n\n## 行事历\n";

describe("each task knows its form and where its words sit", () => {
  const note = `${HEAD}### 2026年9月\n- [ ] 教师节慰问 ^t-aa11\n- 新教师座谈会\n十月：秋游；读书沙龙\n十一月：\n1、教工运动会\n\n| 月份 | 内容 | 地点 |\n| --- | --- | --- |\n| 12月 | 迎新年联欢 | 礼堂 |\n`;
  const lines = note.split("\n");
  const tasks = tasksOf(note);
  const byText = new Map(tasks.map((t) => [t.text, t]));

  it("checkbox, list item, inline segment and table cell, each as written", () => {
    expect(byText.get("教师节慰问")?.form).toBe("checkbox");
    expect(byText.get("新教师座谈会")?.form).toBe("item");
    expect(byText.get("秋游")?.form).toBe("inline");
    expect(byText.get("读书沙龙")?.form).toBe("inline");
    expect(byText.get("教工运动会")?.form).toBe("item");
    expect(byText.get("迎新年联欢")?.form).toBe("table-cell");
  });

  it("spans point at the task's words on its own line, twins on one line apart", () => {
    for (const t of tasks) {
      const span = t.span;
      expect(span?.line).toBe(t.line);
      expect(span?.start).toBeDefined();
      expect((lines[t.line - 1] ?? "").slice(span?.start, span?.end)).toBe(t.text);
    }
    const a = byText.get("秋游")?.span;
    const b = byText.get("读书沙龙")?.span;
    expect(a?.line).toBe(b?.line);
    expect((a?.end ?? 0) <= (b?.start ?? 0)).toBe(true);
  });

  it("table columns beyond month and content stay with the task", () => {
    expect(byText.get("迎新年联欢")?.details).toEqual([{ label: "地点", value: "礼堂" }]);
  });
});

describe("owners written in the task", () => {
  it("（负责人：…）, 责任人：… after the task, and （…负责） at its end each name the owner", () => {
    expect(readTaskFields("组织教工春季踏青（负责人：王海）")).toMatchObject({ text: "组织教工春季踏青", owner: "王海" });
    expect(readTaskFields("职工心理健康讲座  责任人：周洁")).toMatchObject({ text: "职工心理健康讲座", owner: "周洁" });
    expect(readTaskFields("在东操场进行彩排（校工会负责）")).toMatchObject({ text: "在东操场进行彩排", owner: "校工会" });
    expect(readTaskFields("组织教师召开交流会。（党支部、工会负责）")).toMatchObject({ text: "组织教师召开交流会。", owner: "党支部、工会" });
  });
  it("a bracket that only mentions 负责 inside the text, or stands alone, names no one", () => {
    expect(readTaskFields("学习（负责任地使用经费）的要求")).toMatchObject({ owner: null });
    expect(readTaskFields("（工会负责）")).toMatchObject({ text: "（工会负责）", owner: null });
  });
});

describe("Tasks' fields", () => {
  it("a tick writes today's done date before the block id; an untick takes every done date off", () => {
    expect(setLineDone("- [ ] 会议 📅 2026-09-30 ^t-a1", true, { today: "2026-09-12" })).toBe("- [x] 会议 📅 2026-09-30 ✅ 2026-09-12 ^t-a1");
    expect(setLineDone("  * [ ] 会议", true, { today: "2026-09-12" })).toBe("  * [x] 会议 ✅ 2026-09-12");
    expect(setLineDone("- [x] 会议 ✅ 2026-09-12 ^t-a1", false)).toBe("- [ ] 会议 ^t-a1");
    expect(setLineDone("- [x] 会议 [completion:: 2026-09-12] ^t-a1", false)).toBe("- [ ] 会议 ^t-a1");
    expect(setLineDone("- [ ] 会议 ^t-a1", true, { today: "2026-09-12", format: "dataview" })).toBe("- [x] 会议 [completion:: 2026-09-12] ^t-a1");
    expect(setLineDone("会议", true)).toBeNull();
  });

  it("a day range keeps its span as Tasks' start and due dates, and reads back the same", () => {
    const text = `${HEAD}### 2026年11月\n- 11月20日—28日 教工运动会\n`;
    const [task] = tasksOf(text);
    expect([task?.date, task?.dateEnd]).toEqual(["2026-11-20", "2026-11-28"]);
    const md = renderPlanMarkdown(parsePlans(text).plans[0]!);
    expect(md).toContain("11月20日—28日教工运动会 🛫 2026-11-20 📅 2026-11-28 ^t-");
    const [back] = tasksOf(md);
    expect([back?.date, back?.dateEnd]).toEqual(["2026-11-20", "2026-11-28"]);
    // A range only in Tasks' fields (the words name none) is read as a range too.
    const [fields] = tasksOf(`${HEAD}### 2026年11月\n- [ ] 运动会 🛫 2026-11-20 📅 2026-11-28\n`);
    expect([fields?.text, fields?.date, fields?.dateEnd]).toEqual(["运动会", "2026-11-20", "2026-11-28"]);
  });

  it("a day written only in words gets a 📅 on import; a month-only task gets none unless asked", () => {
    const plan = parsePlans(`${HEAD}九月：\n1、9月10日教师节慰问\n2、新教师座谈会\n`).plans[0]!;
    const md = renderPlanMarkdown(plan);
    expect(md).toMatch(/9月10日教师节慰问 📅 2026-09-10 \^t-/);
    expect(md).toMatch(/- \[ \] 新教师座谈会 \^t-/);
    expect(renderPlanMarkdown(plan, { monthDueDates: true })).toMatch(/新教师座谈会 📅 2026-09-30 \^t-/);
  });

  it("the Dataview format writes [due:: ] fields, and either format reads back to the same plan", () => {
    const plan = parsePlans(`${HEAD}九月：\n1、9月10日教师节慰问（负责人：王芳）\n十一月：\n2、11月20日—28日 教工运动会\n`).plans[0]!;
    const dv = renderPlanMarkdown(plan, { format: "dataview" });
    expect(dv).toContain("9月10日教师节慰问（负责人：王芳） [due:: 2026-09-10] ^t-");
    expect(dv).toContain("[start:: 2026-11-20] [due:: 2026-11-28]");
    const strip = (ts: Task[]) => ts.map((t) => [t.id, t.text, t.owner, t.date, t.dateEnd, t.done]);
    expect(strip(tasksOf(dv))).toEqual(strip(tasksOf(renderPlanMarkdown(plan))));
  });

  it("write → read gives the same fields, in both formats, for any description (property)", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, "0")}`);
    const words = fc.string({ unit: fc.constantFrom(..."工会活动读书跑步的一二三abc 、（）()[]:"), minLength: 1, maxLength: 20 }).filter((s) => /[工会活动读书跑步的abc]/.test(s.trim().charAt(0)) && /[工会活动读书跑步的abc]$/.test(s.trim()));
    fc.assert(
      fc.property(words, fc.option(day), fc.option(day), fc.option(day), fc.boolean(), fc.constantFrom<TaskFormat>("emoji", "dataview"), (text, date, end, doneDate, done, format) => {
        const task = { id: "t-x1", text: text.trim(), owner: null, done, date, dateEnd: date && end && end > date ? end : null, doneDate, details: [{ label: "地点", value: "礼堂" }] };
        const line = writeTaskLine(task, { format });
        const read = readTaskFields(line.replace(/^- \[[ x]\] /, ""));
        expect(read.text.trim()).toBe(task.text);
        expect(read.fields.blockId).toBe("t-x1");
        expect(read.fields.details).toEqual(task.details);
        expect(read.fields.doneDate).toBe(doneDate);
        const range = task.dateEnd !== null;
        expect(read.fields.start).toBe(range ? date : null);
        expect(read.fields.due).toBe(range ? task.dateEnd : date);
        // Tasks reads its fields only at the end of the line, before the block id.
        expect(/(?:(?: 📅| 🛫| ✅| \[(?:due|start|completion)::)[^^]*)?\^t-x1$/.test(line)).toBe(true);
      }),
    );
  });
});
