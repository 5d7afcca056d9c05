/**
 * Stand-in for `xmlbuilder` in the plugin build. mammoth requires it only to write XML (its
 * embedStyleMap); the plugin reads .docx with extractRawText and never writes one, so the 44 KB
 * library stays out of main.js. Called anyway, it says so rather than doing something wrong.
 */
export function create(): never {
  throw new Error("union-plan 只读取 .docx，不写入 / union-plan reads .docx files only; writing XML is not in this build");
}
