import { defineConfig } from "vitest/config";

// `npm test` must pass on a loaded 2-core machine: the work per test is
// bounded by counts (test/budget.ts), not by time, so the timeouts only catch
// a test that hangs and are far above what any test needs on an idle machine.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Chevrotain's grammar validations, skipped at run time for a fast start (grammar/parser.ts).
    env: { POLIS_GRAMMAR_CHECKS: "1" },
  },
});
