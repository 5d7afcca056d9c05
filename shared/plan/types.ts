/**
 * The structured plan: the one shape every consumer (view, tasks, Markdown, Notion) reads.
 * Produced only by `parsePlans` (shared/plan/parse-plans.ts); nobody re-parses text elsewhere.
 */

import type { ReviewThread } from "../markdown/review-section";
import type { YearMonth } from "../time/year-month";
import type { TaskDetail, TaskForm } from "../tasks/task-serializer";

/** Declared with its arithmetic in shared/time (the ground floor); re-exported so plan readers need one import. */
export type { YearMonth };

/** Inclusive range of calendar months, both "YYYY-MM". */
export interface Period {
  start: string;
  end: string;
}

export type PlanKind = "年度" | "学期" | "工会小组" | "月主题";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** 1-based line number in the original input (before normalization). */
  line: number;
  severity: Severity;
  /** Stable machine code, e.g. "year-conflict", "unplaced-line". */
  code: string;
  /** Chinese message a committee member understands (English after " / "). */
  message: string;
}

/** One numbered or headed piece of the plan outside the 行事历. */
export interface OutlineNode {
  /** 1: 一、  2: （一）  3: 1、  4: （1）  5: ①   (Markdown headings map to 1..3 by depth). */
  level: number;
  /** The ordinal the number stands for (一 → 1, （3） → 3); null for an unnumbered paragraph. */
  ordinal: number | null;
  /** Text after the number, as written (normalized punctuation). */
  text: string;
  line: number;
  children: OutlineNode[];
}

export interface Task {
  /** Stable id: the `^t-…` block id when the note has one, else derived from the text. */
  id: string;
  /** Item text: number and trailing 。；;,， removed, otherwise as written. */
  text: string;
  months: YearMonth[];
  /** "YYYY-MM-DD" when the task names a day (3月8日) and the year is known. */
  date: string | null;
  /** End of a day range (3月6日—30日), "YYYY-MM-DD". */
  dateEnd: string | null;
  /** Part of a month the task names: 上旬 / 中旬 / 下旬 / 月初 / 月末 … */
  partOfMonth: string | null;
  owner: string | null;
  done: boolean;
  line: number;
  /**
   * How the task is written in the note; only a "checkbox" can be ticked in place. Optional (as the
   * fields below) so plans built by older code, and hand-made plans in tests, stay valid: absent
   * means "not known", and a writer then asks nothing of the line.
   */
  form?: TaskForm;
  /** Where the task's words sit in the note. */
  span?: TaskSpan;
  /** Tasks' ✅ done date, "YYYY-MM-DD", kept so a rewrite does not lose it. */
  doneDate?: string | null;
  /** Columns of a 行事历 table row beside month, content, owner and done (地点, 备注 …). */
  details?: TaskDetail[];
  /**
   * The `^t-…` id the line carries when it is not `id`: a line copied in the editor repeats an id
   * already taken, so the copy gets a fresh `id` and the next write puts that on its line.
   */
  writtenId?: string | null;
}

export interface TaskSpan {
  /** 1-based line in the original note (the same as Task.line). */
  line: number;
  /**
   * 0-based UTF-16 columns of the task's text on that line, end exclusive, when the engine could
   * find the text as written there (a text rebuilt from a cleaned line may not be).
   */
  start?: number;
  end?: number;
}

export interface ScheduleMonth {
  /** The month heading as written, without its trailing colon. */
  label: string;
  /** Calendar months it covers, years resolved where the plan lets us know them. */
  months: YearMonth[];
  /** The year written in the heading itself ("2020年3月" → 2020), or null. */
  writtenYear: number | null;
  line: number;
  tasks: Task[];
  /** Lines under the month that are not tasks (a holidays line, a garbled line), kept so a rewrite loses nothing. */
  notes?: string[];
}

export interface Plan {
  /** `plan-id` from frontmatter, else derived from the title / first line. */
  id: string;
  title: string | null;
  school: string | null;
  kind: PlanKind | null;
  period: Period | null;
  /** 审核状态 from frontmatter (`review-status`), when the note has one. */
  reviewStatus: string | null;
  /**
   * Open review discussions from the Notion mirror's 审核意见 section at the end of the note (the
   * section belongs to the note, so only a note's single plan carries them). Absent: none.
   */
  reviewThreads?: ReviewThread[];
  /** 审核意见 from frontmatter (`review-comment`). */
  reviewComment: string | null;
  /** The lines this plan spans in the input, 1-based inclusive. */
  lines: { start: number; end: number };
  /** Heading line of the 行事历 ("2012年工会工作行事历"), when it has one. */
  scheduleHeading: string | null;
  outline: OutlineNode[];
  schedule: ScheduleMonth[];
  /**
   * Dated items found in the body, outside the 行事历 ("6月上旬，举办…"), grouped like the 行事历:
   * label = the date phrase as written. Never one the 行事历 already lists.
   */
  bodyTasks: ScheduleMonth[];
  diagnostics: Diagnostic[];
}

export interface ParseResult {
  plans: Plan[];
  /** Diagnostics about the input as a whole (and copies of every plan's). */
  diagnostics: Diagnostic[];
}
