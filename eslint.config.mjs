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
    // The CLI, the tests and the bench run under Node, never inside Obsidian: Node built-ins are
    // what they are for. The plugin, shared/ and notion-sync/ keep every rule.
    files: ["cli/**/*.ts", "test/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "obsidianmd/no-nodejs-modules": "off" },
  },
);
