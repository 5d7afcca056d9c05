/**
 * Reads the YAML frontmatter of a plan note: the flat `key: value` pairs union-plan writes
 * (title, school, kind, period, plan-id, review-status, review-comment). Other keys and nested
 * YAML are left alone; we only need to read ours.
 */
import type { NormalizedLine } from "../normalize/normalize-text";

export interface Frontmatter {
  values: Record<string, string>;
  /** Number of normalized (non-blank) lines the block takes, fences included (0 when there is none). */
  lineCount: number;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    const inner = v.slice(1, -1);
    return v.startsWith('"') ? inner.replace(/\\"/g, '"').replace(/\\\\/g, "\\") : inner.replace(/''/g, "'");
  }
  return v;
}

export function readFrontmatter(lines: readonly NormalizedLine[]): Frontmatter {
  if (lines[0]?.text !== "---" || lines[0].source !== 1) return { values: {}, lineCount: 0 };
  const values: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text === "---" || text === "...") return { values, lineCount: i + 1 };
    const m = /^([A-Za-z0-9_\-\u4e00-\u9fff]+)\s*:\s*(.*)$/.exec(text);
    if (m && m[1] !== undefined && m[2] !== undefined && m[2] !== "") values[m[1]] = unquote(m[2]);
  }
  // No closing fence: not frontmatter, just a rule line.
  return { values: {}, lineCount: 0 };
}

/** Quotes a value when YAML would misread it bare. */
export function yamlScalar(value: string): string {
  if (value === "" || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|\s$|^(true|false|null|yes|no|~)$/i.test(value) || /^[+-]?\d+(\.\d+)?$|^\d{4}-\d{2}-\d{2}/.test(value)) {
    return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  }
  return value;
}
