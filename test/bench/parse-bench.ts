/**
 * Parse throughput: the engine (parse + task extraction) against markdown-it's tokenizer on the same
 * text in the same process, in paired rounds. Each round times one engine pass and one markdown-it
 * pass back to back (which goes first alternates), garbage collected before each, so both see the
 * same machine load; the figure is the median of the rounds' ratios, with their spread.
 *
 * The text is the bench corpus built from the project's own fixture plans (corpus.ts), the same on
 * every machine; the seed plans are measured beside it when ../shared/seeds is there.
 */
import MarkdownIt from "markdown-it";
import { extractTasks, parsePlans } from "../../shared/index";
import { fixtureCorpus, seedsCorpus, type BenchCorpus } from "./corpus";
import { forceGc, iqr, logSlope, median, round2, spread } from "./stats";

export interface PairedFigures {
  corpusMB: number;
  corpusSource: string;
  rounds: number;
  /** Median MB/s of the engine's passes, and [min, max]. */
  engineMBps: number;
  engineMBpsSpread: [number, number];
  markdownItMBps: number;
  markdownItMBpsSpread: [number, number];
  /** Median over rounds of (engine MB/s ÷ markdown-it MB/s) in the same round; [min, max]; [Q1, Q3]. */
  ratioVsMarkdownIt: number;
  ratioSpread: [number, number];
  ratioIqr: [number, number];
  tasksPerRun: number;
  gcForced: boolean;
}

/**
 * The corpus the parse ratio is measured on: 2 MB, so one engine pass takes seconds, long against
 * timer noise, and the paired rounds still fit in the bench's time.
 */
export const PARSE_CORPUS_MB = 2;

export function pairedRounds(corpus: BenchCorpus, rounds: number): PairedFigures {
  const { text } = corpus;
  const mb = Buffer.byteLength(text) / 1048576;
  const md = new MarkdownIt();
  let tasks = 0;
  const engine = (): void => {
    tasks = extractTasks(parsePlans(text).plans).length;
  };
  const mdit = (): void => void md.parse(text, {});
  // Warm both up, so the first round does not carry the JIT's work.
  engine();
  mdit();
  const timed = (fn: () => void): number => {
    forceGc();
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const engineRates: number[] = [];
  const mditRates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let e: number;
    let m: number;
    if (round % 2 === 0) {
      e = timed(engine);
      m = timed(mdit);
    } else {
      m = timed(mdit);
      e = timed(engine);
    }
    engineRates.push(mb / (e / 1000));
    mditRates.push(mb / (m / 1000));
    ratios.push(m / e);
  }
  return {
    corpusMB: round2(mb),
    corpusSource: corpus.source,
    rounds,
    engineMBps: round2(median(engineRates)),
    engineMBpsSpread: spread(engineRates),
    markdownItMBps: round2(median(mditRates)),
    markdownItMBpsSpread: spread(mditRates),
    ratioVsMarkdownIt: round2(median(ratios)),
    ratioSpread: spread(ratios),
    ratioIqr: iqr(ratios),
    tasksPerRun: tasks,
    gcForced: forceGc(),
  };
}

export function runParseBench(rounds = 11): PairedFigures {
  return pairedRounds(fixtureCorpus(PARSE_CORPUS_MB * 1048576), rounds);
}

/** The same on the seed plans, or null when ../shared/seeds is not there. */
export function runSeedsParseBench(rounds = 7): PairedFigures | null {
  const corpus = seedsCorpus(PARSE_CORPUS_MB * 1048576);
  return corpus ? pairedRounds(corpus, rounds) : null;
}

const LINEARITY_SIZES_MB = [0.5, 1, 2, 4, 8];

/**
 * Time grows in proportion to the input: parse + extract of the bench corpus at 0.5, 1, 2, 4 and
 * 8 MB, one pass each on a collected heap. The figure is the time ratio per doubling from the
 * least-squares slope of log time against log size (2 is linear; goal ≤ 2.2), which one slow pass
 * cannot swing the way it swings a single step; the worst single step is given beside it.
 */
export function runParseLinearity(): { linearity: number; worstStep: number; msBySize: [number, number][] } {
  const ms: number[] = [];
  // Warm the JIT first: the first sizes would otherwise carry its cost and look like growth.
  extractTasks(parsePlans(fixtureCorpus(512 * 1024).text).plans);
  for (const mb of LINEARITY_SIZES_MB) {
    const { text } = fixtureCorpus(mb * 1024 * 1024);
    forceGc();
    const t0 = performance.now();
    extractTasks(parsePlans(text).plans);
    ms.push(performance.now() - t0);
  }
  let worst = 0;
  for (let i = 1; i < ms.length; i++) worst = Math.max(worst, (ms[i] as number) / (ms[i - 1] as number));
  // Pairs, not an object keyed by size: an object lists "1" before "0.5".
  const msBySize = LINEARITY_SIZES_MB.map((mb, i): [number, number] => [mb, Math.round(ms[i] as number)]);
  return { linearity: round2(2 ** logSlope(LINEARITY_SIZES_MB, ms)), worstStep: round2(worst), msBySize };
}
