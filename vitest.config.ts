import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests run the plugin against an in-memory fake of Obsidian's API.
    alias: { obsidian: fileURLToPath(new URL("./test/fakes/obsidian.ts", import.meta.url)) },
  },
  test: {
    testTimeout: 20000,
    // One seed for every property test unless a search asks for another (see the file).
    setupFiles: ["test/property-seed.ts"],
    projects: [
      {
        extends: true,
        test: { name: "all", include: ["test/**/*.test.ts"], exclude: ["test/browser/**", "node_modules/**"] },
      },
      {
        // The Notion sync suite again, speaking Notion-Version 2026-03-11 (test/notion-sync/world.ts
        // reads the variable): the mirror must work under both versions Notion answers to.
        extends: true,
        test: { name: "notion-2026-03-11", include: ["test/notion-sync/**/*.test.ts"], env: { UNION_PLAN_NOTION_VERSION: "2026-03-11" } },
      },
    ],
  },
});
