/**
 * The frontmatter read without a codec (plainStringMap): whatever block it takes, every YAML
 * reader reads the same map of strings — the `yaml` package as YAML 1.2 and as 1.1 (Obsidian's
 * reader and older ones read bools, dates and sexagesimals the 1.1 way) and the built-in codec.
 * Blocks it refuses go to the codec, as before.
 */
import fc from "fast-check";
import { parse as yamlParse } from "yaml";
import { describe, expect, it } from "vitest";
import { plainStringMap } from "../../shared/markdown/frontmatter";
import { builtinYamlCodec } from "../../shared/markdown/yaml-codec";

const READERS: Array<[string, (block: string) => unknown]> = [
  ["yaml 1.2", (b) => yamlParse(b) as unknown],
  ["yaml 1.1", (b) => yamlParse(b, { version: "1.1" }) as unknown],
  ["built-in", (b) => builtinYamlCodec.parse(b)],
];

/** What a reader gives, as ordered entries; a reader that throws gives null. */
function entries(read: (block: string) => unknown, block: string): [string, unknown][] | null {
  try {
    const parsed = read(block);
    return parsed !== null && typeof parsed === "object" ? Object.entries(parsed) : null;
  } catch {
    return null;
  }
}

function expectAllAgree(block: string): void {
  const fast = plainStringMap(block);
  if (fast === null) return;
  for (const [name, read] of READERS) expect([name, entries(read, block)]).toEqual([name, Object.entries(fast)]);
}

// Whole words any YAML reader might take for something else, beside ordinary ones.
const TRICKY = ["yes", "No", "ON", "y", "N", "off", "True", "null", "Null", "~", "nan", ".inf", "-.inf", "<<", "=", "0x1F", "0o17", "017", "1_000", "1e-5", "1.0e-5", "-1", "+1", "1.2.3", "1:20", "190:20:30", "2027-03-08", "2027-3-8", "2027-03-08t10", "2027-03", "2026-09..2027-01", "1-2", "3月", "p-b1a", "union-plan", "待审核", "学期", "a/b", "a.b", "_x", "__proto__", "constructor", "toString", "é", "（一）"];
const UNITS = ["a", "y", "e", "x", "0", "1", "9", "-", "+", ".", "_", "/", ":", "#", " ", "\t", "'", '"', "~", "<", "=", "!", "&", "*", "|", ">", "%", "@", "`", "[", "{", ",", "?", "\\", "审", "（", "：", "\u3000", "\u00a0", "\u0085", "\u2028", "\ufeff", "\u200b", "😀", "\r"];

// Mostly what it could take, so that many blocks are taken and checked.
const NEAR = ["a", "e", "E", "y", "n", "o", "x", "b", "0", "1", "2", "7", "9", "-", ".", "_", "/", "审", "（", "é"];

const word = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 12 }), fc.string({ unit: fc.constantFrom(...NEAR), minLength: 1, maxLength: 10 }));
const line = fc.oneof(
  fc.tuple(word, word).map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom("", "# 注释", "  a: b", "- a", "a:", "a:  b", "a:b", "a: b ", "a: b #c"),
);

describe("plainStringMap", () => {
  it("takes the frontmatter a plan note is written with", () => {
    const block = ["type: union-plan", "title: 晨光小学2026学年度第一学期工会工作计划（3）", "school: 晨光小学", "kind: 学期", "period: 2026-09..2027-01", "plan-id: p-b3", "review-status: 待审核"].join("\n");
    expect(plainStringMap(block)).toEqual({ type: "union-plan", title: "晨光小学2026学年度第一学期工会工作计划（3）", school: "晨光小学", kind: "学期", period: "2026-09..2027-01", "plan-id": "p-b3", "review-status": "待审核" });
    expectAllAgree(block);
  });

  it("leaves to the codec what any reader could read as other than that string", () => {
    for (const value of ["yes", "Off", "~", "null", "2027-03-08", "2027-3-8", "017", "1e-5", "1:20", "<<", "=", "-1", ".inf", "'q'", "a #b", "a: b", "a b", "a\tb"]) {
      expect([value, plainStringMap(`k: ${value}`)]).toEqual([value, null]);
    }
    expect(plainStringMap("a: b\na: c")).toBeNull();
    expect(plainStringMap("yes: b")).toBeNull();
    expect(plainStringMap("a: b\n")).toBeNull();
    expect(plainStringMap("")).toBeNull();
  });

  it("property: every block it takes, every reader reads the same", () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => expectAllAgree(lines.join("\n"))), { numRuns: 3000 });
  }, 60_000);

  it("property: every word it takes alone, every reader reads as that word", () => {
    fc.assert(fc.property(word, (value) => expectAllAgree(`k: ${value}`)), { numRuns: 3000 });
  }, 60_000);
});
