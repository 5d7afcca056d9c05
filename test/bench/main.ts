/**
 * `npm run bench`: figures side by side with a peer measured in the same run. `--json` prints one
 * JSON object on stdout for machines. Times vary on shared machines; ratios hold.
 */
import { existsSync, statSync } from "node:fs";
import { memoryChild, runMemoryBench, runParseBench } from "./parse-bench";

type Figures = Record<string, Record<string, number | string | null>>;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const memoryIndex = argv.indexOf("--memory-child");
  if (memoryIndex >= 0) {
    memoryChild(argv[memoryIndex + 1] ?? "");
    return;
  }
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

  const memory = runMemoryBench(process.argv[1] ?? "dist/bench.cjs");
  figures["memory"] = memory;
  log(`memory — peak RSS parsing a 10 MB file: ${memory.peakRssMB10MB} MB (goal < 200 MB; an empty file: ${memory.baselineRssMB} MB)`);

  const bundle = existsSync("main.js") ? Math.round((statSync("main.js").size / 1024) * 10) / 10 : null;
  figures["bundle"] = { mainJsKB: bundle };
  log(`bundle — main.js minified: ${bundle ?? "not built"} KB (goal ≤ 500 KB)`);

  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
