/**
 * Stand-in for mammoth's XML parser module (mammoth/lib/xml/xmldom.js) in the plugin build: the
 * platform's own DOMParser instead of @xmldom/xmldom. Obsidian runs in a browser (Electron, or a
 * mobile WebView), which has a namespace-aware XML parser; bundling xmldom cost main.js 34 KB.
 *
 * mammoth reads every part of a .docx through `parseFromString` and walks the result with the DOM
 * calls both parsers share (nodeType, namespaceURI, localName, childNodes, attributes, nodeValue).
 * xmldom reports a malformed part through an error handler, which mammoth turns into a thrown
 * error; a browser puts a <parsererror> element in the document instead, so that is thrown here.
 *
 * Swapped in by esbuild.config.mjs (mammoth loads it by a relative path, which an alias cannot reach).
 */

/** The node types mammoth's reader tells apart (xmldom's Node constants carry the same numbers). */
export const Node = { ELEMENT_NODE: 1, TEXT_NODE: 3 } as const;

export function parseFromString(text: string): Document {
  const document = new DOMParser().parseFromString(text, "text/xml");
  const error = document.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`error: ${error.textContent ?? "malformed XML"}`);
  return document;
}
