/**
 * The plugin's entry into mammoth: only the .docx reader. mammoth's own entry also loads its HTML
 * and Markdown writers, style-map parser and option reader at start-up (about 15 KB of main.js)
 * that reading plain text never calls. Open the zip, read the document, turn it into text.
 *
 * The text is mammoth's raw text (a paragraph, then a blank line; a tab as a tab) with two
 * differences, both of them something mammoth's raw text drops:
 * - a line break inside a paragraph (Shift+Enter in Word, <w:br/>) is a new line, so "三月份：" and
 *   "1、…" written on two lines of one paragraph, or two numbered items, do not run together into
 *   one line ("…活动2、…") and read as one task;
 * - a checkbox (a content control, or a legacy form field) is the box Word shows, ☒ ticked or ☐
 *   not: mammoth turns the control's glyph into a checkbox element, and a checklist would lose
 *   which of its items were done.
 */
import { read as readDocx } from "mammoth/lib/docx/docx-reader";
import { openZip } from "mammoth/lib/unzip";
import type { MammothMessage } from "mammoth";

/** The part of mammoth's document model plain text needs (mammoth/lib/documents.js). */
interface DocElement {
  type: string;
  value?: string;
  checked?: boolean;
  children?: DocElement[];
}

/** An element as plain text; a document nests only as deep as its tables do. */
function plainText(element: DocElement): string {
  switch (element.type) {
    case "text":
      return element.value ?? "";
    case "tab":
      return "\t";
    case "break":
      // A line, column or page break: the text goes on on a new line.
      return "\n";
    case "checkbox":
      // Word's own glyphs for a checkbox control (U+2612, U+2610).
      return element.checked ? "☒" : "☐";
    default: {
      const inner = (element.children ?? []).map(plainText).join("");
      return element.type === "paragraph" ? `${inner}\n\n` : inner;
    }
  }
}

export async function extractRawText(input: { arrayBuffer?: ArrayBuffer; buffer?: ArrayBuffer }): Promise<{ value: string; messages: MammothMessage[] }> {
  const docx = await openZip(input);
  const document = await readDocx(docx);
  const text = document.map((element) => plainText(element as DocElement));
  return { value: text.value, messages: text.messages };
}
