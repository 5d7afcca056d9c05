/**
 * Frontmatter values read and written with a real YAML codec: whatever a reviewer types in Notion
 * (several lines, tabs, U+2028, a trailing colon, quotes) survives write → read → write unchanged,
 * with the CLI's codec (the `yaml` package), the plugin's (Obsidian's parseYaml / stringifyYaml,
 * here the fake's) and the built-in one used before any is registered.
 */
import fc from "fast-check";
import { parse as yamlParse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { parsePlans, renderPlanMarkdown } from "../../shared/index";
import { setFrontmatterFields } from "../../shared/edit/frontmatter";
import { builtinYamlCodec, setYamlCodec, type YamlCodec } from "../../shared/markdown/yaml-codec";
import { yamlPackageCodec } from "../../cli/yaml-codec";
import { parseYaml, stringifyYaml } from "../fakes/obsidian";

const NOTE = ["---", "type: union-plan", "title: 示例小学工会工作计划", "plan-id: p-abc123", "review-status: 待审核", "---", "# 示例小学工会工作计划", "", "## 行事历", "### 2027年3月", "- [ ] 工会小组长会议 ^t-x81q", ""].join("\n");

const CODECS: Array<[string, YamlCodec]> = [
  ["cli (yaml package)", yamlPackageCodec],
  ["plugin (Obsidian parseYaml/stringifyYaml)", { parse: (t) => parseYaml(t), stringify: (v) => stringifyYaml(v) }],
  ["built-in", builtinYamlCodec],
];

const HARD = ["请修改：\n第二条\n\n再看看", "时间\t地点", "第一段\u2028第二段\u2029", "需修改:", "a: b", "# 不是注释", "'单引号'", '"双引号"', "反斜杠 \\n 不是换行", "  前后空格  ", "\r\n", "\u0085\ufeff", "---", "yes", "2027-03-08", "0012", "- 列表", "|", "😀𠀀", "", "null", "~"];

function comment(text: string): string | null {
  return parsePlans(text).plans[0]?.reviewComment ?? null;
}

afterEach(() => setYamlCodec(null));

describe.each(CODECS)("frontmatter values round-trip: %s", (_name, codec) => {
  it("the hard cases: written, read back the same, written again unchanged", () => {
    setYamlCodec(codec);
    for (const value of HARD) {
      const once = setFrontmatterFields(NOTE, { "review-comment": value });
      expect(comment(once)).toBe(value);
      expect(setFrontmatterFields(once, { "review-comment": comment(once) })).toBe(once);
      // And it is YAML any reader takes: the `yaml` package reads the same value.
      const block = once.split("\n---\n")[0]?.slice(4) ?? "";
      expect((yamlParse(block) as Record<string, unknown>)["review-comment"]).toBe(value);
    }
  });

  it("property: any string survives write → read → write unchanged", () => {
    setYamlCodec(codec);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("\n", "\r", "\t", "\u2028", ":", " ", "#", '"', "'", "\\", "-", "a", "审") })), (value) => {
        const once = setFrontmatterFields(NOTE, { "review-comment": value });
        const read = comment(once);
        expect(read).toBe(value);
        expect(setFrontmatterFields(once, { "review-comment": read })).toBe(once);
      }),
      { numRuns: 200 },
    );
    // The yaml package parses each value several times: give a loaded machine room.
  }, 60_000);

  it("a new note's title ending in ':' or holding a newline is valid YAML and reads back", () => {
    setYamlCodec(codec);
    const base = parsePlans(NOTE).plans[0];
    if (!base) throw new Error("no plan");
    for (const title of ["工会工作计划:", "计划\n第二行", "a: b #c"]) {
      const md = renderPlanMarkdown({ ...base, title, reviewComment: "意见:\t见附件" });
      const block = md.split("\n---\n")[0]?.slice(4) ?? "";
      const fm = yamlParse(block) as Record<string, unknown>;
      expect(fm["title"]).toBe(title);
      expect(fm["review-comment"]).toBe("意见:\t见附件");
      expect(comment(md)).toBe("意见:\t见附件");
    }
  });
});

it("a hand-written frontmatter that is not quite YAML is still read leniently", () => {
  setYamlCodec(yamlPackageCodec);
  const text = NOTE.replace("review-status: 待审核", "review-status: 待审核\nreview-comment: 请看: 第二条");
  expect(comment(text)).toBe("请看: 第二条");
  expect(parsePlans(text).plans[0]?.reviewStatus).toBe("待审核");
});

it("the built-in reader undoes every YAML escape and quoting form", () => {
  setYamlCodec(null);
  const read = (value: string): string | null => comment(NOTE.replace("review-status: 待审核", `review-comment: ${value}`));
  expect(read("'it''s'")).toBe("it's");
  expect(read('"a\\tb\\n\\u00e9\\x41\\U0001F600\\L\\"q\\""')).toBe('a\tb\né\x41😀\u2028"q"');
  expect(read("plain words # a comment")).toBe("plain words");
});
