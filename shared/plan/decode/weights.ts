/**
 * Every weight the schedule decoder scores with, in one place. A reading of a whole plan scores
 * the sum of its terms; the decoder keeps the reading with the highest sum. A weight is a rough
 * log-odds: how much more a person would believe the reading for having seen this clue.
 * Each is named in `union-plan parse --explain`; test/engine/decoder-weights.test.ts checks each
 * one where it applies, and shows the main ones deciding a small plan on their own.
 */
export const WEIGHTS = {
  /** Starting a 行事历 costs evidence: one month word in a sentence is not a schedule. */
  enter: -4,
  /** Coming back to a 行事历 this plan already has (after an item that is not a task). */
  reenter: -1.5,
  /** The line before names a schedule ("四、主要活动安排：", "行事历", a table header). */
  keywordBefore: 4,
  /** Each month heading: a tie-breaker only (fewer months win a tie). */
  heading: -0.01,
  /** Every task a reading finds is a reason to believe it. */
  task: 1,
  /** A task told in the past ("进行了演习"): a 总结 under month headings, not a plan. */
  pastTense: -3.5,
  /** A second or third task written on the same line. */
  inlineTask: 0.3,
  /** Months run forward: the next month, or two or three later (school-year order wraps at 12). */
  monthAdvance: 2,
  /** Four to six months later: still forward, less likely the next heading. */
  monthLeap: 0.5,
  /** The same month again right away (a table ordered by task repeats months freely). */
  monthSame: -1.5,
  /** A dated day after a heading that named an earlier day of the same month: one line a day, as a list of dates is written. */
  dayAdvance: 2,
  /** A month before the one just read: a 行事历 does not go back in time. */
  monthBack: -2.5,
  /** In a table ordered by task, months may jump about: the penalty is smaller. */
  monthBackInTable: -0.5,
  /** A month heading with nothing under it, left for the next heading or the end. */
  emptyMonth: -1.5,
  /** One layout repeats: a heading written the way the previous one was. */
  sameStyle: 0.5,
  /** Heading forms that look more like a sentence than a heading. */
  styleSpace: -0.5,
  styleComma: -1.5,
  styleGlued: -1.5,
  /** A heading that names a day ("3月8日召开…") is more often a dated item. */
  headingWithDay: -1,
  /** A relative year ("今年4月") belongs to a sentence more than to a heading. */
  relativeYear: -1,
  /** "### 2027年3月": a Markdown heading that is a month is a 行事历 month. */
  markdownMonth: 2.5,
  /** Months inside numbered items whose numbers count up: "1、三月份：…", "2、四月份：…". */
  itemSequence: 1,
  /** An item numbered as the next one under its month (1 first, then 2, 3 …). */
  ordinalNext: 1,
  /**
   * An item that opens with another month than the one it would be filed under ("今年4月，…" under 三月):
   * it outweighs the item's own number counting on ("1、2月x日…" under "3月x日庆祝活动，安排如下："
   * is a dated step, not a March task).
   */
  otherMonthTask: -3.5,
  /** A numbered item out of sequence under its month. */
  ordinalBreak: -1.5,
  /** A bare line among numbered items. */
  unnumberedAmongNumbered: -0.3,
  /** A section-level item (一、 （一）) read as a task where this 行事历 writes its tasks at that level. */
  sectionAsTask: -0.5,
  /** …or as the first item under a bare month heading (an umbrella item with sub-items). */
  sectionAsFirstTask: -1,
  /** Month digits glued to item numbers that count as a table's would (13 → 21 → 22). */
  gluedSequence: 2,
  /** Glued digits that do not continue the sequence. */
  gluedBreak: -3,
  /** A glued reading among month headings of another layout. */
  gluedAmongHeadings: -2,
  /** A line that goes on with the item above, which did not end its sentence. */
  continuation: 1.2,
  /** A table header row ("月份 / 内容 / 备注"). */
  header: 2,
  /** A content cell where the table's columns expect it. */
  cellInPlace: 0.5,
  /** A cell where the columns expect another. */
  cellOutOfPlace: -1.5,
  /** A table cell with space-separated parts, read whole instead of one task per part. */
  cellUnsplit: -0.5,
  /** A whole table row on one line whose month and content cells sit where the header said. */
  rowInPlace: 2,
  /** A participants / place / remark cell where the columns expect one. */
  extraCell: 1.5,
  /** A bare number ("3", "4-6") where a table's month column expects its cell. */
  monthCell: 1,
  /** A row's number in a table with a 序号 column: the next row starts, whatever cells before it were blank. */
  rowNumber: 2,
  /** A bare line under a month written inside a numbered item with its own task: that item's detail. */
  itemDetail: 1.5,
  /** Page furniture: a page number, a closing note, an activity's particulars (赛制：…). */
  furniture: 1.5,
  /** A "related articles" line after the plan (other plans' titles, 范文, attachments). */
  related: 3,
  /** An activity block's "时间：" or "活动名称：" field: it dates an activity, it is no task itself. */
  field: 1.5,
  /** …read as a task of a 行事历 month instead. */
  fieldAsTask: -3,
  /** The committee's name or the date under the plan. */
  signOff: 2.5,
} as const;

export type WeightName = keyof typeof WEIGHTS;

let active: Readonly<Record<WeightName, number>> = WEIGHTS;

/** The weight the decoder scores a clue with now. */
export function weightOf(name: WeightName): number {
  return active[name];
}

/**
 * Runs `fn` with some weights changed, then puts them back: how a test shows that a weight decides
 * a reading (the reading changes without it), and how weights can be tuned against a corpus.
 */
export function withWeights<T>(changes: Partial<Record<WeightName, number>>, fn: () => T): T {
  const saved = active;
  active = { ...active, ...changes };
  try {
    return fn();
  } finally {
    active = saved;
  }
}
