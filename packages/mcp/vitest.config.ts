import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["../testing/src/prism-global-setup.ts"],
    testTimeout: 30_000,
  },
});
