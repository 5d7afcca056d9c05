/**
 * Peak memory reading a 10 MB file: dist/bench-memory.cjs (memory-child.ts) parses the file in a
 * process of its own, so the figure is the engine's, not the bench's; an empty file gives the
 * baseline of node itself.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtureCorpus } from "./corpus";
import { round2 } from "./stats";

export function runMemoryBench(childPath: string): { peakRssMB10MB: number; baselineRssMB: number; plans: number } {
  const dir = mkdtempSync(join(tmpdir(), "union-plan-bench-"));
  try {
    const big = join(dir, "plans-10mb.txt");
    writeFileSync(big, fixtureCorpus(10 * 1024 * 1024).text);
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
