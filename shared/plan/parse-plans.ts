/**
 * text → Plan[]: the engine's one entry point. Normalizes once, classifies each line once, splits
 * the file into plans, builds each plan. Never throws: whatever it cannot read becomes a diagnostic
 * naming the line.
 */
import type { Diagnostic, ParseResult, Plan } from "./types";
import { NormalizedLineReader, type NormalizedLine } from "../normalize/normalize-text";
import type { TokenLine } from "./line-token";
import { tokenLineOf, verbatimLine } from "./line-rules";
import { PlanSplitter, type PlanSegment } from "./split-plans";
import { buildPlan } from "./build-plan";
import { readFrontmatter } from "../markdown/frontmatter";
import { reviewSectionOf, reviewSectionOffset, reviewThreads, withoutReviewSection } from "../markdown/review-section";
import { IdAllocator } from "./stable-id";
import type { Decision } from "./decode/decode-schedule";
import { placeTasks } from "./task-spans";
import { VerbatimTracker } from "./verbatim";
import { pushAll } from "../collections/array-edit";

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
    // Looked for once: the plan is read without it, and its threads are read from it.
    const sectionAt = reviewSectionOffset(whole);
    const result = parseUnsafe(withoutReviewSection(whole, sectionAt), decisions);
    // The section belongs to the note: a note of one plan gives it to that plan (the view counts it).
    const threads = result.plans.length === 1 ? reviewThreads(reviewSectionOf(whole, sectionAt)) : [];
    if (threads.length > 0 && result.plans[0]) result.plans[0].reviewThreads = threads;
    return result;
  } catch (error) {
    // A bug in a rule must not lose the user's plan: report it and give back an empty reading.
    const message = error instanceof Error ? error.message : String(error);
    const d: Diagnostic = { line: 1, severity: "error", code: "internal", message: `读取计划时出错：${message} / the plan engine failed: ${message}` };
    return { plans: [], diagnostics: [d] };
  }
}

/**
 * The frontmatter's lines, when the text opens with a fence (up to the closing one, or every line
 * when none closes it); else the first line alone. The reader goes on after them.
 */
function openingLines(reader: NormalizedLineReader): NormalizedLine[] {
  const first = reader.next();
  if (first === null) return [];
  const lines = [first];
  if (first.text !== "---" || first.source !== 1) return lines;
  for (let l = reader.next(); l !== null; l = reader.next()) {
    lines.push(l);
    if (l.text === "---" || l.text === "...") break;
  }
  return lines;
}

/**
 * Reads the text line by line: each line is normalized, classified and handed to the splitter,
 * which hands on each plan's lines as soon as the next plan starts, and the plan is built then. So
 * a long text of many plans never holds every line's token, only the plan being read.
 */
function parseUnsafe(text: string, decisions: (readonly Decision[])[] | null): ParseResult {
  const reader = new NormalizedLineReader(text);
  const opening = openingLines(reader);
  const fm = readFrontmatter(opening, text);
  if (fm.values["type"] === "union-plan-export") {
    // A 行事历 exported from plans (a table of their tasks): reading it as a plan would count every task twice.
    return { plans: [], diagnostics: [{ line: 1, severity: "info", code: "export-note", message: "这是导出的行事历，不是计划 / an exported 行事历, not a plan" }] };
  }
  const planIds = new IdAllocator();
  const pinyinLines = new Map<number, number>();
  const plans: Plan[] = [];
  const build = (segment: PlanSegment): void => {
    plans.push(buildPlan(segment, { frontmatter: fm.values, planIds, pinyinLines, decisions }));
  };
  // A union-plan note is one plan by definition; plain text may hold several.
  const isPlanNote = fm.values["type"] === "union-plan" || fm.values["plan-id"] !== undefined;
  const splitter = isPlanNote ? null : new PlanSplitter(build);
  const whole: TokenLine[] = [];
  // Code fences and HTML comments are the writer's verbatim text: never a task, a month or a title.
  const verbatim = new VerbatimTracker();
  const take = (l: NormalizedLine): void => {
    if (l.pinyinRemoved > 0) pinyinLines.set(l.source, l.pinyinRemoved);
    const t = verbatim.isVerbatim(l.text) ? verbatimLine(l) : tokenLineOf(l);
    if (splitter) splitter.push(t);
    else whole.push(t);
  };
  for (let i = fm.lineCount; i < opening.length; i++) take(opening[i] as NormalizedLine);
  for (let l = reader.next(); l !== null; l = reader.next()) take(l);
  if (splitter) splitter.finish();
  else build({ tokens: whole });
  const noise = splitter?.noise ?? [];

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
  const hasText = opening.length > 0;
  if (plans.length === 0 && hasText) {
    diagnostics.push({ line: 1, severity: "warning", code: "no-plan", message: "没有找到计划内容 / no plan found in this text" });
  }
  placeTasks(plans, text);
  for (const p of plans) pushAll(diagnostics, p.diagnostics);
  diagnostics.sort((a, b) => a.line - b.line);
  return { plans, diagnostics };
}
