import { defineConfig } from "vitest/config";

// Real Chromium (Debian `chromium`) driven by playwright-core; see test/browser/harness.ts.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
