/**
 * A plan's decisions token by token. The decoder's decisions come in token order (a line cut into
 * pieces gives several in a row), and the plan builder reads its tokens forward, so one index walks
 * the list: no list per token is built and held for the whole plan, nor made for each line.
 */
import type { Decision } from "./decode-schedule";
import { isScheduleReading } from "./readings";

export class DecisionCursor {
  /** The decisions of the token sought last are decisions[start] up to decisions[end] (exclusive). */
  start = 0;
  end = 0;

  constructor(readonly decisions: readonly Decision[]) {}

  /** Moves to the decisions of the token at `index` (none for a line the decoder did not read); `index` never goes back. */
  seek(index: number): void {
    const list = this.decisions;
    let at = this.end;
    while (at < list.length && (list[at] as Decision).unit.index < index) at++;
    let end = at;
    while (end < list.length && (list[end] as Decision).unit.index === index) end++;
    this.start = at;
    this.end = end;
  }

  /** Whether a decision of the current token reads it into the 行事历. */
  anyScheduled(): boolean {
    for (let k = this.start; k < this.end; k++) if (isScheduleReading((this.decisions[k] as Decision).reading.kind)) return true;
    return false;
  }

  /** Whether a decision of the current token reads it as `kind`. */
  anyOf(kind: Decision["reading"]["kind"]): boolean {
    for (let k = this.start; k < this.end; k++) if ((this.decisions[k] as Decision).reading.kind === kind) return true;
    return false;
  }

  /** Whether a decision of the current token reads it as anything but `kind`. */
  anyBut(kind: Decision["reading"]["kind"]): boolean {
    for (let k = this.start; k < this.end; k++) if ((this.decisions[k] as Decision).reading.kind !== kind) return true;
    return false;
  }
}
