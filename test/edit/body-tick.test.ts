/** Ticking a body sentence: a box is added in front and Tasks' fields at the end, nothing else changes, and it reads back as the same task, done. */
import { describe, expect, it } from "vitest";
import { parsePlans } from "../../shared/plan/parse-plans";
import { extractTasks } from "../../shared/tasks/extract-tasks";
import { tickBodySentence } from "../../shared/edit/body-task-line";
import { setTaskDone, toggleTaskAtLine } from "../../shared/edit/task-line";
import { withCheckbox } from "../../shared/tasks/task-serializer";
import { BODY_ONLY } from "../tasks/body-plan-fixture";

const TODAY = "2026-11-27";
const bodyTask = (text: string, words: string) => {
  const t = extractTasks(parsePlans(text).plans).find((x) => x.text === words);
  if (!t) throw new Error(`no task ${words}`);
  return t;
};
const lineOf = (text: string, n: number): string => text.split(/\r?\n/)[n - 1] ?? "";

describe("ticking a body sentence", () => {
  it("adds the box and the done date, keeps every other byte, and the engine reads the same task back, done", () => {
    const hike = bodyTask(BODY_ONLY, "组织一次秋季登山");
    expect(hike.form).toBe("body-sentence");
    const r = tickBodySentence(BODY_ONLY, hike.id, hike.line, "（2）11月左右组织一次秋季登山。", { today: TODAY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(BODY_ONLY.replace("（2）11月左右组织一次秋季登山。", `- [x] （2）11月左右组织一次秋季登山。 ✅ ${TODAY} ^${hike.id}`));
    const back = bodyTask(r.text, "组织一次秋季登山");
    expect(back).toMatchObject({ id: hike.id, done: true, form: "checkbox", source: "body", line: hike.line, monthLabel: "11月左右", doneDate: TODAY, months: hike.months });
    // The other body item is untouched and still there.
    expect(bodyTask(r.text, "举办优秀会员表彰会").done).toBe(false);
  });

  it("is then unticked and ticked like a 行事历 checkbox (the view's toggle and the mirror's tick-back)", () => {
    const hike = bodyTask(BODY_ONLY, "组织一次秋季登山");
    const r = tickBodySentence(BODY_ONLY, hike.id, hike.line, lineOf(BODY_ONLY, hike.line), { today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    const off = toggleTaskAtLine(r.text, hike.line, lineOf(r.text, hike.line));
    expect(off.ok && lineOf(off.text, hike.line)).toBe(`- [ ] （2）11月左右组织一次秋季登山。 ^${hike.id}`);
    if (!off.ok) return;
    expect(bodyTask(off.text, "组织一次秋季登山")).toMatchObject({ id: hike.id, done: false, form: "checkbox" });
    const on = setTaskDone(off.text, hike.id, true, { today: TODAY });
    expect(on.changed).toBe(true);
    expect(bodyTask(on.text, "组织一次秋季登山").done).toBe(true);
  });

  it("keeps a list marker, indentation and CRLF line endings", () => {
    const text = BODY_ONLY.replace("（3）6月上旬，举办优秀会员表彰会。", "  - 6月上旬，举办优秀会员表彰会。").split("\n").join("\r\n");
    const fete = bodyTask(text, "举办优秀会员表彰会");
    const r = tickBodySentence(text, fete.id, fete.line, "  - 6月上旬，举办优秀会员表彰会。", { today: TODAY, format: "dataview" });
    expect(r.ok && r.text).toBe(text.replace("  - 6月上旬，举办优秀会员表彰会。", `  - [x] 6月上旬，举办优秀会员表彰会。 [completion:: ${TODAY}] ^${fete.id}`));
  });

  it("refuses, writing nothing, when the line changed, holds two dated items, or cannot take a box", () => {
    const hike = bodyTask(BODY_ONLY, "组织一次秋季登山");
    expect(tickBodySentence(BODY_ONLY, hike.id, hike.line, "（2）11月组织登山。")).toEqual({ ok: false, reason: "line-changed" });
    const two = "# 示例小学2026年工会工作计划\n\n## 一、主要工作\n（1）三月份组织义务劳动，四月份组织参观学习。\n";
    const march = bodyTask(two, "组织义务劳动");
    expect(tickBodySentence(two, march.id, march.line, lineOf(two, march.line))).toEqual({ ok: false, reason: "shared-line" });
    expect(withCheckbox("## 6月上旬举办表彰会")).toBeNull();
    expect(withCheckbox("> 6月上旬举办表彰会")).toBeNull();
    expect(withCheckbox("- [ ] 已是任务")).toBeNull();
  });
});
