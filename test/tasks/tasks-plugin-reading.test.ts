/**
 * Reads the lines we write the way obsidian-tasks does (its documented rules, re-implemented
 * here from its docs, not its code): a list item with a box, the block link taken off the end, then
 * its fields taken off the end one by one — nothing in the middle of a line is a field. Every task
 * line the engine writes for the seed plans and the fixtures must read back with the description,
 * done state and dates the plan holds, in both of Tasks' formats.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlans, renderPlanMarkdown, type Task } from "../../shared/index";
import type { TaskFormat } from "../../shared/tasks/task-serializer";
import { HAVE_SEEDS, SEEDS_DIR, readExpected, readSeed } from "../engine/seed-files";

interface TasksReading {
  done: boolean;
  description: string;
  due: string | null;
  start: string | null;
  doneDate: string | null;
}

const DATE = "(\\d{4}-\\d{2}-\\d{2})";
const FIELDS: Record<TaskFormat, Record<"due" | "start" | "doneDate", RegExp>> = {
  emoji: { due: new RegExp(`\\ud83d\\udcc5 *${DATE}$`), start: new RegExp(`\\ud83d\\udeeb *${DATE}$`), doneDate: new RegExp(`\\u2705 *${DATE}$`) },
  dataview: { due: new RegExp(`\\[due:: *${DATE}\\]$`), start: new RegExp(`\\[start:: *${DATE}\\]$`), doneDate: new RegExp(`\\[completion:: *${DATE}\\]$`) },
};

function readAsTasks(line: string, format: TaskFormat): TasksReading | null {
  const m = /^[\s>]*(?:[-*+]|\d+[.)]) +\[(.)\] *(.*)$/.exec(line);
  if (!m) return null;
  let body = (m[2] ?? "").replace(/ \^[A-Za-z0-9-]+$/, "").trim();
  const out: TasksReading = { done: m[1] === "x" || m[1] === "X", description: "", due: null, start: null, doneDate: null };
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of ["due", "start", "doneDate"] as const) {
      const f = FIELDS[format][key].exec(body);
      if (f) {
        out[key] = f[1] ?? null;
        body = body.slice(0, f.index).trim();
        changed = true;
      }
    }
  }
  out.description = body;
  return out;
}

function expectedDescription(t: Task): string {
  let d = t.text + (t.owner ? `（负责人：${t.owner}）` : "");
  for (const x of t.details ?? []) d += ` [${x.label}:: ${x.value}]`;
  return d;
}

function notes(): { name: string; text: string }[] {
  const out = [
    { name: "sample-plan.md", text: readFileSync(join(__dirname, "../engine/golden/sample-plan.md"), "utf8") },
    {
      name: "fixture",
      text: "# 晨光小学2026学年度第一学期工会工作计划\n\n## 行事历\n九月：\n1、9月10日教师节慰问（负责人：王芳）\n- [x] 新教师座谈会 ✅ 2026-09-20\n十一月：\n1、11月20日—28日教工运动会\n| 月份 | 内容 | 地点 |\n| --- | --- | --- |\n| 12月 | 迎新年联欢 | 礼堂 |\n",
    },
  ];
  // The layout-form fixtures (ours, always present) and, where they are, the seed plans.
  const forms = join(__dirname, "../engine/forms");
  for (const name of readdirSync(forms).filter((f) => f.endsWith(".txt")).sort()) out.push({ name, text: readFileSync(join(forms, name), "utf8") });
  if (HAVE_SEEDS) for (const name of Object.keys(readExpected())) out.push({ name, text: readSeed(name) });
  return out;
}

describe("Tasks reads every task line we write", () => {
  it.skipIf(!HAVE_SEEDS)(`uses the seed plans in ${SEEDS_DIR}`, () => {
    expect(Object.keys(readExpected()).length).toBeGreaterThan(0);
  });

  for (const format of ["emoji", "dataview"] as const) {
    it(`${format} format: description, done state, due, start and done dates`, () => {
      let lines = 0;
      for (const note of notes()) {
        for (const plan of parsePlans(note.text).plans) {
          const md = renderPlanMarkdown(plan, { format });
          const written = md.split("\n");
          for (const t of plan.schedule.flatMap((m) => m.tasks)) {
            const line = written.find((l) => l.endsWith(` ^${t.id}`));
            const read = line === undefined ? null : readAsTasks(line, format);
            expect(read, `${note.name}: ${t.text}`).not.toBeNull();
            const range = t.date !== null && t.dateEnd !== null && t.dateEnd !== t.date;
            expect(read, `${note.name}: ${line}`).toEqual({
              done: t.done,
              description: expectedDescription(t),
              due: range ? t.dateEnd : t.date,
              start: range ? t.date : null,
              doneDate: t.doneDate ?? null,
            });
            lines++;
          }
        }
      }
      expect(lines).toBeGreaterThan(10);
    });
  }
});
