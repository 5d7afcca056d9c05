/**
 * Stand-in for @xmldom/xmldom's entity tables (lib/entities.js) in the plugin build. mammoth
 * parses every part of a .docx as "text/xml", and xmldom then resolves only the five entities XML
 * predefines; its table of 2,100 HTML entities (29 KB) is read only for "text/html", which nothing
 * here parses. HTML_ENTITIES is the XML table, so an HTML parse would still decode those five.
 *
 * Swapped in by esbuild.config.mjs (the xmldom-entities plugin: xmldom loads it by a relative path,
 * which an alias cannot reach).
 */
export const XML_ENTITIES: Readonly<Record<string, string>> = Object.freeze({ amp: "&", apos: "'", gt: ">", lt: "<", quot: '"' });
export const HTML_ENTITIES = XML_ENTITIES;
export const entityMap = HTML_ENTITIES;
