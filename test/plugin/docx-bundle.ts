/**
 * mammoth's raw-text reader bundled as esbuild.config.mjs bundles it into main.js (the same
 * stand-ins), for the tests that read a .docx through that bundle: in Node (docx-bundle.test.ts)
 * and in Chromium (test/browser/docx-import.test.ts).
 */
import { join, sep } from "node:path";
import type { BuildOptions, Plugin } from "esbuild";

/** As esbuild.config.mjs does: mammoth's ./xmldom becomes plugin/docx/platform-xml.ts. */
function platformXml(root: string): Plugin {
  return {
    name: "platform-xml",
    setup(build) {
      build.onResolve({ filter: /^\.\/xmldom(\.js)?$/ }, (args) =>
        args.importer.includes(`${sep}mammoth${sep}lib${sep}xml${sep}`) ? { path: join(root, "plugin/docx/platform-xml.ts") } : undefined,
      );
    },
  };
}

/** Options for a bundle whose one export is extractRawText (`globalName` set: an IIFE for a page; else CommonJS). */
export function docxBundleOptions(root: string, globalName?: string): BuildOptions & { write: false } {
  const entry = globalName ? 'export { extractRawText } from "./plugin/docx/mammoth-raw-text.ts";' : 'module.exports = require("./plugin/docx/mammoth-raw-text.ts").extractRawText;';
  return {
    stdin: { contents: entry, resolveDir: root, loader: globalName ? "ts" : "js" },
    bundle: true,
    write: false,
    format: globalName ? "iife" : "cjs",
    globalName,
    platform: "browser",
    mainFields: ["browser", "module", "main"],
    alias: { jszip: "./plugin/docx/jszip-lite.ts", xmlbuilder: "./plugin/docx/xmlbuilder-stub.ts", underscore: "./node_modules/underscore/underscore-umd-min.js" },
    plugins: [platformXml(root)],
    logLevel: "silent",
  };
}
