import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Chevrotain's grammar validations, skipped at run time for a fast start (grammar/parser.ts).
    env: { POLIS_GRAMMAR_CHECKS: "1" },
  },
});
