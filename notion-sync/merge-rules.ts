/**
 * The merge rules of the fields that flow both ways, as pure functions over three values: what the
 * note says, what Notion says, and what both last agreed on (the sync state). Obsidian owns a plan's
 * content, Notion owns its review; 完成 flows both ways and Obsidian wins when both changed it.
 */

export interface DoneInput {
  /** The tick in the note. */
  obsidian: boolean;
  /** 完成 in Notion; null when the task has no page there yet (or the value could not be read). */
  notion: boolean | null;
  /** The value both sides last agreed on; null when unknown (the state was lost and rebuilt). */
  last: boolean | null;
  /** Whether the sync has seen this task before (a state entry exists). */
  known: boolean;
}

export interface DoneOutcome {
  /** The value both sides get. */
  value: boolean;
  /** Notion changed it and the note did not: the note takes Notion's value. */
  pull: boolean;
  /** The sync cannot tell who changed it and the two differ: Obsidian's value stands, reported. */
  conflict: boolean;
}

/** 完成 of one task. */
export function mergeDone(input: DoneInput): DoneOutcome {
  const { obsidian, notion, last, known } = input;
  if (!known || notion === null) return { value: obsidian, pull: false, conflict: false };
  // The state was lost: who changed it is unknown; Obsidian's value stands and a difference is reported.
  if (last === null) return { value: obsidian, pull: false, conflict: notion !== obsidian };
  if (notion !== last && obsidian === last) return { value: notion, pull: true, conflict: false };
  // Unchanged in Notion, or changed on both sides: a tick has two values, so both now say the same
  // (Obsidian's value) and that is agreement, not a conflict.
  return { value: obsidian, pull: false, conflict: false };
}

export interface ReviewInput {
  /** The note's frontmatter value ("" counts as none). */
  note: string | null;
  /** Notion's value; null when empty. */
  notion: string | null;
  /** The value both sides last agreed on. */
  last: string | null;
  /** The page was found again by 同步键 after the state was lost: `last` is unknown. */
  adopted: boolean;
  /** The plan has a state entry and a page in Notion (else there is nothing of Notion's to take). */
  known: boolean;
  /** The note holds this one plan, so its frontmatter is the plan's. */
  ownsFrontmatter: boolean;
}

export interface ReviewOutcome {
  value: string | null;
  /** The note's frontmatter takes `value`. */
  pull: boolean;
}

/** 审核状态 / 审核意见 of one plan: Notion's value wins when Notion changed it since the last sync. */
export function mergeReview(input: ReviewInput): ReviewOutcome {
  const noteValue = input.note === "" ? null : input.note;
  if (!input.known) return { value: noteValue, pull: false };
  const notion = input.notion;
  // After a lost state any value in Notion counts as Notion's doing: a reviewer's word is not lost.
  const notionChanged = input.adopted ? notion !== null : notion !== input.last;
  // A note holding several plans has no frontmatter of each one's: Notion keeps the review.
  if (!input.ownsFrontmatter) return { value: notion ?? noteValue, pull: false };
  if (!notionChanged || notion === noteValue) return { value: noteValue, pull: false };
  return { value: notion, pull: true };
}
