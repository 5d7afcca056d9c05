/**
 * The plugin's entry into mammoth: only the .docx reader and its plain-text converter. mammoth's own
 * entry also loads its HTML and Markdown writers, style-map parser and option reader at start-up
 * (about 15 KB of main.js) that reading plain text never calls. Same call, same result:
 * open the zip, read the document, turn it into text.
 */
import { read as readDocx } from "mammoth/lib/docx/docx-reader";
import { convertElementToRawText } from "mammoth/lib/raw-text";
import { openZip } from "mammoth/lib/unzip";
import type { MammothMessage } from "mammoth";

export async function extractRawText(input: { arrayBuffer?: ArrayBuffer; buffer?: ArrayBuffer }): Promise<{ value: string; messages: MammothMessage[] }> {
  const docx = await openZip(input);
  const document = await readDocx(docx);
  const text = document.map(convertElementToRawText);
  return { value: text.value, messages: text.messages };
}
