/**
 * foldKey folds short lines by concatenation and long ones through a list: either way the key is
 * the text with every character put through foldChar, the same length as the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldChar, foldKey } from "../../shared/normalize/fold";

const UNITS = ["工", "a", "1", " ", "（", "）", "：", "，", "；", "．", "１", "Ａ", "ｚ", "﹑", "～", "！", "＿", "\uff5e", "\uff5f", "\ufe51"];

function byChar(text: string): string {
  return Array.from(text, (ch) => foldChar(ch)).join("");
}

describe("foldKey", () => {
  it("property: every character folded as foldChar folds it, short lines and long", () => {
    const text = fc.oneof(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 40 }), fc.string({ unit: fc.constantFrom(...UNITS), minLength: 250, maxLength: 600 }));
    fc.assert(
      fc.property(text, (t) => {
        const key = foldKey(t);
        expect(key).toBe(byChar(t));
        expect(key.length).toBe(t.length);
      }),
      { numRuns: 2000 },
    );
  });
});
