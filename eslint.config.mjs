import tseslint from "typescript-eslint";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", "main.js", "test/artifacts/**", "example-vault/**", "*.mjs", "vitest*.config.ts"],
  },
  ...obsidianmd.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: "./tsconfig.json" },
      globals: { ...globals.browser },
    },
  },
  {
    // A spread passes every item as a call argument: past about 125 k items it overflows the stack
    // (200 k month headings gave no plan; a 130 k-task index threw on every edit). Use pushAll,
    // spliceAll, maxOf, minOf (shared/collections/array-edit.ts) or a loop.
    files: ["shared/**/*.ts", "plugin/**/*.ts", "notion-sync/**/*.ts", "notion-emulator/**/*.ts", "cli/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement", message: "push/unshift/splice(...items) overflows the stack on big arrays: use pushAll / spliceAll (shared/collections/array-edit.ts)." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement", message: "Math.min/max(...items) overflows the stack on big arrays: use minOf / maxOf (shared/collections/array-edit.ts)." },
        { selector: "CallExpression[callee.object.name='String'][callee.property.name=/^fromC/] > SpreadElement", message: "String.fromCharCode(...codes) overflows the stack on big arrays: decode in chunks or use TextDecoder." },
        { selector: "CallExpression[callee.property.name='apply'] > :nth-child(2)", message: "fn.apply(this, array) has the same argument limit as a spread: loop instead." },
      ],
    },
  },
  {
    // The CLI, the Notion emulator (which `npm start` and the CLI's demo run on), the tests and
    // the bench run under Node, never inside Obsidian: Node built-ins are what they are for.
    // The plugin, shared/ and notion-sync/ keep every rule.
    files: ["cli/**/*.ts", "notion-emulator/**/*.ts", "test/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "obsidianmd/no-nodejs-modules": "off" },
  },
);
