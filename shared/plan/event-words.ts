/**
 * The verbs a plan holds its events with, Simplified and Traditional, for every rule that asks
 * whether a clause names an event: the activity an opening paragraph names, a date that commits to
 * an event, a dated line that is more than a step of the day.
 */

/** 举办 a contest, 开展 an activity, 组织 an outing, 举行 a ceremony. */
export const HOLD_VERBS = "举办|舉辦|举行|舉行|开展|開展|组织|組織";
/** 召开 a meeting. */
export const CONVENE_VERBS = "召开|召開";

/**
 * "在工会活动室召开", "举行": that and where an event is held, with nothing of what is held (no
 * object follows before the clause ends); the event is named elsewhere, by a subject, a heading or
 * a name before a colon.
 */
export const HELD_ONLY = /^(?:在[^，,。；;]{1,30}?)?(召开|召開|举行|舉行|进行|進行)(?=$|[，,。；;！!？?])/;
