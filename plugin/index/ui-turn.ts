/**
 * A turn for the UI between slices of long work (the index's cold build): the work goes on in a
 * task of its own, and the browser may draw and handle input before it.
 *
 * Not a 0 ms timer. A timer set from inside another timer's callback is nested, and past five
 * levels HTML's timer rules hold it to at least 4 ms: a cold build that yields every 32 ms would
 * idle 4 ms of every 36 from its sixth turn on. A message on a MessageChannel is a task with no
 * such clamp, and `scheduler.yield()`, where the browser has it, is one that also keeps the work's
 * priority against other tasks.
 */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export interface UiTurn {
  /** Resolves in a later task, after the event loop has had its turn. */
  next(): Promise<void>;
  /** Lets go of the message channel (plugin unload). */
  close(): void;
}

/** The UI turn for a window (or any global scope): scheduler.yield where present, else a MessageChannel message. */
export function uiTurn(scope: { scheduler?: SchedulerLike; MessageChannel?: typeof MessageChannel }): UiTurn {
  const scheduler = scope.scheduler;
  if (scheduler && typeof scheduler.yield === "function") {
    const yieldTask = scheduler.yield.bind(scheduler);
    return { next: () => yieldTask(), close: () => {} };
  }
  const Channel = scope.MessageChannel;
  if (!Channel) throw new Error("uiTurn: no scheduler.yield and no MessageChannel in this scope");
  const channel = new Channel();
  // One message a turn; each resolves the turn that posted it, in order (one turn waits at a time
  // in the cold build, so the list stays short).
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => {
    waiting.shift()?.();
  };
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
    close: () => {
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
      // A turn still waiting would never come: let its work go on (it checks whether it was stopped).
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}
