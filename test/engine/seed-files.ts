/** The real plans in ../shared/seeds/ (outside the repo). Tests skip with a message when absent. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const SEEDS_DIR = resolve(__dirname, "../../../shared/seeds");
export const HAVE_SEEDS = existsSync(join(SEEDS_DIR, "EXPECTED.json"));

export interface ExpectedMonth {
  label: string;
  months: number[];
  year: number | null;
  resolved?: string[];
  tasks: string[];
}

export interface ExpectedFile {
  plans: number;
  title: string | null;
  school: string | null;
  period: string | null;
  schedules: { plan?: number; heading: string; months: ExpectedMonth[] }[];
}

export function readExpected(): Record<string, ExpectedFile> {
  return JSON.parse(readFileSync(join(SEEDS_DIR, "EXPECTED.json"), "utf8")) as Record<string, ExpectedFile>;
}

export function readSeed(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), "utf8");
}
