import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { richText, splitText, MAX_TEXT } from "../../notion-sync/rich-text";
import { blockJson, countBlocks, packAppends, planBodyBlocks, type BlockSpec } from "../../notion-sync/plan-body";
import type { Plan } from "../../shared/plan/types";

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

describe("splitText", () => {
  it("rejoins to the original; no piece over the limit; no surrogate pair cut (property)", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 5000 }),
      fc.string({ unit: "binary", maxLength: 5000 }),
      fc.array(fc.constantFrom("工", "会", "😀", "𠀀", "a", "\n"), { maxLength: 6000 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 2500 }), (s, max) => {
        const pieces = splitText(s, max);
        expect(pieces.join("")).toBe(s);
        for (const p of pieces) {
          expect(p.length).toBeLessThanOrEqual(max);
        }
        // No piece ends on the first half of a pair that the next piece completes.
        for (let i = 1; i < pieces.length; i++) {
          const prev = pieces[i - 1] as string;
          const cur = pieces[i] as string;
          expect(isHigh(prev.charCodeAt(prev.length - 1)) && isLow(cur.charCodeAt(0))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("splits 2001 emoji-heavy characters at 2000 without cutting a pair", () => {
    const s = `${"会".repeat(1999)}😀尾`;
    const pieces = splitText(s);
    expect(pieces[0]).toBe("会".repeat(1999));
    expect(pieces[1]).toBe("😀尾");
    expect(pieces.every((p) => p.length <= MAX_TEXT)).toBe(true);
  });

  it("richText: nothing for empty text, ≤100 items for any length", () => {
    expect(richText("")).toEqual([]);
    expect(richText("x".repeat(4001))).toHaveLength(3);
    expect(richText("x".repeat(2000 * 150)).length).toBeLessThanOrEqual(100);
  });
});

describe("body blocks", () => {
  const leaf = (n: number): BlockSpec => ({ type: "paragraph", text: richText(`p${n}`) });

  it("packs at most 100 top-level blocks per append", () => {
    const blocks = Array.from({ length: 250 }, (_, i) => leaf(i));
    const chunks = packAppends(blocks);
    expect(chunks.map((c) => c.blocks.length)).toEqual([100, 100, 50]);
  });

  it("sends a block with its children only when its subtree fits two levels of blocks (Notion's rule, the client's types)", () => {
    const deep: BlockSpec = { type: "numbered_list_item", text: [], children: [{ type: "numbered_list_item", text: [], children: [leaf(1)] }] };
    const shallow: BlockSpec = { type: "numbered_list_item", text: [], children: [leaf(2)] };
    const [chunk] = packAppends([deep, shallow]);
    expect(chunk?.withChildren).toEqual([false, true]);
    expect(chunk?.childDepth).toBe(1);
    const json = JSON.stringify(blockJson(shallow, chunk?.childDepth ?? 0));
    expect(json).toContain('"children"');
    expect(countBlocks(deep)).toBe(3);
  });

  it.each([1, 2, 3])("whatever the nesting limit (%i levels), no request carries more levels than allowed", (levels) => {
    const depthOf = (json: Record<string, unknown>): number => {
      const body = json[json["type"] as string] as { children?: Array<Record<string, unknown>> };
      return 1 + Math.max(0, ...(body.children ?? []).map(depthOf));
    };
    const chain = (n: number): BlockSpec => (n === 1 ? leaf(n) : { type: "numbered_list_item", text: [], children: [chain(n - 1)] });
    for (const chunk of packAppends([chain(4), leaf(9), chain(2)], { levels })) {
      chunk.blocks.forEach((b, i) => expect(depthOf(blockJson(b, chunk.withChildren[i] ? chunk.childDepth : 0))).toBeLessThanOrEqual(levels));
    }
  });

  it("keeps each request under 1000 blocks", () => {
    const big: BlockSpec = { type: "numbered_list_item", text: [], children: Array.from({ length: 90 }, (_, i) => leaf(i)) };
    const chunks = packAppends(Array.from({ length: 30 }, () => big));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.blocks.reduce((n, b, i) => n + (c.withChildren[i] ? countBlocks(b) : 1), 0)).toBeLessThanOrEqual(1000);
  });

  it("keeps each request under Notion's 500 KB", () => {
    const long = (n: number): BlockSpec => ({ type: "paragraph", text: richText(`${n}${"工".repeat(60_000)}`) });
    const chunks = packAppends([long(1), long(2), long(3), long(4)]);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(new TextEncoder().encode(JSON.stringify(c.blocks.map((b) => blockJson(b, c.childDepth)))).length).toBeLessThan(500_000);
  });

  it("renders headings, numbered items and the 行事历 as to-dos with task mentions", () => {
    const plan: Plan = {
      id: "p-1",
      title: "计划",
      school: null,
      kind: null,
      period: null,
      reviewStatus: null,
      reviewComment: null,
      lines: { start: 1, end: 10 },
      scheduleHeading: null,
      outline: [{ level: 1, ordinal: 1, text: "指导思想", line: 2, children: [{ level: 3, ordinal: 1, text: "学习", line: 3, children: [] }] }],
      schedule: [{ label: "3月", months: [{ year: 2027, month: 3 }], writtenYear: 2027, line: 5, tasks: [{ id: "t-1", text: "妇女节", months: [{ year: 2027, month: 3 }], date: null, dateEnd: null, partOfMonth: null, owner: null, done: true, line: 6 }] }],
      bodyTasks: [],
      diagnostics: [],
    };
    const blocks = planBodyBlocks(plan, () => "page-1");
    expect(blocks.map((b) => b.type)).toEqual(["heading_2", "numbered_list_item", "heading_2", "heading_3", "to_do"]);
    expect(blocks[0]?.text[0]).toMatchObject({ text: { content: "一、指导思想" } });
    expect(blocks[4]).toMatchObject({ checked: true, taskId: "t-1", text: [{ type: "mention", mention: { page: { id: "page-1" } } }] });
  });
});
