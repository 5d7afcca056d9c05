/**
 * The bench's sections, each run in a node process of its own (main.ts starts them), so no section
 * is measured on a heap, a JIT state or a garbage collector left behind by another. A section logs
 * its lines as it goes and hands back its figures, one group or more, for `--json`.
 */
import { join, dirname } from "node:path";
import { runParseBench, runParseLinearity, runSeedsParseBench, type PairedFigures } from "./parse-bench";
import { runMemoryBench } from "./memory-bench";
import { runIndexBench } from "./index-bench";
import { runRenderBench } from "./render-bench";
import { runSyncBench } from "./sync-bench";
import { runAdversarialBench } from "./adversarial-bench";

export type Figures = Record<string, Record<string, unknown>>;
export type Log = (line: string) => void;

export interface Section {
  name: string;
  run(log: Log): Promise<Figures>;
}

const spreadText = (s: readonly [number, number]): string => `${s[0]}–${s[1]}`;

function pairedLines(p: PairedFigures, log: Log): void {
  log(`  corpus ${p.corpusMB} MB: ${p.corpusSource}`);
  log(`  engine       ${p.engineMBps} MB/s (${spreadText(p.engineMBpsSpread)})  (${p.tasksPerRun} tasks per pass)`);
  log(`  markdown-it  ${p.markdownItMBps} MB/s (${spreadText(p.markdownItMBpsSpread)})`);
  log(`  ratio        ${p.ratioVsMarkdownIt}, median of ${p.rounds} paired rounds (min–max ${spreadText(p.ratioSpread)}, IQR ${spreadText(p.ratioIqr)}) (goal ≥ 1.0)${p.gcForced ? "" : " — run with --expose-gc to collect between rounds"}`);
}

const parse: Section = {
  name: "parse",
  async run(log) {
    log("parse — 引擎解析+任务提取 vs markdown-it 分词 / engine parse+extract vs markdown-it tokenizer, same text, paired rounds");
    const p = runParseBench();
    pairedLines(p, log);
    const figures: Record<string, unknown> = { ...p };
    const seeds = runSeedsParseBench();
    if (seeds) {
      log("  beside it, the seed plans (../shared/seeds):");
      pairedLines(seeds, log);
      figures["seedsCorpusMB"] = seeds.corpusMB;
      figures["seedsRatioVsMarkdownIt"] = seeds.ratioVsMarkdownIt;
      figures["seedsRatioSpread"] = seeds.ratioSpread;
      figures["seedsRatioIqr"] = seeds.ratioIqr;
      figures["seedsEngineMBps"] = seeds.engineMBps;
    }
    const growth = runParseLinearity();
    figures["linearity"] = growth.linearity;
    figures["linearityWorstStep"] = growth.worstStep;
    figures["linearityMs"] = growth.msBySize.map(([, t]) => t).join(" / ");
    figures["linearitySizesMB"] = growth.msBySize.map(([mb]) => mb).join(" / ");
    log(`  linearity    time ratio per doubling ${growth.linearity} (fitted; goal ≤ 2.2; worst single step ${growth.worstStep}): ${growth.msBySize.map(([mb, t]) => `${mb} MB ${t} ms`).join(", ")}`);
    return { parse: figures };
  },
};

const reliability: Section = {
  name: "reliability",
  async run(log) {
    log("reliability — 随机对抗输入 1/2/4/8 MB / random adversarial inputs of 1, 2, 4, 8 MB (engine parse+extract)");
    const r = runAdversarialBench(10, 20261126, log);
    log(`  slowest ${r.adversarialWorstMBps} MB/s on ${r.adversarialWorstShape} (goal ≥ 1)`);
    log(`  worst growth per doubling ${r.adversarialLinearity} on ${r.adversarialLinearityShape} (goal ≤ 2.2; worst single step ${r.adversarialWorstStep}) over ${r.adversarialShapes} shapes`);
    return { reliability: { ...r } };
  },
};

const memory: Section = {
  name: "memory",
  async run(log) {
    const m = runMemoryBench(join(dirname(process.argv[1] ?? "dist/bench.cjs"), "bench-memory.cjs"));
    log(`memory — peak RSS parsing a 10 MB file: ${m.peakRssMB10MB} MB (goal < 200 MB; an empty file: ${m.baselineRssMB} MB)`);
    return { memory: { ...m } };
  },
};

const index: Section = {
  name: "index",
  async run(log) {
    const i = await runIndexBench();
    log(`index — generated plan notes cold: 2,000 ${i.cold2000Ms} ms (${spreadText(i.cold2000SpreadMs)}; goal ≤ 300 ms), 8,000 ${i.cold8000Ms} ms (${spreadText(i.cold8000SpreadMs)}; goal: linear); CPU time ${i.cold2000CpuMs} / ${i.cold8000CpuMs} ms; the very first build, JIT cold, ${i.cold2000FirstMs} ms`);
    log(`        longest work between two UI turns of a cold build ${i.coldLongestTurnMs} ms (goal ≤ 40 ms)`);
    log(`        one changed note, month list ready: 2,000 ${i.oneChangeMs} ms (${spreadText(i.oneChangeSpreadMs)}), 8,000 ${i.oneChange8000Ms} ms (${spreadText(i.oneChange8000SpreadMs)}) (goal ≤ 0.5 ms), of which the engine's parse of the note ${i.oneChangeParseMs} / ${i.oneChange8000ParseMs} ms; whole task list instead at 8,000: ${i.oneChangeWholeList8000Ms} ms (${spreadText(i.oneChangeWholeList8000SpreadMs)})`);
    log(`        heap the built index holds: ${i.indexHeapMBPer10MB} MB per 10 MB of notes (the texts not counted)`);
    return { index: { ...i } };
  },
};

const render: Section = {
  name: "render",
  async run(log) {
    const render: Record<string, number> = { ...(await runRenderBench()) };
    log(`render — month view with 500 tasks in Chromium: ${render["month500Ms"]} ms (goal ≤ 16 ms, one frame)${render["month500FrameMs"] === undefined ? "" : `; with the next frame ${render["month500FrameMs"]} ms`}`);
    if (render["plainList500Ms"] !== undefined) log(`         peer in the same page: a bare list of the same 500 tasks ${render["plainList500Ms"]} ms (with the next frame ${render["plainList500FrameMs"]} ms)`);
    return { render };
  },
};

/** The mirror's clock runs 10× real time: a timer late by 5 ms on a busy machine is 50 ms late to the mirror. */
const SYNC_CLOCK_SCALE = 10;

const sync: Section = {
  name: "sync",
  async run(log) {
    const s = await runSyncBench({ scale: SYNC_CLOCK_SCALE });
    log(`sync — 50 plans, 1,000 tasks into the Notion emulator (clock ${SYNC_CLOCK_SCALE}× real time): first sync ${s.firstRequests} requests; re-sync with nothing changed ${s.unchangedWrites} writes; one edited task ${s.oneEditWrites} writes`);
    log(`       sustained rate ${s.rateFractionOfLimit} of the 3 requests/second limit (goal ≥ 0.9) with ${s.http429} HTTP 429`);
    return { sync: { ...s, clockScale: SYNC_CLOCK_SCALE } };
  },
};

/** In the order they run. */
export const SECTIONS: readonly Section[] = [parse, reliability, memory, index, render, sync];
