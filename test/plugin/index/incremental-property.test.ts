/**
 * Property: whatever sequence of edits reaches the vault (notes written, rewritten, turned into a
 * diary and back, renamed, deleted, several at once before the index applies them), the index
 * patched change by change shows what an index built cold over the same vault shows: the same
 * plans and tasks in the same order, the same list for every month, the same notes for the Notion
 * mirror. Snapshots handed out earlier never change.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tasksInMonth } from "../../../shared/tasks/extract-tasks";
import type { PlanIndexSnapshot } from "../../../plugin/host";
import { applyChanges, builtIndex } from "./index-harness";
import { noteText, type NoteMonth, type NoteShape } from "./plan-notes";

const PATHS = ["a.md", "计划/b.md", "计划/c.md", "计划/子/d.md", "归档/e.md"];
const TEXTS = ["妇女节活动", "植树", "健步走", "读书会", "慰问", "工会小组长会议"];

const month: fc.Arbitrary<NoteMonth> = fc
  .record({
    year: fc.constantFrom(null, 2026, 2027),
    month: fc.integer({ min: 1, max: 12 }),
    // A heading that spans the next month too ("七、八月份"): its tasks are in both months.
    spans: fc.boolean(),
    tasks: fc.array(fc.record({ text: fc.constantFrom(...TEXTS), done: fc.boolean() }), { maxLength: 3 }),
  })
  .map(({ spans, ...m }) => ({ ...m, through: spans && m.month < 12 ? m.month + 1 : null }));

const shape: fc.Arbitrary<NoteShape> = fc.oneof(
  fc.record({ kind: fc.constant<"canonical">("canonical"), id: fc.constantFrom("x1", "x2", "x3"), months: fc.array(month, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant<"plain">("plain"), months: fc.array(month, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant<"diary">("diary"), words: fc.constantFrom("今天天气很好。", "三月的一篇日记。") }),
);

/** `look`: read the snapshot and hold it to a cold build; else only take it (its lists never made). */
type Op = { op: "write"; path: string; shape: NoteShape } | { op: "delete"; path: string } | { op: "rename"; path: string; to: string } | { op: "apply"; look: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant<"write">("write"), path: fc.constantFrom(...PATHS), shape }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant<"delete">("delete"), path: fc.constantFrom(...PATHS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant<"rename">("rename"), path: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS, "新/f.md", "g.txt") }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant<"apply">("apply"), look: fc.boolean() }) },
);

const MONTHS = ["2026-01", "2026-03", "2026-07", "2026-12", "2027-03", "2027-05", "2030-03"];

function seen(s: PlanIndexSnapshot): unknown {
  return {
    plans: s.plans.map((p) => `${p.path}|${p.plan.id}`),
    tasks: s.tasks.map((t) => `${t.path ?? ""}|${t.planId}|${t.id}|${t.text}|${t.done}|${t.line}|${t.months.map((m) => `${m.year ?? "?"}-${m.month}`).join(",")}`),
    months: MONTHS.map((ym) => (s.tasksInMonth?.(ym) ?? []).map((t) => `${t.path ?? ""}|${t.id}|${t.text}`)),
  };
}

describe("the vault index, patched change by change", () => {
  it("always equals an index built cold over the same vault", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...PATHS), shape, { maxKeys: 4 }), fc.array(op, { minLength: 1, maxLength: 12 }), async (start, ops) => {
        const files = Object.fromEntries(Object.entries(start).map(([p, s]) => [p, noteText(s)]));
        const { app, index } = await builtIndex(files);
        for (const folder of ["计划", "计划/子", "归档", "新"]) if (!app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
        const held: { snapshot: PlanIndexSnapshot; seen: unknown }[] = [];
        for (const step of [...ops, { op: "apply", look: true } as Op]) {
          const file = step.op === "apply" ? null : app.vault.getFileByPath(step.path);
          if (step.op === "write") {
            if (file) await app.vault.modify(file, noteText(step.shape));
            else await app.vault.create(step.path, noteText(step.shape));
          } else if (step.op === "delete" && file) {
            await app.vault.delete(file);
          } else if (step.op === "rename" && file && !app.vault.getAbstractFileByPath(step.to)) {
            await app.vault.rename(file, step.to);
          } else if (step.op === "apply") {
            await applyChanges(app, index);
            const now = index.snapshot();
            if (!step.look) continue;
            // The engine's own month filter over the whole list gives each month's list too.
            for (const ym of MONTHS) expect(now.tasksInMonth?.(ym)).toEqual(tasksInMonth(now.tasks, ym));
            const cold = await builtIndex(Object.fromEntries(app.vault.getMarkdownFiles().map((f) => [f.path, app.vault.textAt(f.path) ?? ""])));
            expect(seen(now)).toEqual(seen(cold.index.snapshot()));
            expect(index.planNotes()).toEqual(cold.index.planNotes());
            cold.index.destroy();
            held.push({ snapshot: now, seen: seen(now) });
          }
        }
        for (const h of held) expect(seen(h.snapshot)).toEqual(h.seen);
        index.destroy();
      }),
      { numRuns: 100 },
    );
  });
});
