/** Plan files in the encodings Chinese schools save in, every one generated (test/engine/encodings.ts). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeBytes } from "../../shared/normalize/decode-bytes";
import { parsePlans, extractTasks } from "../../shared/index";
import { encodeBig5, encodeUtf16, encodeUtf32, PLAN_SIMP, PLAN_TRAD } from "./encodings";

function tasksOf(text: string): string[] {
  return extractTasks(parsePlans(text).plans).map((t) => t.text);
}

describe("decodeBytes", () => {
  it("reads Big5 as Big5, not as GB18030 mojibake", () => {
    const r = decodeBytes(encodeBig5(PLAN_TRAD));
    expect(r).toEqual({ ok: true, text: PLAN_TRAD, encoding: "big5" });
    expect(tasksOf(PLAN_TRAD)).toEqual(["三八節活動", "工會小組長會議", "春季運動會"]);
  });

  it("still reads GB18030 as GB18030", () => {
    const bytes = new Uint8Array(Buffer.from("c8fdd4c2b7dda3ba0a31a1a2c8fdb0cbbdda0acbc4d4c2b7dda3ba0a31a1a2b4bacebbd4cbb6afbbe1", "hex"));
    const r = decodeBytes(bytes);
    expect(r.ok && r.encoding).toBe("gb18030");
    expect(r.ok && r.text).toContain("三八节");
  });

  it("reads UTF-32 with and without a BOM, both byte orders", () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const r = decodeBytes(encodeUtf32(PLAN_SIMP, le, bom));
        expect(r, `le=${le} bom=${bom}`).toEqual({ ok: true, text: PLAN_SIMP, encoding: le ? "utf-32le" : "utf-32be" });
      }
    }
  });

  it("reads UTF-16 without a BOM instead of calling it binary", () => {
    for (const le of [true, false]) {
      expect(decodeBytes(encodeUtf16(PLAN_SIMP, le, false))).toEqual({ ok: true, text: PLAN_SIMP, encoding: le ? "utf-16le" : "utf-16be" });
      expect(decodeBytes(encodeUtf16(PLAN_SIMP, le, true))).toMatchObject({ ok: true, text: PLAN_SIMP });
    }
  });

  it("still calls a zip or an image binary", () => {
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0, 6]))).toEqual({ ok: false, reason: "binary" });
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toEqual({ ok: false, reason: "binary" });
  });

  it("any text survives UTF-8, UTF-16 with a BOM and UTF-32 with a BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const plain = text.replace(/^\ufeff/, "");
        expect(decodeBytes(new TextEncoder().encode(plain))).toMatchObject({ ok: true, text: plain });
        expect(decodeBytes(encodeUtf16(plain, true, true))).toMatchObject({ ok: true, text: plain });
        expect(decodeBytes(encodeUtf32(plain, false, true))).toMatchObject({ ok: true, text: plain });
      }),
      { numRuns: 500 },
    );
  });
});
