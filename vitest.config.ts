import { defineConfig } from "vitest/config";

export default defineConfig({
  // The language-service packages ship source maps without their sources, and vite warns for each file,
  // burying the test report. Vite's own warnings say nothing about this project's code.
  logLevel: "error",
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Local servers and child processes: two cores, so keep the pool small.
    pool: "forks",
    maxWorkers: 2,
    // The Actions language service imports JSON without import attributes: let vite transform it.
    server: { deps: { inline: [/@actions\/(languageservice|workflow-parser|expressions)/] } },
  },
});
