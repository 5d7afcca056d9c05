// Builds the Obsidian plugin (main.js, sample-plugin conventions), the `union-plan` CLI and the bench.
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { resolve, sep } from "node:path";

const production = process.argv[2] === "production";

const obsidianExternals = [
  "obsidian",
  "electron",
  "@codemirror/autocomplete",
  "@codemirror/collab",
  "@codemirror/commands",
  "@codemirror/language",
  "@codemirror/lint",
  "@codemirror/search",
  "@codemirror/state",
  "@codemirror/view",
  "@lezer/common",
  "@lezer/highlight",
  "@lezer/lr",
  ...builtinModules,
];

// mammoth parses XML with @xmldom/xmldom (34 KB); the plugin runs in a browser, whose own DOMParser
// serves instead (plugin/docx/platform-xml.ts). mammoth requires its parser module by a relative
// path, which `alias` cannot reach, so a resolver swaps it.
const platformXml = {
  name: "platform-xml",
  setup(build) {
    build.onResolve({ filter: /^\.\/xmldom(\.js)?$/ }, (args) =>
      args.importer.includes(`${sep}mammoth${sep}lib${sep}xml${sep}`) ? { path: resolve("plugin/docx/platform-xml.ts") } : undefined,
    );
  },
};

const plugin = {
  entryPoints: ["plugin/main.ts"],
  bundle: true,
  external: obsidianExternals,
  format: "cjs",
  target: "es2020",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  treeShaking: true,
  minify: production,
  // Chinese UI text and patterns as UTF-8 (3 bytes a character) instead of \uXXXX escapes (6):
  // Obsidian reads main.js as UTF-8, and this keeps it well under 500 KB.
  charset: "utf8",
  outfile: "main.js",
  // mammoth is entered through its raw-text reader only (plugin/docx/mammoth-raw-text.ts), not its
  // index, which loads the HTML and Markdown writers too.
  // mammoth reads .docx through JSZip; our 3 KB reader (platform DecompressionStream) keeps main.js
  // under 500 KB. mammoth's browser entry avoids Node built-ins, so the plugin loads on mobile.
  // xmlbuilder is mammoth's XML writer (embedStyleMap): reading .docx never calls it.
  // underscore (mammoth's and lop's helper) as its own minified UMD build: its ES modules entry
  // re-exports every function and bundles about 8 KB larger.
  alias: { jszip: "./plugin/docx/jszip-lite.ts", xmlbuilder: "./plugin/docx/xmlbuilder-stub.ts", underscore: "./node_modules/underscore/underscore-umd-min.js" },
  plugins: [platformXml],
  mainFields: ["browser", "module", "main"],
};

// The CLI and the bench run under Node: Node built-ins stay external, npm packages are bundled.
const node = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
  sourcemap: "inline",
};

const builds = [
  plugin,
  { ...node, entryPoints: ["cli/main.ts"], outfile: "dist/cli.cjs", banner: { js: "#!/usr/bin/env node" } },
  { ...node, entryPoints: ["test/bench/memory-child.ts"], outfile: "dist/bench-memory.cjs" },
  // The bench drives the plugin's index over the in-memory fake of Obsidian, and Chromium via playwright-core.
  {
    ...node,
    entryPoints: ["test/bench/main.ts"],
    outfile: "dist/bench.cjs",
    external: ["playwright-core", "esbuild"],
    alias: { obsidian: "./test/fakes/obsidian.ts" },
  },
];

// The example vault carries the built plugin, so opening it in Obsidian shows union-plan working.
function installIntoExampleVault() {
  const dir = "example-vault/.obsidian/plugins/union-plan";
  mkdirSync(dir, { recursive: true });
  for (const file of ["main.js", "manifest.json", "styles.css"]) if (existsSync(file)) copyFileSync(file, `${dir}/${file}`);
}

if (production) {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  installIntoExampleVault();
} else {
  const ctx = await esbuild.context(plugin);
  await ctx.watch();
}
