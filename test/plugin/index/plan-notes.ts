/**
 * Plan notes for the index tests, written from a small description so a test (or fast-check) can
 * change one month or one task and know what the note says. Three forms: the canonical note the
 * plugin writes (frontmatter `type: union-plan`), a plain pasted plan (no frontmatter; months as
 * paragraphs, with or without a year), and a note that holds no plan.
 */

export interface NoteTask {
  text: string;
  done: boolean;
}

export interface NoteMonth {
  /** null: the month is written without a year ("三月份："). */
  year: number | null;
  month: number;
  /** The last month of a heading that spans several ("七、八月份", "2026年7月—8月"), or null. */
  through?: number | null;
  tasks: NoteTask[];
}

export type NoteShape = { kind: "canonical"; id: string; months: NoteMonth[] } | { kind: "plain"; months: NoteMonth[] } | { kind: "diary"; words: string };

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

export function noteText(shape: NoteShape): string {
  if (shape.kind === "diary") return `${shape.words}\n`;
  if (shape.kind === "canonical") {
    const lines = ["---", "type: union-plan", `title: 晨光小学工会工作计划${shape.id}`, `plan-id: p-${shape.id}`, "---", `# 晨光小学工会工作计划${shape.id}`, "", "## 行事历", ""];
    shape.months.forEach((m, i) => {
      const span = m.through ? `—${m.through}月` : "";
      lines.push(m.year === null ? `### ${m.month}月${span}` : `### ${m.year}年${m.month}月${span}`);
      m.tasks.forEach((t, k) => lines.push(`- [${t.done ? "x" : " "}] ${t.text} ^t-${shape.id}m${i}k${k}`));
      lines.push("");
    });
    return lines.join("\n");
  }
  const lines = ["青石路小学工会工作计划", "一、行事历"];
  for (const m of shape.months) {
    const name = (n: number): string => CHINESE_MONTHS[n - 1] ?? "三";
    if (m.year === null) lines.push(m.through ? `${name(m.month)}、${name(m.through)}月份：` : `${name(m.month)}月份：`);
    else lines.push(m.through ? `${m.year}年${m.month}月—${m.through}月：` : `${m.year}年${m.month}月：`);
    m.tasks.forEach((t, k) => lines.push(`${k + 1}、${t.text}`));
  }
  return `${lines.join("\n")}\n`;
}
