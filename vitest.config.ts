import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Slow fault tests: `npm run test:faults` (vitest.faults.config.ts), which .ci/run also runs.
    exclude: [...configDefaults.exclude, "test/faults/slow/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Two cores: more workers only add contention; each file gets its own Redis and PostgreSQL databases.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
