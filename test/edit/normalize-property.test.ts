import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeSchedule } from "../../shared/edit/normalize-schedule";

// Characters that only spell structure the canonical form writes another way: list, table and
// heading syntax, separators, item numbers and month labels (三月份 → ### 2027年3月), and the
// names of the table's columns (a filled 地点 column lives on as [地点:: …], checked by example in
// normalize-keeps.test.ts; an empty one says nothing). Every other character is counted.
const STRUCTURE = new Set(Array.from("|-—:：、.．,，;；。*+#>[]0123456789一二三四五六七八九十元月份年内容地点备注"));

function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text) if (ch.trim() !== "" && !STRUCTURE.has(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

const word = fc.string({ unit: fc.constantFrom(..."工会活动读书跑步春游慰问座谈教师节abcXYZ（）“”"), minLength: 1, maxLength: 8 });
const day = fc.integer({ min: 1, max: 28 });
// A month heading's label, generic tail included (五月份工作), is what the canonical heading
// re-expresses; the oracle takes these labels off the old text before counting.
const MONTH_WORDS = ["三月：", "三月份：", "3月", "### 2027年3月", "四月：", "四月份", "5月：", "五月份工作：", "六月份活动安排："];
const monthWord = fc.constantFrom(...MONTH_WORDS);

function withoutLabels(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const label = MONTH_WORDS.find((w) => line.startsWith(w));
      return label ? line.slice(label.length) : line;
    })
    .join("\n");
}

const taskLine = fc.oneof(
  word.map((w) => `- [ ] ${w}`),
  fc.tuple(word, day).map(([w, d]) => `- [x] ${w} ✅ 2027-03-${String(d).padStart(2, "0")}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), word).map(([n, w]) => `${n}、${w}`),
  fc.tuple(word, word).map(([w, o]) => `- ${w}（负责人：${o}）`),
  fc.tuple(day, word).map(([d, w]) => `${d}日${w}`),
  fc.tuple(word, day).map(([w, d]) => `- [ ] ${w} 📅 2027-04-${String(d).padStart(2, "0")}`),
);

// Same-line tasks of two characters or more: the engine reads a shorter piece as a stray mark (and
// normalize then refuses, which the property allows but which would not exercise the rewrite).
const inlineWord = word.filter((w) => w.trim().length >= 2);
const monthBlock = fc.tuple(monthWord, fc.option(fc.tuple(inlineWord, inlineWord)), fc.array(taskLine, { maxLength: 4 })).map(([m, inline, tasks]) => {
  const head = inline && m.endsWith("：") ? `${m}${inline[0]}；${inline[1]}` : m;
  return [head, ...tasks].join("\n");
});

// A table stands apart from what follows (a blank line), and its first row names a month: a row
// before any month is read by no one, so normalize would (rightly) refuse.
const table = fc.tuple(fc.constantFrom("3月", "4月", "3月8日"), fc.array(fc.tuple(fc.constantFrom("3月", "4月", "3月8日", ""), word, fc.option(word), fc.option(word)), { minLength: 1, maxLength: 4 })).map(([first, rows]) => {
  const body = rows.map(([m, c, place, note], i) => `| ${i === 0 ? first : m} | ${c} | ${place ?? ""} | ${note ?? ""} |`);
  return ["| 月份 | 内容 | 地点 | 备注 |", "| --- | --- | --- | --- |", ...body, ""].join("\n");
});

const verbatim = fc.oneof(
  word.map((w) => `<!-- - [ ] ${w} -->`),
  fc.array(fc.oneof(word.map((w) => `- [ ] ${w}`), fc.constant(""), word), { maxLength: 3 }).map((ls) => ["```", ...ls, "```"].join("\n")),
);

const schedule = fc.array(fc.oneof({ weight: 4, arbitrary: monthBlock }, { weight: 1, arbitrary: table }, { weight: 1, arbitrary: verbatim }), { minLength: 1, maxLength: 6 });

describe("Normalize 行事历 loses nothing (property)", () => {
  it("every character of the old 行事历 is in the new one, or the command refuses and names what it would lose", () => {
    let rewritten = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom("# 晨光小学2027年工会工作计划", "# 晨光小学工会工作计划"), schedule, fc.constantFrom("\n", "\r\n"), (title, parts, eol) => {
        runs++;
        const note = [title, "", "## 行事历", ...parts, "", "三、其他", "结束语。"].join("\n").replace(/\n/g, eol);
        const r = normalizeSchedule(note);
        if (!r.ok) {
          expect(r.lost.length).toBeGreaterThan(0);
          for (const l of r.lost) expect(l.text.trim()).not.toBe("");
          return;
        }
        if (r.changed) rewritten++;
        const after = counts(r.text);
        const missing: string[] = [];
        // A day in a date column is kept as the task's date (📅 2027-03-08), not as the words 8日.
        const old = /\d{4}-03-08/.test(r.text) ? note.replace(/\| 3月8日 \|/g, "| 3月 |") : note;
        for (const [ch, n] of counts(withoutLabels(old))) if ((after.get(ch) ?? 0) < n) missing.push(ch);
        expect(missing).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // The guarantee must not be bought by refusing: most generated 行事历 are rewritten.
    expect(rewritten).toBeGreaterThan(runs / 2);
  });
});
