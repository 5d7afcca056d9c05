/** Pinyin annotations: the bracket walk removes exactly what the annotation's shape describes. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stripPinyinAnnotations } from "../../shared/normalize/pinyin";

// The shape as one pattern (what the walk replaced: correct, but tried at every character).
const SHAPE = /([\u3400-\u9fff])[(（] ?((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü]{0,2}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][aeiouü]{0,2}(?:ng|n|r)?) ?[)）]/gi;

describe("pinyin annotations", () => {
  it("removes a syllable with a tone mark in brackets after a Han character, and nothing else", () => {
    expect(stripPinyinAnnotations("舉辦(bàn)運動會(huì)，（一）活動(负责人：张三)")).toEqual({ text: "舉辦運動會，（一）活動(负责人：张三)", removed: 2 });
    expect(stripPinyinAnnotations("教工(ban)比赛 (bàn) A(bàn)").removed).toBe(0);
    expect(stripPinyinAnnotations("座談會(huì )，講話( huà)")).toEqual({ text: "座談會，講話", removed: 2 });
  });

  it("agrees with the annotation's shape on any mix of Han, brackets and pinyin letters", () => {
    const piece = fc.constantFrom("學", "習", "会", "(", ")", "（", "）", "x", "u", "é", "zh", "ang", "ng", "à", "a", " ", "1");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join("")), (text) => {
        let removed = 0;
        const expected = text.replace(SHAPE, (_w: string, han: string) => {
          removed++;
          return han;
        });
        expect(stripPinyinAnnotations(text)).toEqual({ text: expected, removed });
      }),
      { numRuns: 3000 },
    );
  });
});
