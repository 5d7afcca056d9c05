/** What one normalized line is, as the line rules see it (shared/plan/line-rules.ts). */
export type LineToken =
  | { kind: "blank" }
  /** Inside a code fence or an HTML comment (shared/plan/verbatim.ts): kept as written, never read. */
  | { kind: "verbatim" }
  /** Web page navigation and other noise before or between plans. */
  | { kind: "noise"; text: string }
  /** A plan title ("礼河实验学校2012年工会工作计划"). */
  | { kind: "title"; text: string; markdownDepth: number | null }
  /** A heading that carries no number ("## 行事历", "具体工作安排：", "2012年工会工作行事历"). */
  | { kind: "heading"; text: string; markdownDepth: number | null }
  /**
   * A month heading; `rest` is same-line task text after its colon. Its label and months are not
   * kept: the decoder reads the line's date phrase again, in its own context, and every line holds
   * its token to the end of its plan.
   */
  | {
      kind: "month";
      rest: string | null;
      markdownDepth: number | null;
      /** The outline number it was written under ("1、三月份：…"), kept in case it is not a 行事历 after all. */
      item: { level: number | null; ordinal: number | null; numberLost: boolean } | null;
      /** The line as written after that number, for the same reason. */
      source: string;
    }
  /** A numbered outline item (or Markdown list item); ordinal null when its number was lost. */
  | {
      kind: "item";
      level: number | null;
      ordinal: number | null;
      text: string;
      markdownDepth: number | null;
      numberLost: boolean;
      /** The item as written, number included ("2、行事历"), without Markdown's # or list marker. */
      source: string;
    }
  /** A Markdown task line "- [ ] …" / "- [x] …". */
  | { kind: "checkbox"; done: boolean; text: string }
  /** A Markdown pipe-table row, cells trimmed; separator rows are dropped. */
  | { kind: "table-row"; cells: string[]; text: string }
  /** A Markdown quote line: notes such as the holidays of a month, never tasks. */
  | { kind: "quote"; text: string }
  | { kind: "paragraph"; text: string; mojibake: boolean };

export interface TokenLine {
  token: LineToken;
  /** 1-based line in the original input. */
  line: number;
  /** The whole normalized line, and where layout spaces were dropped from it (see NormalizedLine). */
  text: string;
  /** foldKey(text), as normalization made it: rules slice it instead of folding again. */
  key: string;
  gaps: readonly number[] | null;
}
