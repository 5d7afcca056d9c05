/** What one decoder step adds up: the weighted clues for and against a reading (weights.ts). */
import { weightOf, type WeightName } from "./weights";

export type Term = [WeightName, number];

/**
 * The clues one step adds up. The decoder only needs their sum; the clues themselves are kept only
 * when a reading is to be explained (on a long plan, a list per step would outweigh the rest).
 */
export class Clues {
  score = 0;
  terms: Term[] | null = null;

  /** Starts a new step's sum; `explain` keeps the clues for `--explain` and the tests. */
  reset(explain: boolean): this {
    this.score = 0;
    this.terms = explain ? [] : null;
    return this;
  }

  add(name: WeightName, times = 1): void {
    const w = weightOf(name) * times;
    this.score += w;
    if (this.terms) this.terms.push([name, w]);
  }
}
