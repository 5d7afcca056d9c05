/**
 * Parse throughput: the engine (parse + task extraction) against markdown-it's tokenizer on the same
 * text in the same run, and peak memory reading a 10 MB file (measured in a child process so the
 * figure is the engine's, not the bench's).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { extractTasks, parsePlans } from "../../shared/index";
import { benchCorpus } from "./corpus";

export interface ParseFigures {
  corpusMB: number;
  corpusSource: string;
  engineMBps: number;
  markdownItMBps: number;
  ratioVsMarkdownIt: number;
  tasksPerRun: number;
}

function medianRate(bytes: number, runs: number, fn: () => void): number {
  fn(); // warm up the JIT
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    rates.push(bytes / 1048576 / (ms / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

export function runParseBench(): ParseFigures {
  const { text, source } = benchCorpus(1024 * 1024);
  const bytes = Buffer.byteLength(text);
  const md = new MarkdownIt();
  let tasks = 0;
  // Interleave so both see the same machine load.
  const engine: number[] = [];
  const mdit: number[] = [];
  for (let round = 0; round < 3; round++) {
    engine.push(
      medianRate(bytes, 3, () => {
        const r = parsePlans(text);
        tasks = extractTasks(r.plans).length;
      }),
    );
    mdit.push(medianRate(bytes, 3, () => void md.parse(text, {})));
  }
  const best = (xs: number[]): number => Math.max(...xs);
  const engineMBps = best(engine);
  const markdownItMBps = best(mdit);
  return {
    corpusMB: round2(bytes / 1048576),
    corpusSource: source,
    engineMBps: round2(engineMBps),
    markdownItMBps: round2(markdownItMBps),
    ratioVsMarkdownIt: round2(engineMBps / markdownItMBps),
    tasksPerRun: tasks,
  };
}

const LINEARITY_SIZES_MB = [1, 2, 4, 8, 16];

/**
 * Time grows in proportion to the input: parse + extract of the bench corpus at 1, 2, 4, 8 and 16 MB
 * (best of two each); the worst ratio between one size and the next (2 is linear; goal ≤ 2.2).
 */
export function runParseLinearity(): { linearity: number; msBySizeMB: Record<string, number> } {
  const ms: number[] = [];
  // Warm the JIT first: the first sizes would otherwise carry its cost and look like growth.
  extractTasks(parsePlans(benchCorpus(1024 * 1024).text).plans);
  for (const mb of LINEARITY_SIZES_MB) {
    const { text } = benchCorpus(mb * 1024 * 1024);
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      extractTasks(parsePlans(text).plans);
      best = Math.min(best, performance.now() - t0);
    }
    ms.push(best);
  }
  let worst = 0;
  for (let i = 1; i < ms.length; i++) worst = Math.max(worst, (ms[i] as number) / (ms[i - 1] as number));
  const msBySizeMB: Record<string, number> = {};
  LINEARITY_SIZES_MB.forEach((mb, i) => (msBySizeMB[String(mb)] = Math.round(ms[i] as number)));
  return { linearity: round2(worst), msBySizeMB };
}

/** Runs dist/bench-memory.cjs (test/bench/memory-child.ts) on an empty file and on a 10 MB one. */
export function runMemoryBench(childPath: string): { peakRssMB10MB: number; baselineRssMB: number; plans: number } {
  const dir = mkdtempSync(join(tmpdir(), "union-plan-bench-"));
  const big = join(dir, "plans-10mb.txt");
  writeFileSync(big, benchCorpus(10 * 1024 * 1024).text);
  const empty = join(dir, "empty.txt");
  writeFileSync(empty, "");
  const run = (file: string): { maxRssMB: number; plans: number } => {
    const child = spawnSync(process.execPath, [childPath, file], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as { maxRssMB: number; plans: number };
  };
  const base = run(empty);
  const full = run(big);
  return { peakRssMB10MB: round2(full.maxRssMB), baselineRssMB: round2(base.maxRssMB), plans: full.plans };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
