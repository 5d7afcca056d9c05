/**
 * text → Plan[]: the engine's one entry point. Normalizes once, classifies each line once, splits
 * the file into plans, builds each plan. Never throws: whatever it cannot read becomes a diagnostic
 * naming the line.
 */
import type { Diagnostic, ParseResult, Plan } from "./types";
import { normalizeText } from "../normalize/normalize-text";
import type { NormalizedLine } from "../normalize/normalize-text";
import type { TokenLine } from "./line-token";
import { tokenLineOf, verbatimLine } from "./line-rules";
import { splitPlans, type PlanSegment } from "./split-plans";
import { buildPlan } from "./build-plan";
import { readFrontmatter, type Frontmatter } from "../markdown/frontmatter";
import { reviewSectionOf, reviewThreads, withoutReviewSection } from "../markdown/review-section";
import { IdAllocator } from "./stable-id";
import type { Decision } from "./decode/decode-schedule";
import { placeTasks } from "./task-spans";
import { markVerbatim } from "./verbatim";
import { pushAll } from "../collections/array-edit";

const BUILT: PlanSegment = { tokens: [] };

export interface ParseOptions {
  /** Name of the file, for messages only. */
  fileName?: string;
}

export function parsePlans(text: string, _options: ParseOptions = {}): ParseResult {
  return parseGuarded(text, null);
}

/** The parse and, per plan, how the decoder read each of its lines (for `parse --explain`). */
export function parsePlansWithDecisions(text: string): ParseResult & { decisions: (readonly Decision[])[] } {
  const decisions: (readonly Decision[])[] = [];
  return { ...parseGuarded(text, decisions), decisions };
}

function parseGuarded(text: string, decisions: (readonly Decision[])[] | null): ParseResult {
  try {
    // The Notion mirror's 审核意见 section at the end is not plan content: never a task or a paragraph.
    const whole = typeof text === "string" ? text : String(text);
    const result = parseUnsafe(withoutReviewSection(whole), decisions);
    // The section belongs to the note: a note of one plan gives it to that plan (the view counts it).
    const threads = result.plans.length === 1 ? reviewThreads(reviewSectionOf(whole)) : [];
    if (threads.length > 0 && result.plans[0]) result.plans[0].reviewThreads = threads;
    return result;
  } catch (error) {
    // A bug in a rule must not lose the user's plan: report it and give back an empty reading.
    const message = error instanceof Error ? error.message : String(error);
    const d: Diagnostic = { line: 1, severity: "error", code: "internal", message: `读取计划时出错：${message} / the plan engine failed: ${message}` };
    return { plans: [], diagnostics: [d] };
  }
}

interface SplitText {
  fm: Frontmatter;
  /** The plans' lines, classified; null for an exported 行事历 (not read further). */
  segments: PlanSegment[] | null;
  noise: TokenLine[];
  pinyinLines: Map<number, number>;
  /** Whether any line has text (normalization keeps no empty line). */
  hasText: boolean;
}

/**
 * The text's lines, normalized, classified and split into plans. A function of its own so neither
 * the normalized lines nor the list of every token outlives it: each plan's segment holds its own
 * tokens, which are let go one plan at a time as the plans are built.
 */
function splitText(text: string): SplitText {
  const lines = normalizeText(text);
  const fm = readFrontmatter(lines, text);
  const pinyinLines = new Map<number, number>();
  const hasText = lines.some((l) => l.text !== "");
  if (fm.values["type"] === "union-plan-export") return { fm, segments: null, noise: [], pinyinLines, hasText };
  // Code fences and HTML comments are the writer's verbatim text: never a task, a month or a title.
  const verbatim = markVerbatim(lines, fm.lineCount);
  const tokens: TokenLine[] = [];
  for (let i = fm.lineCount; i < lines.length; i++) {
    const l = lines[i] as NormalizedLine;
    if (l.pinyinRemoved > 0) pinyinLines.set(l.source, l.pinyinRemoved);
    tokens.push(verbatim[i] === true ? verbatimLine(l) : tokenLineOf(l));
  }
  lines.length = 0;
  // A union-plan note is one plan by definition; plain text may hold several.
  const isPlanNote = fm.values["type"] === "union-plan" || fm.values["plan-id"] !== undefined;
  const { segments, noise } = isPlanNote ? { segments: [{ tokens }], noise: [] } : splitPlans(tokens);
  return { fm, segments, noise, pinyinLines, hasText };
}

function parseUnsafe(text: string, decisions: (readonly Decision[])[] | null): ParseResult {
  const { fm, segments, noise, pinyinLines, hasText } = splitText(text);
  if (segments === null) {
    // A 行事历 exported from plans (a table of their tasks): reading it as a plan would count every task twice.
    return { plans: [], diagnostics: [{ line: 1, severity: "info", code: "export-note", message: "这是导出的行事历，不是计划 / an exported 行事历, not a plan" }] };
  }

  const diagnostics: Diagnostic[] = [];
  if (noise.length > 0) {
    const first = noise[0] as TokenLine;
    diagnostics.push({
      line: first.line,
      severity: "info",
      code: "noise-skipped",
      message: `跳过了 ${noise.length} 行不属于计划正文的内容（网页导航、日期等），从第 ${first.line} 行起 / skipped ${noise.length} lines of page furniture (navigation, dates) from line ${first.line}`,
    });
  }
  const planIds = new IdAllocator();
  const plans: Plan[] = [];
  for (let k = 0; k < segments.length; k++) {
    plans.push(buildPlan(segments[k] as PlanSegment, { frontmatter: fm.values, planIds, pinyinLines, decisions }));
    // The segment's tokens are garbage once its plan is built: a long text never holds them all with every plan.
    segments[k] = BUILT;
  }
  if (plans.length === 0 && hasText) {
    diagnostics.push({ line: 1, severity: "warning", code: "no-plan", message: "没有找到计划内容 / no plan found in this text" });
  }
  placeTasks(plans, text);
  for (const p of plans) pushAll(diagnostics, p.diagnostics);
  diagnostics.sort((a, b) => a.line - b.line);
  return { plans, diagnostics };
}
