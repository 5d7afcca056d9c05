/** "Normalize 行事历 in this note / 规范本笔记的行事历": the note's schedule into canonical form, in place. */
import type { App, TFile } from "obsidian";
import { parsePlans } from "../../shared/plan/parse-plans";
import { describeLoss, normalizeSchedule } from "../../shared/edit/normalize-schedule";
import type { DueDateOptions } from "../../shared/edit/task-line";

export type NormalizeOutcome = { kind: "changed" | "unchanged" | "no-schedule" } | { kind: "refused"; message: string };

/** Rewrites the note's 行事历 through Vault.process; every other line stays byte for byte. Refused (nothing written) when it would lose text. */
export async function normalizeNote(app: App, file: TFile, options: DueDateOptions): Promise<NormalizeOutcome> {
  let outcome: NormalizeOutcome = { kind: "unchanged" };
  await app.vault.process(file, (data) => {
    if (!parsePlans(data, { fileName: file.path }).plans.some((p) => p.schedule.length > 0)) {
      outcome = { kind: "no-schedule" };
      return data;
    }
    const r = normalizeSchedule(data, options);
    if (!r.ok) {
      outcome = { kind: "refused", message: describeLoss(r.lost) };
      return data;
    }
    outcome = { kind: r.changed ? "changed" : "unchanged" };
    return r.text;
  });
  return outcome;
}
