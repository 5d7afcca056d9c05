/**
 * The line reader skips cleaning steps by what one walk over the raw line found (its traits): it
 * must clean every line exactly as the full steps do, dropped layout spaces (gaps) included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLine, collapseLayoutSpaces, normalizeText } from "../../shared/normalize/normalize-text";

// Han and full-width characters, ASCII, brackets, every kind of space, a zero-width one, a tone mark.
const UNITS = ["工", "会", "（", "）", "：", "，", "“", "a", "1", "-", "[", "]", "(", ")", "^", " ", " ", " ", "\t", "\u3000", "\u00a0", "\u2002", "\u200b", "ā", "ō"];
const PLAIN = UNITS.filter((u) => !["\u200b", "ā", "ō"].includes(u));

describe("line reader traits", () => {
  it("property: a line is cleaned as the full steps clean it, gaps included", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...PLAIN), maxLength: 24 }), (raw) => {
        const [line] = normalizeText(raw);
        const record: { gaps?: number[] | null } = {};
        const want = collapseLayoutSpaces(raw.trim(), record);
        expect(line?.text ?? "").toBe(want);
        if (line) expect(line.gaps).toEqual(record.gaps ?? null);
      }),
      { numRuns: 3000 },
    );
  });

  it("property: with zero-width characters and pinyin, the text is cleanLine's", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 24 }), (raw) => {
        expect(normalizeText(raw)[0]?.text ?? "").toBe(cleanLine(raw).text);
      }),
      { numRuns: 3000 },
    );
  });
});
