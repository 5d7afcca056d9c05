import { describe, expect, it } from "vitest";
import { setFrontmatterFields } from "../../shared/edit/frontmatter";
import { parsePlans } from "../../shared/index";

describe("setFrontmatterFields", () => {
  const note = "---\ntype: union-plan\ntitle: 示例计划\nplan-id: p-1\n---\n# 示例计划\n\n- [ ] 任务 ^t-1\n";

  it("adds a key before the closing fence and touches no other line", () => {
    const out = setFrontmatterFields(note, { "review-status": "已通过" });
    expect(out).toBe("---\ntype: union-plan\ntitle: 示例计划\nplan-id: p-1\nreview-status: 已通过\n---\n# 示例计划\n\n- [ ] 任务 ^t-1\n");
    expect(parsePlans(out).plans[0]?.reviewStatus).toBe("已通过");
  });

  it("updates and removes keys, keeping CRLF endings", () => {
    const crlf = "---\r\ntitle: x\r\nreview-status: 待审核\r\nreview-comment: 旧意见\r\n---\r\n正文\r\n";
    const out = setFrontmatterFields(crlf, { "review-status": "需修改", "review-comment": null });
    expect(out).toBe("---\r\ntitle: x\r\nreview-status: 需修改\r\n---\r\n正文\r\n");
  });

  it("replaces a multi-line value with its continuation lines", () => {
    const text = "---\nreview-comment: |\n  第一行\n  第二行\ntags:\n  - a\n---\nbody";
    expect(setFrontmatterFields(text, { "review-comment": "好" })).toBe("---\nreview-comment: 好\ntags:\n  - a\n---\nbody");
  });

  it("quotes values YAML would misread and escapes newlines", () => {
    const out = setFrontmatterFields(note, { "review-comment": "请修改: 第二条\n再看看" });
    expect(out).toContain('review-comment: "请修改: 第二条\\n再看看"');
  });

  it("creates frontmatter when the note has none, and leaves the text alone when nothing changes", () => {
    expect(setFrontmatterFields("正文\n", { "review-status": "已通过", gone: null })).toBe("---\nreview-status: 已通过\n---\n正文\n");
    expect(setFrontmatterFields("正文\n", { gone: null })).toBe("正文\n");
    expect(setFrontmatterFields(note, { title: "示例计划" })).toBe(note);
  });
});
