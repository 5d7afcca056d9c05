import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePlans } from "../../shared/index";
import { canonicalTaskLine, moveTaskToMonth, setTaskDone, toggleTaskAtLine } from "../../shared/edit/task-line";
import { normalizeScheduleInNote } from "../../shared/edit/normalize-schedule";
import { splitNoteLines, joinNoteLines } from "../../shared/edit/note-lines";

const golden = readFileSync(new URL("../engine/golden/sample-plan.md", import.meta.url), "utf8");

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

function plan(text: string) {
  const p = parsePlans(text).plans[0];
  if (!p) throw new Error("no plan");
  return p;
}

function tasksById(text: string) {
  return new Map(plan(text).schedule.flatMap((sm) => sm.tasks.map((t) => [t.id, { text: t.text, done: t.done, months: t.months.map((m) => `${m.year}-${m.month}`).join(",") }] as const)));
}

describe("note lines", () => {
  it("give back every byte, whatever the line endings", () => {
    for (const text of ["", "a", "a\n", "a\r\nb\r\n", "a\rb\nc\u2028d", "\n\n"]) expect(joinNoteLines(splitNoteLines(text))).toBe(text);
  });
});

describe("toggleTaskAtLine", () => {
  const line = lineOf(golden, "工会小组长会议");
  const expected = golden.split("\n")[line - 1] ?? "";

  it("ticks the one line, with Tasks' done date, and leaves every other line as it was", () => {
    const r = toggleTaskAtLine(golden, line, expected, { today: "2027-03-20" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.done).toBe(true);
    const before = golden.split("\n");
    const after = r.text.split("\n");
    expect(after).toHaveLength(before.length);
    expect(after.filter((l, i) => l !== before[i])).toEqual(["- [x] 工会小组长会议 ✅ 2027-03-20 ^t-knqel9"]);
    expect(tasksById(r.text).get("t-knqel9")?.done).toBe(true);
    // and back: the untick takes the done date off again
    const back = toggleTaskAtLine(r.text, line, after[line - 1] ?? "");
    expect(back.ok && back.text).toBe(golden);
  });

  it("refuses when the line no longer says what the view showed", () => {
    const changed = golden.replace("工会小组长会议", "工会小组长会议（改期）");
    expect(toggleTaskAtLine(changed, line, expected)).toEqual({ ok: false, reason: "line-changed" });
    expect(toggleTaskAtLine(golden, 999, expected)).toEqual({ ok: false, reason: "no-such-line" });
    const title = lineOf(golden, "# 晨光");
    expect(toggleTaskAtLine(golden, title, golden.split("\n")[title - 1] ?? "")).toEqual({ ok: false, reason: "not-a-checkbox" });
  });

  it("keeps CRLF line endings", () => {
    const crlf = golden.replace(/\n/g, "\r\n");
    const r = toggleTaskAtLine(crlf, line, expected, { today: "2027-03-20" });
    expect(r.ok && r.text).toBe(crlf.replace("- [ ] 工会小组长会议 ^", "- [x] 工会小组长会议 ✅ 2027-03-20 ^"));
  });
});

describe("setTaskDone", () => {
  it("sets a task by id, and says when nothing changed", () => {
    const r = setTaskDone(golden, "t-jqznc4", true, { today: "2027-04-30" });
    expect(r.changed).toBe(true);
    expect(r.text).toBe(golden.replace("- [ ] 春季教工健步走 ^", "- [x] 春季教工健步走 ✅ 2027-04-30 ^"));
    expect(setTaskDone(r.text, "t-jqznc4", true).changed).toBe(false);
    expect(setTaskDone(golden, "t-nope", true)).toEqual({ text: golden, changed: false });
  });
});

describe("moveTaskToMonth", () => {
  it("moves the line under an existing month, after its last task", () => {
    const r = moveTaskToMonth(golden, plan(golden), "t-knqel9", "2027-04");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain("### 2027年4月\n- [ ] 春季教工健步走 ^t-jqznc4\n- [ ] 工会小组长会议 ^t-knqel9\n");
    const t = tasksById(r.text);
    expect(t.get("t-knqel9")?.months).toBe("2027-4");
    expect(t.size).toBe(tasksById(golden).size);
    expect(r.text.split("\n")).toHaveLength(golden.split("\n").length);
  });

  it("creates the month heading in month order when the plan has none", () => {
    const r = moveTaskToMonth(golden, plan(golden), "t-knqel9", "2027-05");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain("### 2027年4月\n- [ ] 春季教工健步走 ^t-jqznc4\n\n### 2027年5月\n- [ ] 工会小组长会议 ^t-knqel9\n\n### 2027年7月—8月");
    expect(plan(r.text).schedule.map((s) => s.label)).toEqual(["2027年3月", "2027年4月", "2027年5月", "2027年7月—8月"]);
    const early = moveTaskToMonth(golden, plan(golden), "t-jqznc4", "2027-02");
    // The month it left keeps its heading (now empty): the writer's structure is not ours to remove.
    expect(early.ok && plan(early.text).schedule.map((s) => s.label)).toEqual(["2027年2月", "2027年3月", "2027年4月", "2027年7月—8月"]);
    const late = moveTaskToMonth(golden, plan(golden), "t-jqznc4", "2027-09");
    expect(late.ok && plan(late.text).schedule.map((s) => s.label)).toEqual(["2027年3月", "2027年4月", "2027年7月—8月", "2027年9月"]);
    expect(late.ok && late.text.endsWith("### 2027年9月\n- [ ] 春季教工健步走 ^t-jqznc4\n")).toBe(true);
  });

  it("moves a 📅 due date in the old month to the new month's last day when asked", () => {
    const withDue = golden.replace("工会小组长会议 ^", "工会小组长会议 📅 2027-03-31 ^");
    const r = moveTaskToMonth(withDue, plan(withDue), "t-knqel9", "2027-04", { dueDates: true });
    expect(r.ok && r.text).toContain("- [ ] 工会小组长会议 📅 2027-04-30 ^t-knqel9");
  });

  it("refuses what it cannot move line by line", () => {
    const sameLine = "---\ntype: union-plan\nperiod: 2027-02..2027-07\n---\n## 行事历\n3月：开展健步走；组织义诊\n4月：读书活动\n";
    const p = plan(sameLine);
    const id = p.schedule[0]?.tasks[0]?.id ?? "";
    expect(moveTaskToMonth(sameLine, p, id, "2027-04")).toEqual({ ok: false, reason: "shared-line" });
    expect(moveTaskToMonth(golden, plan(golden), "t-nope", "2027-04")).toEqual({ ok: false, reason: "task-not-found" });
    expect(moveTaskToMonth(golden, plan(golden), "t-knqel9", "2027-4")).toEqual({ ok: false, reason: "bad-month" });
  });
});

const PLAIN = `晨光小学2026学年第二学期工会工作计划
一、指导思想
以服务教职工为中心。
二、工作安排
三月份：
1、“三八”妇女节庆祝活动（3月8日）
2、工会小组长会议
四月份：
1、春季教工健步走
七、八月份：暑期教工疗休养
三、其他
本计划由工会委员会负责解释。`;

describe("normalizeScheduleInNote", () => {
  it("rewrites a plain-text 行事历 into canonical form and keeps everything else", () => {
    const out = normalizeScheduleInNote(PLAIN);
    const lines = out.split("\n");
    expect(lines.slice(0, 3)).toEqual(PLAIN.split("\n").slice(0, 3));
    expect(lines.slice(-2)).toEqual(["三、其他", "本计划由工会委员会负责解释。"]);
    // The day the words name is written as Tasks' due date too, so Tasks' date queries see it.
    expect(out).toContain("## 二、工作安排\n\n### 2027年3月\n- [ ] “三八”妇女节庆祝活动（3月8日） 📅 2027-03-08 ^t-");
    expect(out).toContain("### 2027年7月—8月\n- [ ] 暑期教工疗休养 ^t-");
    // Same tasks, same ids, and a fixed point.
    expect(tasksById(out)).toEqual(tasksById(PLAIN));
    expect(normalizeScheduleInNote(out)).toBe(out);
  });

  it("leaves a canonical note exactly as it is", () => {
    expect(normalizeScheduleInNote(golden)).toBe(golden);
  });

  it("writes Tasks due dates when asked: the task's date, else the month's last day", () => {
    const out = normalizeScheduleInNote(PLAIN, { dueDates: true });
    expect(out).toMatch(/“三八”妇女节庆祝活动（3月8日） 📅 2027-03-08 \^t-/);
    expect(out).toMatch(/工会小组长会议 📅 2027-03-31 \^t-/);
    expect(out).toMatch(/暑期教工疗休养 📅 2027-08-31 \^t-/);
    expect(normalizeScheduleInNote(out, { dueDates: true })).toBe(out);
  });

  it("keeps a table 行事历's surroundings and reads the same tasks", () => {
    const table = "---\ntype: union-plan\nperiod: 2027-02..2027-07\n---\n# 计划\n\n前言。\n\n## 行事历\n\n| 月份 | 工作内容 | 负责人 |\n|---|---|---|\n| 3月 | 妇女节活动 | 陈静 |\n| 4月 | 健步走 | 王强 |\n\n## 附则\n\n结束。\n";
    const out = normalizeScheduleInNote(table);
    expect(out.startsWith("---\ntype: union-plan\nperiod: 2027-02..2027-07\n---\n# 计划\n\n前言。\n\n## 行事历\n\n### 2027年3月\n- [ ] 妇女节活动（负责人：陈静） ^t-")).toBe(true);
    expect(out.endsWith("\n\n## 附则\n\n结束。\n")).toBe(true);
    expect(tasksById(out)).toEqual(tasksById(table));
  });

  it("canonicalTaskLine puts 📅 before the block id", () => {
    const t = plan(golden).schedule[0]?.tasks[1];
    if (!t) throw new Error("no task");
    expect(canonicalTaskLine(t, { dueDates: true })).toBe("- [ ] 工会小组长会议 📅 2027-03-31 ^t-knqel9");
  });
});

// Lines that can be anything except what the engine reads as part of a 行事历 (no 月, no table).
const outsideLine = fc.string({ maxLength: 30 }).filter((s) => !/[月|｜\r\n\u2028\u2029]/.test(s));
const monthTask = fc.constantFrom("开展健步走", "组织教工体检", "召开工会小组长会议", "送温暖活动", "读书分享会（负责人：王强）", "3月8日妇女节活动");

describe("normalize never changes a line outside the 行事历 (property)", () => {
  it("prefix and suffix lines come back byte for byte", () => {
    fc.assert(
      fc.property(
        fc.array(outsideLine, { maxLength: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.array(monthTask, { minLength: 1, maxLength: 3 })), { minLength: 2, maxLength: 5 }),
        fc.array(outsideLine, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        (prefix, months, suffix, eol, frontmatter) => {
          const head = frontmatter ? ["---", "type: union-plan", "period: 2027-01..2027-12", "---", ...prefix] : prefix;
          const schedule = ["## 行事历", ...months.flatMap(([m, tasks]) => [`${m}月份：`, ...tasks.map((t, i) => `${i + 1}、${t}`)])];
          const tail = ["## 附则", ...suffix];
          const input = [...head, ...schedule, ...tail].join(eol);
          const out = normalizeScheduleInNote(input);
          const outLines = out.split(eol);
          expect(outLines.slice(0, head.length)).toEqual(head);
          expect(outLines.slice(outLines.length - tail.length)).toEqual(tail);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws, and every line before the 行事历's heading stays, on any text", () => {
    // Lines with content and no table: the heading the engine may claim is the line just above the first month.
    const anyLine = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom("三月份：", "4月", "- [ ] 任务", "## 行事历", "七、八月份：暑期", "1、活动"));
    fc.assert(
      fc.property(fc.array(anyLine.filter((s) => s.trim() !== "" && !s.trim().startsWith("|") && !/[\r\n\u2028\u2029]/.test(s)), { maxLength: 30 }), (lines) => {
        const input = lines.join("\n");
        const out = normalizeScheduleInNote(input);
        const plans = parsePlans(input).plans.filter((p) => p.schedule.length > 0);
        if (plans.length === 0) {
          expect(out).toBe(input);
          return;
        }
        const first = Math.min(...plans.map((p) => Math.min(...p.schedule.map((s) => s.line))));
        const keep = Math.max(0, first - 2);
        expect(splitNoteLines(out).lines.slice(0, keep)).toEqual(splitNoteLines(input).lines.slice(0, keep));
      }),
      { numRuns: 300 },
    );
  });
});

describe("moveTaskToMonth (property)", () => {
  it("moves exactly one line: every other line stays, in order; the task lands in the month asked for", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(monthTask, { minLength: 1, maxLength: 3 }), { minLength: 6, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        (monthNumbers, taskLists, pick, targetMonth) => {
          const months = [...monthNumbers].sort((a, b) => a - b);
          const lines = ["---", "type: union-plan", "period: 2027-01..2027-12", "---", "# 计划", "", "## 行事历", ""];
          months.forEach((m, i) => {
            lines.push(`### 2027年${m}月`);
            (taskLists[i] ?? []).forEach((t, k) => lines.push(`- [ ] ${t}${i}${k} ^t-m${m}k${k}`));
            lines.push("");
          });
          lines.push("## 附则", "结束。");
          const text = lines.join("\n");
          const p = plan(text);
          const all = p.schedule.flatMap((s) => s.tasks);
          const task = all[pick % all.length];
          if (!task) return;
          const ym = `2027-${String(targetMonth).padStart(2, "0")}`;
          const r = moveTaskToMonth(text, p, task.id, ym);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const taskLine = lines[task.line - 1] ?? "";
          const before = lines.filter((l) => l !== taskLine && l !== "");
          const after = r.text.split("\n").filter((l) => l !== taskLine && l !== "" && l !== `### 2027年${targetMonth}月`);
          expect(after).toEqual(before.filter((l) => l !== `### 2027年${targetMonth}月`));
          expect(r.text.split("\n").filter((l) => l === taskLine)).toHaveLength(1);
          const moved = plan(r.text).schedule.flatMap((s) => s.tasks).find((t) => t.id === task.id);
          expect(moved?.months).toEqual([{ year: 2027, month: targetMonth }]);
          expect(plan(r.text).schedule.map((s) => s.months[0]?.month)).toEqual([...new Set([...months, targetMonth])].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
