/**
 * Long work done in turns, so the UI keeps drawing: before each item, if the turn so far plus the
 * last item's cost would pass the budget, give the event loop a turn first. One item is never
 * split, so a turn passes the budget only when an item costs more than the one before it did.
 */

export interface TurnClock {
  /** Milliseconds, monotonic (performance.now in the plugin). */
  now(): number;
  /** Resolves after the event loop has had a turn (a 0 ms timer). */
  yieldTurn(): Promise<void>;
}

export class TimeSlicer {
  private turnStart: number;
  private lastMark: number;
  /** Turns given so far (tests read it). */
  yields = 0;

  constructor(
    private readonly clock: TurnClock,
    private readonly budgetMs = 40,
  ) {
    this.turnStart = clock.now();
    this.lastMark = this.turnStart;
  }

  /** Call before each item; resolves at once, or after a turn when this item would overrun. */
  async beforeItem(): Promise<void> {
    const now = this.clock.now();
    const lastItemMs = now - this.lastMark;
    if (now - this.turnStart + lastItemMs > this.budgetMs) {
      await this.clock.yieldTurn();
      this.yields++;
      this.turnStart = this.clock.now();
      this.lastMark = this.turnStart;
      return;
    }
    this.lastMark = now;
  }
}
