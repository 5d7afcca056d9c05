/**
 * A plan's decisions token by token. The decoder's decisions come in token order (a line cut into
 * pieces gives several in a row), and the plan builder reads its tokens forward, so one index walks
 * the list: no list per token is built and held for the whole plan.
 */
import type { Decision } from "./decode-schedule";

const NONE: readonly Decision[] = [];

export class DecisionCursor {
  private at = 0;

  constructor(private readonly decisions: readonly Decision[]) {}

  /** The decisions of the token at `index` (none for a line the decoder did not read); `index` never goes back. */
  of(index: number): readonly Decision[] {
    const list = this.decisions;
    while (this.at < list.length && (list[this.at] as Decision).unit.index < index) this.at++;
    let end = this.at;
    while (end < list.length && (list[end] as Decision).unit.index === index) end++;
    return end === this.at ? NONE : list.slice(this.at, end);
  }
}
