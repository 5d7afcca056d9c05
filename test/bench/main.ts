/**
 * `npm run bench`: figures side by side with a peer measured in the same run. `--json` prints one
 * JSON object on stdout for machines. Times vary on shared machines; ratios hold.
 */
import { existsSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { runMemoryBench, runParseBench, runParseLinearity } from "./parse-bench";
import { runIndexBench } from "./index-bench";
import { runRenderBench } from "./render-bench";
import { runSyncBench } from "./sync-bench";
import { runAdversarialBench } from "./adversarial-bench";

type Figures = Record<string, Record<string, number | string | null>>;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes("--json");
  const log = (line: string): void => {
    if (!json) process.stdout.write(`${line}\n`);
  };
  const figures: Figures = {};

  log("parse — 引擎解析+任务提取 vs markdown-it 分词 / engine parse+extract vs markdown-it tokenizer, same text, same run");
  const parse = runParseBench();
  figures["parse"] = { ...parse };
  log(`  corpus ${parse.corpusMB} MB from ${parse.corpusSource}`);
  log(`  engine       ${parse.engineMBps} MB/s  (${parse.tasksPerRun} tasks per pass)`);
  log(`  markdown-it  ${parse.markdownItMBps} MB/s`);
  log(`  ratio        ${parse.ratioVsMarkdownIt}  (goal ≥ 1.0)`);
  const growth = runParseLinearity();
  figures["parse"] = { ...parse, linearity: growth.linearity, linearityMs: Object.values(growth.msBySizeMB).join(" / ") };
  log(`  linearity    worst time ratio per doubling ${growth.linearity} (goal ≤ 2.2): ${Object.entries(growth.msBySizeMB).map(([mb, t]) => `${mb} MB ${t} ms`).join(", ")}`);

  log("reliability — 随机对抗输入 1/2/4/8 MB / random adversarial inputs of 1, 2, 4, 8 MB (engine parse+extract)");
  const reliability = runAdversarialBench(10, 20261126, log);
  figures["reliability"] = { ...reliability };
  log(`  slowest ${reliability.adversarialWorstMBps} MB/s on ${reliability.adversarialWorstShape} (goal ≥ 1)`);
  log(`  worst growth per doubling ${reliability.adversarialLinearity} on ${reliability.adversarialLinearityShape} (goal ≤ 2.2; worst single step ${reliability.adversarialWorstStep}) over ${reliability.adversarialShapes} shapes`);

  const memory = runMemoryBench(join(dirname(process.argv[1] ?? "dist/bench.cjs"), "bench-memory.cjs"));
  figures["memory"] = memory;
  log(`memory — peak RSS parsing a 10 MB file: ${memory.peakRssMB10MB} MB (goal < 200 MB; an empty file: ${memory.baselineRssMB} MB)`);

  const bundle = existsSync("main.js") ? Math.round((statSync("main.js").size / 1024) * 10) / 10 : null;
  figures["bundle"] = { mainJsKB: bundle };
  log(`bundle — main.js minified: ${bundle ?? "not built"} KB (goal ≤ 500 KB)`);

  const index = await runIndexBench();
  figures["index"] = index;
  log(`index — 2,000 generated plan notes cold: ${index.cold2000Ms} ms (goal ≤ 300 ms); one changed note: ${index.oneChangeMs} ms (goal ≤ 2 ms)`);

  const render: Record<string, number> = { ...(await runRenderBench()) };
  figures["render"] = render;
  log(`render — month view with 500 tasks in Chromium: ${render["month500Ms"]} ms (goal ≤ 16 ms, one frame)${render["month500FrameMs"] === undefined ? "" : `; with the next frame ${render["month500FrameMs"]} ms`}`);
  if (render["plainList500Ms"] !== undefined) log(`         peer in the same page: a bare list of the same 500 tasks ${render["plainList500Ms"]} ms (with the next frame ${render["plainList500FrameMs"]} ms)`);

  const sync = await runSyncBench();
  figures["sync"] = { ...sync };
  log(`sync — 50 plans, 1,000 tasks into the Notion emulator: first sync ${sync.firstRequests} requests; re-sync with nothing changed ${sync.unchangedWrites} writes; one edited task ${sync.oneEditWrites} writes`);
  log(`       sustained rate ${sync.rateFractionOfLimit} of the 3 requests/second limit (goal ≥ 0.9) with ${sync.http429} HTTP 429`);

  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
