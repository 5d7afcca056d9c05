/**
 * The answer key: every schedule in ../shared/seeds/EXPECTED.json (91 tasks) read back by the engine
 * with the same labels, months, resolved year-months and task texts, and the right number of plans.
 */
import { describe, expect, it } from "vitest";
import { parsePlans, ymKey } from "../../shared/index";
import { HAVE_SEEDS, readExpected, readSeed } from "./seed-files";

if (!HAVE_SEEDS) console.warn("../shared/seeds/ not found: the seed answer-key tests are skipped.");

describe.skipIf(!HAVE_SEEDS)("seed plans against EXPECTED.json", () => {
  const expected = HAVE_SEEDS ? readExpected() : {};
  for (const [file, exp] of Object.entries(expected)) {
    describe(file, () => {
      const result = parsePlans(readSeed(file));

      it(`finds ${exp.plans} plan(s)`, () => {
        expect(result.plans.length).toBe(exp.plans);
      });

      for (const sched of exp.schedules) {
        const planIndex = (sched.plan ?? 1) - 1;
        it(`reads the schedule "${sched.heading}" of plan ${planIndex + 1}`, () => {
          const plan = result.plans[planIndex];
          expect(plan).toBeDefined();
          const got = plan!.schedule.map((m) => ({
            label: m.label,
            months: m.months.map((x) => x.month),
            year: m.writtenYear,
            resolved: m.months.every((x) => x.year !== null) ? m.months.map(ymKey) : undefined,
            tasks: m.tasks.map((t) => t.text),
          }));
          const want = sched.months.map((m) => ({ label: m.label, months: m.months, year: m.year, resolved: m.resolved, tasks: m.tasks }));
          expect(got).toEqual(want);
          expect(plan!.scheduleHeading).toBe(sched.heading);
        });
      }

      if (exp.schedules.length === 0) {
        it("finds no schedule where there is none", () => {
          expect(result.plans.every((p) => p.schedule.length === 0)).toBe(true);
        });
      }
    });
  }

  it("reads all 91 tasks", () => {
    const total = Object.keys(expected).reduce((n, f) => n + parsePlans(readSeed(f)).plans.reduce((k, p) => k + p.schedule.reduce((j, m) => j + m.tasks.length, 0), 0), 0);
    expect(total).toBe(91);
  });

  it("reads title and school where the file names them", () => {
    for (const [file, exp] of Object.entries(expected)) {
      if (exp.plans !== 1) continue;
      const plan = parsePlans(readSeed(file)).plans[0]!;
      expect(plan.title, file).toBe(exp.title);
      expect(plan.school, file).toBe(exp.school);
    }
  });
});
