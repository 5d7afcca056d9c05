/**
 * The patterns rewritten for linear time read exactly as the old ones did (properties against the
 * old regexes on small inputs), and inputs that overflowed the stack now parse. Speed itself is
 * measured by `npm run bench` (reliability.adversarialWorstMBps / adversarialLinearity), not here.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePlans, extractTasks } from "../../shared/index";
import { isNoiseLine } from "../../shared/plan/plan-facts";
import { splitTaskText } from "../../shared/schedule/task-text";
import { IdAllocator } from "../../shared/plan/stable-id";
import { maxOf, minOf, pushAll, spliceAll } from "../../shared/collections/array-edit";
import { BIG_INPUT_TIMEOUT_MS } from "../big-input";

const OLD_NOISE = /^\d{4}-\d{1,2}-\d{1,2}$|【[^】]*】|\d+篇[】)）]|www\.|https?:|\.(?:com|cn|net)\b|^(?:上一篇|下一篇|相关推荐|相關推薦|热门|熱門|返回|首页|首頁|阅读|閱讀|分享到)/i;
const OLD_TRAILING = /[ 。；;,，、]+$/;

const textOf = (units: string[], maxLength = 30): fc.Arbitrary<string> => fc.array(fc.constantFrom(...units), { maxLength }).map((a) => a.join(""));

describe("linear-time patterns read as the old ones did", () => {
  it("page noise: the same lines are noise", () => {
    fc.assert(
      fc.property(textOf(["【", "】", "1", "2026", "-", "3", "篇", ")", "）", "x", "工会", " ", "www.", ".com", "上一篇"]), (line) => {
        expect(isNoiseLine(line)).toBe(OLD_NOISE.test(line.trim()));
      }),
      { numRuns: 3000 },
    );
  });

  it("task text: trailing punctuation comes off as before", () => {
    fc.assert(
      fc.property(textOf(["活动", "，", "、", "。", "；", ";", ",", " ", "x", "3月8日"]), (raw) => {
        const text = splitTaskText(raw).text;
        expect(text).toBe(text.replace(OLD_TRAILING, ""));
        expect(splitTaskText(`${raw}，，、。 ；`).text).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it("task text: block id, 📅 and ✅ come off wherever the spaces are", () => {
    expect(splitTaskText("三八节活动   \ud83d\udcc5 2026-03-08   \u2705 2026-03-09  ^t-ab12")).toMatchObject({ text: "三八节活动", blockId: "t-ab12", owner: null, dueDate: "2026-03-08" });
    expect(splitTaskText("party \ud83d\udcc5 2026-03-08 and more")).toMatchObject({ text: "party and more", dueDate: "2026-03-08" });
  });

  it("ids: n copies of one line get the ids counting up from 2 used to give", () => {
    const naive = (wanted: string[]): string[] => {
      const used = new Set<string>();
      return wanted.map((w) => {
        let id = w;
        for (let n = 2; used.has(id); n++) id = `${w}-${n}`;
        used.add(id);
        return id;
      });
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom("t-a", "t-a-2", "t-a-3", "t-b", "t-a-2-2"), { maxLength: 40 }), (wanted) => {
        const ids = new IdAllocator();
        expect(wanted.map((w) => ids.take(w))).toEqual(naive(wanted));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("big arrays never go through a spread", () => {
  it("array helpers match push, splice, Math.max and Math.min", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), fc.nat(), fc.nat(), (a, b, start, count) => {
        const s = Math.min(start, a.length);
        const viaSplice = a.slice();
        viaSplice.splice(s, count, ...b);
        const viaHelper = a.slice();
        spliceAll(viaHelper, s, count, b);
        expect(viaHelper).toEqual(viaSplice);
        expect(pushAll(a.slice(), b)).toEqual([...a, ...b]);
        expect(maxOf(b, 0)).toBe(Math.max(0, ...b));
        expect(minOf(b, 0)).toBe(Math.min(0, ...b));
      }),
    );
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    expect(maxOf(big)).toBe(299_999);
    expect(pushAll([], big)).toHaveLength(300_000);
  }, BIG_INPUT_TIMEOUT_MS);

  it("200 k month headings give a plan with 200 k months", () => {
    const text = ["学校2026年工会工作计划", "一、行事历", ...Array.from({ length: 200_000 }, (_, i) => `${(i % 12) + 1}月`)].join("\n");
    const r = parsePlans(text);
    expect(r.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
    expect(r.plans).toHaveLength(1);
    // The last heading, with nothing under it at the very end, reads as a line of text.
    expect(r.plans[0]?.schedule.length).toBeGreaterThanOrEqual(199_999);
  }, BIG_INPUT_TIMEOUT_MS);

  it("one task line repeated 20 k times gives 20 k distinct ids", () => {
    const text = ["## 行事历", "### 2026年3月", ...Array.from({ length: 20_000 }, () => "- [ ] 三八节活动 ^t-ab12")].join("\n");
    const tasks = extractTasks(parsePlans(text).plans);
    expect(tasks).toHaveLength(20_000);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(20_000);
    expect(tasks[19_999]?.id).toBe("t-ab12-20000");
  }, BIG_INPUT_TIMEOUT_MS);
});
