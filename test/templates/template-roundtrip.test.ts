/**
 * Every built-in template, for every term, read back by the plan engine: one plan, its facts from
 * the frontmatter, exactly the period's months in order, and exactly the suggested tasks.
 */
import { describe, expect, it } from "vitest";
import { parsePlans, renderPlanMarkdown } from "../../shared/index";
import { TEMPLATES, renderTemplateNote, suggestionsFor, type TemplateId } from "../../shared/templates";
import { formatHolidayLineForMonths } from "../../shared/holidays";

const cases: { template: TemplateId; year: number; term?: 1 | 2 }[] = [];
for (const t of TEMPLATES) {
  for (const year of [2025, 2026]) {
    if (t.term === "none") cases.push({ template: t.id, year });
    else {
      cases.push({ template: t.id, year, term: 1 }, { template: t.id, year, term: 2 });
      if (t.term === "optional") cases.push({ template: t.id, year });
    }
  }
}

describe("templates read back by the engine", () => {
  for (const c of cases) {
    it(`${c.template} ${c.year}${c.term ? ` term ${c.term}` : ""}`, () => {
      const note = renderTemplateNote({ template: c.template, school: "晨光小学", year: c.year, term: c.term });
      const result = parsePlans(note.markdown);
      expect(result.plans).toHaveLength(1);
      const plan = result.plans[0];
      if (!plan) return;
      expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(plan.id).toBe(note.planId);
      expect(plan.title).toBe(note.title);
      expect(plan.school).toBe("晨光小学");
      expect(plan.kind).toBe(note.kind);
      expect(plan.period).toEqual(note.period.period);
      expect(plan.reviewStatus).toBe("草稿");

      // Exactly the period's months, in order, grouped as the headings group them.
      expect(plan.schedule.map((s) => s.months)).toEqual(note.period.groups);
      expect(plan.schedule.flatMap((s) => s.months)).toEqual(note.period.months);

      const groups = note.period.groups;
      plan.schedule.forEach((month, i) => {
        const group = groups[i] ?? [];
        const expected = suggestionsFor(group, { template: c.template, first: i === 0, last: i === groups.length - 1, termPlan: note.period.termName !== null });
        expect(month.tasks.map((t) => t.text)).toEqual(expected.map((s) => s.text));
        expect(month.tasks.every((t) => !t.done && /^t-[0-9a-z]{4}$/.test(t.id))).toBe(true);
        const first = group[0];
        expect(month.tasks.map((t) => t.date)).toEqual(
          expected.map((s) => (s.day !== undefined && first && group.length === 1 ? `${first.year}-${String(first.month).padStart(2, "0")}-${String(s.day).padStart(2, "0")}` : null)),
        );
        for (const t of month.tasks) expect(t.months).toEqual(group);
        // The holiday line is a note of the month, not a task.
        expect(month.notes).toEqual([formatHolidayLineForMonths(group)]);
      });

      // The note is already canonical: the engine writes it back byte for byte.
      expect(renderPlanMarkdown(plan)).toBe(note.markdown);
    });
  }
});
