/**
 * The schedule decoder: reads a plan's lines the way a person does, by choosing for every line the
 * reading that makes the whole plan most consistent (months run forward, item numbers restart
 * at 1 under each month and count up, one layout repeats, a table keeps its columns).
 *
 * A beam search over the readings of each line (readings.ts), scored step by step (step.ts,
 * weights.ts). The beam holds at most BEAM states per line, so any input costs linear time.
 */
import type { TokenLine } from "../line-token";
import { UnitReader, type LineUnit } from "./line-unit";
import { readingsOf, type Reading } from "./readings";
import { Clues, type Term } from "./clues";
import { finish, START, stateKey, stepScored, type DecodeState } from "./step";

// On the corpus and every fixture, 8 states read exactly as 16 did, with a tenth fewer steps a line.
const BEAM = 8;
const NO_TERMS: Term[] = [];
/**
 * A reading this far behind the best at the same line is dropped: the clues ahead would have to
 * outweigh the entry cost of a 行事历 and more. Keeps the beam small where the reading is plain.
 */
const MARGIN = 7;

export interface Decision {
  unit: LineUnit;
  reading: Reading;
  /** The columns of the table this line is read in, if any (a row's cells are read by them). */
  table: DecodeState["table"];
  /** The clues that scored this reading, given the readings chosen before it. */
  terms: Term[];
  /** The best other reading of this line the beam held, and how far behind it was. */
  runnerUp: { reading: Reading; terms: Term[]; behind: number } | null;
}

/**
 * A step of the search; the nodes of the best path are the decisions themselves (no second object a
 * line): a long plan holds one of them a line until it is built.
 */
interface Node extends Decision {
  /** Needed while the node is in the beam; released (set to START) once it has left it. */
  state: DecodeState;
  score: number;
  /** Null only at the start node, which is never a decision. */
  reading: Reading;
  back: Node | null;
}

/** Keeps the best node per state, within MARGIN of the best, then the BEAM best overall. */
function prune(nodes: Node[]): Node[] {
  let top = -Infinity;
  for (const n of nodes) if (n.score > top) top = n.score;
  // Usually a handful of nodes: a linear search of the kept keys beats a Map; a long list gets one.
  const kept: Node[] = [];
  const keys: number[] = [];
  const byKey = nodes.length > 32 ? new Map<number, number>() : null;
  for (const n of nodes) {
    if (n.score < top - MARGIN) continue;
    const k = stateKey(n.state);
    const at = byKey ? (byKey.get(k) ?? -1) : keys.indexOf(k);
    if (at < 0) {
      byKey?.set(k, kept.length);
      keys.push(k);
      kept.push(n);
    } else if (n.score > (kept[at] as Node).score) kept[at] = n;
  }
  if (kept.length <= 1) return kept;
  sortByScore(kept);
  return kept.length > BEAM ? kept.slice(0, BEAM) : kept;
}

/**
 * Best first, equal scores in the order they came (as a stable sort keeps them). An insertion sort:
 * the list is a few nodes (at most the beam times a line's readings, a bounded number), where
 * Array.prototype.sort with a comparator costs more than the work.
 */
function sortByScore(nodes: Node[]): void {
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as Node;
    let j = i - 1;
    while (j >= 0 && (nodes[j] as Node).score < n.score) {
      nodes[j + 1] = nodes[j] as Node;
      j--;
    }
    nodes[j + 1] = n;
  }
}

/** Whether a node of the beam is inside a 行事历 (a loop: this runs for every line). */
function anyInside(beam: readonly Node[]): boolean {
  for (const n of beam) if (n.state.mode === "in") return true;
  return false;
}

/** Whether a node of the beam has a table's columns (kept or still in its header). */
function anyTable(beam: readonly Node[]): boolean {
  for (const n of beam) if (n.state.table !== null) return true;
  return false;
}

/**
 * With `explain`, every line's beam is kept so each decision can name its runner-up; without, only
 * the back pointers of the live beam are (memory stays proportional to the beam, not the plan).
 */
export function decodeSchedule(tokens: readonly TokenLine[], explain = false): Decision[] {
  const units = new UnitReader(tokens);
  let beam: Node[] = [{ unit: null as unknown as LineUnit, reading: null as unknown as Reading, table: null, terms: [], runnerUp: null, state: START, score: 0, back: null }];
  const beams: Node[][] = [];
  const clues = new Clues();
  for (let batch = units.next(); batch.length > 0; batch = units.next()) {
    for (const u of batch) {
      // Most lines of a plan are read while no reading is inside a 行事历 or under a table's header:
      // their inner readings (task, continuation, cell) could not be taken, so they are not made; nor,
      // where no reading has a table's columns, are a row's and a cell's.
      const table = anyTable(beam);
      const readings = readingsOf(u, table || anyInside(beam), table);
      const next: Node[] = [];
      for (const node of beam) {
        for (const r of readings) {
          const state = stepScored(node.state, r, u, clues.reset(explain));
          if (!state) continue;
          next.push({ unit: u, reading: r, table: state.table, terms: clues.terms ?? NO_TERMS, runnerUp: null, state, score: node.score + clues.score, back: node });
        }
      }
      // The path behind the beam keeps its readings, not its states: a long plan holds one node a line.
      for (const node of beam) node.state = START;
      // The readings hold what they need of the line's date phrase; the unit, kept with its decision, need not.
      u.phrase = null;
      beam = next.length === 1 ? next : prune(next);
      if (explain) beams.push(beam);
    }
  }
  let last: Node | null = null;
  let lastScore = -Infinity;
  for (const n of beam) {
    finish(n.state, clues.reset(false));
    const s = n.score + clues.score;
    if (s > lastScore) {
      lastScore = s;
      last = n;
    }
  }
  const path: Node[] = [];
  for (let n = last; n && n.reading; n = n.back) path.push(n);
  path.reverse();
  for (let i = 0; i < path.length; i++) {
    const n = path[i] as Node;
    // Each decision stands alone: no chain of the nodes before it.
    n.back = null;
    for (const a of beams[i] ?? []) {
      if (a.reading.kind !== n.reading.kind) {
        n.runnerUp = { reading: a.reading, terms: a.terms, behind: n.score - a.score };
        break;
      }
    }
  }
  return path;
}
