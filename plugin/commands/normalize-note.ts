/** "Normalize 行事历 in this note / 规范本笔记的行事历": the note's schedule into canonical form, in place. */
import type { App, TFile } from "obsidian";
import { parsePlans } from "../../shared/plan/parse-plans";
import { normalizeScheduleInNote } from "../../shared/edit/task-line";

export type NormalizeOutcome = "changed" | "unchanged" | "no-schedule";

/** Rewrites the note's 行事历 through Vault.process; every other line stays byte for byte. */
export async function normalizeNote(app: App, file: TFile, dueDates: boolean): Promise<NormalizeOutcome> {
  let outcome: NormalizeOutcome = "unchanged";
  await app.vault.process(file, (data) => {
    if (!parsePlans(data, { fileName: file.path }).plans.some((p) => p.schedule.length > 0)) {
      outcome = "no-schedule";
      return data;
    }
    const next = normalizeScheduleInNote(data, { dueDates });
    outcome = next === data ? "unchanged" : "changed";
    return next;
  });
  return outcome;
}
